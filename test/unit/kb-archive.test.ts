// @vitest-environment node
// npm run kb on archives: real text never fails the build, formats, gates, referents, descriptions, relations,
// the timeline, shards, and the precision of what it mines from real pages.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { KnowledgePack } from '../../lib/pack-format/types';
import { fitSentence, QUOTE_MAX } from '../../lib/kb/sentence-fit';
import { isCommonWords, isEmbedded, isGivenNameAlone, shapeReason } from '../../lib/kb/gates';
import { appositiveAfter, titleBefore } from '../../lib/kb/describe';
import { joinReferents, oneEditApart, type CandidateStats } from '../../lib/kb/referents';
import { npmiRelations } from '../../lib/kb/relations';
import { runKb } from '../../support/kb-run';
import { htmlArticle } from '../../lib/kb/html-article';
import { nlp, parseForNames } from '../../lib/kb/nlp';
import { languageOf } from '../../lib/kb/language';
import { isAdjectiveLead } from '../../lib/kb/name-leads';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'backstory-kb-archive-'));
const readPack = (path: string): KnowledgePack => JSON.parse(readFileSync(path, 'utf8')) as KnowledgePack;

const ARTICLE = (n: number): string =>
  `Harbour talks resume in Valdria\n\nForeign Minister Oana Toiu met NATO Secretary General Mark Rutte in Brussels on ${n} December. ` +
  `Oana Toiu, Romania's foreign minister, said the North Atlantic Treaty Organization (NATO) would guard the Black Sea. ` +
  `Rutte told reporters that NATO and Romania agreed. Toiu later flew to Bucharest.`;

/** A corpus with everything that used to fail a build: markup quoted as text, a 3,000-character line, bad bytes, Chinese, a broken JSON line. */
function hostileCorpus(): string {
  const dir = tmp();
  writeFileSync(join(dir, '2025-12-01-talks.txt'), ARTICLE(1));
  writeFileSync(join(dir, '2025-12-02-talks.md'), `# Talks go on\n\n${ARTICLE(2)} The site told readers to add <link rel="stylesheet" href="a.css"> to their page, as Mark Rutte joked.`);
  writeFileSync(join(dir, 'dateline.txt'), `Rutte visits the Black Sea coast\n\nCONSTANTA, Romania, Dec. 11, 2025 — Mark Rutte toured the Mihail Kogalniceanu base with Romanian officials.`);
  writeFileSync(join(dir, 'list.txt'), `A long list without full stops\n\n${Array.from({ length: 300 }, (_, i) => `item ${i} near Brussels`).join(' and ')}`);
  writeFileSync(join(dir, 'broken.txt'), Buffer.from([0x4e, 0x41, 0x54, 0x4f, 0xff, 0xfe, 0x20]));
  writeFileSync(join(dir, 'chinese.txt'), '北约秘书长马克·吕特周二在布鲁塞尔表示，北约将加强东翼防御。罗马尼亚外交部长奥阿娜·措尤欢迎这一决定，并表示罗马尼亚将继续支持乌克兰。'.repeat(4));
  writeFileSync(
    join(dir, 'feed.jsonl'),
    [
      JSON.stringify({ title: 'Rutte in Bucharest', date: '2025-12-05T09:30:00Z', url: 'https://example.org/rutte-bucharest', site: 'Example News', text: ARTICLE(5) }),
      '{"title": "cut off',
      JSON.stringify({ title: 'No text here' }),
      JSON.stringify({ title: 'Toiu at the summit', date: '2025-12-09', url: 'https://example.org/toiu', text: ARTICLE(9) }),
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'page.html'),
    `<!doctype html><html><head><title>Summit | Example</title><meta property="article:published_time" content="2025-12-07T10:00:00Z"><link rel="canonical" href="https://example.org/summit"><meta property="og:site_name" content="Example Daily"></head><body><nav><a href="/">Home</a></nav><article><h1>Summit in Brussels</h1>${ARTICLE(7)
      .split('. ')
      .map((s) => `<p>${s}.</p>`)
      .join('')}<p>Officials said the talks covered air defence, drones and the Black Sea, and would continue next week in Bucharest and Brussels.</p></article></body></html>`,
  );
  return dir;
}

