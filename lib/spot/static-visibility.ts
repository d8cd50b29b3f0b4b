/**
 * Hidden text where there is no layout to ask (the scan CLI, the precision harness): the class names sites
 * use for text kept only for screen readers or hidden by script, besides the `hidden` attribute and inline
 * styles that extract.ts already reads.
 */
import { getAttribute } from '../dom/safe-dom';

const HIDDEN_CLASSES = /(?:^|\s)(?:hidden|is-hidden|u-hidden|sr-only|sr-only-focusable|visually-?hidden|visuallyhidden|screen-?reader-?(?:text|only)|a11y-?hidden|offscreen|off-screen|element-invisible|hide|d-none)(?:$|\s)/i;

export function staticIsHidden(element: Element): boolean {
  const cls = getAttribute(element, 'class');
  return cls !== null && HIDDEN_CLASSES.test(cls);
}
