import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedArticlePage } from '../../support/sample-pages';
import { clickCardButton, highlightCount, hoverText, launchExtension, openExtensionPage, openPopupFor, readCard, waitForHighlights, openPage, type ExtensionBrowser } from '../../support/browser';
import { startServer, type PageServer } from '../../support/server';

let browser: ExtensionBrowser;
let server: PageServer;
const netLog = join(mkdtempSync(join(tmpdir(), 'backstory-netlog-')), 'net.json');

/** Records every window message and document event the page can see, and replays each message five times. */
const HOSTILE_LISTENER = `<script>
  window.__seen = [];
  window.addEventListener('message', (e) => {
    window.__seen.push(JSON.stringify(e.data));
    if (e.data && e.data.__replayed) return;
    for (let i = 0; i < 5; i++) window.postMessage(typeof e.data === 'object' && e.data ? { ...e.data, __replayed: true } : e.data, '*');
  });
</script>`;

beforeAll(async () => {
  server = await startServer();
  server.route('/seed.html', seedArticlePage().replace('<head>', `<head>${HOSTILE_LISTENER}`));
  browser = await launchExtension({ netLog });
});

afterAll(async () => {
  await server?.close();
});

describe('privacy and security', () => {
  test('a full session (page, hover, card, popup, options) makes no network request beyond the pages themselves', async () => {
    const page = await openPage(browser, server.url('/seed.html'), 40);
    await hoverText(page, 'drone wall');
    await clickCardButton(page, 'European Union');
    await page.keyboard.press('Escape');
    const popup = await openPopupFor(browser, page);
    await popup.waitForSelector('.entity');
    await popup.close();
    const options = await openExtensionPage(browser, 'options.html');
    await options.waitForSelector('table.packs');
    await options.close();
    await page.close();
    await browser.close();
    // Chromium's net log names each request's initiator. The browser's own housekeeping requests have none;
    // anything from the extension (its pages, worker, or content script on the page) would carry one.
    const log = JSON.parse(readFileSync(netLog, 'utf8')) as { events: Array<{ params?: { url?: string; initiator?: string } }> };
    const requests = log.events.flatMap((e) => (e.params?.url ? [{ url: e.params.url, initiator: e.params.initiator ?? '' }] : []));
    const fromUs = requests.filter((r) => r.initiator.startsWith('chrome-extension://') || r.initiator.startsWith(server.origin));
    const leaving = fromUs.filter((r) => /^(https?|wss?):/.test(r.url) && !r.url.startsWith(server.origin));
    expect(requests.some((r) => r.url.startsWith(server.origin))).toBe(true);
    expect(leaving).toEqual([]);
    browser = await launchExtension();
  });

  test('the manifests declare no web-accessible resources and a page cannot fetch the extension files', async () => {
    for (const dir of ['.output/chrome-mv3', '.output/firefox-mv3']) {
      const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Record<string, unknown>;
      expect(manifest.web_accessible_resources, dir).toBeUndefined();
      expect(manifest.externally_connectable, dir).toBeUndefined();
    }
    const page = await openPage(browser, server.url('/seed.html'), 40);
    const probes = await page.evaluate(async (id) => {
      const out: string[] = [];
      for (const path of ['manifest.json', 'popup.html', 'content-scripts/content.js', 'packs/backstory-news.json']) {
        try {
          await fetch(`chrome-extension://${id}/${path}`);
          out.push(`${path}: readable`);
        } catch {
          out.push(`${path}: refused`);
        }
      }
      return out;
    }, browser.extensionId);
    expect(probes).toEqual(['manifest.json: refused', 'popup.html: refused', 'content-scripts/content.js: refused', 'packs/backstory-news.json: refused']);
    await page.close();
  });

  test('no message posted to the page carries the extension id, and replaying every message changes nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/seed.html'));
    const count = await waitForHighlights(page, 40);
    await hoverText(page, 'drone wall');
    expect((await readCard(page)).open).toBe(true);
    await page.keyboard.press('Escape');
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((s) => s.includes(browser.extensionId))).toEqual([]);
    expect(await highlightCount(page)).toBe(count);
    await page.mouse.move(3, 3);
    await hoverText(page, 'Oana Toiu');
    expect((await readCard(page)).name).toBe('Oana Țoiu');
    await page.keyboard.press('Escape');
    await page.close();
  });

  test("the card's contents cannot be read from the page, and synthetic events do nothing to it", async () => {
    const page = await openPage(browser, server.url('/seed.html'), 40);
    await hoverText(page, 'drone wall');
    const view = await page.evaluate(() => {
      const host = document.querySelector(':root > div[style*="2147483647"]');
      return { host: host !== null, shadow: host?.shadowRoot ?? null, text: host?.textContent ?? '', hasOpen: host?.shadowRoot !== undefined };
    });
    expect(view.host).toBe(true);
    expect(view.shadow).toBeNull();
    expect(view.text).toBe('');
    // A page pressing Esc or clicking outside with script cannot close it; a real Esc can.
    await page.evaluate(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: 5, clientY: 5 }));
    });
    expect((await readCard(page)).open).toBe(true);
    await page.keyboard.press('Escape');
    expect((await readCard(page)).open).toBe(false);
    // Synthetic pointer movement over a term opens nothing.
    await page.mouse.move(3, 3);
    await page.evaluate(() => {
      const rect = document.querySelector('article p')?.getBoundingClientRect();
      for (let i = 0; i < 10; i++) document.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: (rect?.left ?? 0) + 30, clientY: (rect?.top ?? 0) + 10 }));
    });
    await page.waitForTimeout(600);
    expect((await readCard(page)).open).toBe(false);
    await page.close();
  });

  test('a page cannot message the extension: there is no external messaging surface', async () => {
    const page = await openPage(browser, server.url('/seed.html'), 40);
    const reach = await page.evaluate(async (id) => {
      const chromeApi = (window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: object) => Promise<unknown> } } }).chrome;
      if (!chromeApi?.runtime?.sendMessage) return 'no runtime API';
      try {
        await chromeApi.runtime.sendMessage(id, { type: 'open-options', hash: 'x' });
        return 'delivered';
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    }, browser.extensionId);
    expect(reach === 'no runtime API' || reach.startsWith('refused')).toBe(true);
    await page.close();
  });

  test('after the extension is reloaded, the orphaned content script removes its highlights and UI and throws nothing', async () => {
    const page = await openPage(browser, server.url('/seed.html'), 40);
    await hoverText(page, 'drone wall');
    expect((await readCard(page)).open).toBe(true);
    const errorsBefore = browser.extensionErrors.length;
    await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => highlightCount(page), { timeout: 5000 }).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll(':root > div[style*="2147483647"]').length)).toBe(0);
    await page.mouse.move(10, 10);
    await page.mouse.move(300, 300, { steps: 5 });
    await page.waitForTimeout(500);
    expect(browser.extensionErrors.slice(errorsBefore)).toEqual([]);
    await page.close();
    await browser.close();
  });
});
