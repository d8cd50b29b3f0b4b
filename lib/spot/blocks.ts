/** What a block is, in one place: text on either side of a block boundary never runs together. */
import { localName, parentElement, elementOf } from '../dom/safe-dom';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p', 'section', 'search',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Blocks of running text (paragraphs, list items, quotes, captions, headings, cells): what an article's text is
 * cut into, when a pack is built from a saved page (html-article.ts) and when reading memory keeps one
 * (reading-snapshot.ts).
 */
export const TEXT_BLOCK_TAGS: readonly string[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'blockquote', 'figcaption', 'pre', 'td', 'th', 'dd', 'dt'];

export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(localName(element));
}

/** The nearest block element around a node (itself when it is one), or null above the document element. */
export function nearestBlock(node: Node): Element | null {
  let el = elementOf(node);
  while (el && !isBlock(el)) el = parentElement(el);
  return el;
}
