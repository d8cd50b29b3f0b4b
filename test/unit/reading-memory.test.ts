import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { evictOldest, exportArticles, forgetEntity, forgetEverything, forgetOlderThan, importArticles, readArticles, readEntities, readingStats, saveArticle, youRead } from '../../lib/reading/reading-db';
import { parseReadingFile, readingFileText } from '../../lib/reading/reading-file';
import { checkReadArticle } from '../../lib/reading/reading-record';
import { sentencesOfBlocks } from '../../lib/reading/reading-blocks';
import { readBlocks } from '../../lib/content/reading-snapshot';
import { scanDocument } from '../../lib/spot/scan-document';
import { LOADED, parse } from './helpers';
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
    // The limit counts listed items: the page itself, the newest here, is skipped, not counted.
    expect((await youRead(NATO, 'https://b.example/2', 1)).items.map((i) => i.text)).toEqual(['A NATO drill began.']);
    expect((await youRead(NATO, '', 0)).items).toEqual([]);
  });

  test('saving an article again replaces what was kept of it; retention forgets the oldest; Forget everything empties the store', async () => {
    await saveArticle(article('https://a.example/1', 1_000, [['NATO met.', [NATO]], ['Romania too.', [ROMANIA]]]));
    await saveArticle(article('https://a.example/1', 5_000, [['NATO met again.', [NATO]]]));
    expect((await youRead(ROMANIA, '', 5)).articles).toBe(0);
    expect((await youRead(NATO, '', 5)).items.map((i) => i.text)).toEqual(['NATO met again.']);
    await saveArticle(article('https://old.example/x', 10, [['Old NATO news.', [NATO]]]));
    expect(await forgetOlderThan(1_000)).toBe(1);
    expect((await youRead(NATO, '', 5)).articles).toBe(1);
    expect(await readingStats()).toMatchObject({ articles: 1, entities: 1, sentences: 1 });
    await forgetEverything();
    expect(await readingStats()).toEqual({ articles: 0, entities: 0, sentences: 0, bytes: 0 });
  });
});

