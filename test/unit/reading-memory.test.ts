import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetEverything, forgetOlderThan, readingStats, saveArticle, youRead } from '../../lib/reading/reading-db';
import { checkReadArticle } from '../../lib/reading/reading-record';
import { readingAllowed, readingFor, saveReading } from '../../lib/reading/reading-service';
import { watchReading } from '../../lib/reading/read-dwell';
import { defaultSettings, SETTINGS_KEY, type Settings } from '../../lib/settings/schema';

const NATO = 'backstory-news/nato';
const ROMANIA = 'backstory-news/romania';

function article(url: string, visited: number, sentences: Array<[string, string[]]>, title = `Story at ${url}`) {
  return { url, title, site: new URL(url).host, published: '', visited, sentences: sentences.map(([text, entities]) => ({ text, entities })) };
}

async function useSettings(over: Partial<Settings>): Promise<void> {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), ...over } });
}

const tab = (url: string, incognito = false) => ({ url, tab: { incognito } });

beforeEach(async () => {
  fakeBrowser.reset();
  await forgetEverything();
});

describe('the reading store', () => {
  test('"You read" lists other articles newest first, counts them, and leaves out the page itself', async () => {
    await saveArticle(article('https://a.example/1', 1_000, [['NATO met in Brussels.', [NATO]]]));
    await saveArticle(article('https://b.example/2', 3_000, [['NATO chiefs spoke.', [NATO]], ['Romania hosted them.', [ROMANIA]]]));
    await saveArticle(article('https://c.example/3', 2_000, [['A NATO drill began.', [NATO]]]));
    const found = await youRead(NATO, 'https://c.example/3', 5);
    expect(found.articles).toBe(2);
    expect(found.items.map((i) => i.text)).toEqual(['NATO chiefs spoke.', 'NATO met in Brussels.']);
    expect(found.items[0]).toMatchObject({ url: 'https://b.example/2', site: 'b.example', title: 'Story at https://b.example/2' });
    expect((await youRead(ROMANIA, '', 5)).articles).toBe(1);
  });

  test('saving an article again replaces what was kept of it; retention forgets the oldest; Forget everything empties the store', async () => {
    await saveArticle(article('https://a.example/1', 1_000, [['NATO met.', [NATO]], ['Romania too.', [ROMANIA]]]));
    await saveArticle(article('https://a.example/1', 5_000, [['NATO met again.', [NATO]]]));
    expect((await youRead(ROMANIA, '', 5)).articles).toBe(0);
    expect((await youRead(NATO, '', 5)).items.map((i) => i.text)).toEqual(['NATO met again.']);
    await saveArticle(article('https://old.example/x', 10, [['Old NATO news.', [NATO]]]));
    expect(await forgetOlderThan(1_000)).toBe(1);
    expect((await youRead(NATO, '', 5)).articles).toBe(1);
    expect(await readingStats()).toEqual({ articles: 1, entities: 1 });
    await forgetEverything();
    expect(await readingStats()).toEqual({ articles: 0, entities: 0 });
  });
});

describe('what a page may send', () => {
  test('only an http(s) article with sentences naming entities; text is clipped and control characters go', () => {
    expect(checkReadArticle({ url: 'javascript:alert(1)', sentences: [{ text: 'x', entities: [NATO] }] }, 1)).toBeNull();
    expect(checkReadArticle({ url: 'https://a.example/', sentences: [{ text: 'no entity', entities: [] }] }, 1)).toBeNull();
    const ok = checkReadArticle({ url: 'https://a.example/', title: 'T\u0000itle', published: '2026-11-20', sentences: [{ text: 'x'.repeat(5_000), entities: [NATO, NATO, 'not a key'] }], extra: 'ignored' }, 7);
    expect(ok).toMatchObject({ url: 'https://a.example/', title: 'T itle', published: '2026-11-20', visited: 7 });
    expect(ok?.sentences[0]?.text.length).toBe(600);
    expect(ok?.sentences[0]?.entities).toEqual([NATO]);
    expect(ok && 'extra' in ok).toBe(false);
  });

  test('the background keeps nothing while the switch is off, in a private window, on an excluded site, or from another site', async () => {
    const sent = { url: 'https://news.example/a', title: 'A', site: 'News', published: '', sentences: [{ text: 'NATO met.', entities: [NATO] }] };
    await useSettings({ readingMemory: false });
    expect(await saveReading(sent, tab('https://news.example/a'))).toMatchObject({ ok: false });
    await useSettings({ readingMemory: true, readingExcludedSites: ['example.org'] });
    expect(await saveReading(sent, tab('https://news.example/a', true))).toMatchObject({ ok: false });
    expect(readingAllowed({ ...defaultSettings(), readingMemory: true, readingExcludedSites: ['example.org'] }, tab('https://www.example.org/x'))).toBe(false);
    expect(await saveReading(sent, tab('https://evil.example/b'))).toMatchObject({ ok: false, reason: 'the article is not the sending page' });
    expect(await readingStats()).toEqual({ articles: 0, entities: 0 });
    expect(await saveReading(sent, tab('https://news.example/a'))).toEqual({ ok: true });
    expect((await readingFor(NATO, tab('https://other.example/b')))?.articles).toBe(1);
    // Not shown on the page it came from, and not in a private window.
    expect(await readingFor(NATO, tab('https://news.example/a'))).toBeNull();
    expect(await readingFor(NATO, tab('https://other.example/b', true))).toBeNull();
  });
});

describe('when an article counts as read', () => {
  function harness(visible: boolean) {
    let now = 0;
    let state = visible;
    const timers = new Map<number, { at: number; fn: () => void }>();
    let next = 1;
    const listeners: Array<() => void> = [];
    let reads = 0;
    const controller = new AbortController();
    watchReading({
      isVisible: () => state,
      onVisibilityChange: (l) => listeners.push(l),
      setTimer: (fn, ms) => (timers.set(next, { at: now + ms, fn }), next++),
      clearTimer: (id) => timers.delete(id),
      whenIdle: (fn) => fn(),
      now: () => now,
      signal: controller.signal,
      onRead: () => reads++,
      readAfterMs: 15_000,
    });
    const advance = (ms: number): void => {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    };
    const show = (on: boolean): void => {
      state = on;
      for (const l of listeners) l();
    };
    return { advance, show, reads: () => reads, abort: () => controller.abort() };
  }

  test('after 15 s of visible time, once; hidden time does not count; a bounce is never kept', () => {
    const h = harness(true);
    h.advance(10_000);
    h.show(false);
    h.advance(60_000);
    expect(h.reads()).toBe(0);
    h.show(true);
    h.advance(4_999);
    expect(h.reads()).toBe(0);
    h.advance(1);
    expect(h.reads()).toBe(1);
    h.advance(60_000);
    expect(h.reads()).toBe(1);
    const bounce = harness(true);
    bounce.advance(5_000);
    bounce.abort();
    bounce.advance(60_000);
    expect(bounce.reads()).toBe(0);
    const background = harness(false);
    background.advance(60_000);
    expect(background.reads()).toBe(0);
  });
});
