/**
 * Collects the readable text of a DOM subtree with a map back to its text nodes. Pure DOM reading through
 * clobber-proof accessors: it takes a root node and works with any standard DOM (the browser, happy-dom).
 * The walk is resumable and bounded by characters, not by nodes, so a caller can spread a huge page, a huge
 * text node or a huge inline run over many short tasks.
 */
import {
  attributeCount, firstChild, getAttribute, hasAttribute, isConnected, isElement, isText, localName, nextSibling,
  parentElement, parentNode, closestWhere, queryFirst,
} from '../dom/safe-dom';
import type { ReadingRegion } from './reading-region';
import { isBlock } from './blocks';
import { BLOCK_SEPARATOR } from './fold';

export interface TextChunk {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's piece begins. */
  starts: number[];
  /** Offset in each node's data where its piece begins (0 unless a long node was split across chunks). */
  offsets: number[];
}

export interface CollectOptions {
  /** Extra visibility test for elements (the browser passes a computed-style check). */
  isHidden?: (element: Element) => boolean;
  /** The extension's own host element (made only when a card first needs it), never scanned. */
  isOwnHost?: (element: Element) => boolean;
  /** Which parts of the page a reader reads (see reading-region.ts); without it, all but navigation. */
  region?: ReadingRegion;
  /** Whether the page's CSS renders an inline element as a block (then its text does not run into the next). */
  rendersAsBlock?: (element: Element) => boolean;
}

const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  'button', 'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'canvas', 'video', 'audio', 'picture', 'img', 'nav', 'head', 'title', 'meta', 'link', 'dialog',
]);

