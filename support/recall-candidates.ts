/**
 * Recall's other half: every place or body name a loose matcher finds where a reader reads, that no pack
 * found. The loose matcher knows every name the sources give (the World pack's names in every language,
 * world-countries' names, translations, spellings, demonyms and capitals, two-letter spellings included) and
 * word stems followed by a few letters, so inflected forms ("v Česku", "Argentině") are candidates too. A
 * person judges each: a mention the packs miss, or not a mention (a given name, part of a longer name).
 */
import countries from 'world-countries';
import { ALIAS_FIELDS, type KnowledgePack } from '../lib/pack-format/types';
import type { Mention } from '../lib/spot/scan';
import { findReadingRegion } from '../lib/spot/reading-region';
import { isInsideExcluded } from '../lib/spot/extract';
import { staticIsHidden } from '../lib/spot/static-visibility';

export interface LooseCandidate {
  /** Text node ordinal and offset, as support/gold.ts keys mentions. */
  key: string;
  text: string;
  context: string;
}

const NOT_READ = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'code', 'pre', 'svg', 'title', 'head']);
/** The loose matcher for a pack's names and its sources': one pattern for whole names, one for stems. */
export function looseMatcher(pack: KnowledgePack): LooseMatcher {
  const names = new Set<string>();
  const add = (n: string | undefined): void => {
    if (n && (n.length >= 3 || /^[A-Z]{2}$/.test(n))) names.add(n);
  };
  for (const e of pack.entities) {
    add(e.name);
    for (const field of ALIAS_FIELDS) for (const a of e[field]) add(a);
    for (const local of Object.values(e.languages ?? {})) for (const a of [...(local.aliases ?? []), ...(local.demonyms ?? [])]) add(a);
  }
  for (const c of countries) {
    add(c.name.common);
    add(c.name.official);
    for (const t of Object.values(c.translations)) add(t.common);
    for (const a of c.altSpellings) add(a);
    for (const d of Object.values(c.demonyms ?? {})) {
      add(d.m);
      add(d.f);
    }
    for (const capital of c.capital ?? []) add(capital);
  }
  // A one-word name of five letters or more, less a final vowel, and up to four more letters: its inflections.
  const stems = new Set([...names].filter((n) => n.length >= 5 && !/\s/.test(n) && !/^\p{Lu}+$/u.test(n)).map((n) => n.replace(/[aeiouyáéíóúůě]$/i, '')));
  return { names, stems, maxWords: Math.max(...[...names].map((n) => n.split(' ').length)) };
}

export interface LooseMatcher {
  names: Set<string>;
  stems: Set<string>;
  maxWords: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.&-]*/gu;

/** The longest name or inflected name at each word start, words read left to right. */
function matchesIn(data: string, m: LooseMatcher): Array<{ at: number; text: string }> {
  const words = [...data.matchAll(WORD)].map((w) => ({ at: w.index, end: w.index + w[0].length }));
  const out: Array<{ at: number; text: string }> = [];
  for (let i = 0; i < words.length; i++) {
    const start = (words[i] as { at: number }).at;
    let best = '';
    let used = 0;
    for (let k = 1; k <= m.maxWords && i + k - 1 < words.length; k++) {
      const end = (words[i + k - 1] as { end: number }).end;
      // A name may end before the word's trailing full stop or hyphen ("Iran." "Franco-"): try both.
      for (const text of [data.slice(start, end), data.slice(start, end).replace(/[.'’&-]+$/, '')]) {
        if (text.length > best.length && m.names.has(text)) {
          best = text;
          used = k;
        }
      }
    }
    if (best === '') {
      const word = data.slice(start, (words[i] as { end: number }).end).replace(/[.'’&-]+$/, '');
      for (let cut = 1; cut <= 4 && word.length - cut >= 4 && /^\p{L}+$/u.test(word); cut++) {
        if (/^\p{Ll}+$/u.test(word.slice(word.length - cut)) && m.stems.has(word.slice(0, word.length - cut))) {
          best = word;
          used = 1;
          break;
        }
      }
      if (best === '' && m.stems.has(word)) [best, used] = [word, 1];
    }
    if (best !== '') {
      out.push({ at: start, text: best });
      i += used - 1;
    }
  }
  return out;
}

/** Loose matches in the reading region that no found mention covers. */
export function looseCandidates(doc: Document, matcher: LooseMatcher, found: readonly Pick<Mention, 'text' | 'start'>[]): LooseCandidate[] {
  const covered = new Map<Node, Array<[number, number]>>();
  for (const m of found) covered.set(m.start.node, [...(covered.get(m.start.node) ?? []), [m.start.offset, m.start.offset + m.text.length]]);
  const region = findReadingRegion(doc);
  const out: LooseCandidate[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(), i = 0; node; node = walker.nextNode(), i++) {
    let skipped = !doc.body.contains(node);
    for (let p = node.parentElement; p && !skipped; p = p.parentElement) skipped = NOT_READ.has(p.localName);
    if (skipped || isInsideExcluded(node, { region, isHidden: staticIsHidden })) continue;
    const data = (node as Text).data;
    for (const { at, text } of matchesIn(data, matcher)) {
      if ((covered.get(node) ?? []).some(([from, to]) => at >= from && at < to)) continue;
      const context = `${data.slice(Math.max(0, at - 50), at)}[[${text}]]${data.slice(at + text.length, at + text.length + 50)}`.replace(/\s+/g, ' ');
      out.push({ key: `${i}:${at}`, text, context });
    }
  }
  return out;
}
