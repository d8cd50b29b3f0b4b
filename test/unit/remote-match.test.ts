/**
 * Imported packs are matched in the background: the page sends its text and paints what comes back. These
 * tests run the page's scanner against the background's real matcher (in process) and check that a page
 * gets the same mentions as when every pack was on the page, that the short-form memory travels, that text
 * changed while the background answered is not painted, and that a broken or absent background costs only
 * the imported packs' highlights.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PageWindow } from '../../lib/dom/page-window';
import { lookUp, lookUpScored, mergeLookUps } from '../../lib/spot/entity-lookup';
import { MentionStore } from '../../lib/content/mention-store';
import { PageScanner } from '../../lib/content/page-scanner';
import { Painter } from '../../lib/content/painter';
import { RemotePacks, type AskBackground } from '../../lib/content/remote-packs';
import { VisibleRanges } from '../../lib/content/visible-ranges';
import { PackMatcher } from '../../lib/pack-store/pack-matcher';
import { indexKey } from '../../lib/pack-store/keys';
import { inLanguage, WORLD_PACK_ID, worldIndexKeys } from '../../lib/pack-store/world-indexes';
import { BUNDLED_PACK_ID } from '../../lib/pack-store/bundled-id';
import { LEARNED_PACK_ID } from '../../lib/reading/learned-keys';
import type { PackSummary } from '../../lib/pack-store/summary';
import { defaultSettings } from '../../lib/settings/schema';
import { base64FromBytes } from '../../lib/spot/base64';
import type { LoadedPack } from '../../lib/spot/loaded-pack';
import { encodePackIndex, loadPack } from '../../lib/spot/pack-index';
import { worldPack } from '../../support/world-build';
import { checkTextMatchRequest, decodeMatches, matchTexts, TEXT_MATCH_LIMITS } from '../../lib/spot/text-match';
import { createScanState, matchPacks } from '../../lib/spot/scan';
import { LOADED, PACK } from './helpers';
import { highlightWindow } from './page-window';
import { localPacks } from '../../lib/spot/local-packs';

/** The World pack as the build makes it, with its names in every language (a page that says none matches them all). */
const WORLD_PACK = worldPack().pack;
const WORLD: LoadedPack = loadPack(WORLD_PACK);

let win: PageWindow;
let life: AbortController;

