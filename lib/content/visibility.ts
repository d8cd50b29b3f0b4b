/**
 * Computed-style visibility, where the browser can tell: `display:none`, `visibility:hidden`,
 * `content-visibility:hidden` (and auto-skipped) and `opacity:0` subtrees are not read. `display:contents`
 * elements have no box of their own but their children show.
 */
export function browserIsHidden(element: Element): boolean {
  const el = element as Element & { checkVisibility?: (o: object) => boolean };
  if (typeof el.checkVisibility !== 'function') return false;
  if (el.checkVisibility({ visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: false })) return false;
  const win = element.ownerDocument.defaultView;
  return !win || win.getComputedStyle(element).display !== 'contents';
}
