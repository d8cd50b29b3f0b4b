/** Turns collected text into mentions of entities: matching over every enabled pack, mapped back to DOM nodes. */
import type { TextChunk } from './extract';
import type { EntityHead, LoadedPack } from './loaded-pack';
import { matchText, type RawMatch } from './match';
import { wordStarts } from './fold';
import { rejectMatch } from './context-rules';

export interface DomPoint {
  node: Text;
  offset: number;
}

export interface Mention {
  packId: string;
  entity: EntityHead;
  start: DomPoint;
  end: DomPoint;
  /** The mention as written on the page. */
  text: string;
  /** Every text node the mention touches, in order (one, unless it spans inline elements). */
  nodes: Text[];
  /** Where it starts in the chunk of collected text it was found in (for tools that show context). */
  chunkOffset: number;
}

export interface ScanState {
  demonyms: boolean;
  /** The page's language ("fr"), or null when it does not say: which language-bound aliases match. */
  language: string | null;
  filters: Map<string, Uint8Array | null>;
  /** Per pack: entities already named in full on this page (short forms depend on it). */
  seen: Map<string, Set<number>>;
}

export function createScanState(demonyms: boolean, language: string | null = null): ScanState {
  return { demonyms, language, filters: new Map(), seen: new Map() };
}

/**
 * A match with its entity resolved: what the matcher found in one pack, here or in the background (imported
 * packs are matched there, lib/pack-store/imported-matcher.ts), in the text's own offsets.
 */
export interface HeadMatch {
  start: number;
  end: number;
  packId: string;
  entity: EntityHead;
}

/**
 * Every pack's matches in a text, pack by pack (overlaps between packs are not resolved: the caller does it
 * over all sources at once, see resolveOverlaps). The state's short-form memory is carried per pack.
 */
export function matchPacks(text: string, packs: readonly LoadedPack[], state: ScanState): HeadMatch[] {
  if (text.length === 0 || packs.length === 0) return [];
  const out: HeadMatch[] = [];
  const starts = wordStarts(text);
  for (const loaded of packs) {
    let seen = state.seen.get(loaded.id);
    if (!seen) {
      seen = new Set();
      state.seen.set(loaded.id, seen);
    }
    const reject = (m: RawMatch, text: string): boolean => rejectMatch(loaded, m, text);
    let languages = state.filters.get(loaded.id);
    if (languages === undefined) {
      languages = loaded.languageFilter(state.language);
      state.filters.set(loaded.id, languages);
    }
    for (const m of matchText(loaded.index, text, { demonyms: state.demonyms, seen, reject, languages }, starts)) {
      const entity = loaded.entity(m.entity);
      if (entity) out.push({ start: m.start, end: m.end, packId: loaded.id, entity });
    }
  }
  return out;
}

/** Mentions in one chunk, in text order; where packs disagree the longest leftmost mention wins. */
export function scanChunk(chunk: TextChunk, packs: readonly LoadedPack[], state: ScanState): Mention[] {
  const found = matchPacks(chunk.text, packs, state);
  return mentionsIn(chunk, packs.length > 1 ? resolveOverlaps(found) : found);
}

/** Non-overlapping matches, in text order: the leftmost wins, and of those starting together the longest. */
export function resolveOverlaps(matches: HeadMatch[]): HeadMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: HeadMatch[] = [];
  let reach = -1;
  for (const m of matches) {
    if (m.start >= reach) {
      kept.push(m);
      reach = m.end;
    }
  }
  return kept;
}

/** Matches in a chunk's text made into mentions of its DOM nodes. */
export function mentionsIn(chunk: TextChunk, matches: readonly HeadMatch[]): Mention[] {
  const out: Mention[] = [];
  for (const m of matches) {
    const from = nodeIndexAt(chunk, m.start);
    const to = nodeIndexAt(chunk, m.end - 1);
    out.push({
      packId: m.packId,
      entity: m.entity,
      start: pointIn(chunk, from, m.start),
      end: pointIn(chunk, to, m.end),
      text: chunk.text.slice(m.start, m.end),
      nodes: chunk.nodes.slice(from, to + 1),
      chunkOffset: m.start,
    });
  }
  return out;
}

/**
 * Whether the page still reads the mention where it was found: after the scan waited for the background, a
 * node may have changed or left (the mutation queue rescans it; a stale mention must not be painted).
 */
export function stillReads(mention: Mention): boolean {
  const { nodes, start, end, text } = mention;
  let read = '';
  for (const [i, node] of nodes.entries()) {
    if (!node.isConnected) return false;
    read += node.data.slice(i === 0 ? start.offset : 0, i === nodes.length - 1 ? end.offset : undefined);
  }
  return read === text;
}

/** The index of the node holding the character at `position`. */
function nodeIndexAt(chunk: TextChunk, position: number): number {
  const { starts } = chunk;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function pointIn(chunk: TextChunk, index: number, position: number): DomPoint {
  return { node: chunk.nodes[index] as Text, offset: position - (chunk.starts[index] as number) + (chunk.offsets[index] as number) };
}

/** The node and offset of a text position; an end position belongs to the node holding the character before it. */
export function pointAt(chunk: TextChunk, position: number, isEnd: boolean): DomPoint {
  return pointIn(chunk, nodeIndexAt(chunk, isEnd ? position - 1 : position), position);
}