beforeEach(() => {
  ({ win } = highlightWindow());
  life = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => life.abort());

const summary = (pack: LoadedPack): PackSummary => ({ id: pack.id, name: pack.meta.name, version: pack.meta.version, corpusDate: pack.meta.corpusDate, entities: pack.entityCount, bundled: false });

/** The background's matcher over a storage.local held in this object. */
const matcherOver = (stored: Record<string, unknown>): PackMatcher => new PackMatcher((keys) => Promise.resolve(Object.fromEntries(keys.map((k) => [k, stored[k]]))));

/**
 * The background's matcher over these stored indexes (id to base64, where the extension stores them: the
 * World pack's for a page that says no language, others as imports), answering as the background does.
 */
function background(indexes: Record<string, string>): { ask: AskBackground; asked: () => number } {
  const stored = Object.fromEntries(Object.entries(indexes).map(([id, base64]) => [id === WORLD_PACK_ID ? worldIndexKeys(null)[0] as string : indexKey(id), base64]));
  const matcher = matcherOver(stored);
  let count = 0;
  const ask = (async (message: { type: string; packs: string[]; query?: string }) => {
    count++;
    // Through a structured clone each way, as a message goes.
    const sent = structuredClone(message);
    const answer = sent.type === 'look-up-packs' ? { entities: await matcher.lookUp(sent.packs, sent.query) } : await matcher.match(sent);
    return structuredClone(answer);
  }) as AskBackground;
  return { ask, asked: () => count };
}
const NEWS_INDEX = base64FromBytes(encodePackIndex(PACK));
const WORLD_INDEX = base64FromBytes(encodePackIndex(WORLD_PACK));

function scan(local: readonly LoadedPack[], remote: RemotePacks | null, onSliceEnd?: () => undefined): { store: MentionStore; ranges: VisibleRanges; run: () => Promise<unknown> } {
  const store = new MentionStore();
  const painter = new Painter(win, () => document.documentElement);
  // Its paint pacer's timers end with the test, not after the test's window is gone.
  life.signal.addEventListener('abort', () => painter.dispose());
  painter.applyStyle(defaultSettings());
  const ranges = new VisibleRanges({ win, painter, limit: 100_000, marginPx: 0, run: { blocks: 16, mentions: 1_000 }, farRunsKept: 0 });
  const scanner = new PageScanner({
    win, local: localPacks(local), remote, settings: defaultSettings(), painter, ranges, store, collect: {}, isOwnNode: () => false,
    signal: life.signal, onChange: () => undefined, onDocumentChildren: () => undefined, onSliceEnd, log: () => undefined,
  });
  return { store, ranges, run: () => scanner.start() };
}

const found = (store: MentionStore): string[] => store.ordered().map((r) => `${r.mention.packId}/${r.mention.entity.id} "${r.mention.text}" @${r.mention.start.offset}`);

function setBody(html: string): void {
  // What happy-dom would try to load (and report it may not) holds no text to match.
  const quiet = html.replace(/<(iframe|frame|script|style)\b[\s\S]*?<\/\1\s*>|<link\b[^>]*>/gi, '');
  const body = new DOMParser().parseFromString(quiet, 'text/html').body;
  document.body.replaceChildren(...Array.from(body.childNodes).map((n) => document.importNode(n, true)));
}

describe('pages matched in the background', () => {
  test.each(['bbc-1', 'lemonde-1', 'guardian-1'])('saved page %s: the same mentions as with every pack on the page', async (name) => {
    setBody(readFileSync(`test/fixtures/pages/${name}.html`, 'utf8'));
    const here = scan([LOADED, WORLD], null);
    await here.run();
    const expected = found(here.store);
    expect(expected.some((m) => m.startsWith('backstory-world/'))).toBe(true);

    // The page holds no index: the background matches its text with both packs.
    const { ask, asked } = background({ [WORLD.id]: WORLD_INDEX });
    const away = scan([], new RemotePacks([{ id: LOADED.id }, { id: WORLD.id }], ask, () => undefined));
    await away.run();
    expect(found(away.store)).toEqual(expected);
    expect(asked()).toBeGreaterThan(0);
    // And with the news pack on the page and the World pack away, overlaps between them resolve the same.
    const split = scan([LOADED], new RemotePacks([{ id: WORLD.id }], ask, () => undefined));
    await split.run();
    expect(found(split.store)).toEqual(expected);
  });

  test('a surname counts only after the full name, across chunks, as on the page', async () => {
    const filler = '<p>' + 'Officials met again on Tuesday and spoke at length about the budget. '.repeat(80) + '</p>';
    setBody(`<p>Țoiu was not there.</p>${filler}<p>Foreign Minister Oana Țoiu spoke.</p>${filler}${filler}<p>Later Țoiu said more.</p>`);
    const here = scan([LOADED], null);
    await here.run();
    const { ask, asked } = background({ [LOADED.id]: NEWS_INDEX });
    const away = scan([], new RemotePacks([summary(LOADED)], ask, () => undefined));
    await away.run();
    expect(found(away.store)).toEqual(found(here.store));
    expect(found(away.store).map((m) => m.split(' ')[1])).toEqual(['"Oana', '"Țoiu"']);
    expect(asked()).toBeGreaterThan(0);
  });

  test('a slice that collects a lot of text sends it in requests the background accepts', async () => {
    const long = 'The committee went over every line of the budget again and again. '.repeat(450);
    setBody(Array.from({ length: 40 }, () => `<p>${long} NATO agreed.</p>`).join(''));
    const { ask } = background({ [LOADED.id]: NEWS_INDEX });
    const sizes: number[] = [];
    const counting: AskBackground = (message) => {
      if (message.type === 'match-text') sizes.push((message as { texts: string[] }).texts.reduce((n, t) => n + t.length, 0));
      return ask(message);
    };
    const away = scan([], new RemotePacks([summary(LOADED)], counting, () => undefined));
    await away.run();
    expect(found(away.store).length).toBe(40);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(TEXT_MATCH_LIMITS.chars);
  });

  test('an answer that names many mentions is placed over several slices, the page yielding between them', async () => {
    // 30 paragraphs, each a chunk of its own (over 4,000 characters), each naming NATO once.
    const long = 'The committee went over every line of the budget again and again. '.repeat(70);
    setBody(Array.from({ length: 30 }, () => `<p>${long} NATO agreed.</p>`).join(''));
    const { ask, asked } = background({ [LOADED.id]: NEWS_INDEX });
    // The clock stands still while text is collected (so one request carries it all) and moves 1 ms for
    // each mention placed: placing the answer spends the 6 ms slice budget every 7 mentions.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const placedAtSliceEnd: number[] = [];
      const away = scan([], new RemotePacks([summary(LOADED)], ask, () => undefined), () => {
        placedAtSliceEnd.push(away.store.ordered().length);
        return undefined;
      });
      const add = away.ranges.add.bind(away.ranges);
      away.ranges.add = (record) => {
        now += 1;
        add(record);
      };
      await away.run();
      expect(asked()).toBe(1);
      expect(found(away.store).length).toBe(30);
      // The first slice only collected and sent; then at most 7 mentions are placed per slice.
      const perSlice = placedAtSliceEnd.map((n, i) => n - (placedAtSliceEnd[i - 1] ?? 0));
      expect(perSlice[0]).toBe(0);
      expect(Math.max(...perSlice)).toBeLessThanOrEqual(7);
      expect(placedAtSliceEnd.at(-1)).toBe(30);
    } finally {
      clock.mockRestore();
    }
  });

  test('the short-form memory goes with each request and comes back: a later request knows the full name was met', async () => {
    const { ask } = background({ [LOADED.id]: NEWS_INDEX });
    const remote = new RemotePacks([summary(LOADED)], ask, () => undefined);
    const state = createScanState(true, null);
    const [before] = await remote.match(['Țoiu was not there.'], state);
    expect(before).toEqual([]);
    await remote.match(['Foreign Minister Oana Țoiu spoke.'], state);
    const [after] = await remote.match(['Later Țoiu said more.'], state);
    expect(after?.map((m) => m.entity.id)).toEqual(['oana-toiu']);
  });

  test('text changed while the background answered is not painted; the rest is', async () => {
    setBody('<p id="a">Talks in Romania went on.</p><p id="b">NATO met in Brussels.</p>');
    const { ask } = background({ [LOADED.id]: NEWS_INDEX });
    const slow: AskBackground = async (message) => {
      // The page edits a paragraph while the answer is on its way.
      const text = document.querySelector('#a')?.firstChild as Text;
      text.data = 'Talks in Rome went on.';
      return ask(message);
    };
    const away = scan([], new RemotePacks([summary(LOADED)], slow, () => undefined));
    await away.run();
    expect(found(away.store).map((m) => m.split(' ')[0])).toEqual(['backstory-news/nato']);
  });

  test('when the background cannot answer, the page\'s own packs still highlight and the log says why once', async () => {
    setBody('<p>Romania and NATO met.</p><p>Romania again.</p>');
    const log: string[] = [];
    const away = scan([LOADED], new RemotePacks([summary(WORLD)], () => Promise.reject(new Error('Extension context invalidated.')), (m) => log.push(m)));
    await away.run();
    expect(found(away.store).length).toBe(3);
    expect(log).toEqual(['this page was not matched: Extension context invalidated.']);
  });
});

