/**
 * Computed-style visibility, where the browser can tell. The walk skips a hidden element's whole subtree and
 * checks the ancestors of where it starts, so only the element's own style matters: `display:none`,
 * `visibility:hidden`, `opacity:0`, and `content-visibility:hidden` (its contents are not rendered).
 * `display:contents` elements have no box of their own but their children show.
 */
export function browserIsHidden(element: Element): boolean {
  // Most elements need no style object: the browser's own check is one native call. Inline tags are read in
  // full, since whether they render as blocks is asked next (from the same style object, see styleOf).
  if (typeof (element as { checkVisibility?: unknown }).checkVisibility === 'function' && !BLOCK_TAG_LIKE.has(element.localName)) {
    // An element inside a content-visibility:hidden one fails this check too, so its contents are skipped.
    return !element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  }
  const style = styleOf(element);
  if (!style) return false;
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
  const style = styleOf(element);
  return style !== null && BLOCK_DISPLAY.test(style.display);
}

/**
 * One computed style per element per walk: the visibility check and the block check ask for the same
 * element one after the other, and getComputedStyle allocates a new object each time.
 */
let lastElement: WeakRef<Element> | null = null;
let lastStyle: CSSStyleDeclaration | null = null;
function styleOf(element: Element): CSSStyleDeclaration | null {
  if (lastElement?.deref() === element) return lastStyle;
  const win = element.ownerDocument.defaultView;
  lastElement = new WeakRef(element);
  lastStyle = win ? win.getComputedStyle(element) : null;
  return lastStyle;
}