describe('managing the store', () => {
  test('forget one entity: its sentences go everywhere, and an article left with nothing goes too', async () => {
    await saveArticle(article('https://a.example/1', 1_000, [['NATO met.', [NATO]], ['Romania too.', [ROMANIA]]]));
    await saveArticle(article('https://b.example/2', 2_000, [['NATO again.', [NATO]]]));
    expect(await readEntities()).toEqual([{ entity: NATO, articles: 2 }, { entity: ROMANIA, articles: 1 }]);
    await forgetEntity(NATO);
    expect(await readEntities()).toEqual([{ entity: ROMANIA, articles: 1 }]);
    expect((await readArticles()).map((a) => a.url)).toEqual(['https://a.example/1']);
  });

  test('the storage cap evicts the oldest articles first', async () => {
    for (let i = 0; i < 5; i++) await saveArticle(article(`https://a.example/${i}`, 1_000 + i, [[`NATO story ${i} `.repeat(50), [NATO]]]));
    const { bytes } = await readingStats();
    expect(await evictOldest(Math.floor((bytes * 3) / 5))).toBe(2);
    expect((await readArticles()).map((a) => a.url)).toEqual(['https://a.example/4', 'https://a.example/3', 'https://a.example/2']);
  });

  test('export and import give the store back; a hostile or damaged file is refused whole, and nothing changes', async () => {
    await saveArticle(article('https://a.example/1', 1_000, [['NATO met.', [NATO]], ['Romania too.', [NATO, ROMANIA]]]));
    await saveArticle(article('https://b.example/2', 2_000, [['NATO again.', [NATO]]]));
    const text = readingFileText(await exportArticles());
    await forgetEverything();
    await importArticles(parseReadingFile('mine.json', text, 5_000));
    expect(await exportArticles()).toEqual((JSON.parse(text) as { articles: unknown[] }).articles);
    const before = readingFileText(await exportArticles());
    const bad = JSON.parse(text) as { articles: unknown[] };
    bad.articles.push({ url: 'javascript:alert(1)', sentences: [{ text: 'x', entities: [NATO] }] });
    expect(() => parseReadingFile('bad.json', JSON.stringify(bad), 5_000)).toThrow(/bad\.json: article #3 is not an http\(s\) article/);
    expect(() => parseReadingFile('pack.json', '{"format":"backstory-pack"}', 5_000)).toThrow(/pack\.json is not a Backstory reading file/);
    expect(() => parseReadingFile('cut.json', text.slice(0, 40), 5_000)).toThrow(/cut\.json is not valid JSON/);
    expect(readingFileText(await exportArticles())).toBe(before);
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
    expect(await readingStats()).toEqual({ articles: 0, entities: 0, sentences: 0, bytes: 0 });
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

describe('what a page sends, and what the background keeps of it', () => {
  test('blocks are cut into sentences in the background: only sentences with a name the page matched are kept, with their entities', () => {
    const sentences = sentencesOfBlocks([
      { text: 'Talks began in Brussels. NATO ministers met Romania\'s envoy. Nothing else happened!  The "drone wall" (NATO) grew.', names: [['NATO', NATO], ['Romania', ROMANIA], ['NATO', NATO]] },
      { text: 'NATO again.', names: [['NATO', NATO]] },
      'not a block',
      { text: 42, names: [] },
      { text: 'A sentence with a name that is not listed: Poland.', names: [[7, 'x'], ['Poland']] },
    ]);
    expect(sentences).toEqual([
      { text: "NATO ministers met Romania's envoy.", entities: [NATO, ROMANIA] },
      { text: 'The "drone wall" (NATO) grew.', entities: [NATO] },
      { text: 'NATO again.', entities: [NATO] },
    ]);
  });

  test('the head is made in the background: the canonical link on the same site, the site name or the host, the date from its sources', () => {
    const head = (over: Record<string, unknown>) => ({ href: 'https://news.example/story?id=1#top', canonical: '', title: ' Allies meet ', site: '', dates: { metas: [], jsonLd: [], itemprop: '', time: '' }, ...over });
    const blocks = [{ text: 'NATO met.', names: [['NATO', NATO]] }];
    const check = (over: Record<string, unknown>) => checkReadArticle({ head: head(over), blocks }, 5_000);
    expect(check({})).toEqual({ url: 'https://news.example/story?id=1', title: 'Allies meet', site: 'news.example', published: '', visited: 5_000, sentences: [{ text: 'NATO met.', entities: [NATO] }] });
    expect(check({ canonical: '/story-1', site: 'The Example' })).toMatchObject({ url: 'https://news.example/story-1', site: 'The Example' });
    // A canonical link to another site is not the article's link.
    expect(check({ canonical: 'https://elsewhere.example/x' })?.url).toBe('https://news.example/story?id=1');
    expect(check({ dates: { metas: ['nonsense', '2026-03-04T10:00:00Z'], jsonLd: [], itemprop: '', time: '' } })?.published).toBe('2026-03-04');
    expect(check({ dates: { metas: [], jsonLd: ['{broken', '{"@graph":[{"datePublished":"2025-12-20"}]}'], itemprop: '', time: '2024-01-01' } })?.published).toBe('2025-12-20');
    expect(check({ dates: 'hostile' })?.published).toBe('');
    expect(check({ href: 'javascript:alert(1)' })).toBeNull();
  });

  test('the page reads only the article: mentions outside it are left out; a block longer than a paragraph gives its mention\'s own text', () => {
    const doc = parse(`<nav><p>NATO menu</p></nav><article><p>NATO met. <b>Romania</b> hosted.</p><p>${'filler words '.repeat(1_000)}<span>NATO in a long cell.</span></p></article>`);
    const article = doc.querySelector('article') as Element;
    const found = scanDocument(doc.body, [LOADED]);
    const records = found.map((mention, key) => ({ key, mention, range: null as unknown as StaticRange, nodes: mention.nodes }));
    expect(readBlocks(records, article)).toEqual([
      { text: 'NATO met. Romania hosted.', names: [['NATO', NATO], ['Romania', ROMANIA]] },
      { text: 'NATO in a long cell.', names: [['NATO', NATO]] },
    ]);
  });
});
