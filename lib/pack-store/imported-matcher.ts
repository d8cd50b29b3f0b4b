/**
 * Imported packs are matched in the background, not on the page: a pack built from an archive can hold
 * 100,000 entities, and its index (12 MB for that many) read, decoded and kept by every tab would make every
 * page pay for what the pack says rather than for what the page mentions. The background decodes each
 * pack once per start and answers pages with matches (lib/spot/text-match.ts). The decoded packs are
 * forgotten when the stored packs change.
 */
import type { LoadedPack } from '../spot/loaded-pack';
import { lookUpScored, type ScoredEntity } from '../content/entity-lookup';
import { checkTextMatchRequest, matchTexts, TEXT_MATCH_LIMITS, type TextMatchAnswer } from '../spot/text-match';
import { indexKey } from './keys';
import { decodeStoredIndex } from './stored-index';

/** Reads storage.local keys (browser.storage.local.get in the extension). */
export type ReadStored = (keys: string[]) => Promise<Record<string, unknown>>;

export interface PackFailure {
  id: string;
  reason: string;
}

const MAX_ID = 200;

function packIds(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length > TEXT_MATCH_LIMITS.packs) return null;
  return value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID) ? [...new Set(value as string[])] : null;
}

export class ImportedMatcher {
  private readonly loaded = new Map<string, Promise<LoadedPack>>();

  constructor(private readonly read: ReadStored) {}

  /** The stored packs changed (an import, a removal): decode again when next asked. */
  forget(): void {
    this.loaded.clear();
  }

  private async packs(ids: readonly string[]): Promise<{ packs: LoadedPack[]; failed: PackFailure[] }> {
    const missing = ids.filter((id) => !this.loaded.has(id));
    if (missing.length > 0) {
      // One read for every pack not yet decoded; each decodes on its own, so one broken pack spoils no other.
      const stored = this.read(missing.map(indexKey));
      for (const id of missing) this.loaded.set(id, stored.then((values) => decodeStoredIndex(values[indexKey(id)], id)));
    }
    const packs: LoadedPack[] = [];
    const failed: PackFailure[] = [];
    for (const id of ids) {
      try {
        packs.push(await (this.loaded.get(id) as Promise<LoadedPack>));
      } catch (error) {
        // Asked again next time: a pack being imported right now may be readable then.
        this.loaded.delete(id);
        failed.push({ id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { packs, failed };
  }

  /** Matches a page's texts with the imported packs it names. */
  async match(request: unknown): Promise<TextMatchAnswer & { failed: PackFailure[] }> {
    const ids = packIds((request as { packs?: unknown } | null)?.packs);
    if (ids === null) throw new Error('not a match request: packs');
    const checked = checkTextMatchRequest(request);
    if (typeof checked === 'string') throw new Error(`not a match request: ${checked}`);
    const { packs, failed } = await this.packs(ids);
    return { ...matchTexts(packs, checked), failed };
  }

  /** The imported packs' entities whose name or alias matches the query (the popup's look-up). */
  async lookUp(packs: unknown, query: unknown): Promise<ScoredEntity[]> {
    const ids = packIds(packs);
    if (ids === null || typeof query !== 'string') return [];
    return lookUpScored((await this.packs(ids)).packs, query.slice(0, 200));
  }
}
