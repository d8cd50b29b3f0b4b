import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedArticlePage } from '../../support/sample-pages';
import { cardButtonPoint, clickCardButton, highlightCount, highlightedTexts, hoverText, launchExtension, openExtensionPage, readCard, tabIdOf, waitForHighlights, openPage, pageEntitiesOf, type ExtensionBrowser } from '../../support/browser';
import { CAPTURE_BEFORE, EXCLUDED_PAGE, INFINITE_PAGE, RERENDER_PAGE, STORM_PAGE, hugePage } from '../../support/pages';
import { startServer, type PageServer } from '../../support/server';

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/seed.html', seedArticlePage().replace('<head>', `<head>${CAPTURE_BEFORE}`));
  server.route('/excluded.html', EXCLUDED_PAGE);
  server.route('/rerender.html', RERENDER_PAGE);
  server.route('/infinite.html', INFINITE_PAGE);
  server.route('/storm.html', STORM_PAGE);
  server.route('/huge.html', hugePage(5));
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string): Promise<Page> => openPage(browser, server.url(path));

describe('the seed article in Chromium', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('/seed.html');
    await waitForHighlights(page, 40);
  });

  test('every entity the article mentions is highlighted, one Highlight per type under our prefix', async () => {
    const texts = await highlightedTexts(page);
    const names = await page.evaluate(() => {
      const out: string[] = [];
      CSS.highlights.forEach((_, name) => out.push(name));
      return out.sort();
    });
    expect(names.every((n) => n.startsWith('backstory-'))).toBe(true);
    for (const [type, text] of [['concept', 'drone wall'], ['place', 'Mihail Kogalniceanu Air Base'], ['person', 'Oana Toiu'], ['person', 'Toiu'], ['organization', 'U.N. General Assembly'], ['country', 'Polish']]) {
      expect(texts, text).toContainEqual({ type, text });
    }
    // The site header, its navigation and search box are not scanned; the article's own header is.
    const inChrome = await page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h) => {
        for (const r of h) if ((r.startContainer.parentElement as Element).closest('.site-header, .site-footer')) n++;
      });
      return n;
    });
    expect(inChrome).toBe(0);
  });

  test('hovering "drone wall" shows its card with the corpus sentence; Esc closes it', async () => {
    await hoverText(page, 'drone wall');
    const card = await readCard(page);
    expect(card.open).toBe(true);
    expect(card.role).toBe('dialog');
    expect(card.labelledName).toBe('Drone wall');
    expect(card.text).toContain('The European Union has also supported the concept of a regional');
    expect(card.marks).toContain('drone wall');
    expect(card.text).toMatch(/Mention 1 of 1/);
    await page.keyboard.press('Escape');
    expect((await readCard(page)).open).toBe(false);
  });

  test('Mihail Kogălniceanu Air Base and Oana Țoiu have their cards', async () => {
    await page.mouse.move(2, 2);
    await hoverText(page, 'Mihail Kogalniceanu Air Base');
    expect((await readCard(page)).name).toBe('Mihail Kogălniceanu Air Base');
    await page.keyboard.press('Escape');
    await hoverText(page, 'Oana Toiu');
    const card = await readCard(page);
    expect(card.name).toBe('Oana Țoiu');
    expect(card.text).toMatch(/Mention 1 of 2/);
    await page.keyboard.press('Escape');
  });

  test('the card hides after the pointer leaves, but a pinned card stays until Esc', async () => {
    await hoverText(page, 'drone wall');
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    expect((await readCard(page)).open).toBe(false);
    await hoverText(page, 'drone wall');
    await clickCardButton(page, /Pin/);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(800);
    const pinned = await readCard(page);
    expect(pinned.open).toBe(true);
    expect(pinned.buttons.find((b) => /Pin/.test(b.label) || /Pin/.test(b.text))?.pressed).toBe('true');
    await page.keyboard.press('Escape');
    expect((await readCard(page)).open).toBe(false);
  });

  test('a pinned card stays on page clicks; another term opens its own card over it, and the pinned card comes back', async () => {
    await hoverText(page, 'drone wall');
    await clickCardButton(page, /Pin/);
    await page.mouse.click(4, 300);
    await page.waitForTimeout(500);
    expect((await readCard(page)).name).toBe('Drone wall');
    await hoverText(page, 'Ukraine', { occurrence: 3 });
    const peek = await readCard(page);
    expect(peek.name).toBe('Ukraine');
    expect(peek.buttons.find((b) => /Pin/.test(b.label) || /Pin/.test(b.text))?.pressed).toBe('false');
    await page.mouse.move(4, 300);
    await expect.poll(async () => (await readCard(page)).name).toBe('Drone wall');
    expect((await readCard(page)).buttons.find((b) => /Pin/.test(b.label) || /Pin/.test(b.text))?.pressed).toBe('true');
    // Esc on a peek goes back to the pinned card; Esc on the pinned card closes it.
    await hoverText(page, 'Ukraine', { occurrence: 3 });
    expect((await readCard(page)).name).toBe('Ukraine');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)).name).toBe('Drone wall');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)).open).toBe(false);
  });

  test('Mute in the card: the card says so with Undo, the highlights go, and a muted entity leaves Related chips', async () => {
    const has = async (text: string): Promise<boolean> => (await highlightedTexts(page)).some((h) => h.text === text);
    await hoverText(page, 'Polish');
    expect((await readCard(page)).name).toBe('Poland');
    await clickCardButton(page, 'Mute');
    await expect.poll(async () => (await readCard(page)).name).toBe('Poland is muted');
    await expect.poll(() => has('Polish')).toBe(false);
    // The rescan the mute caused does not take the notice away.
    await page.waitForTimeout(300);
    expect((await readCard(page)).buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Undo', 'Muted entities…']));
    await page.keyboard.press('Tab');
    const [optionsTab] = await Promise.all([browser.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await optionsTab.waitForLoadState();
    expect(optionsTab.url()).toBe(`chrome-extension://${browser.extensionId}/options.html#muted`);
    await expect.poll(() => optionsTab.getByRole('button', { name: 'Unmute Poland' }).count()).toBe(1);
    await optionsTab.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)).open).toBe(false);
    await hoverText(page, 'Romania', { occurrence: 2 });
    const romania = await readCard(page);
    expect(romania.name).toBe('Romania');
    expect(romania.buttons.map((b) => b.label)).not.toContain('Poland');
    expect(romania.buttons.map((b) => b.label)).toContain('Ukraine');
    await clickCardButton(page, 'Mute');
    await expect.poll(() => has('Romania')).toBe(false);
    await clickCardButton(page, 'Undo');
    await expect.poll(async () => (await readCard(page)).open).toBe(false);
    await expect.poll(() => has('Romania')).toBe(true);
    expect(await has('Polish')).toBe(false);
    const options = await openExtensionPage(browser, 'options.html#muted');
    await options.getByRole('button', { name: 'Unmute Poland' }).click();
    await expect.poll(() => has('Polish')).toBe(true);
    await options.close();
    await page.bringToFront();
  });

  test('Copy (button and c key) puts the name, summary and a quote with its source on the clipboard', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const clipboard = (): Promise<string> => page.evaluate(() => navigator.clipboard.readText());
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await hoverText(page, 'drone wall');
    await clickCardButton(page, 'Copy');
    await expect.poll(async () => (await readCard(page)).text).toContain('Copied to the clipboard');
    const copied = await clipboard();
    expect(copied.split('\n')[0]).toBe('Drone wall');
    expect(copied).toMatch(/^Drone wall\n.+\n“.*drone wall.*” \(Article, Dec 2025\)$/s);
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await page.keyboard.press('c');
    await expect.poll(clipboard).toBe(copied);
    await page.keyboard.press('Escape');
  });

  test('"In the news" names each source once (a headline is not its own source) and the summary says "as of" the corpus month', async () => {
    await hoverText(page, 'Romania', { occurrence: 2 });
    const card = await readCard(page);
    expect(card.text).toContain('As of Dec 2025:');
    // The seed article has no headline of its own: its quotes sit under "Article · Dec 2025", said once.
    expect(card.text.match(/Article · Dec 2025/g)).toHaveLength(1);
    expect(card.text).not.toMatch(/Romania is moving quickly to establish domestic production of defensive drones in…/);
    await page.keyboard.press('Escape');
  });

  test('the mention whose card is open is marked on the page until the card closes', async () => {
    const active = (): Promise<string[]> => page.evaluate(() => {
      const out: string[] = [];
      for (const r of CSS.highlights.get('backstory-active') ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(range.toString());
      }
      return out;
    });
    await hoverText(page, 'drone wall');
    expect((await readCard(page)).open).toBe(true);
    expect(await active()).toEqual(['drone wall']);
    await page.keyboard.press('Escape');
    expect(await active()).toEqual([]);
  });

  test('the wheel over a card scrolls the card, never the article behind it', async () => {
    await hoverText(page, 'Mihail Kogalniceanu Air Base');
    expect((await readCard(page)).open).toBe(true);
    const { x, y } = await cardButtonPoint(page, /Pin/);
    await page.mouse.move(x, y + 40, { steps: 3 });
    const before = await page.evaluate(() => window.scrollY);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 300);
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    expect((await readCard(page)).open).toBe(true);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    await page.keyboard.press('Escape');
  });

  test("a long card scrolls beneath its header and footer: close, pin and the mention buttons stay in view", async () => {
    await hoverText(page, 'Romania', { occurrence: 2 });
    expect((await readCard(page)).name).toBe('Romania');
    const before = { close: await cardButtonPoint(page, 'Close', { scroll: false }), next: await cardButtonPoint(page, 'Next mention on this page', { scroll: false }), chip: await cardButtonPoint(page, 'Poland', { scroll: false }) };
    await page.mouse.move(before.close.x - 100, (before.close.y + before.next.y) / 2, { steps: 3 });
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 200);
    await page.waitForTimeout(300);
    const after = { close: await cardButtonPoint(page, 'Close', { scroll: false }), next: await cardButtonPoint(page, 'Next mention on this page', { scroll: false }), chip: await cardButtonPoint(page, 'Poland', { scroll: false }) };
    expect(after.chip.y).toBeLessThan(before.chip.y);
    for (const key of ['close', 'next'] as const) {
      expect(Math.abs(after[key].x - before[key].x)).toBeLessThan(1);
      expect(Math.abs(after[key].y - before[key].y)).toBeLessThan(1);
    }
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    for (const p of [after.close, after.next]) {
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(viewport.height);
    }
    await page.keyboard.press('Escape');
  });

  test('a related entity opens in the same card, with a way back', async () => {
    await hoverText(page, 'drone wall');
    await clickCardButton(page, 'European Union');
    await page.waitForTimeout(100);
    const related = await readCard(page);
    expect(related.name).toBe('European Union');
    await clickCardButton(page, 'Back to the previous card');
    await page.waitForTimeout(100);
    expect((await readCard(page)).name).toBe('Drone wall');
    await clickCardButton(page, 'Close');
    expect((await readCard(page)).open).toBe(false);
  });

  test('keyboard: the next-mention command opens a card with focus; Tab stays inside; Esc gives focus back', async () => {
    const tabId = await tabIdOf(browser, page);
    await page.evaluate(() => (document.querySelector('aside a') as HTMLElement).focus());
    await browser.worker.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
      await api.tabs.sendMessage(id, { type: 'next-mention' });
    }, tabId);
    await expect.poll(async () => (await readCard(page)).open).toBe(true);
    const card = await readCard(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches(':root > div[style*="2147483647"]'))).toBe(true);
    for (let i = 0; i < card.buttons.length + 2; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches(':root > div[style*="2147483647"]'))).toBe(true);
    await page.keyboard.press('Escape');
    expect((await readCard(page)).open).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('aside') !== null)).toBe(true);
  });

  test('keys inside the card: n and Shift+N step through mentions, p pins, Esc closes; typing on the page is left alone', async () => {
    await hoverText(page, 'Romania', { occurrence: 2 });
    await clickCardButton(page, /Pin/);
    const mention = async (): Promise<string> => /Mention \d+ of \d+/.exec((await readCard(page)).text)?.[0] ?? '';
    const start = await mention();
    expect(start).toMatch(/^Mention \d+ of 6$/);
    const at = Number(/Mention (\d+)/.exec(start)?.[1]);
    await page.keyboard.press('n');
    await expect.poll(mention).toBe(`Mention ${(at % 6) + 1} of 6`);
    await page.keyboard.press('Shift+N');
    await expect.poll(mention).toBe(start);
    const pinned = async (): Promise<string | undefined> => (await readCard(page)).buttons.find((b) => /Pin|Unpin/.test(b.label) || /Pin|Unpin/.test(b.text))?.pressed;
    expect(await pinned()).toBe('true');
    await page.keyboard.press('p');
    await expect.poll(pinned).toBe('false');
    expect((await readCard(page)).text.replace(/\s+/g, ' ')).toMatch(/Keys: n next · Shift ?\+ ?N previous · p pin · c copy · Esc close/);
    await page.keyboard.press('Escape');
    expect((await readCard(page)).open).toBe(false);
    // With focus on the page, the same keys are the page's own.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing';
      document.querySelector('article')?.prepend(input);
      input.focus();
    });
    await page.keyboard.type('np');
    expect(await page.evaluate(() => (document.getElementById('typing') as HTMLInputElement).value)).toBe('np');
    await page.evaluate(() => document.getElementById('typing')?.remove());
  });

  test('prev/next keep the card where it is (its buttons stay under the pointer) and mark the mention shown', async () => {
    await hoverText(page, 'Romania', { occurrence: 2 });
    await clickCardButton(page, /Pin/);
    const activeTop = (): Promise<number> => page.evaluate(() => {
      const [r] = [...(CSS.highlights.get('backstory-active') ?? [])];
      if (!r) return -1;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.getBoundingClientRect().top + window.scrollY;
    });
    const next = await cardButtonPoint(page, 'Next mention on this page', { scroll: false });
    const marked: number[] = [await activeTop()];
    for (let i = 0; i < 3; i++) {
      await clickCardButton(page, 'Next mention on this page');
      await page.waitForTimeout(150);
      expect(await cardButtonPoint(page, 'Next mention on this page', { scroll: false })).toEqual(next);
      marked.push(await activeTop());
    }
    expect(new Set(marked).size).toBe(4);
    await page.keyboard.press('Escape');
  });

  test("the page's text and DOM are unchanged but for the card's host element", async () => {
    const { before, after } = await page.evaluate(() => {
      const clone = document.cloneNode(true) as Document;
      clone.querySelectorAll(':root > div[style*="2147483647"]').forEach((e) => e.remove());
      return { before: (window as unknown as { __before: string }).__before, after: new XMLSerializer().serializeToString(clone) };
    });
    expect(before.length).toBeGreaterThan(1000);
    expect(after).toBe(before);
  });
});

