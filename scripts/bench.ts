/**
 * npm run bench: the matcher against one-RegExp-per-alias (what mark.js-style highlighters do) and a bare
 * charCodeAt pass, side by side in one run, over the real saved pages, with packs of 50, 1,000 and 100,000
 * aliases. Reports; does not judge pass/fail beyond printing the targets next to the numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import bundled from '../generated/backstory-news.pack.json';
import type { KnowledgePack, PackEntity } from '../lib/pack-format/types';
import { collectText } from '../lib/spot/extract';
import { matchText } from '../lib/spot/match';
import { collectAliases, ALIAS_EXACT_CASE, type TrieIndex } from '../lib/spot/trie-index';
import { decodePackIndex, encodePackIndex } from '../lib/spot/pack-index';
import { blankEntity as blank, rng, syntheticEntity } from '../support/synthetic-pack';

const PAGES_DIR = 'test/fixtures/pages';
const TYPICAL = 'lemonde-1.html';
const LARGE = 'wikipedia-2.html';
const RUNS = 5;

function pageTexts(): Array<{ name: string; text: string }> {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const parser = new window.DOMParser();
  return readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((name) => {
      const doc = parser.parseFromString(readFileSync(join(PAGES_DIR, name), 'utf8'), 'text/html');
      return { name, text: collectText(doc.body as unknown as Node).text };
    });
}

function aliasCount(entities: readonly PackEntity[]): number {
  return collectAliases(entities).length;
}

/** The real entities, then real country/language names from ICU, then seeded synthetic names, up to `target` aliases. */
function entitiesWithAliases(target: number): PackEntity[] {
  const real = (bundled as unknown as KnowledgePack).entities;
  const out: PackEntity[] = [];
  const taken = new Set<string>();
  const push = (e: PackEntity): void => {
    const key = e.name.toLowerCase();
    if (taken.has(key)) return;
    taken.add(key);
    out.push(e);
  };
  let total = 0;
  for (const e of real) {
    const n = aliasCount([e]);
    if (total + n > target) continue;
    push(e);
    total += n;
  }
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  const languages = new Intl.DisplayNames(['en'], { type: 'language' });
  for (let a = 65; a <= 90 && total < target; a++) {
    for (let b = 65; b <= 90 && total < target; b++) {
      const code = String.fromCharCode(a, b);
      for (const [names, kind] of [[regions, 'region'], [languages, 'language']] as const) {
        let name: string | undefined;
        try {
          name = names.of(kind === 'language' ? code.toLowerCase() : code);
        } catch {
          name = undefined;
        }
        if (name && name !== code && name.toLowerCase() !== code.toLowerCase() && total < target && !taken.has(name.toLowerCase())) {
          push(blank(`icu-${kind}-${code}`, name, 'region'));
          total++;
        }
      }
    }
  }
  const r = rng(20251215);
  let i = 0;
  while (total < target) {
    const e = syntheticEntity(r, i++);
    if (taken.has(e.name.toLowerCase()) || e.acronyms.some((a) => taken.has(a.toLowerCase()))) continue;
    for (const a of e.acronyms) taken.add(a.toLowerCase());
    const n = aliasCount([e]);
    push(e);
    total += n;
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The naive approach: one RegExp per alias over the page text, then leftmost-longest among the hits. */
function naiveMatcher(entities: readonly PackEntity[], keep: boolean): (text: string) => number {
  const make = (a: { form: string; flags: number }): RegExp => {
    const source = escapeRegExp(a.form).replace(/ /g, '\\s+');
    return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])${source}(?![\\p{L}\\p{N}\\p{M}_])`, a.flags & ALIAS_EXACT_CASE ? 'gu' : 'giu');
  };
  const aliases = collectAliases(entities);
  // 100,000 compiled RegExps do not fit in V8's heap at once: at that size each is compiled, run and dropped.
  const kept = keep ? aliases.map(make) : null;
  return (text) => {
    const hits: Array<[number, number]> = [];
    for (let i = 0; i < aliases.length; i++) {
      const re = kept ? (kept[i] as RegExp) : make(aliases[i] as { form: string; flags: number });
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) hits.push([m.index, m.index + m[0].length]);
    }
    hits.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    let reach = -1;
    let count = 0;
    for (const [s, e] of hits) if (s >= reach) { count++; reach = e; }
    return count;
  };
}

function floor(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(fn: () => unknown, runs = RUNS): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);

function main(): void {
  const pages = pageTexts();
  const totalChars = pages.reduce((n, p) => n + p.text.length, 0);
  const totalMB = pages.reduce((n, p) => n + Buffer.byteLength(p.text), 0) / 1e6;
  console.log(`Pages: ${pages.length} real saved pages, ${(totalChars / 1000).toFixed(0)} K chars of text (${totalMB.toFixed(2)} MB UTF-8); typical ${TYPICAL}, large ${LARGE}.`);
  console.log(`Each figure is the median of ${RUNS} warm runs, all in this one process.\n`);

  const sizes = [50, 1000, 100_000];
  const results: Array<{ size: number; oursMBs: number; naiveRatio: number; floorRatio: number; loadMs: number }> = [];
  // The floor gets the same JIT warm-up as the matcher, so the ratio compares optimised code with optimised code.
  for (let i = 0; i < 5; i++) for (const p of pages) floor(p.text);
  const floorMs = pages.map((p) => time(() => floor(p.text), 9));
  const floorTotal = floorMs.reduce((a, b) => a + b, 0);

  console.log('aliases | index KB | load ms | ours ms (typical / large / all pages) | ours MB/s | naive ms (typical / large / all) | naive/ours | floor ms (all) | ours/floor');
  console.log('--------|----------|---------|----------------------------------------|-----------|----------------------------------|------------|----------------|-----------');
  for (const size of sizes) {
    const entities = entitiesWithAliases(size);
    const packed = encodePackIndex({ ...(bundled as unknown as KnowledgePack), entities, stopPhrases: [], contextRules: [] });
    const indexBytes = packed.byteLength;
    const loadMs = time(() => decodePackIndex(packed), 5);
    const index: TrieIndex = decodePackIndex(packed).index;
    const ours = (text: string): number => matchText(index, text, { demonyms: true, seen: new Set() }).length;
    // Warm the JIT over every page first, so the first size measured does not pay for it.
    for (let i = 0; i < 3; i++) for (const p of pages) ours(p.text);
    const oursMs = pages.map((p) => time(() => ours(p.text)));
    const oursTotal = oursMs.reduce((a, b) => a + b, 0);
    const at = (name: string, xs: number[]): number => xs[pages.findIndex((p) => p.name === name)] ?? NaN;
    const naive = naiveMatcher(entities, size <= 1000);
    let naiveTypical: number;
    let naiveLarge = NaN;
    let naiveTotal = NaN;
    if (size <= 1000) {
      const naiveMs = pages.map((p) => time(() => naive(p.text), 3));
      naiveTypical = at(TYPICAL, naiveMs);
      naiveLarge = at(LARGE, naiveMs);
      naiveTotal = naiveMs.reduce((a, b) => a + b, 0);
    } else {
      // 100,000 RegExps over every page would take many minutes: the typical page alone shows the ratio.
      naiveTypical = time(() => naive(pages.find((p) => p.name === TYPICAL)?.text ?? ''), 1);
    }
    const naiveRatio = size <= 1000 ? naiveTotal / oursTotal : naiveTypical / at(TYPICAL, oursMs);
    const oursMBs = totalMB / (oursTotal / 1000);
    results.push({ size, oursMBs, naiveRatio, floorRatio: oursTotal / floorTotal, loadMs });
    console.log(
      `${pad(aliasCount(entities), 7)} | ${pad((indexBytes / 1024).toFixed(0), 8)} | ${pad(loadMs.toFixed(2), 7)} | ${pad(`${at(TYPICAL, oursMs).toFixed(3)} / ${at(LARGE, oursMs).toFixed(3)} / ${oursTotal.toFixed(2)}`, 38)} | ${pad(oursMBs.toFixed(0), 9)} | ${pad(`${naiveTypical.toFixed(2)} / ${Number.isNaN(naiveLarge) ? '–' : naiveLarge.toFixed(1)} / ${Number.isNaN(naiveTotal) ? 'typical only' : naiveTotal.toFixed(1)}`, 32)} | ${pad(`${naiveRatio.toFixed(0)}×`, 10)} | ${pad(floorTotal.toFixed(2), 14)} | ${pad(`${(oursTotal / floorTotal).toFixed(1)}×`, 9)}`,
    );
  }
  const r50 = results[0];
  const r1k = results[1];
  const r100k = results[2];
  if (!r50 || !r1k || !r100k) return;
  console.log('\nTargets');
  const line = (ok: boolean, text: string): void => console.log(`  ${ok ? 'met    ' : 'MISSED '} ${text}`);
  line(r1k.naiveRatio >= 50, `at least 50× faster than one RegExp per alias at 1,000 aliases: ${r1k.naiveRatio.toFixed(0)}×`);
  line(Math.max(...results.map((r) => r.floorRatio)) <= 10, `within 10× of the charCodeAt floor: ${results.map((r) => `${r.floorRatio.toFixed(1)}×`).join(' / ')} (50 / 1k / 100k)`);
  line(r100k.oursMBs >= r50.oursMBs / 2, `throughput at 100,000 aliases at least half of that at 50: ${r100k.oursMBs.toFixed(0)} vs ${r50.oursMBs.toFixed(0)} MB/s (${((r100k.oursMBs / r50.oursMBs) * 100).toFixed(0)}%)`);
  line(r1k.loadMs <= 5, `index load at most 5 ms at 1,000 aliases: ${r1k.loadMs.toFixed(2)} ms`);
  line(r100k.loadMs <= 50, `index load at most 50 ms at 100,000 aliases: ${r100k.loadMs.toFixed(2)} ms`);
}

main();
