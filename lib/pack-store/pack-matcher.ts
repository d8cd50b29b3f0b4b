/**
 * Pages are matched in the background, not on the page: a page collects its text and sends it here, and this
 * answers with every pack's matches (lib/spot/text-match.ts). A pack built from an archive can hold 100,000
 * entities (an index of 12 MB); read, decoded and kept by every tab, and matched by code that runs once per
 * page and so never warms up, packs made every page pay for what they say rather than for what the page
 * mentions. Here each pack is decoded once per start (the World pack once per page language) and matched by
 * code that stays warm. Decoded packs are forgotten when the stored ones change.
 */
import bundledIndex from '../../generated/backstory-news.index.json';
import type { LoadedPack } from '../spot/loaded-pack';
import { lookUpScored, type ScoredEntity } from '../spot/entity-lookup';
import { checkTextMatchRequest, matchTexts, TEXT_MATCH_LIMITS, type TextMatchAnswer } from '../spot/text-match';
import { isLanguageCode } from '../pack-format/language-code';
import { LEARNED_INDEX_KEY, LEARNED_PACK_ID } from '../reading/learned-keys';
import { BUNDLED_PACK_ID } from './bundled-id';
import { indexKey, PACK_INDEX_PREFIX, PACK_LIST_KEY } from './keys';
import { decodeStoredIndex } from './stored-index';
import { WORLD_INDEX_PREFIX, WORLD_PACK_ID, worldIndexKeys } from './world-indexes';

/** Reads storage.local keys (browser.storage.local.get in the extension). */
export type ReadStored = (keys: string[]) => Promise<Record<string, unknown>>;

export interface PackFailure {
  id: string;
  reason: string;
}

/** What a card's footer says of a pack: the page learns it from the answers. */
export interface PackLabel {
  name: string;
  corpusDate: string;
}

const MAX_ID = 200;
/** Not a failure: no name learned yet, or the World pack's indexes not installed yet (pages reload when they are). */
const ABSENT = new Error('absent');

function packIds(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length > TEXT_MATCH_LIMITS.packs) return null;
  return value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID) ? [...new Set(value as string[])] : null;
}

/** Whether a storage.local change can change a pack this matcher decoded. */
export function changesPacks(key: string): boolean {
  return key === PACK_LIST_KEY || key.startsWith(PACK_INDEX_PREFIX) || key.startsWith(WORLD_INDEX_PREFIX) || key === LEARNED_INDEX_KEY;
}

export class PackMatcher {
  private readonly loaded = new Map<string, Promise<LoadedPack>>();

  constructor(private readonly read: ReadStored) {}

  /** The stored packs changed (an import, a removal, new World indexes, new learned names): decode again when next asked. */
  forget(): void {
    this.loaded.clear();
  }

  /** Where a pack's index comes from: compiled in (the bundled news pack), or a storage.local key. */
  private load(id: string, language: string | null): [string, () => Promise<LoadedPack>] {
    const fromKeys = (keys: string[]) => async (): Promise<LoadedPack> => {
      const values = await this.read(keys);
      const key = keys.find((k) => values[k] !== undefined);
      if (key === undefined) throw id === LEARNED_PACK_ID || id === WORLD_PACK_ID ? ABSENT : new Error(`pack "${id}" has no stored index; remove it and import it again`);
      return decodeStoredIndex(values[key], id);
    };
    if (id === BUNDLED_PACK_ID) return [id, () => Promise.resolve(decodeStoredIndex(bundledIndex.base64, id))];
    if (id === WORLD_PACK_ID) return [`${id}@${language ?? '*'}`, fromKeys(worldIndexKeys(language))];
    if (id === LEARNED_PACK_ID) return [id, fromKeys([LEARNED_INDEX_KEY])];
    return [id, fromKeys([indexKey(id)])];
  }

  private async packs(ids: readonly string[], language: string | null): Promise<{ packs: LoadedPack[]; failed: PackFailure[] }> {
    const packs: LoadedPack[] = [];
    const failed: PackFailure[] = [];
    const sources = ids.map((id) => this.load(id, language));
    for (const [key, load] of sources) if (!this.loaded.has(key)) this.loaded.set(key, load());
    for (const [i, [key]] of sources.entries()) {
      try {
        packs.push(await (this.loaded.get(key) as Promise<LoadedPack>));
      } catch (error) {
        // Read again next time: a pack being imported (or indexes being installed) may be there then.
        this.loaded.delete(key);
        if (error !== ABSENT) failed.push({ id: ids[i] as string, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { packs, failed };
  }

  /** Matches a page's texts with the packs it names, in the order it names them. */
  async match(request: unknown): Promise<TextMatchAnswer & { failed: PackFailure[]; labels: Record<string, PackLabel> }> {
    const ids = packIds((request as { packs?: unknown } | null)?.packs);
    if (ids === null) throw new Error('not a match request: packs');
    const checked = checkTextMatchRequest(request);
    if (typeof checked === 'string') throw new Error(`not a match request: ${checked}`);
    const { packs, failed } = await this.packs(ids, checked.language);
    const labels: Record<string, PackLabel> = {};
    for (const p of packs) labels[p.id] = { name: p.meta.name, corpusDate: p.meta.corpusDate };
    return { ...matchTexts(packs, checked), failed, labels };
  }

  /** The named packs' entities whose name or alias matches the query (the popup's look-up), for a page in `language` (else none). */
  async lookUp(packs: unknown, query: unknown, language: unknown = null): Promise<ScoredEntity[]> {
    const ids = packIds(packs);
    if (ids === null || typeof query !== 'string') return [];
    return lookUpScored((await this.packs(ids, isLanguageCode(language) ? language : null)).packs, query.slice(0, 200));
  }
}
