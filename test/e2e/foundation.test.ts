import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedArticlePage } from '../../support/sample-pages';
import { EXTENSION_DIR, highlightedTexts, launchExtension, openExtensionPage, waitForHighlights, type ExtensionBrowser } from '../../support/browser';
import { startServer, type PageServer } from '../../support/server';

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/seed.html', seedArticlePage());
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built bundles', () => {
  test("the pack-import worker does not carry the bundled pack (it only needs the pack's id)", () => {
    const dir = join(EXTENSION_DIR, 'assets');
    const worker = readdirSync(dir).find((f) => /^pack-worker-.*\.js$/.test(f));
    expect(worker).toBeDefined();
    const code = readFileSync(join(dir, worker ?? ''), 'utf8');
    const pack = JSON.parse(readFileSync('generated/backstory-news.pack.json', 'utf8')) as { id: string; entities: Array<{ summary: string }> };
    expect(code).toContain(pack.id);
    for (const e of pack.entities) expect(code.includes(e.summary)).toBe(false);
    expect(code.length).toBeLessThan(40_000);
  });
});

describe('console lines', () => {
  test("the release build writes nothing to a page's console until diagnostics are turned on in the options", async () => {
    const quiet = await launchExtension({ diagnostics: false });
    try {
      const page = await quiet.context.newPage();
      const lines: string[] = [];
      page.on('console', (msg) => lines.push(msg.text()));
      await page.goto(server.url('/seed.html'));
      await waitForHighlights(page, 10);
      await page.waitForTimeout(500);
      expect(lines.filter((l) => l.includes('Backstory'))).toEqual([]);
      const options = await openExtensionPage(quiet, 'options.html');
      await options.getByLabel(/Diagnostics: write Backstory's timings/).check();
      await options.close();
      await page.reload();
      await expect.poll(() => lines.some((l) => l.startsWith('[Backstory] first highlights')), { timeout: 5000 }).toBe(true);
    } finally {
      await quiet.close();
    }
  });
});

describe('the built extension in Chromium', () => {
  test('loads with a stable extension id and a running service worker', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.worker.url()).toContain('/background.js');
  });

  test('the content script runs on a served page and registers highlights', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/seed.html'));
    const count = await waitForHighlights(page, 10);
    expect(count).toBeGreaterThan(10);
    const texts = (await highlightedTexts(page)).map((h) => h.text);
    expect(texts).toContain('drone wall');
    await page.close();
  });

  test('the popup and the options page render', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Backstory');
    await popup.close();
    const options = await openExtensionPage(browser, 'options.html');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Backstory options');
    await expect.poll(() => options.locator('table.packs tbody tr').count()).toBeGreaterThanOrEqual(1);
    await options.close();
  });

  test('no console error or page error comes from extension code', () => {
    expect(browser.extensionErrors).toEqual([]);
  });
});