describe('a corpus of real-world text never fails the build', () => {
  let dir: string;
  let pack: KnowledgePack;
  let report: string;
  beforeAll(async () => {
    dir = hostileCorpus();
    report = await runKb(['--corpus', dir, '--out', join(dir, 'out', 'pack.json'), '--report', join(dir, 'out', 'review.html'), '--workers', '2']);
    pack = readPack(join(dir, 'out', 'pack.json'));
  });

  test('the unreadable file and the bad JSON lines are reported with their reasons and skipped', () => {
    expect(report).toMatch(/skipped 3 unreadable inputs/);
    expect(report).toMatch(/broken\.txt: is not UTF-8 text \(invalid byte at offset 4\)/);
    expect(report).toMatch(/feed\.jsonl:2: is not valid JSON/);
    expect(report).toMatch(/feed\.jsonl:3: has no "text"/);
  });

  test('markup in the text is text, and no sentence is longer than a card quotes', () => {
    const all = pack.entities.flatMap((e) => e.sentences.map((s) => s.text));
    expect(all.some((s) => s.includes('<link rel="stylesheet" href="a.css">'))).toBe(true);
    for (const s of all) expect(s.length).toBeLessThanOrEqual(QUOTE_MAX);
    expect(report).toMatch(/[1-9]\d* over-long sentences were cut/);
  });

  test('text in a language compromise cannot parse is matched, not mined', () => {
    expect(report).toMatch(/1 documents not in English were matched but not mined/);
    expect(pack.entities.every((e) => !/\p{Script=Han}/u.test(e.name))).toBe(true);
  });

  test('JSON Lines and HTML bring their titles, dates, sites and links', () => {
    const feed = pack.documents.find((d) => d.id === 'feed-l1');
    expect(feed).toMatchObject({ title: 'Rutte in Bucharest', date: '2025-12-05', url: 'https://example.org/rutte-bucharest', site: 'Example News' });
    const page = pack.documents.find((d) => d.source === 'page.html');
    expect(page).toMatchObject({ date: '2025-12-07', url: 'https://example.org/summit', site: 'Example Daily' });
    expect(page?.title).toMatch(/Summit/);
    // A date in the file name dates a text file's articles.
    expect(pack.documents.find((d) => d.source === '2025-12-01-talks.txt')?.date).toBe('2025-12-01');
    // A dateline in the text, read by compromise-dates.
    expect(pack.documents.find((d) => d.source === 'dateline.txt')?.date).toBe('2025-12-11');
  });

  test('one entity per referent: the acronym the text defines, the surname as a short form', () => {
    const nato = pack.entities.filter((e) => [e.name, ...e.aliases, ...e.acronyms].includes('NATO'));
    expect(nato).toHaveLength(1);
    expect([nato[0]?.name, ...(nato[0]?.aliases ?? [])]).toContain('North Atlantic Treaty Organization');
    const rutte = pack.entities.find((e) => e.name === 'Mark Rutte');
    expect(rutte?.type).toBe('person');
    expect(rutte?.shortForms).toEqual(['Rutte']);
    expect(pack.entities.filter((e) => e.name === 'Rutte')).toHaveLength(0);
  });

  test('sentences are listed newest first, with their documents', () => {
    const rutte = pack.entities.find((e) => e.name === 'Mark Rutte');
    const dates = (rutte?.sentences ?? []).map((s) => pack.documents.find((d) => d.id === s.doc)?.date ?? '');
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates[0]).toBe('2025-12-11');
  });

  test('the review report lists entities and rejected candidates, escaped', () => {
    const html = readFileSync(join(dir, 'out', 'review.html'), 'utf8');
    expect(html).toMatch(/<h2>person \(\d+\)<\/h2>/);
    expect(html).toMatch(/Rejected candidates/);
    expect(html).not.toMatch(/<link rel="stylesheet"/);
  });

  test('--strict makes an unreadable file fatal, and the previous pack stays as it was', async () => {
    const out = join(dir, 'out', 'pack.json');
    const before = readFileSync(out, 'utf8');
    await expect(runKb(['--corpus', dir, '--out', out, '--strict', '--workers', '1'])).rejects.toThrow(/--strict: broken\.txt: is not UTF-8 text/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });
});

