import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedArticlePage } from '../../support/sample-pages';
import { highlightedTexts, hoverText, launchExtension, openExtensionPage, openPopupFor, readCard, tabIdOf, waitForHighlights, openPage, type ExtensionBrowser } from '../../support/browser';
import { page as makePage } from '../../support/pages';
import { startServer, type PageServer } from '../../support/server';

let browser: ExtensionBrowser;
let server: PageServer;

const SPA = makePage(`
  <main id="app"><p>Romania and NATO.</p></main>
  <script>
    window.__go = () => {
      history.pushState({}, '', '/spa/second');
      document.getElementById('app').replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Estonia and Poland, then Oana Toiu.' }));
    };
  </script>
`);

const HOSTILE_CSS = makePage(
  `<article><p>The drone wall debate in Romania.</p></article>`,
  `<style>
    html { font-size: 40px !important; line-height: 3 !important; direction: rtl; }
    * { text-transform: uppercase !important; letter-spacing: 6px !important; font-family: fantasy !important; }
    body { background: #111; color: #eee; }
  </style>`,
);

const FILLER = Array.from({ length: 400 }, (_, i) => `<p>Filler paragraph ${i} about markets, weather and sport, with nothing to highlight.</p>`).join('');
const SCROLLED = makePage(`<article><p>Toiu said little. Estonia waited.</p>${FILLER}<h2 id="here">Later</h2><p>Then Poland spoke, and Oana Toiu replied.</p>${FILLER}</article>`);

beforeAll(async () => {
  server = await startServer();
  server.route('/scrolled.html', SCROLLED);
  server.route('/seed.html', seedArticlePage());
  server.route('/spa.html', SPA);
  server.route('/hostile-css.html', HOSTILE_CSS);
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Api = { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> }; storage: { sync: { set(o: object): Promise<void>; clear(): Promise<void> } } } };

async function setSettings(patch: Record<string, unknown>): Promise<void> {
  await browser.worker.evaluate(async (p) => {
    const api = (globalThis as unknown as Api).chrome;
    await api.storage.sync.set({ settings: { version: 2, ...p } });
  }, patch);
}

async function computed(page: Page, session: CDPSession, selectorClass: string): Promise<Record<string, string>> {
  void page;
  const doc: { root: unknown } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  const find = (n: { nodeId: number; attributes?: string[]; children?: unknown[]; shadowRoots?: unknown[] }): number | null => {
    const a = n.attributes ?? [];
    for (let i = 0; i < a.length; i += 2) if (a[i] === 'class' && (a[i + 1] ?? '').split(' ').includes(selectorClass)) return n.nodeId;
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
      const r = find(c as typeof n);
      if (r) return r;
    }
    return null;
  };
  const nodeId = find(doc.root as Parameters<typeof find>[0]);
  const style: { computedStyle: Array<{ name: string; value: string }> } = await session.send('CSS.getComputedStyleForNode', { nodeId: nodeId ?? 0 });
  return Object.fromEntries(style.computedStyle.map((p) => [p.name, p.value]));
}