describe('hostile and dynamic pages', () => {
  test('until a card is asked for, Backstory adds no element to the page; the first hover adds its one host', async () => {
    const page = await open('/seed.html');
    await waitForHighlights(page, 40);
    await page.waitForTimeout(500);
    const hosts = (): Promise<number> => page.evaluate(() => document.querySelectorAll(':root > div[style*="2147483647"]').length);
    expect(await hosts()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lastElementChild?.localName)).toBe('body');
    await hoverText(page, 'drone wall');
    expect((await readCard(page)).open).toBe(true);
    expect(await hosts()).toBe(1);
    await page.close();
  });

  test('no highlights inside inputs, textareas, contenteditable, code, buttons, hidden text or navigation', async () => {
    const page = await open('/excluded.html');
    await waitForHighlights(page, 2);
    await page.waitForTimeout(200);
    const texts = (await highlightedTexts(page)).map((h) => h.text).sort();
    expect(texts).toEqual(['Romania', 'Ukraine']);
    await page.close();
  });

  test('a page that re-renders its paragraphs every 100 ms keeps correct highlights and logs no errors', async () => {
    const page = await open('/rerender.html');
    await waitForHighlights(page, 7);
    // Highlights may be stale only between a re-render and Backstory's next frame: never two frames later.
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(130);
      const state = await page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        let stale = 0;
        CSS.highlights.forEach((h, name) => {
          if (name === 'backstory-active') return;
          for (const r of h) if (!r.startContainer.isConnected) stale++;
        });
        const sinceRender = performance.now() - (window as unknown as { __renderedAt: number }).__renderedAt;
        return { stale, sinceRender };
      });
      if (state.sinceRender > 40) expect(state.stale).toBe(0);
    }
    await page.waitForFunction(() => {
      let total = 0;
      let live = 0;
      CSS.highlights.forEach((h, name) => {
        if (name === 'backstory-active') return;
        for (const r of h) {
          total++;
          if (r.startContainer.isConnected) live++;
        }
      });
      return total === live && live >= 7;
    });
    expect(browser.extensionErrors).toEqual([]);
    await page.close();
  });

  test('an infinite-scroll page gets its new mentions highlighted', async () => {
    const page = await open('/infinite.html');
    await waitForHighlights(page, 1);
    for (let i = 0; i < 5; i++) await page.evaluate(() => (window as unknown as { __more: () => void }).__more());
    await waitForHighlights(page, 11);
    const texts = (await highlightedTexts(page)).map((h) => h.text);
    for (const name of ['Estonia', 'Poland', 'Belarus', 'Syria', 'Israel']) expect(texts).toContain(name);
    await page.close();
  });

  test('a page that mutates itself on every frame does not pin the CPU: Backstory backs off and says so', async () => {
    const page = await open('/storm.html');
    await waitForHighlights(page, 2);
    await page.waitForTimeout(2500);
    expect(browser.logs.some((l) => /changes its text more than \d+ times a second/.test(l))).toBe(true);
    expect(browser.extensionErrors).toEqual([]);
    await page.close();
  });

  // One retry, on a fresh tab. A slice is timed by the wall clock. Before highlights were added in paced
  // batches (paint-pacer.ts), some runs on this 2-core machine had one slice of 126 to 494 ms (2 of 8 fresh
  // browsers in the last count) while every other slice stayed under 50 ms; since, 0 of 18 fresh browsers had
  // one over 19 ms. The retry stays until CI runs agree. A change that makes slices long fails both runs.
  test('a page with 5 MB of text stays responsive: no extension slice over 50 ms', { retry: 1 }, async () => {
    const page = await browser.context.newPage();
    const before = browser.logs.length;
    await page.goto(server.url('/huge.html'), { timeout: 60_000 });
    await page.waitForFunction(() => document.readyState === 'complete');
    const first = await waitForHighlights(page, 1, 30_000);
    expect(first).toBeGreaterThan(0);
    await expect.poll(() => browser.logs.slice(before).find((l) => l.includes('longest slice')), { timeout: 60_000 }).toBeTruthy();
    const line = browser.logs.slice(before).find((l) => l.includes('longest slice')) ?? '';
    const longest = Number(/longest slice ([\d.]+) ms/.exec(line)?.[1]);
    console.log(`5 MB page: ${line}; ${await highlightCount(page)} highlights`);
    expect(longest).toBeLessThan(50);
    // The popup gets its list while the page is this large; how fast is a number for the benchmark to report
    // (it was 75 to 282 ms on loaded CI machines), not something a test can hold steady.
    const { ms, entities } = await pageEntitiesOf(browser, await tabIdOf(browser, page));
    console.log(`5 MB page: the popup's entity list (${entities.length} entities) answered in ${ms.toFixed(1)} ms`);
    expect(entities.length).toBeGreaterThan(5);
    await page.close();
  });
});