describe('curation: corpus/entities overrides and reject.txt are honoured', () => {
  test('a curated entry replaces the mined name it shares an alias with; a name in reject.txt is never created', async () => {
    const dir = hostileCorpus();
    const entities = tmp();
    writeFileSync(join(entities, 'countries.json'), JSON.stringify([{ id: 'romania', name: 'Romania', type: 'country', summary: 'A country in south-eastern Europe, on the Black Sea.', aliases: [] }]));
    writeFileSync(join(entities, 'reject.txt'), '# names never to create\nBrussels\n');
    const out = join(tmp(), 'pack.json');
    const report = await runKb(['--corpus', dir, '--entities', entities, '--out', out, '--workers', '2']);
    const pack = readPack(out);
    const romania = pack.entities.filter((e) => [e.name, ...e.aliases].includes('Romania'));
    expect(romania).toHaveLength(1);
    expect(romania[0]).toMatchObject({ id: 'romania', type: 'country', summary: 'A country in south-eastern Europe, on the Black Sea.' });
    expect(romania[0]?.sentences.length).toBeGreaterThan(2);
    expect(pack.entities.some((e) => e.name === 'Brussels')).toBe(false);
    expect(report).toMatch(/listed in reject\.txt 1/);
    expect(report).toMatch(/a curated entry covers it 1/);
  });
});

describe('shards: the pack is byte-identical for 1 shard and for N', () => {
  test('3 shards merged give the bytes of one run; a missing or foreign shard is refused', async () => {
    const dir = hostileCorpus();
    const one = join(dir, 'one.json');
    await runKb(['--corpus', dir, '--out', one, '--workers', '2']);
    // Partial tables go outside the corpus folder (a .jsonl there would be read as corpus).
    const out = tmp();
    const parts = [1, 2, 3].map((i) => join(out, `part-${i}.jsonl`));
    for (const [i, part] of parts.entries()) await runKb(['--corpus', dir, '--shard', `${i + 1}/3`, '--out', part, '--workers', '1']);
    const merged = join(dir, 'merged.json');
    await runKb(['--merge', ...parts, '--out', merged]);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(one, 'utf8'));
    await expect(runKb(['--merge', parts[0] as string, parts[2] as string, '--out', join(dir, 'x.json')])).rejects.toThrow(/1 of 3 shards are missing \(have 1, 3\)/);
    const other = tmp();
    writeFileSync(join(other, 'a.txt'), ARTICLE(3));
    await runKb(['--corpus', other, '--shard', '2/3', '--out', join(other, 'p2.jsonl'), '--workers', '1']);
    await expect(runKb(['--merge', parts[0] as string, join(other, 'p2.jsonl'), parts[2] as string, '--out', join(dir, 'x.json')])).rejects.toThrow(/is a shard of a different corpus/);
    writeFileSync(join(dir, 'cut.jsonl'), readFileSync(parts[1] as string, 'utf8').split('\n').slice(0, 2).join('\n'));
    await expect(runKb(['--merge', parts[0] as string, join(dir, 'cut.jsonl'), parts[2] as string, '--out', join(dir, 'x.json')])).rejects.toThrow(/ends before its end line/);
  });
});

