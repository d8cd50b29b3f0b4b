/**
 * Computed-style visibility, where the browser can tell. The walk skips a hidden element's whole subtree and
 * checks the ancestors of where it starts, so only the element's own style matters: `display:none`,
 * `visibility:hidden`, `opacity:0`, and `content-visibility:hidden` (its contents are not rendered).
 * `display:contents` elements have no box of their own but their children show.
 */
export function browserIsHidden(element: Element): boolean {
  const win = element.ownerDocument.defaultView;
  if (!win) return false;
  const style = win.getComputedStyle(element);
  if (style.display === 'none') return true;
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return true;
  if (style.opacity === '0') return true;
  return (style as CSSStyleDeclaration & { contentVisibility?: string }).contentVisibility === 'hidden';
}

const BLOCK_DISPLAY = /^(?:block|flex|grid|list-item|table|table-row|table-cell|table-caption|flow-root|flow|-webkit-box)\b/;
const BLOCK_TAG_LIKE = new Set(['span', 'a', 'em', 'strong', 'b', 'i', 'small', 'time', 'cite', 'q', 'abbr', 'mark', 'u', 's', 'sup', 'sub', 'font', 'label']);

/**
 * Whether the page's CSS lays out an inline element as a block ("said." and a caption credit in a
 * display:block span must not read "said.Credit"). Only inline tags are asked: block tags already separate.
 */
export function browserRendersAsBlock(element: Element): boolean {
  if (!BLOCK_TAG_LIKE.has(element.localName)) return false;
  const win = element.ownerDocument.defaultView;
  return win !== null && BLOCK_DISPLAY.test(win.getComputedStyle(element).display);
}