describe('the background matcher', () => {
  test('a broken stored index fails alone, with the reason; the other pack still answers; a change is read again after forget()', async () => {
    const stored: Record<string, unknown> = { [indexKey('good')]: base64FromBytes(encodePackIndex({ ...PACK, id: 'good' })), [indexKey('bad')]: 'QktTWAIAAAA=' };
    const matcher = matcherOver(stored);
    const request = { packs: ['good', 'bad'], texts: ['NATO said so.'], language: null, demonyms: true, seen: {} };
    const first = await matcher.match(request);
    expect(first.failed.map((f) => f.id)).toEqual(['bad']);
    expect(first.failed[0]?.reason).toMatch(/damaged/);
    const found = (answer: typeof first): string[] => (decodeMatches(answer, request.texts, new Set(request.packs))[0] ?? []).map((m) => `${m.packId}/${m.entity.id}`);
    expect(found(first)).toEqual(['good/nato']);
    stored[indexKey('good')] = base64FromBytes(encodePackIndex({ ...PACK, id: 'good', entities: PACK.entities.filter((e) => e.id !== 'nato') }));
    expect(found(await matcher.match(request))).toEqual(['good/nato']);
    matcher.forget();
    expect(found(await matcher.match(request))).toEqual([]);
  });

  test('each pack from its place: the news pack compiled in, the World pack for the page\'s language (else English), learned names; none yet is not a failure', async () => {
    const fr = base64FromBytes(encodePackIndex(inLanguage(WORLD_PACK, 'fr')));
    const en = base64FromBytes(encodePackIndex(inLanguage(WORLD_PACK, 'en')));
    const stored: Record<string, unknown> = { 'worldindex:fr': fr, 'worldindex:en': en };
    const matcher = matcherOver(stored);
    const worldNames = async (language: string | null, text: string): Promise<string[]> => {
      const answer = await matcher.match({ packs: [BUNDLED_PACK_ID, WORLD_PACK_ID, LEARNED_PACK_ID], texts: [text], language, demonyms: true, seen: {} });
      expect(answer.failed).toEqual([]);
      return (decodeMatches(answer, [text], new Set([BUNDLED_PACK_ID, WORLD_PACK_ID, LEARNED_PACK_ID]))[0] ?? []).filter((m) => m.packId === WORLD_PACK_ID).map((m) => text.slice(m.start, m.end));
    };
    expect(await worldNames('fr', "L'Allemagne et la Roumanie.")).toEqual(['Allemagne', 'Roumanie']);
    // A page in a language the pack has no names in (no index stored for it): the English names.
    expect(await worldNames('sw', 'Ujerumani and Germany.')).toEqual(['Germany']);
    // Nothing stored for the World pack yet (right after install) and no name learned: no failure, no World names.
    delete stored['worldindex:fr'];
    delete stored['worldindex:en'];
    matcher.forget();
    expect(await worldNames('fr', "L'Allemagne.")).toEqual([]);
    expect((await matcher.match({ packs: [BUNDLED_PACK_ID], texts: ['NATO met.'], language: null, demonyms: true, seen: {} })).labels[BUNDLED_PACK_ID]?.name).toBe(PACK.name);
  });

  test('requests that are not ones are refused with what is wrong, before anything is read', async () => {
    let reads = 0;
    const matcher = new PackMatcher(() => {
      reads++;
      return Promise.resolve({});
    });
    const ok = { packs: ['a'], texts: ['x'], language: null, demonyms: true, seen: {} };
    expect(checkTextMatchRequest({ ...ok, texts: ['x'.repeat(TEXT_MATCH_LIMITS.chars + 1)] })).toBe('too much text');
    expect(checkTextMatchRequest({ ...ok, seen: { a: [-1] } })).toBe('seen');
    expect(checkTextMatchRequest({ ...ok, language: 'fr-FR<script>' })).toBe('language');
    await expect(matcher.match({ ...ok, packs: 'a' })).rejects.toThrow('not a match request: packs');
    await expect(matcher.match({ ...ok, texts: [1] })).rejects.toThrow('not a match request: texts');
    expect(reads).toBe(0);
  });

  test('an answer names each entity head once; matches that do not fit the text or the packs asked are left out', () => {
    const texts = ['NATO and NATO and Romania.', 'NATO again.'];
    const answer = matchTexts([LOADED], { texts, language: null, demonyms: true, seen: {} });
    expect(answer.heads.map((h) => h.entity.id).sort()).toEqual(['nato', 'romania']);
    const decoded = decodeMatches(answer, texts, new Set([LOADED.id]));
    expect(decoded.map((list) => list.map((m) => m.entity.id))).toEqual([['nato', 'nato', 'romania'], ['nato']]);
    // The same mentions as matched on the page.
    expect(decoded[0]).toEqual(matchPacks(texts[0] ?? '', [LOADED], createScanState(true, null)));
    const hostile = {
      heads: [{ packId: LOADED.id, entity: { id: 'x', name: 'X', type: 'person' } }, { packId: 'other', entity: { id: 'y', name: 'Y', type: 'person' } }, { packId: LOADED.id, entity: { id: 'z', type: 'script' } }],
      matches: [[0, 4, 0, 0, 4, 1, 0, 4, 2, 0, 4, 3, -1, 2, 0, 3, 3, 0, 0, 99, 0, 0.5, 2, 0, '0', 4, 0, 0, 4, '0', 0, 4]],
    };
    expect(decodeMatches(hostile as unknown as Parameters<typeof decodeMatches>[0], texts, new Set([LOADED.id]))).toEqual([[{ start: 0, end: 4, packId: LOADED.id, entity: hostile.heads[0]?.entity }], []]);
    expect(decodeMatches({ heads: 'x', matches: null } as unknown as Parameters<typeof decodeMatches>[0], texts, new Set([LOADED.id]))).toEqual([[], []]);
  });

  test('the popup\'s look-up ranks the page\'s packs and the background\'s as one list', async () => {
    const { ask } = background({ [WORLD.id]: WORLD_INDEX });
    const remote = new RemotePacks([summary(WORLD)], ask, () => undefined);
    const away = await remote.lookUp('roman');
    expect(away.length).toBeGreaterThan(0);
    // The same list as when both packs are searched on the page.
    const merged = mergeLookUps([lookUpScored([LOADED], 'roman'), away]).map((e) => `${e.packId}/${e.id}`);
    expect(merged).toEqual(lookUp([LOADED, WORLD], 'roman').map((e) => `${e.packId}/${e.id}`));
    // A hit can open its card: the page knows its head.
    expect(remote.packs[0]?.entityById(away[0]?.id ?? '')?.name).toBe(away[0]?.name);
  });
});