const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar']);
const MAIN_TAGS = new Set(['article', 'main']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\b/i;
/** Where a long piece of text may be cut: after a sentence, else at a space (searched this far back). */
const CUT_SEARCH = 400;

function isMainLandmark(el: Element): boolean {
  return MAIN_TAGS.has(localName(el)) || getAttribute(el, 'role') === 'main';
}

/** A page-level header or banner that holds an h1 holds the article's headline, not site chrome. */
function holdsHeadline(element: Element): boolean {
  return queryFirst(element, 'h1', 1).length > 0;
}

/** True when the element and everything inside it must not be scanned. */
export function isExcluded(element: Element, options: CollectOptions): boolean {
  const tag = localName(element);
  if (SKIPPED_TAGS.has(tag) || options.isOwnHost?.(element) === true) return true;
  if ((tag === 'header' || tag === 'footer')) {
    const parent = parentElement(element);
    if ((!parent || !closestWhere(parent, isMainLandmark)) && (tag === 'footer' || !holdsHeadline(element))) return true;
  }
  if (attributeCount(element) > 0) {
    if (hasAttribute(element, 'hidden')) return true;
    if (getAttribute(element, 'aria-hidden') === 'true') return true;
    const editable = getAttribute(element, 'contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
    const role = getAttribute(element, 'role');
    if (role !== null && SKIPPED_ROLES.has(role.trim().toLowerCase()) && !(role.trim().toLowerCase() === 'banner' && holdsHeadline(element))) return true;
    const style = getAttribute(element, 'style');
    if (style !== null && HIDDEN_STYLE.test(style)) return true;
  }
  if (options.region?.excludes(element) === true) return true;
  return options.isHidden?.(element) ?? false;
}

/** True when the node sits inside an excluded element (or is one). */
export function isInsideExcluded(node: Node, options: CollectOptions): boolean {
  return closestWhere(node, (el) => isExcluded(el, options)) !== null;
}

/** A cut point in `data` at or before `limit` (and after `from`): after a sentence or line, else at a space. */
function cutPoint(data: string, from: number, limit: number): number {
  const floor = Math.max(from + 1, limit - CUT_SEARCH);
  let space = -1;
  for (let i = limit; i > floor; i--) {
    const c = data.charCodeAt(i - 1);
    if (c === 10 || ((c === 32 || c === 160) && i - 2 >= from && /[.!?;:]/.test(data.charAt(i - 2)))) return i;
    if (space < 0 && (c === 32 || c === 9 || c === 160)) space = i;
  }
  return space > 0 ? space : limit;
}

export class TextCollector {
  private node: Node | null;
  /** How far into `node` (a text node) the walk has read, when a long node is split. */
  private offset = 0;
  private pendingBreak = false;
  private done = false;

  /** Walks `root`; with `start` (a node inside root) it begins there and goes on in document order. */
  constructor(
    private readonly root: Node,
    private readonly options: CollectOptions = {},
    start?: Node,
  ) {
    this.node = start ?? firstChild(root);
    if (isElement(root) && isExcluded(root, options)) this.node = null;
  }

  get finished(): boolean {
    return this.done;
  }

  /**
   * Where the walk would go on, for a caller that resumes after yielding. When the page removed the node
   * the walk stood on, the walk cannot go on from it; `lost` says so and the caller rescans.
   */
  get lost(): boolean {
    return this.node !== null && !isConnected(this.node) && isConnected(this.root);
  }

  /**
   * Collects text until at least `minChars` were gathered and a block boundary is reached, or `shouldYield`
   * says stop at a block boundary, and never more than `maxChars` (cut inside a long inline run or a long
   * text node at a sentence or a space). When `shouldYield` says stop before any text was read, the chunk is
   * empty and the walk goes on from there. Returns null when the subtree is exhausted.
   */
  next(minChars = Infinity, shouldYield?: () => boolean, maxChars = minChars === Infinity ? Infinity : Math.max(minChars * 4, 4_000)): TextChunk | null {
    if (this.done) return null;
    const parts: string[] = [];
    const nodes: Text[] = [];
    const starts: number[] = [];
    const offsets: number[] = [];
    let length = 0;
    let visited = 0;
    let node = this.node;
    let endsAtSpace = false;
    while (node) {
      if (length > 0) {
        if (this.pendingBreak && (length >= minChars || ((++visited & 31) === 0 && shouldYield?.() === true))) break;
        // A long run with no block boundary (200,000 spans in one div): cut where a word ends.
        if (length >= maxChars && (endsAtSpace || length >= maxChars * 2)) break;
      } else if ((++visited & 31) === 0 && shouldYield?.() === true) {
        // Nothing read yet, only elements judged and passed over (chrome, a long run of excluded blocks):
        // an empty chunk ends the slice here, and the walk goes on from this node.
        break;
      }
      if (isText(node)) {
        const data = node.data;
        const from = this.offset;
        if (data.length > from) {
          if (this.pendingBreak && length > 0) {
            parts.push(BLOCK_SEPARATOR);
            length += 1;
          }
          this.pendingBreak = false;
          // Only a long node is cut inside; a short one that crosses the limit is taken whole.
          const room = Math.max(maxChars - length, CUT_SEARCH);
          const to = data.length - from > maxChars && data.length - from > room ? cutPoint(data, from, from + room) : data.length;
          nodes.push(node);
          starts.push(length);
          offsets.push(from);
          parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
          length += to - from;
          endsAtSpace = /\s$/.test(data.charAt(to - 1));
          if (to < data.length) {
            this.offset = to;
            break;
          }
        }
        this.offset = 0;
        node = this.after(node);
      } else if (isElement(node)) {
        if (isExcluded(node, this.options)) {
          this.pendingBreak = true;
          node = this.after(node);
        } else {
          if (isBlock(node) || this.options.rendersAsBlock?.(node) === true) this.pendingBreak = true;
          node = firstChild(node) ?? this.after(node);
        }
      } else {
        node = this.after(node);
      }
    }
    this.node = node;
    if (!node) this.done = true;
    if (nodes.length === 0) return this.done ? null : { text: '', nodes, starts, offsets };
    return { text: parts.join(''), nodes, starts, offsets };
  }

  /** The next node in document order after `node`'s subtree, noting the blocks that close on the way. */
  private after(node: Node): Node | null {
    let current: Node | null = node;
    while (current && current !== this.root) {
      if (isElement(current) && (isBlock(current) || this.options.rendersAsBlock?.(current) === true)) this.pendingBreak = true;
      const sibling = nextSibling(current);
      if (sibling) return sibling;
      current = parentNode(current);
    }
    return null;
  }
}

/** The whole text of a subtree in one chunk. */
export function collectText(root: Node, options: CollectOptions = {}): TextChunk {
  const chunk = new TextCollector(root, options).next();
  return chunk ?? { text: '', nodes: [], starts: [], offsets: [] };
}
