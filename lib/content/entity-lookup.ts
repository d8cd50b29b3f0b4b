/**
 * Look-up by name (the popup's search over every installed pack): case- and accent-insensitive, on names
 * and every alias field; a name that starts with the query ranks before one that has it at a word start,
 * which ranks before one that has it anywhere; an alias hit ranks after a name hit of the same kind.
 */
import type { PageEntity } from '../messages';
import { ALIAS_FIELDS, type PackEntity } from '../pack-format/types';
import { foldText } from '../spot/fold';

export const LOOKUP_LIMIT = 20;

export interface LookupEntry {
  packId: string;
  entity: PackEntity;
}

function rank(haystack: string, query: string): number {
  const at = haystack.indexOf(query);
  if (at < 0) return -1;
  if (at === 0) return 0;
  return /[\s\-'’.(]/.test(haystack[at - 1] ?? '') ? 1 : 2;
}

export function lookUp(entries: Iterable<LookupEntry>, rawQuery: string, limit = LOOKUP_LIMIT): Array<Omit<PageEntity, 'count'>> {
  const query = foldText(rawQuery.trim()).slice(0, 100);
  if (query === '') return [];
  const found: Array<{ score: number; name: string; entry: LookupEntry }> = [];
  for (const entry of entries) {
    const { entity } = entry;
    let score = rank(foldText(entity.name), query);
    if (score < 0) {
      for (const field of ALIAS_FIELDS) {
        for (const alias of entity[field]) {
          const r = rank(foldText(alias), query);
          if (r >= 0 && (score < 0 || r + 3 < score)) score = r + 3;
        }
      }
    }
    if (score >= 0) found.push({ score, name: entity.name, entry });
  }
  found.sort((a, b) => a.score - b.score || a.name.length - b.name.length || a.name.localeCompare(b.name));
  return found.slice(0, limit).map(({ entry }) => ({ packId: entry.packId, id: entry.entity.id, name: entry.entity.name, type: entry.entity.type }));
}
