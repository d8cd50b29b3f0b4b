/**
 * Where the reader's eyes are when the page did not open at its top: the fragment's target, or, on a reload
 * or a back/forward visit (restored scroll), the block at the top of the viewport, read after a frame so
 * that asking for the scroll position forces no layout. Null on an ordinary visit, which opens at the top,
 * where document order already starts with what is visible.
 */
import { elementOf } from '../dom/safe-dom';
import { nearestBlock } from '../spot/blocks';
import { caretAt } from './hit-test';

export async function visibleBlock(doc: Document, signal: AbortSignal): Promise<Element | null> {
  const win = doc.defaultView;
  if (!win) return null;
  let node: Node | null = null;
  if (doc.location.hash.length > 1) {
    let id = doc.location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Keep the raw fragment.
    }
    node = doc.getElementById(id) ?? doc.getElementsByName(id)[0] ?? null;
  } else {
    const nav = win.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (nav?.type !== 'reload' && nav?.type !== 'back_forward') return null;
    await new Promise((resolve) => win.requestAnimationFrame(() => win.setTimeout(resolve, 0)));
    if (signal.aborted || win.scrollY === 0) return null;
    // The caret API finds the nearest text even when the point falls in a margin between paragraphs.
    node = caretAt(doc, win.innerWidth / 2, Math.min(40, win.innerHeight / 4))?.node ?? null;
  }
  const el = node ? nearestBlock(elementOf(node) ?? node) : null;
  return el && el !== doc.body && el !== doc.documentElement ? el : null;
}
