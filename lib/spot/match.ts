/**
 * Finds alias mentions in text with the precompiled trie, walking only from word starts over the original
 * text (folding one code unit at a time through a table). Leftmost-longest, never overlapping.
 */
import { foldCode, hasCase, isIgnorableCode, isUpperCode, isWordCode, wordStarts } from './fold';
import { ALIAS_DEMONYM, ALIAS_EXACT_CASE, ALIAS_SHORT_FORM, ALIAS_STOP, terminalOf, type TrieIndex } from './trie-index';

const SPACE = 0x20;

export interface MatchOptions {
  /** Match demonyms (Polish -> Poland). */
  demonyms: boolean;
  /**
   * Entities already mentioned by a full name earlier on the page; short forms of other entities are ignored.
   * The matcher adds to it, so one set carries the state across the chunks of a page.
   */
  seen: Set<number>;
  /** Which alias languages match on this page (see LoadedPack.languageFilter); absent: all. */
  languages?: Uint8Array | null;
  /** A match the context says is not its entity (part of a longer name, another sense): skipped whole. */
  reject?: (match: RawMatch, text: string) => boolean;
}

export interface RawMatch {
  start: number;
  end: number;
  /** Index of the entity in its pack. */
  entity: number;
  alias: number;
}

function step(index: TrieIndex, node: number, code: number): number {
  if (node === 0) return (index.rootNext[code] ?? 0) - 1;
  let lo = index.edgeStart[node] as number;
  let hi = (index.edgeStart[node + 1] as number) - 1;
  const chars = index.edgeChar;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = chars[mid] as number;
    if (c === code) return mid + 1;
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** `starts`: where words start in `text` (wordStarts), when the caller matches the same text with several packs. */
export function matchText(index: TrieIndex, text: string, options: MatchOptions, starts: readonly number[] = wordStarts(text)): RawMatch[] {
  const out: RawMatch[] = [];
  // A match ends at a word boundary, so the next word start at or after its end is where matching goes on.
  let reach = 0;
  for (let k = 0; k < starts.length; k++) {
    const i = starts[k] as number;
    if (i < reach) continue;
    const hit = longestAt(index, text, i, options);
    if (!hit) continue;
    const flags = index.aliasFlags[hit.alias] as number;
    if (!(flags & ALIAS_STOP) && options.reject?.(hit, text) !== true) {
      out.push(hit);
      if (!(flags & (ALIAS_SHORT_FORM | ALIAS_DEMONYM))) options.seen.add(hit.entity);
    }
    reach = hit.end;
  }
  return out;
}

function longestAt(index: TrieIndex, text: string, start: number, options: MatchOptions): RawMatch | null {
  const n = text.length;
  let node = 0;
  let j = start;
  let best: RawMatch | null = null;
  while (j < n) {
    const raw = text.charCodeAt(j);
    if (isIgnorableCode(raw) && j > start) {
      j++;
      continue;
    }
    const code = foldCode(raw);
    node = step(index, node, code);
    if (node < 0) break;
    j++;
    if (code === SPACE) {
      while (j < n && foldCode(text.charCodeAt(j)) === SPACE) j++;
      continue;
    }
    const terminal = terminalOf(index, node);
    if (terminal < 0) continue;
    const tStart = index.termOffsets[terminal] as number;
    const tEnd = index.termOffsets[terminal + 1] as number;
    if (j < n && isWordCode(text.charCodeAt(j)) && isWordCode(text.charCodeAt(j - 1))) continue;
    for (let t = tStart; t < tEnd; t++) {
      const alias = index.termAlias[t] as number;
      if (acceptable(index, alias, text, start, options)) {
        best = { start, end: j, entity: index.aliasEntity[alias] as number, alias };
        break;
      }
    }
  }
  return best;
}

function acceptable(index: TrieIndex, alias: number, text: string, start: number, options: MatchOptions): boolean {
  const flags = index.aliasFlags[alias] as number;
  if (flags & ALIAS_DEMONYM && !options.demonyms) return false;
  const language = index.aliasLanguage[alias] as number;
  if (language !== 0 && options.languages && options.languages[language] !== 1) return false;
  if (flags & ALIAS_SHORT_FORM && !options.seen.has(index.aliasEntity[alias] as number)) return false;
  const from = index.formStart[alias] as number;
  const to = index.formStart[alias + 1] as number;
  if (!caseFits(index.forms, from, to, text, start, (flags & ALIAS_EXACT_CASE) !== 0)) return false;
  return !(flags & ALIAS_EXACT_CASE) || !inShoutedText(text, start, start + to - from);
}

/**
 * An acronym inside ALL-CAPS text ("LET US KNOW", "WHAT IS NEXT") is more likely a shouted common word than
 * the acronym: when the words on both sides are capitals too, the case tells nothing, so no match.
 */
function inShoutedText(text: string, start: number, end: number): boolean {
  return capsWordAround(text, start, -1) && capsWordAround(text, end, 1);
}

function capsWordAround(text: string, from: number, direction: 1 | -1): boolean {
  let i = direction < 0 ? from - 1 : from;
  // Skip the spaces and light punctuation between words, but not a block separator or sentence end.
  let skipped = 0;
  while (i >= 0 && i < text.length && !isWordCode(text.charCodeAt(i))) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b || ++skipped > 3) return false;
    i += direction;
  }
  let letters = 0;
  while (i >= 0 && i < text.length && isWordCode(text.charCodeAt(i))) {
    const c = text.charCodeAt(i);
    if (hasCase(c)) {
      if (!isUpperCode(c)) return false;
      letters++;
    }
    i += direction;
  }
  return letters >= 2;
}

/**
 * Exact aliases must match letter case everywhere. Other aliases only require that the words the alias writes
 * capitalised are capitalised on the page too, which admits "NATO"/"Nato", "ROMANIA" and rejects "trump card".
 */
function caseFits(form: string, from: number, to: number, text: string, start: number, exact: boolean): boolean {
  let p = start;
  for (let k = from; k < to; k++) {
    const f = form.charCodeAt(k);
    if (f === SPACE) {
      while (p < text.length && foldCode(text.charCodeAt(p)) === SPACE) p++;
      continue;
    }
    while (p < text.length && isIgnorableCode(text.charCodeAt(p))) p++;
    const t = text.charCodeAt(p++);
    const formUpper = isUpperCode(f);
    if (exact) {
      if (formUpper !== isUpperCode(t) && hasCase(f)) return false;
    } else if (formUpper && (k === from || !isWordCode(form.charCodeAt(k - 1))) && !isUpperCode(t)) {
      return false;
    }
  }
  return true;
}