describe('gates: each rejected candidate has its reason', () => {
  test.each([
    ['Brooklyn.CreditFred R. Conrad', 'glued tokens'],
    ['Jennifer (1', 'unbalanced quotes or brackets'],
    ['Angola, Cambodia', 'a list, not a name'],
    ['Photo Getty', 'credit or byline fragment'],
    ['literally', 'not shaped like a proper noun'],
    ['Top 5 Browsers', 'not shaped like a proper noun'],
    ['The Long And Winding Road To Somewhere Else', 'more than 6 words'],
  ])('%s: %s', (name, reason) => {
    expect(shapeReason(name)).toBe(reason);
  });

  test('names pass: initials, particles, acronyms, hyphens', () => {
    for (const name of ['Donald J. Trump', 'Bank of England', 'Charles de Gaulle', 'NATO', 'U.S.', 'Mihail Kogălniceanu', 'Jean-Luc Mélenchon', 'G20']) expect(shapeReason(name), name).toBeNull();
  });

  test('a word the corpus mostly writes in lowercase is a common word; a name it capitalises is not', () => {
    const counts = new Map([['weather', { lower: 12, capital: 1 }], ['browsers', { lower: 5, capital: 2 }], ['top', { lower: 30, capital: 4 }], ['valdria', { lower: 0, capital: 9 }]]);
    expect(isCommonWords('Weather', counts)).toBe(true);
    expect(isCommonWords('Top Browsers', counts)).toBe(true);
    expect(isCommonWords('Valdria', counts)).toBe(false);
  });

  test('a given name alone, and a name inside a longer one', () => {
    expect(isGivenNameAlone('Michael', 'person')).toBe(true);
    expect(isGivenNameAlone('Michael Savage', 'person')).toBe(false);
    expect(isEmbedded('He flew to New ', ' next week', 'Zealand')).toBe(true);
    expect(isEmbedded('the Organisation for Economic ', '-operation and', 'Co')).toBe(true);
    expect(isEmbedded('said President ', ' on Monday', 'Trump')).toBe(false);
    expect(isEmbedded('NATO Secretary General ', ' said', 'Mark Rutte')).toBe(false);
    // Before a place or organisation of several words, an adjective compromise left out is the rest of it.
    expect(isEmbedded('in the New ', ' government', 'South Wales', isAdjectiveLead)).toBe(true);
    expect(isEmbedded('in the New ', ' government', 'South Wales')).toBe(false);
    expect(isEmbedded('New ', ' government', 'South Wales', isAdjectiveLead)).toBe(false);
    expect(isEmbedded('NATO Secretary General ', ' said', 'Mark Rutte', isAdjectiveLead)).toBe(false);
    expect(isEmbedded('a report by Reuters ', ' said', 'Goldman Sachs', isAdjectiveLead)).toBe(false);
  });

  test('over-long sentences are cut at clause boundaries, else between words with an ellipsis', () => {
    const clauses = fitSentence(`First part; ${'alpha beta, '.repeat(60)}end`);
    expect(clauses.length).toBeGreaterThan(1);
    expect(clauses.every((p) => p.text.length <= QUOTE_MAX)).toBe(true);
    const words = fitSentence('word '.repeat(200));
    expect(words[0]?.text.endsWith('…')).toBe(true);
    expect(words[1]?.text.startsWith('…')).toBe(true);
  });
});

describe('referents, descriptions and relations', () => {
  const stats = (key: string, mentions: number, type: CandidateStats['types'] extends Map<infer T, number> ? T : never, form = key): [string, CandidateStats] => [key, { key, forms: new Map([[form, mentions]]), types: new Map([[type, mentions]]), mentions, documents: mentions }];

  test('middle initials, surnames, spelling variants that keep the same company', () => {
    const candidates = new Map([
      stats('donald trump', 10, 'person', 'Donald Trump'),
      stats('donald j. trump', 2, 'person', 'Donald J. Trump'),
      stats('trump', 20, 'person', 'Trump'),
      stats('volodymyr zelensky', 8, 'person', 'Volodymyr Zelensky'),
      stats('volodymyr zelenskiy', 3, 'person', 'Volodymyr Zelenskiy'),
      stats('kyiv', 5, 'place', 'Kyiv'),
      stats('jane smith', 2, 'person', 'Jane Smith'),
      stats('john smith', 2, 'person', 'John Smith'),
      stats('smith', 3, 'person', 'Smith'),
    ]);
    const company = new Map([['volodymyr zelensky', new Set(['kyiv'])], ['volodymyr zelenskiy', new Set(['kyiv'])]]);
    const referents = joinReferents({ candidates, acronyms: new Map(), company: (k) => company.get(k) });
    const trump = referents.find((r) => r.keys.includes('donald trump'));
    expect(trump?.keys).toEqual(['donald trump', 'donald j. trump']);
    expect(trump?.shortKeys).toEqual(['trump']);
    expect(referents.find((r) => r.keys.includes('volodymyr zelensky'))?.keys).toContain('volodymyr zelenskiy');
    // Two Smiths: "Smith" alone is nobody in particular.
    expect(referents.some((r) => r.keys.includes('smith') || r.shortKeys.includes('smith'))).toBe(false);
    expect(oneEditApart('iran', 'iraq')).toBe(true);
  });

  test('titles before names and appositives after them describe an entity', () => {
    expect(titleBefore('Foreign Minister ')).toBe('Foreign Minister');
    expect(titleBefore("Romania's foreign minister ")).toBe("Romania's foreign minister");
    expect(titleBefore('They praised President ')).toBe('President');
    expect(titleBefore('Yesterday ')).toBe('');
    expect(appositiveAfter(", Romania's foreign minister, said")).toBe("Romania's foreign minister");
    expect(appositiveAfter(', the Cook Islands, Niue')).toBe('');
    expect(appositiveAfter(', who said so, left')).toBe('');
  });

  test('relations by NPMI: a specific partner ranks above one that is everywhere, and both sides agree', () => {
    // 0 = everywhere, 1 and 2 always together, 3 alone.
    const docs = 20;
    const counts = [20, 4, 4, 6];
    const pairs = new Map([[0 * 4 + 1, 4], [0 * 4 + 2, 4], [0 * 4 + 3, 6], [1 * 4 + 2, 4]]);
    const rel = npmiRelations({ documents: docs, counts, pairs, minTogether: 1, limit: 10 });
    expect(rel[1]?.[0]?.other).toBe(2);
    for (const [a, list] of rel.entries()) for (const r of list) expect(rel[r.other]?.find((x) => x.other === a)?.weight).toBe(r.weight);
  });
});

