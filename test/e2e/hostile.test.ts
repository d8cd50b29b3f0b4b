/**
 * Hostile and unusual pages in Chromium: each test is a way a page broke the previous build (a page reading
 * the card, a form hanging the tab, a page switching Backstory off, …) and checks it no longer does.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { highlightCount, highlightedTexts, hoverText, launchExtension, openPage, pageEntitiesOf, readCard, tabIdOf, waitForHighlights, type ExtensionBrowser } from '../../support/browser';
import { CUSTOM_ELEMENT_TRAP, hydratingPage, page as htmlPage, SHORT_ARTICLE } from '../../support/pages';
import { startServer, type PageServer } from '../../support/server';

let browser: ExtensionBrowser;
let server: PageServer;

const ARTICLE = SHORT_ARTICLE;

beforeAll(async () => {
  server = await startServer();
  server.route('/custom-elements.html', htmlPage(ARTICLE, CUSTOM_ELEMENT_TRAP));
  server.route('/form.html', htmlPage(`<form><input name="nextSibling"><input name="parentNode"><input name="parentElement"><input name="getAttribute"><input name="localName"><input name="firstChild"><input name="nodeType"><input name="hasAttribute"><input name="attributes"><p>Romania and NATO in a form</p></form>${ARTICLE}`));
  server.route('/plain.html', htmlPage(ARTICLE));
  server.route('/feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Romania and NATO</title><item><title>Romania hosts NATO troops</title></item></channel></rss>`);
  server.route('/image.svg', `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="0" y="20">Romania and NATO</text></svg>`);
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile and unusual pages (Chromium)', () => {
  test('a page that defines our element names cannot reach the card: no constructor of its runs, nothing of the card is readable', async () => {
    const page = await openPage(browser, server.url('/custom-elements.html'), 3);
    await hoverText(page, 'Poland');
    expect((await readCard(page)).open).toBe(true);
    const seen = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        const root = (el as HTMLElement).shadowRoot;
        if (root) out.push(root.textContent ?? '');
      }
      return { stolen: (window as unknown as { __stolen: unknown[] }).__stolen.length, shadows: out, text: document.documentElement.textContent ?? '' };
    });
    expect(seen.stolen).toBe(0);
    expect(seen.shadows).toEqual([]);
    expect(seen.text).not.toContain('Capital');
    await page.close();
  });

  test('forms whose inputs are named nextSibling, parentNode, getAttribute … neither hang the tab nor stop highlighting', async () => {
    const page = await openPage(browser, server.url('/form.html'));
    await waitForHighlights(page, 4);
    const texts = (await highlightedTexts(page)).map((t) => t.text);
    expect(texts).toContain('Romania');
    // The tab answers at once.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(browser.extensionErrors).toEqual([]);
    await page.close();
  });

  test("a page can neither hear Backstory start nor stop it with WXT's start-up event", async () => {
    const id = browser.extensionId;
    const listen = `<script>window.__heard = []; for (const n of ['${id}:content:wxt:content-script-started', '${id}:content:wxt:locationchange']) document.addEventListener(n, () => window.__heard.push(n));</script>`;
    server.route('/stop.html', htmlPage(ARTICLE, listen));
    const page = await openPage(browser, server.url('/stop.html'), 4);
    const before = await highlightCount(page);
    expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([]);
    await page.evaluate((eventName) => {
      document.dispatchEvent(new CustomEvent(eventName, { detail: { contentScriptName: 'content', messageId: 'page' } }));
      const p = document.createElement('p');
      p.textContent = 'Later, Kyiv and Warsaw spoke.';
      document.querySelector('article')?.append(p);
    }, `${id}:content:wxt:content-script-started`);
    await page.waitForTimeout(500);
    expect(await highlightCount(page)).toBeGreaterThan(before);
    await page.close();
  });

  test('a re-render of the app during the first scan (hydration) loses no mention', async () => {
    server.route('/hydrating.html', hydratingPage(20000));
    const page = await openPage(browser, server.url('/hydrating.html'));
    await page.waitForFunction(() => (window as unknown as { __rerenderedAt?: number }).__rerenderedAt !== undefined, null, { timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { __rerenderedAt: number }).__rerenderedAt)).toBeLessThan(20000);
    // Every mention is found (the popup's count) ...
    const tabId = await tabIdOf(browser, page);
    const romania = async (): Promise<number> => (await pageEntitiesOf(browser, tabId)).entities.find((e) => e.id === 'romania')?.count ?? 0;
    await expect.poll(romania, { timeout: 10_000 }).toBe(20000);
    // ... and the last one is highlighted once the reader gets there.
    await page.evaluate(() => document.querySelector('article p:last-child')?.scrollIntoView());
    await expect.poll(() => page.evaluate(() => {
      const last = document.querySelector('article p:last-child');
      let found = false;
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('backstory-')) for (const r of h) if (r.startContainer.parentNode === last) found = true;
      });
      return found;
    }), { timeout: 5000 }).toBe(true);
    const texts = await highlightedTexts(page);
    expect(texts.every((t) => t.text === 'Romania')).toBe(true);
    await page.close();
  });

  test('XML feeds and SVG images are left alone, with no error', async () => {
    for (const path of ['/feed.xml', '/image.svg']) {
      const page = await openPage(browser, server.url(path));
      await page.waitForTimeout(800);
      expect(await page.evaluate(() => document.contentType)).not.toBe('text/html');
      expect(await highlightCount(page)).toBe(0);
      await page.close();
    }
    expect(browser.extensionErrors).toEqual([]);
  });

  test('ordinary page code that clears the highlight registry or reassigns adoptedStyleSheets does not remove the highlights for good', async () => {
    const page = await openPage(browser, server.url('/plain.html'), 4);
    const before = await highlightCount(page);
    await page.evaluate(() => {
      // eslint-disable-next-line no-restricted-syntax -- this is the page's own code, which may do this
      CSS.highlights.clear();
      document.adoptedStyleSheets = [new CSSStyleSheet()];
    });
    expect(await highlightCount(page)).toBe(0);
    await expect.poll(() => highlightCount(page), { timeout: 3000 }).toBe(before);
    await expect.poll(() => page.evaluate(() => document.adoptedStyleSheets.length), { timeout: 3000 }).toBe(2);
    await page.close();
  });

  test('document.open()/write() with new content: Backstory runs on the new document', async () => {
    const page = await openPage(browser, server.url('/plain.html'), 4);
    await page.evaluate(() => {
      document.open();
      document.write('<!doctype html><html><body><article><p>Now Ukraine and Estonia.</p></article></body></html>');
      document.close();
    });
    await expect.poll(async () => (await highlightedTexts(page)).map((t) => t.text).sort(), { timeout: 5000 }).toEqual(['Estonia', 'Ukraine']);
    await hoverText(page, 'Estonia');
    expect((await readCard(page)).open).toBe(true);
    await page.close();
  });

  test('a page dispatching focusin on the card host cannot hold a card open', async () => {
    const page = await openPage(browser, server.url('/plain.html'), 4);
    await hoverText(page, 'Poland');
    expect((await readCard(page)).open).toBe(true);
    await page.evaluate(() => {
      // The card's host is the last element the extension added to <html>, whatever its name.
      const host = document.documentElement.lastElementChild;
      const t = setInterval(() => host?.dispatchEvent(new FocusEvent('focusin', { bubbles: true })), 20);
      setTimeout(() => clearInterval(t), 3000);
    });
    await page.mouse.move(5, 700);
    await expect.poll(async () => (await readCard(page)).open, { timeout: 2500 }).toBe(false);
    await page.close();
  });

  test('text that becomes editable, a document in design mode, and invisible text get no highlights', async () => {
    server.route('/invisible.html', htmlPage(`${ARTICLE}<div style="content-visibility: hidden"><p>Moldova? No: Kyiv</p></div><div style="opacity: 0"><p>Hidden Warsaw</p></div>`));
    const page = await openPage(browser, server.url('/invisible.html'), 4);
    const texts = (await highlightedTexts(page)).map((t) => t.text);
    expect(texts).not.toContain('Warsaw');
    expect(texts.filter((t) => t === 'Kyiv')).toHaveLength(1);
    await page.evaluate(() => document.querySelector('article')?.setAttribute('contenteditable', 'true'));
    await expect.poll(() => highlightCount(page), { timeout: 3000 }).toBe(0);
    await page.evaluate(() => document.querySelector('article')?.removeAttribute('contenteditable'));
    await expect.poll(() => highlightCount(page), { timeout: 3000 }).toBeGreaterThan(3);
    await page.evaluate(() => {
      document.designMode = 'on';
    });
    await expect.poll(() => highlightCount(page), { timeout: 3000 }).toBe(0);
    await page.evaluate(() => {
      document.designMode = 'off';
    });
    await expect.poll(() => highlightCount(page), { timeout: 3000 }).toBeGreaterThan(3);
    await page.close();
  });
});
