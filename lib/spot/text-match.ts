/**
 * Matching page text away from the page: the content script sends the text it collected, the background
 * matches it with the packs it holds and answers with each match's offsets and entity head. The short-form
 * memory (which entities the page named in full) travels with each request, so the background keeps no state
 * per page and a restarted service worker answers the same.
 */
import { ENTITY_TYPES } from '../pack-format/types';
import type { EntityHead, LoadedPack } from './loaded-pack';
import { createScanState, matchPacks, type HeadMatch } from './scan';

export interface TextMatchRequest {
  texts: string[];
  /** The page's language, for language-bound aliases. */
  language: string | null;
  demonyms: boolean;
  /** Per pack: entity indexes the page already named in full. */
  seen: Record<string, number[]>;
}

export interface TextMatchAnswer {
  /** Per text, in order: every pack's matches (overlaps between packs are the page's to resolve). */
  matches: HeadMatch[][];
  seen: Record<string, number[]>;
}

/** What one request may carry: a slice's chunks, with room for a long page's longest cut. */
export const TEXT_MATCH_LIMITS = { texts: 64, chars: 400_000, packs: 64, seen: 100_000 } as const;

const isIndexList = (value: unknown): value is number[] => Array.isArray(value) && value.every((n) => Number.isInteger(n) && (n as number) >= 0);

/** The request's fields checked and bounded; a message that is not one is refused with what is wrong. */
export function checkTextMatchRequest(value: unknown): TextMatchRequest | string {
  const r = value as Partial<TextMatchRequest> | null;
  if (typeof r !== 'object' || r === null) return 'not a request';
  if (!Array.isArray(r.texts) || r.texts.length > TEXT_MATCH_LIMITS.texts || !r.texts.every((t) => typeof t === 'string')) return 'texts';
  if (r.texts.reduce((n, t) => n + t.length, 0) > TEXT_MATCH_LIMITS.chars) return 'too much text';
  if (r.language !== null && (typeof r.language !== 'string' || !/^[a-z]{2,3}$/.test(r.language))) return 'language';
  if (typeof r.demonyms !== 'boolean') return 'demonyms';
  const seen = r.seen;
  if (typeof seen !== 'object' || seen === null || Array.isArray(seen)) return 'seen';
  const lists = Object.values(seen);
  if (lists.length > TEXT_MATCH_LIMITS.packs || !lists.every(isIndexList) || lists.reduce((n, l) => n + l.length, 0) > TEXT_MATCH_LIMITS.seen) return 'seen';
  return { texts: r.texts, language: r.language ?? null, demonyms: r.demonyms, seen };
}

export function matchTexts(packs: readonly LoadedPack[], request: TextMatchRequest): TextMatchAnswer {
  const state = createScanState(request.demonyms, request.language);
  for (const pack of packs) state.seen.set(pack.id, new Set(request.seen[pack.id] ?? []));
  const matches = request.texts.map((text) => matchPacks(text, packs, state));
  const seen: Record<string, number[]> = {};
  for (const pack of packs) seen[pack.id] = [...(state.seen.get(pack.id) ?? [])];
  return { matches, seen };
}

/** An entity head as an answer carries it: strings, and a type the extension knows. */
export function isEntityHead(value: unknown): value is EntityHead {
  const h = value as EntityHead | null;
  return typeof h === 'object' && h !== null && typeof h.id === 'string' && typeof h.name === 'string' && (ENTITY_TYPES as readonly string[]).includes(h.type);
}

/** An answer's match checked against the text it is for (the page paints only what fits its own text). */
export function isHeadMatch(value: unknown, textLength: number, packIds: ReadonlySet<string>): value is HeadMatch {
  const m = value as HeadMatch | null;
  return typeof m === 'object' && m !== null && Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end && m.end <= textLength &&
    packIds.has(m.packId) && isEntityHead(m.entity);
}
