/**
 * What Firefox tests read from a page over WebDriver BiDi, as expressions evaluated in the page: what a page
 * itself could learn (the card sits in a closed shadow root, so it is found by hit-testing its host).
 */

/** How many ranges Backstory highlights (the marked "active" mention left out). */
export const HIGHLIGHT_COUNT = `(() => { let n = 0; CSS.highlights.forEach((h, name) => { if (name.startsWith('backstory-') && name !== 'backstory-active') n += h.size; }); return n; })()`;

/** The highlighted texts, in registration order. */
export const HIGHLIGHT_TEXTS = `(() => { const out = []; CSS.highlights.forEach((h, name) => { if (!name.startsWith('backstory-') || name === 'backstory-active') return; for (const r of h) { const range = document.createRange(); range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset); out.push(range.toString()); } }); return out; })()`;

/** Whether the card is showing: some point of the viewport hits the card's host element. */
export const CARD_OPEN = `(() => {
  for (let y = 10; y < innerHeight; y += 20) for (let x = 10; x < innerWidth; x += 40) {
    const el = document.elementFromPoint(x, y);
    if (el && el.matches(':root > div[style*="2147483647"]')) return true;
  }
  return false;
})()`;

/** The card host's box in the viewport as [left, top, right, bottom] (Infinity and -1 when none). */
export const CARD_BOX = `(() => {
  let l = Infinity, t = Infinity, r = -1, b = -1;
  for (let y = 0; y < innerHeight; y += 4) for (let x = 0; x < innerWidth; x += 4) {
    const el = document.elementFromPoint(x, y);
    if (el && el.matches(':root > div[style*="2147483647"]')) { l = Math.min(l, x); t = Math.min(t, y); r = Math.max(r, x); b = Math.max(b, y); }
  }
  return [l, t, r, b];
})()`;

/**
 * The centre of the first occurrence of `text` under `root` as [x, y] (or null), after scrolling its block
 * into view when `scroll` says where.
 */
export function locateText(text: string, { root = 'article', scroll }: { root?: 'article' | 'body'; scroll?: 'center' | 'start' } = {}): string {
  return `(() => {
    const w = document.createTreeWalker(document.querySelector(${JSON.stringify(root)}), NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const at = n.data.indexOf(${JSON.stringify(text)});
      if (at < 0) continue;
      const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + ${text.length});
      ${scroll ? `n.parentElement.scrollIntoView({ block: ${JSON.stringify(scroll)} });` : ''}
      const b = r.getClientRects()[0];
      return [b.left + b.width / 2, b.top + b.height / 2];
    }
    return null;
  })()`;
}
