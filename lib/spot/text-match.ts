/**
 * Matching page text away from the page: the content script sends the text it collected, the background
 * matches it with the packs it holds and answers with each match's offsets and entity head. The short-form
 * memory (which entities the page named in full) travels with each request, so the background keeps no state
 * per page and a restarted service worker answers the same.
 */
import { ENTITY_TYPES } from '../pack-format/types';
import type { EntityHead, LoadedPack } from './loaded-pack';
import { createScanState, matchPacks, type HeadMatch } from './scan';
import { isLanguageCode } from '../pack-format/language-code';

export interface TextMatchRequest {
  texts: string[];
  /** The page's language, for language-bound aliases. */
  language: string | null;
  demonyms: boolean;
  /** Per pack: entity indexes the page already named in full. */
  seen: Record<string, number[]>;
}

/**
 * The matches come as numbers, each entity head once: a long page's request names thousands of mentions of a
 * few entities, and every object in an answer is made again on the page (where it is garbage the page's own
 * collector pays for, inside the scan's slices).
 */
export interface TextMatchAnswer {
  /** The entity heads the matches name, each once. */
  heads: Array<{ packId: string; entity: EntityHead }>;
  /**
   * Per text, in order: every pack's matches (overlaps between packs are the page's to resolve), three numbers
   * each: start, end, and the index of its head in `heads`.
   */
  matches: number[][];
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
  if (r.language !== null && !isLanguageCode(r.language)) return 'language';
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
  const heads: TextMatchAnswer['heads'] = [];
  const headIndex = new Map<string, number>();
  const matches = request.texts.map((text) =>
    matchPacks(text, packs, state).flatMap(({ start, end, packId, entity }) => {
      const key = `${packId}\u0000${entity.id}`;
      let index = headIndex.get(key);
      if (index === undefined) {
        index = heads.push({ packId, entity }) - 1;
        headIndex.set(key, index);
      }
      return [start, end, index];
    }),
  );
  const seen: Record<string, number[]> = {};
  for (const pack of packs) seen[pack.id] = [...(state.seen.get(pack.id) ?? [])];
  return { heads, matches, seen };
}

/**
 * An answer's matches for each text, checked against the text they are for and the packs asked (the page
 * paints only what fits its own text); `head` gives the page's own copy of an entity head. What does not
 * check out is left out.
 */
export function decodeMatches(
  answer: Pick<TextMatchAnswer, 'heads' | 'matches'>,
  texts: readonly string[],
  packIds: ReadonlySet<string>,
  head: (packId: string, entity: EntityHead) => EntityHead = (_, entity) => entity,
): HeadMatch[][] {
  const heads = (Array.isArray(answer.heads) ? answer.heads : []).map((h: unknown) => {
    const { packId, entity } = (h ?? {}) as { packId?: unknown; entity?: unknown };
    return typeof packId === 'string' && packIds.has(packId) && isEntityHead(entity) ? { packId, entity: head(packId, entity) } : null;
  });
  return texts.map((text, t) => {
    const list: unknown = Array.isArray(answer.matches) ? answer.matches[t] : undefined;
    if (!Array.isArray(list)) return [];
    const numbers = list as unknown[];
    const out: HeadMatch[] = [];
    for (let i = 0; i + 2 < numbers.length; i += 3) {
      const start = numbers[i];
      const end = numbers[i + 1];
      const index = numbers[i + 2];
      const found = Number.isInteger(index) ? heads[index as number] : undefined;
      if (!found || !Number.isInteger(start) || !Number.isInteger(end)) continue;
      if ((start as number) < 0 || (start as number) >= (end as number) || (end as number) > text.length) continue;
      out.push({ start: start as number, end: end as number, packId: found.packId, entity: found.entity });
    }
    return out;
  });
}

/** An entity head as an answer carries it: strings, and a type the extension knows. */
export function isEntityHead(value: unknown): value is EntityHead {
  const h = value as EntityHead | null;
  return typeof h === 'object' && h !== null && typeof h.id === 'string' && typeof h.name === 'string' && (ENTITY_TYPES as readonly string[]).includes(h.type);
}
