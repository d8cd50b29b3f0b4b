/** Picks the card's colour scheme: the user's choice, or the page's own (dark page -> dark card). */
import type { Settings } from '../settings/schema';

function parseRgb(color: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(color);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

export function pageLooksDark(doc: Document): boolean {
  const win = doc.defaultView;
  if (!win) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgb = parseRgb(win.getComputedStyle(el).backgroundColor);
    if (rgb && rgb[3] > 0.5) {
      const [r, g, b] = rgb;
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
    }
  }
  const scheme = win.getComputedStyle(doc.documentElement).colorScheme;
  if (scheme === 'dark') return true;
  return false;
}

export function cardIsDark(settings: Settings, doc: Document): boolean {
  if (settings.theme === 'dark') return true;
  if (settings.theme === 'light') return false;
  return pageLooksDark(doc);
}