describe('the map step\'s parse', () => {
  test('without phrase chunking, and tagging only sentences that may hold a name, it finds the same capitalised people, places and organisations, the same quotes and sentences on the saved real pages; untagged, the same sentences', () => {
    type Doc = { people(): Out; places(): Out; organizations(): Out; quotations(): Out; sentences(): Out };
    type Out = { out(format: 'array'): unknown };
    const names = (doc: Doc): unknown[] => [doc.people(), doc.places(), doc.organizations(), doc.quotations(), doc.sentences()].map((s) => s.out('array'));
    const texts = readdirSync('test/fixtures/pages').filter((f) => f.endsWith('.html')).sort()
      .map((f) => htmlArticle(readFileSync(join('test/fixtures/pages', f), 'utf8'))?.text ?? '').filter((t) => t !== '');
    expect(texts.length).toBeGreaterThan(10);
    let found = 0;
    let english = 0;
    for (const text of texts) {
      const full = names(nlp(text));
      const sentences = (parseForNames(text, false) as unknown as Doc).sentences().out('array');
      expect(sentences).toEqual(full[4]);
      // The build tags English only; compromise's tags in other languages are noise either way.
      if (languageOf(text) !== 'en') continue;
      english++;
      const lean = names(parseForNames(text));
      // A sentence with no capital and no quotation mark is not tagged: what compromise finds there is
      // lowercase ("steering committee"), which the proper-noun gate rejects.
      const named = (list: unknown[]): unknown[] => list.map((l) => (l as string[]).filter((n) => /\p{Lu}/u.test(n)));
      expect(named(lean)).toEqual(named(full));
      expect(lean.slice(3)).toEqual(full.slice(3));
      found += (lean[0] as unknown[]).length + (lean[2] as unknown[]).length;
    }
    expect(english).toBeGreaterThan(10);
    expect(found).toBeGreaterThan(100);
    // The full parse is left as it was for everything else.
    expect((nlp.world() as unknown as { hooks: string[] }).hooks).toContain('chunks');
  });
});

describe('precision on real pages', () => {
  test('at least 0.9 of the entities mined from the saved real pages are judged right (unjudged ones count as wrong)', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'pages'));
    for (const f of readdirSync('test/fixtures/pages').filter((f) => f.endsWith('.html'))) cpSync(join('test/fixtures/pages', f), join(dir, 'pages', f));
    await runKb(['--corpus', join(dir, 'pages'), '--out', join(dir, 'pack.json'), '--workers', '2']);
    const gold = JSON.parse(readFileSync('test/fixtures/gold/kb-real-pages.json', 'utf8')) as { expected: Array<{ name: string; type: string }> };
    const good = new Set(gold.expected.map((e) => `${e.type}:${e.name}`));
    const emitted = readPack(join(dir, 'pack.json')).entities;
    const right = emitted.filter((e) => good.has(`${e.type}:${e.name}`));
    const precision = right.length / Math.max(1, emitted.length);
    console.log(`kb precision on real pages: ${right.length}/${emitted.length} = ${precision.toFixed(3)}; not judged right: ${emitted.filter((e) => !good.has(`${e.type}:${e.name}`)).map((e) => `${e.name} [${e.type}]`).join(', ')}`);
    expect(emitted.length).toBeGreaterThan(40);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