describe('more of what a reader does', () => {
  test('an in-app navigation (history.pushState) rescans the new content', async () => {
    const page = await openPage(browser, server.url('/spa.html'), 2);
    await page.evaluate(() => (window as unknown as { __go: () => void }).__go());
    await expect.poll(async () => (await highlightedTexts(page)).map((h) => h.text).sort(), { timeout: 3000 }).toEqual(['Estonia', 'Oana Toiu', 'Poland']);
    await page.close();
  });

  test('an app that replaces <body> itself gets its new text highlighted', async () => {
    const page = await openPage(browser, server.url('/spa.html'), 2);
    await page.evaluate(() => {
      const body = document.createElement('body');
      body.append(Object.assign(document.createElement('p'), { textContent: 'Belarus and Syria.' }));
      document.body = body;
    });
    await expect.poll(async () => (await highlightedTexts(page)).map((h) => h.text).sort(), { timeout: 3000 }).toEqual(['Belarus', 'Syria']);
    await page.close();
  });

  test('a page opened scrolled down gets its visible part highlighted first, without bending the short-form rule', async () => {
    const page = await openPage(browser, server.url('/scrolled.html#here'), 3);
    await page.waitForTimeout(200);
    const order = await page.evaluate(() => [...(CSS.highlights.get('backstory-country') ?? [])].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)));
    expect(order).toEqual(['Poland', 'Estonia']);
    const people = (await highlightedTexts(page)).filter((h) => h.type === 'person').map((h) => h.text);
    expect(people).toEqual(['Oana Toiu']);
    // A reload keeps the scroll position: the part in view comes first again.
    await page.goto(server.url('/scrolled.html'));
    await waitForHighlights(page, 3);
    await page.evaluate(() => document.getElementById('here')?.scrollIntoView());
    await page.reload();
    await waitForHighlights(page, 3);
    await page.waitForTimeout(200);
    const afterReload = await page.evaluate(() => [...(CSS.highlights.get('backstory-country') ?? [])].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)));
    expect(afterReload).toEqual(['Poland', 'Estonia']);
    await page.close();
  });

  test('the reading region in Chromium: the headline in a page header and the article are read, a rail is not; a span the page lays out as a block separates words', async () => {
    server.route('/region.html', makePage(`<header><h1>Romania and Poland sign a drone pact</h1></header>
      <article><p>Officials watched the drills<span style="display:block">NATO said more troops would come to Romania after the talks, and Ukraine agreed.</span></p>
      <p>Officials in Romania said the pact with Poland covers training, and that Estonia could join it later this year.</p></article>
      <aside><h2>Most read</h2><ul><li><a href="/a">Moscow warns Kyiv</a></li><li><a href="/b">Russia news</a></li></ul></aside>`));
    const page = await openPage(browser, server.url('/region.html'), 5);
    await page.waitForTimeout(300);
    const texts = (await highlightedTexts(page)).map((h) => h.text);
    expect(texts).toEqual(expect.arrayContaining(['Romania', 'Poland', 'NATO', 'Ukraine', 'Estonia']));
    expect(texts).not.toContain('Moscow');
    expect(texts).not.toContain('Kyiv');
    expect(texts).not.toContain('Russia');
    expect(texts.filter((t) => t === 'NATO')).toHaveLength(1);
    await page.close();
  });

  test('the toolbar badge shows how many entities the page has', async () => {
    const page = await openPage(browser, server.url('/seed.html'), 40);
    const tabId = await tabIdOf(browser, page);
    const badge = (): Promise<string> => browser.worker.evaluate((id) => (globalThis as unknown as Api).chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toBe('23');
    // It can be turned off (and on again) from the options page; the open tab follows without a reload.
    const options = await openExtensionPage(browser, 'options.html');
    const box = options.getByLabel(/Show the number of people, places and ideas/);
    await box.uncheck();
    await expect.poll(badge, { timeout: 3000 }).toBe('');
    await box.check();
    await expect.poll(badge, { timeout: 3000 }).toBe('23');
    await options.close();
    await page.close();
  });

  test('the card stays readable on hostile page CSS and a dark page gets a dark card', async () => {
    const page = await openPage(browser, server.url('/hostile-css.html'), 2);
    await hoverText(page, 'drone wall');
    expect((await readCard(page)).name).toBe('Drone wall');
    const session = await page.context().newCDPSession(page);
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const style = await computed(page, session, 'card');
    expect(style['font-size']).toBe('14px');
    expect(style['text-transform']).toBe('none');
    expect(style['letter-spacing']).toBe('normal');
    expect(style['direction']).toBe('ltr');
    expect(style['background-color']).toBe('rgb(28, 33, 40)');
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('click trigger: hovering opens nothing, a click on a term opens its card', async () => {
    await setSettings({ trigger: 'click' });
    const page = await openPage(browser, server.url('/seed.html'), 40);
    await hoverText(page, 'Reuters');
    expect((await readCard(page)).open).toBe(false);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(async () => (await readCard(page)).name).toBe('Reuters');
    await page.keyboard.press('Escape');
    await page.close();
    await setSettings({});
  });

  test('first mention only: each entity is highlighted once', async () => {
    await setSettings({ firstMentionOnly: true });
    const page = await openPage(browser, server.url('/seed.html'), 20);
    await page.waitForTimeout(300);
    const texts = await highlightedTexts(page);
    expect(texts.filter((t) => t.text === 'Romania')).toHaveLength(1);
    expect(texts).toHaveLength(23);
    await page.close();
    await setSettings({});
  });

  test('the popup says plainly when Backstory cannot run on a page', async () => {
    const page = await browser.context.newPage();
    await page.goto('about:blank');
    const popup = await openPopupFor(browser, page);
    await expect.poll(() => popup.locator('#not-here').textContent()).toMatch(/cannot run on this page|has not heard from Backstory/);
    await popup.close();
    await page.close();
  });
});
