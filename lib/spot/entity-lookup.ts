/**
 * Look-up by name (the popup's search over every installed pack): case- and accent-insensitive, on names
 * and every alias field; a name that starts with the query ranks before one that has it at a word start,
 * which ranks before one that has it anywhere; an alias hit ranks after a name hit of the same kind.
 */
import type { PageEntity } from '../messages';
import { foldText } from './fold';
import type { LoadedPack } from './loaded-pack';

export const LOOKUP_LIMIT = 20;

function rank(haystack: string, query: string): number {
  const at = haystack.indexOf(query);
  if (at < 0) return -1;
  if (at === 0) return 0;
  return /[\s\-'’.(]/.test(haystack[at - 1] ?? '') ? 1 : 2;
}

export type FoundEntity = Omit<PageEntity, 'count'>;

/** A look-up hit with its rank (lower is better), so hits from the page and the background sort together. */
export interface ScoredEntity extends FoundEntity {
  score: number;
}

const byRank = (a: Pick<ScoredEntity, 'score' | 'name'>, b: Pick<ScoredEntity, 'score' | 'name'>): number => a.score - b.score || a.name.length - b.name.length || a.name.localeCompare(b.name);

/** Searches the packs' indexes: entity names and every alias the matcher knows (the page holds no more). */
export function lookUpScored(packs: Iterable<LoadedPack>, rawQuery: string, limit = LOOKUP_LIMIT): ScoredEntity[] {
  const query = foldText(rawQuery.trim()).slice(0, 100);
  if (query === '') return [];
  const found: Array<{ score: number; name: string; entity: number; loaded: LoadedPack }> = [];
  for (const loaded of packs) {
    const scores = new Map<number, number>();
    for (let i = 0; i < loaded.entityCount; i++) {
      const r = rank(foldText(loaded.nameOf(i)), query);
      if (r >= 0) scores.set(i, r);
    }
    for (const [i, form] of loaded.aliasForms()) {
      const r = rank(foldText(form), query);
      if (r < 0) continue;
      const known = scores.get(i);
      if (known === undefined || r + 3 < known) scores.set(i, r + 3);
    }
    for (const [entity, score] of scores) found.push({ score, name: loaded.nameOf(entity), entity, loaded });
  }
  found.sort(byRank);
  return found.slice(0, limit).flatMap(({ loaded, entity, score }) => {
    const head = loaded.entity(entity);
    return head ? [{ score, packId: loaded.id, id: head.id, name: head.name, type: head.type }] : [];
  });
}

/** The best hits of several look-ups (the page's packs, the background's), ranked as one. */
export function mergeLookUps(lists: ReadonlyArray<readonly ScoredEntity[]>, limit = LOOKUP_LIMIT): ScoredEntity[] {
  return lists.flat().sort(byRank).slice(0, limit);
}

export function lookUp(packs: Iterable<LoadedPack>, rawQuery: string, limit = LOOKUP_LIMIT): FoundEntity[] {
  return lookUpScored(packs, rawQuery, limit).map(({ packId, id, name, type }) => ({ packId, id, name, type }));
}
