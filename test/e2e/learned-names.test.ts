/**
 * Names learned from reading, end to end in Chromium: two articles on two sites name someone no pack knows;
 * once both are kept, the background learns the name in its offscreen document (no page involved), a third
 * page (after the service worker was stopped) highlights it in the learned style and its card says where it
 * was read; dismissed in the options page,
 * it is highlighted nowhere and never learned again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { highlightedTexts, hoverText, launchExtension, openExtensionPage, openPage, readCard, type ExtensionBrowser } from '../../support/browser';
import { shortArticlePage } from '../../support/sample-pages';
import { startServer, type PageServer } from '../../support/server';

let browser: ExtensionBrowser;
let server: PageServer;
const NAME = 'Ilse Vandermeer';

/** The same server under another host name: another site to the extension. */
const otherSite = (url: string): string => url.replace('127.0.0.1', 'localhost');

async function learnedList(): Promise<string> {
  const options = await openExtensionPage(browser, 'options.html');
  await options.waitForSelector('#reading-stats');
  await expect.poll(() => options.locator('#reading-stats').textContent()).not.toMatch(/Reading what is kept/);
  const text = (await options.locator('.learned').textContent()) ?? '';
  await options.close();
  return text;
}

const learnedHighlights = async (page: Page): Promise<string[]> => (await highlightedTexts(page)).filter((h) => h.type === 'learned').map((h) => h.text);

beforeAll(async () => {
  server = await startServer();
  server.route('/a.html', shortArticlePage('Envoy tours the Black Sea coast', `NATO envoy ${NAME} visited the port with Romanian officials on Monday.`));
  server.route('/b.html', shortArticlePage('Allies meet in Bucharest', `${NAME} told NATO ministers that air defences on the coast would grow.`));
  server.route('/c.html', shortArticlePage('What the envoy said', `In Warsaw, ${NAME} repeated the pledge, and ministers agreed.`));
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('names learned from reading', () => {
  test('a name read on two sites is learned off the page, highlighted in its own style with a card of where it was read, and dismissed for good', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    await options.getByLabel(/Remember what I read/).check();
    await options.waitForTimeout(600);
    await options.close();

    // Two articles on two sites, read at the same time past the dwell.
    const a = await openPage(browser, server.url('/a.html'), 1);
    const b = await openPage(browser, otherSite(server.url('/b.html')), 1);
    await expect.poll(() => browser.logs.filter((l) => l.includes('reading memory: sent')).length, { timeout: 40_000, interval: 500 }).toBe(2);
    await a.close();
    await b.close();
    await expect.poll(() => learnedList(), { timeout: 20_000, interval: 1_000 }).toMatch(new RegExp(`${NAME} \\(Person, new\\): read in 2 articles on 2 sites`));
    // Where it ran, as the options page says: not on a page.
    expect(await learnedList()).toMatch(/Last read for names: \d+ articles? in [\d.]+ m?s, in a worker of Backstory's offscreen document, not on the\s+pages you read/);

    // What was acknowledged survives the service worker being stopped: C is read with a cold background.
    const blank = await browser.context.newPage();
    const session = await browser.context.newCDPSession(blank);
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await session.detach();
    await blank.close();

    const c = await openPage(browser, server.url('/c.html'), 1);
    await expect.poll(() => learnedHighlights(c), { timeout: 5_000 }).toEqual([NAME]);
    await hoverText(c, NAME);
    await expect.poll(async () => (await readCard(c)).text, { timeout: 5_000 }).toMatch(/learned from your reading: 2 articles on 2 sites/);
    const card = (await readCard(c)).text;
    expect(card).toContain('Envoy tours the Black Sea coast');
    expect(card).toContain('Allies meet in Bucharest');
    expect(card).toContain(`NATO envoy ${NAME} visited the port with Romanian officials on Monday.`);
    await c.close();

    const manage = await openExtensionPage(browser, 'options.html');
    await manage.getByRole('button', { name: `Dismiss ${NAME}` }).click();
    await expect.poll(() => manage.locator('.learned').textContent()).toMatch(new RegExp(`${NAME} \\(Person, dismissed\\)`));
    await manage.close();
    // C names nobody a pack knows: with the name dismissed, nothing on it is highlighted.
    const scans = (): number => browser.logs.filter((l) => l.includes('first highlights')).length;
    const before = scans();
    const again = await openPage(browser, server.url('/c.html'));
    await expect.poll(scans, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await learnedHighlights(again)).toEqual([]);
    await again.close();
    expect(browser.extensionErrors).toEqual([]);
  }, 120_000);
});
