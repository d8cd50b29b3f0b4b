import type { PackEntity } from '../../lib/pack-format/types';
import { describe, expect, test } from 'vitest';
import { cardCopyText } from '../../lib/content/card-copy';
import { groupNews } from '../../lib/pack-format/news-groups';
import { newsKind } from '../../lib/i18n/news-kind';
import { lookUp } from '../../lib/spot/entity-lookup';
import { loadPack } from '../../lib/spot/pack-index';
import { asOfLabel, pageDate } from '../../lib/content/page-date';
import type { PackDocument } from '../../lib/pack-format/types';
import { defaultSettings, MAX_LIST } from '../../lib/settings/schema';
import { withMuted } from '../../lib/settings/muting';

const docs = new Map<string, PackDocument>([
  ['a1', { id: 'a1', title: '', kind: 'article', date: '2025-12', source: 'seed.txt' }],
  ['h1', { id: 'h1', title: 'Romania Moves Fast on Drones', kind: 'headline', date: '2025-12-14', source: 'seed.txt' }],
  ['t1', { id: 't1', title: 'Drone deal signed', kind: 'article', date: '2025-12-15', source: 'x.txt', site: 'Reuters', url: 'https://example.org/drones' }],
  ['j1', { id: 'j1', title: 'Bad link', kind: 'article', date: '', source: 'y.txt', url: 'javascript:alert(1)' }],
]);
const s = (doc: string, text: string): { doc: string; text: string; marks: Array<[number, number]> } => ({ doc, text, marks: [] });

describe('"In the news" groups quotes by their document', () => {
  test('each document is named once, above its quotes; a headline is not repeated as its own source', () => {
    const groups = groupNews([s('a1', 'One.'), s('h1', 'Romania Moves Fast on Drones'), s('a1', 'Two.'), s('t1', 'Three.')], docs, 10);
    expect(groups.map((g) => [g.title, newsKind(g), g.site, g.date, g.url, g.quotes.map((q) => q.text)])).toEqual([
      ['', 'Article', '', 'Dec 2025', '', ['One.', 'Two.']],
      ['', 'Headline', '', '14 Dec 2025', '', ['Romania Moves Fast on Drones']],
      ['Drone deal signed', '', 'Reuters', '15 Dec 2025', 'https://example.org/drones', ['Three.']],
    ]);
  });
  test('at most the asked number of quotes, the same sentence once, and only http(s) links', () => {
    const groups = groupNews([s('a1', 'One.'), s('t1', 'One.'), s('j1', 'Two.'), s('a1', 'Three.')], docs, 2);
    expect(groups.flatMap((g) => g.quotes.map((q) => q.text))).toEqual(['One.', 'Two.']);
    expect(groups[1]?.url).toBe('');
  });
});

describe('copy', () => {
  test('name, summary, and the first quote with its title, site, date and link', () => {
    const text = cardCopyText('Drones', 'Unmanned aircraft.', groupNews([s('t1', 'Three.')], docs, 1));
    expect(text).toBe('Drones\nUnmanned aircraft.\n“Three.” (Drone deal signed, Reuters, 15 Dec 2025, https://example.org/drones)');
    expect(cardCopyText('Drones', '', [])).toBe('Drones');
  });
});

