import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { LOADED } from './helpers';
import { loadPack } from '../../lib/spot/pack-index';
import { scanDocument } from '../../lib/spot/scan-document';
import { staticIsHidden } from '../../lib/spot/static-visibility';
import { locateMentions, score, type Gold, type LocatedMention } from '../../support/gold';
import { parseSavedPage } from '../../support/saved-page';
import { worldPack } from '../../support/world-build';
import { looseCandidates, looseMatcher, type LooseCandidate } from '../../support/recall-candidates';

/**
 * The World pack on the saved real pages, with the news pack beside it as in the extension: every mention it
 * makes judged by hand in test/fixtures/gold/world-pages.gold.json (wikipedia-2, a reference page with 357
 * place names, is left out). A mention nobody judged fails the test. For recall, every name a loose matcher
 * finds where a reader reads and no pack found (support/recall-candidates.ts) is judged by hand in
 * world-pages.candidates.json: a mention the packs miss, or not a mention; a candidate nobody judged fails too.
 */
const GOLD = JSON.parse(readFileSync('test/fixtures/gold/world-pages.gold.json', 'utf8')) as Gold;
const PAGES = readdirSync('test/fixtures/pages').filter((f) => f.endsWith('.html') && f !== 'wikipedia-2.html').sort();

const CANDIDATES = JSON.parse(readFileSync('test/fixtures/gold/world-pages.candidates.json', 'utf8')) as Record<string, Record<string, { verdict: 'missed' | 'not a mention'; text: string; reason: string }>>;

interface ScannedPage {
  page: string;
  /** The World pack's mentions, keyed as the gold keys them. */
  located: LocatedMention[];
  /** Names the loose matcher finds where a reader reads and no pack found. */
  candidates: LooseCandidate[];
}

let pages: ScannedPage[] = [];
beforeAll(() => {
  const source = worldPack().pack;
  const world = loadPack(source);
  const matcher = looseMatcher(source);
  pages = PAGES.map((file) => {
    const { doc, close } = parseSavedPage(readFileSync(`test/fixtures/pages/${file}`, 'utf8'));
    const mentions = scanDocument(doc.body, [LOADED, world], { isHidden: staticIsHidden });
    const scanned = { page: file.replace(/\.html$/, ''), located: locateMentions(doc, mentions.filter((m) => m.packId === world.id)), candidates: looseCandidates(doc, matcher, mentions) };
    close();
    return scanned;
  });
}, 60_000);

test('the World pack\'s mentions on the judged real pages (English, French, Portuguese, Czech, ...): precision at least 0.95, every mention judged', () => {
  let found = 0;
  let right = 0;
  const unjudged: string[] = [];
  const wrong: string[] = [];
  for (const { page, located } of pages) {
    const gold = GOLD[page] ?? {};
    const s = score(gold, located);
    found += s.found;
    right += s.right;
    for (const m of s.unjudged) unjudged.push(`${page} ${m.key} ${m.id} "${m.before} [[${m.text}]] ${m.after}"`);
    for (const m of located) if (gold[m.key]?.verdict === 'wrong') wrong.push(`${page}: ${m.text} -> ${m.id} (${gold[m.key]?.reason ?? ''})`);
  }
  const precision = found === 0 ? 1 : right / found;
  console.log(`World pack on the real pages: ${found} found, ${right} right: precision ${precision.toFixed(3)}\nwrong:\n  ${wrong.join('\n  ')}`);
  expect(unjudged, 'mentions no one has judged yet').toEqual([]);
  expect(found).toBeGreaterThan(50);
  expect(precision).toBeGreaterThanOrEqual(0.95);
});

test('recall on the same pages: at least 0.9 of the mentions a reader expects are found, every loose candidate judged', () => {
  let expected = 0;
  let found = 0;
  const unjudged: string[] = [];
  const missed: string[] = [];
  for (const { page, located, candidates } of pages) {
    const keys = new Set(located.map((m) => m.key));
    const judged = CANDIDATES[page] ?? {};
    for (const c of candidates) {
      const verdict = Object.entries(judged).find(([key]) => key === c.key || key.startsWith(`${c.key}:`))?.[1];
      if (!verdict) unjudged.push(`${page} ${c.key} "${c.context}"`);
    }
    // Expected: what the gold says is right, and what the candidates say the packs miss.
    for (const [key, v] of Object.entries(GOLD[page] ?? {})) {
      if (v.verdict !== 'right') continue;
      expected++;
      if (keys.has(key)) found++;
      else missed.push(`${page} ${key} ${v.text} (no longer found)`);
    }
    for (const [key, v] of Object.entries(judged)) {
      if (v.verdict !== 'missed' || GOLD[page]?.[key]) continue;
      expected++;
      if (keys.has(key)) found++;
      else missed.push(`${page} ${key} ${v.text}: ${v.reason}`);
    }
  }
  const recall = found / expected;
  console.log(`World pack on the real pages: ${expected} mentions expected, ${found} found: recall ${recall.toFixed(3)}\nmissed:\n  ${missed.join('\n  ')}`);
  expect(unjudged, 'loose candidates no one has judged yet').toEqual([]);
  expect(expected).toBeGreaterThan(50);
  expect(recall).toBeGreaterThanOrEqual(0.9);
});
