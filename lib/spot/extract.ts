/**
 * Collects the readable text of a DOM subtree with a map back to its text nodes. Pure DOM reading: it takes a
 * root node and works with any standard DOM (the browser, happy-dom). The walk is resumable, so a caller can
 * spread a huge page over many short tasks.
 */
import { BLOCK_SEPARATOR } from './fold';

export interface TextChunk {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data begins. */
  starts: number[];
}

export interface CollectOptions {
  /** Extra visibility test for elements (the browser passes a computed-style check). */
  isHidden?: (element: Element) => boolean;
  /** Local name of the extension's own host element, never scanned. */
  ownHostName?: string;
}

const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  'button', 'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'canvas', 'video', 'audio', 'picture', 'img', 'nav', 'head', 'title', 'meta', 'link', 'dialog',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'ol', 'p', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'search', 'li', 'option', 'nav', 'aside',
]);

const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar']);
const MAIN_SELECTOR = 'article, main, [role="main"]';
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\b/i;

function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName);
}

/** True when the element and everything inside it must not be scanned. */
export function isExcluded(element: Element, options: CollectOptions): boolean {
  const tag = element.localName;
  if (SKIPPED_TAGS.has(tag) || tag === options.ownHostName) return true;
  if ((tag === 'header' || tag === 'footer') && !element.parentElement?.closest(MAIN_SELECTOR)) return true;
  if (element.attributes.length > 0) {
    if (element.hasAttribute('hidden')) return true;
    if (element.getAttribute('aria-hidden') === 'true') return true;
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
    const role = element.getAttribute('role');
    if (role !== null && SKIPPED_ROLES.has(role.trim().toLowerCase())) return true;
    const style = element.getAttribute('style');
    if (style !== null && HIDDEN_STYLE.test(style)) return true;
  }
  return options.isHidden?.(element) ?? false;
}

export class TextCollector {
  private node: Node | null;
  private pendingBreak = false;
  private done = false;

  /** Walks `root`; with `start` (a node inside root) it begins there and goes on in document order. */
  constructor(
    private readonly root: Node,
    private readonly options: CollectOptions = {},
    start?: Node,
  ) {
    this.node = start ?? root.firstChild;
    if (root.nodeType === 1 && isExcluded(root as Element, options)) this.node = null;
  }

  get finished(): boolean {
    return this.done;
  }

  /**
   * Collects text until at least `minChars` were gathered and a block boundary is reached, or until
   * `shouldYield` says stop at a block boundary. Returns null when the subtree is exhausted.
   */
  next(minChars = Infinity, shouldYield?: () => boolean): TextChunk | null {
    if (this.done) return null;
    const parts: string[] = [];
    const nodes: Text[] = [];
    const starts: number[] = [];
    let length = 0;
    let visited = 0;
    let node = this.node;
    while (node) {
      if (this.pendingBreak && length > 0) {
        if (length >= minChars || ((++visited & 31) === 0 && shouldYield?.() === true)) break;
      }
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data.length > 0) {
          if (this.pendingBreak && length > 0) {
            parts.push(BLOCK_SEPARATOR);
            length += 1;
          }
          this.pendingBreak = false;
          nodes.push(node as Text);
          starts.push(length);
          parts.push(data);
          length += data.length;
        }
        node = this.after(node);
      } else if (node.nodeType === 1) {
        const element = node as Element;
        if (isExcluded(element, this.options)) {
          this.pendingBreak = true;
          node = this.after(element);
        } else {
          if (isBlock(element)) this.pendingBreak = true;
          node = element.firstChild ?? this.after(element);
        }
      } else {
        node = this.after(node);
      }
    }
    this.node = node;
    if (!node) this.done = true;
    if (nodes.length === 0) return this.done ? null : { text: '', nodes, starts };
    return { text: parts.join(''), nodes, starts };
  }

  /** The next node in document order after `node`'s subtree, noting the blocks that close on the way. */
  private after(node: Node): Node | null {
    let current: Node | null = node;
    while (current && current !== this.root) {
      if (current.nodeType === 1 && isBlock(current as Element)) this.pendingBreak = true;
      if (current.nextSibling) return current.nextSibling;
      current = current.parentNode;
    }
    return null;
  }
}

/** The whole text of a subtree in one chunk. */
export function collectText(root: Node, options: CollectOptions = {}): TextChunk {
  const chunk = new TextCollector(root, options).next();
  return chunk ?? { text: '', nodes: [], starts: [] };
}
