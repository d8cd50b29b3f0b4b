/**
 * An element's text read only as far as a question needs. `textContent` reads and copies a whole subtree: on
 * a long page, asking it of every link-dense container or every list item (each nested in the next) reads
 * the same text again per level and holds the main thread in one call. These walk the same text nodes in the
 * same order and stop at the bound, so a question about a short text costs a short text.
 */
import { firstChild, isText, nextSibling, parentNode } from './safe-dom';

/** The node after `node` in document order, inside `root` (null past its end). */
function nextInside(node: Node, root: Node): Node | null {
  const child = firstChild(node);
  if (child) return child;
  for (let current: Node | null = node; current && current !== root; current = parentNode(current)) {
    const sibling = nextSibling(current);
    if (sibling) return sibling;
  }
  return null;
}

/** The length of the element's text, counted up to `limit`: `limit` when it is that long or longer. */
export function textLengthUpTo(element: Element, limit: number): number {
  let length = 0;
  for (let node = firstChild(element); node && length < limit; node = nextInside(node, element)) {
    if (isText(node)) length += node.data.length;
  }
  return Math.min(length, limit);
}

/** The element's text (what `textContent` gives) when it is at most `max` characters long, else null. */
export function textUpTo(element: Element, max: number): string | null {
  const parts: string[] = [];
  let length = 0;
  for (let node = firstChild(element); node; node = nextInside(node, element)) {
    if (!isText(node)) continue;
    length += node.data.length;
    if (length > max) return null;
    parts.push(node.data);
  }
  return parts.join('');
}