describe('"as of" dates', () => {
  const doc = (head: string, body = ''): Document => new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');
  test('the page date comes from meta tags, JSON-LD (arrays and @graph) or the article time; broken JSON-LD is skipped', () => {
    expect(pageDate(doc('<meta property="article:published_time" content="2026-03-04T10:00:00Z">'))?.toISOString().slice(0, 10)).toBe('2026-03-04');
    expect(pageDate(doc('<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-12-20"}]}</script>'))?.toISOString().slice(0, 10)).toBe('2025-12-20');
    expect(pageDate(doc('<script type="application/ld+json">{broken</script>', '<article><time datetime="2024-01-02">Jan 2</time></article>'))?.toISOString().slice(0, 10)).toBe('2024-01-02');
    expect(pageDate(doc('<meta name="date" content="yesterday">'))).toBeNull();
  });
  test('meta keys match in the attribute each vocabulary writes them in; a body meta and body JSON-LD count', () => {
    expect(pageDate(doc('<META NAME="dc.date.issued" CONTENT="2023-05-06">'))?.toISOString().slice(0, 10)).toBe('2023-05-06');
    expect(pageDate(doc('<meta name="og:title" content="x"><meta name="parsely-pub-date" content="2022-07-08T00:00:00Z">'))?.toISOString().slice(0, 10)).toBe('2022-07-08');
    expect(pageDate(doc('', '<article><meta itemprop="datePublished" content="2021-02-03"></article>'))?.toISOString().slice(0, 10)).toBe('2021-02-03');
    expect(pageDate(doc('', '<p>x</p><script type="application/ld+json">{"datePublished":"2020-09-10"}</script>'))?.toISOString().slice(0, 10)).toBe('2020-09-10');
    // A key in an attribute no vocabulary uses for it is not a date.
    expect(pageDate(doc('<meta itemprop="parsely-pub-date" content="2022-07-08">'))).toBeNull();
  });
  test('said when the corpus is months from the page (or from today when the page has no date), not when close', () => {
    const now = new Date(Date.UTC(2026, 10, 26));
    expect(asOfLabel('2025-12', null, now)).toBe('Dec 2025');
    expect(asOfLabel('2025-12', new Date(Date.UTC(2025, 11, 20)), now)).toBe('');
    expect(asOfLabel('2025-12-15', new Date(Date.UTC(2023, 0, 1)), now)).toBe('Dec 2025');
    expect(asOfLabel('', null, now)).toBe('');
  });
});

describe('muting from a card', () => {
  test('adds and removes one key; invalid keys change nothing; at the limit the oldest mute gives way', () => {
    const base = defaultSettings();
    const muted = withMuted(base, 'backstory-news/nato', true);
    expect(muted.mutedEntities).toEqual(['backstory-news/nato']);
    expect(withMuted(muted, 'backstory-news/nato', true)).toBe(muted);
    expect(withMuted(muted, 'backstory-news/nato', false).mutedEntities).toEqual([]);
    expect(withMuted(base, 'no-slash', true)).toBe(base);
    const full = { ...base, mutedEntities: Array.from({ length: MAX_LIST }, (_, i) => `p/e${i}`) };
    const next = withMuted(full, 'p/new', true).mutedEntities;
    expect(next).toHaveLength(MAX_LIST);
    expect(next.at(-1)).toBe('p/new');
    expect(next[0]).toBe('p/e1');
  });
});

describe('look-up by name', () => {
  const entity = (id: string, name: string, aliases: string[] = [], acronyms: string[] = []): PackEntity => (
    { id, name, type: 'organization', aliases, acronyms, shortForms: [], demonyms: [], summary: '', facts: [], url: '', sentences: [], related: [], headlines: [] }
  );
  // The page holds only indexes: look-up searches names and aliases through them.
  const entries = [loadPack({
    format: 'backstory-pack', formatVersion: 1, id: 'p', name: 'P', version: '1', corpusDate: '', description: '', documents: [],
    entities: [
      entity('eu', 'European Union', ['EU'], ['EU']),
      entity('ec', 'European Commission'),
      entity('ee', 'Eastern Europe'),
      entity('toiu', 'Oana Țoiu'),
      entity('nato', 'North Atlantic Treaty Organization', [], ['NATO']),
    ],
  })];
  test('accent- and case-insensitive; name starts before word starts before inside; aliases after names', () => {
    expect(lookUp(entries, 'europe').map((e) => e.id)).toEqual(['eu', 'ec', 'ee']);
    expect(lookUp(entries, 'TOIU').map((e) => e.id)).toEqual(['toiu']);
    expect(lookUp(entries, 'nato').map((e) => e.id)).toEqual(['nato']);
    expect(lookUp(entries, '   ')).toEqual([]);
    expect(lookUp(entries, 'e', 2)).toHaveLength(2);
  });
});
