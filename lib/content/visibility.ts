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
