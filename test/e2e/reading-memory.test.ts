/**
 * Reading memory, end to end in Chromium: switched on in the options page, an article read for the dwell is
 * kept; on another article, NATO's card lists what was read about NATO in the first, with its link; "Forget
 * everything" empties the store, and the card no longer says it. Off by default: nothing is kept before.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hoverText, launchExtension, openExtensionPage, openPage, readCardWithDetails, type ExtensionBrowser } from '../../support/browser';
import { oldReadArticle, shortArticlePage } from '../../support/sample-pages';
import { readingFileText } from '../../lib/reading/reading-file';
import type { ReadArticle } from '../../lib/reading/reading-record';
import { startServer, type PageServer } from '../../support/server';

/** What the Incognito test calls from the options page (the extension's own page). */
interface ChromeApi {
  chrome: {
    windows: { create(o: { incognito: boolean; url: string }): Promise<{ tabs?: Array<{ id?: number }> }> };
    tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  };
}

let browser: ExtensionBrowser;
let server: PageServer;

async function keptText(): Promise<string> {
  const options = await openExtensionPage(browser, 'options.html');
  await options.waitForSelector('#reading-stats');
  await expect.poll(() => options.locator('#reading-stats').textContent()).not.toMatch(/Reading what is kept/);
  const text = (await options.locator('#reading-stats').textContent()) ?? '';
  await options.close();
  return text;
}

async function natoCard(path: string): Promise<string> {
  const page: Page = await openPage(browser, server.url(path), 1);
  await hoverText(page, 'NATO');
  // Details (and "You read") arrive from the background after the card opens.
  const { text } = await readCardWithDetails(page);
  expect(text).toMatch(/NATO/);
  await page.close();
  return text;
}

beforeAll(async () => {
  server = await startServer();
  server.route('/a.html', shortArticlePage('Allies tighten the eastern flank', 'NATO moved more air defences to Romania after the drone incursions.'));
  server.route('/b.html', shortArticlePage('Summit opens in The Hague', 'NATO leaders opened their summit with a pledge on spending.'));
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('reading memory', () => {
  test('off by default; switched on, an article read is kept and shown on another article\'s card, with its link; Forget everything empties it', async () => {
    expect(await keptText()).toMatch(/Kept now: 0 articles/);
    // Off by default: reading an article keeps nothing.
    expect(await natoCard('/b.html')).not.toMatch(/You read/);

    const options = await openExtensionPage(browser, 'options.html');
    await options.getByLabel(/Remember what I read/).check();
    await options.waitForTimeout(600);
    await options.close();

    // Read article A: it stays in view past the dwell (15 s), then is kept at idle.
    const a = await openPage(browser, server.url('/a.html'), 1);
    await expect.poll(() => browser.logs.some((l) => l.includes('reading memory: sent')), { timeout: 30_000, interval: 500 }).toBe(true);
    await a.close();
    await expect.poll(() => keptText(), { timeout: 10_000 }).toMatch(/Kept now: 1 article mentioning/);

    const card = await natoCard('/b.html');
    expect(card).toMatch(/You read/);
    expect(card).toMatch(/1 article you read mentions NATO/);
    expect(card).toContain('NATO moved more air defences to Romania after the drone incursions.');
    expect(card).toContain('Allies tighten the eastern flank');

    const forget = await openExtensionPage(browser, 'options.html');
    // The options page lists the names in the reading, with how many articles mention each, and the articles.
    await expect.poll(() => forget.getByRole('list', { name: 'Names in your reading' }).textContent()).toMatch(/NATO: 1 article/);
    expect(await forget.getByRole('list', { name: 'Articles you read' }).textContent()).toContain('Allies tighten the eastern flank');
    forget.once('dialog', (d) => void d.accept());
    await forget.getByRole('button', { name: 'Forget everything I read' }).click();
    await expect.poll(() => forget.locator('#reading-stats').textContent()).toMatch(/Kept now: 0 articles.*Everything you read was forgotten/);
    await forget.close();
    expect(await natoCard('/b.html')).not.toMatch(/You read/);
    expect(browser.extensionErrors).toEqual([]);
  }, 90_000);

  test('retention applies at once and oldest first, to imported reading too; a hostile import changes nothing', async () => {
    const article = (n: number, daysAgo: number): ReadArticle => oldReadArticle(server.url(`/old-${n}.html`), n, daysAgo);
    const file = (articles: ReadArticle[]) => ({ name: 'reading.json', mimeType: 'application/json', buffer: Buffer.from(readingFileText(articles)) });
    const options = await openExtensionPage(browser, 'options.html');
    const stats = (): Promise<string> => options.locator('#reading-stats').textContent().then((t) => t ?? '');
    await expect.poll(stats).toMatch(/Kept now: 0 articles/);

    // Kept for 90 days by default: the 200-day-old article is not kept.
    await options.locator('#reading-file').setInputFiles(file([article(1, 200), article(2, 60), article(3, 1)]));
    await expect.poll(stats).toMatch(/Kept now: 2 articles.*1 of them were older than you keep/);
    await options.locator('#reading-retention').selectOption('30');
    await expect.poll(stats).toMatch(/Kept now: 1 article .*1 older article was forgotten/);
    expect(await options.getByRole('list', { name: 'Articles you read' }).textContent()).toMatch(/^Old story 3/);

    // A file with one hostile article is refused whole, with the reason.
    await options.locator('#reading-file').setInputFiles(file([article(4, 1), { ...article(5, 1), url: 'javascript:alert(1)' }]));
    await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/Nothing was changed: reading.json: article #2 is not an http\(s\) article/);
    expect(await stats()).toMatch(/Kept now: 1 article /);
    await options.locator('#reading-retention').selectOption('90');
    options.once('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: 'Forget everything I read' }).click();
    await expect.poll(stats).toMatch(/Kept now: 0 articles/);
    await options.close();
  }, 60_000);

  test('an article read in an Incognito window is not kept, though Backstory runs there', async () => {
    // The reader allows Backstory in Incognito on chrome://extensions (developer mode first: an unpacked
    // extension reloaded without it is switched off).
    const manager = await browser.context.newPage();
    await manager.goto(`chrome://extensions/?id=${browser.extensionId}`);
    await manager.locator('#devMode').click();
    await manager.locator('#allow-incognito').click();
    await manager.waitForTimeout(2_000);
    await manager.close();

    const options = await openExtensionPage(browser, 'options.html');
    // Reading memory is still on from the test before.
    expect(await options.getByLabel(/Remember what I read/).isChecked()).toBe(true);
    const tabId = await options.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as ChromeApi;
      const win = await chrome.windows.create({ incognito: true, url });
      return win.tabs?.[0]?.id ?? -1;
    }, server.url('/a.html'));
    // Backstory runs in the private tab: it answers with what it found there.
    const found = async (): Promise<string[]> =>
      options.evaluate(async (id) => {
        try {
          const { chrome } = globalThis as unknown as ChromeApi;
          const answer = (await chrome.tabs.sendMessage(id, { type: 'get-page-entities' })) as { entities: Array<{ name: string }> };
          return answer.entities.map((e) => e.name);
        } catch {
          return [];
        }
      }, tabId);
    await expect.poll(found, { timeout: 10_000 }).toContain('NATO');
    // Past the dwell (15 s) with the private tab in view, nothing is kept.
    await options.waitForTimeout(20_000);
    expect(await found()).toContain('NATO');
    await options.close();
    expect(await keptText()).toMatch(/Kept now: 0 articles/);
    expect(browser.logs.filter((l) => l.includes('reading memory: sent'))).toHaveLength(1);
  }, 90_000);
});
