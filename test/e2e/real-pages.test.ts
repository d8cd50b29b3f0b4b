import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { highlightCount, launchExtension, type ExtensionBrowser } from '../../support/browser';
import { startServer, type PageServer } from '../../support/server';

let browser: ExtensionBrowser;
let server: PageServer;
const pages = readdirSync('test/fixtures/pages').filter((f) => f.endsWith('.html')).sort();
const rows: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchExtension();
});

afterAll(async () => {
  console.log(['page | mentions | idle→first highlights ms | idle→all ms | longest slice ms | extension main-thread ms', ...rows].join('\n'));
  await browser?.close();
  await server?.close();
});

/** Highlights inside regions that must never be scanned, judged in the page with the same rules a reader would. */
const EXCLUDED_HITS = (): number => {
  const excluded = 'script, style, noscript, template, textarea, input, select, button, code, pre, kbd, samp, svg, math, iframe, nav, [role="navigation"], [role="banner"], [role="contentinfo"], [hidden], [aria-hidden="true"], [contenteditable]:not([contenteditable="false"])';
  let hits = 0;
  CSS.highlights.forEach((h, name) => {
    if (!name.startsWith('backstory-')) return;
    for (const r of h) {
      const el = r.startContainer.parentElement;
      if (!el) continue;
      if (el.closest(excluded)) hits++;
      const chrome = el.closest('header, footer');
      if (chrome && !chrome.parentElement?.closest('article, main, [role="main"]')) hits++;
    }
  });
  return hits;
};

test.each(pages)('%s: no extension errors, nothing highlighted in excluded regions, DOM unchanged', async (name) => {
  const errorsBefore = browser.extensionErrors.length;
  const logsBefore = browser.logs.length;
  // First the page as saved, its own scripts included: errors, timings, excluded regions.
  const page = await browser.context.newPage();
  await page.goto(server.url(`/fixtures/${name}`), { waitUntil: 'domcontentloaded' });
  await expect.poll(() => browser.logs.slice(logsBefore).find((l) => l.includes('longest slice')), { timeout: 20_000 }).toBeTruthy();
  const line = browser.logs.slice(logsBefore).find((l) => l.includes('longest slice')) ?? '';
  const [first, all, longest, work] = [/first highlights (-?[\d.]+)/, /all ([\d.]+)/, /longest slice ([\d.]+)/, /work ([\d.]+)/].map((re) => Number(re.exec(line)?.[1]));
  const mentions = await highlightCount(page);
  rows.push(`${name} | ${mentions} | ${first !== undefined && first >= 0 ? first.toFixed(1) : '–'} | ${all?.toFixed(1)} | ${longest?.toFixed(1)} | ${work?.toFixed(1)}`);
  expect(await page.evaluate(EXCLUDED_HITS)).toBe(0);
  expect(browser.extensionErrors.slice(errorsBefore)).toEqual([]);
  expect(longest).toBeLessThan(50);
  await page.close();

  // Then the same markup without the page's own scripts, so every DOM change after parsing is Backstory's.
  const logsMid = browser.logs.length;
  const still = await browser.context.newPage();
  await still.goto(server.url(`/captured/${name}`), { waitUntil: 'domcontentloaded' });
  await expect.poll(() => browser.logs.slice(logsMid).some((l) => l.includes('longest slice')), { timeout: 20_000 }).toBe(true);
  const dom = await still.evaluate(() => {
    const clone = document.cloneNode(true) as Document;
    clone.querySelectorAll(':root > div[style*="2147483647"]').forEach((e) => e.remove());
    return { before: (window as unknown as { __before?: string }).__before ?? '', after: new XMLSerializer().serializeToString(clone), hosts: document.querySelectorAll(':root > div[style*="2147483647"]').length };
  });
  expect(dom.hosts).toBeLessThanOrEqual(1);
  expect(dom.before.length).toBeGreaterThan(0);
  expect(dom.after).toBe(dom.before);
  expect(browser.extensionErrors.slice(errorsBefore)).toEqual([]);
  await still.close();
});
