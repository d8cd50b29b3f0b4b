/**
 * Version 0.1 kept each imported pack whole, as JSON text in storage.local under "pack:<id>", and every page
 * parsed it. This moves such packs to the current layout: details into IndexedDB, the page-side index into
 * storage.local, then the old key removed, one pack at a time, so a stop half-way (browser closed, service
 * worker ended) leaves every pack readable in one layout or the other and the next start finishes the job.
 * A stored pack that is no longer valid stays where it is, with the reason returned, so nothing is lost.
 */
import { browser } from 'wxt/browser';
import { validatePack } from '../pack-format/validate';
import { base64FromBytes } from '../spot/base64';
import { encodePackIndex } from '../spot/pack-index';
import { putPackDetails } from './details-db';
import { LEGACY_PACK_PREFIX, indexKey, legacyPackKey } from './keys';
import { storedKeys, withPackLock } from './pack-lock';
import { importedPackSummaries } from './stored-list';

export interface MigrationResult {
  moved: string[];
  failed: Array<{ id: string; reason: string }>;
}

export function migrateLegacyPacks(): Promise<MigrationResult> {
  return withPackLock(async () => {
    const result: MigrationResult = { moved: [], failed: [] };
    const present = new Set((await storedKeys()).filter((k) => k.startsWith(LEGACY_PACK_PREFIX)));
    if (present.size === 0) return result;
    for (const { id } of await importedPackSummaries()) {
      const key = legacyPackKey(id);
      if (!present.has(key)) continue;
      try {
        const raw: unknown = (await browser.storage.local.get(key))[key];
        const pack = validatePack(typeof raw === 'string' ? JSON.parse(raw) : raw, `stored pack "${id}"`);
        delete pack.index;
        await putPackDetails(pack);
        await browser.storage.local.set({ [indexKey(id)]: base64FromBytes(encodePackIndex(pack)) });
        await browser.storage.local.remove(key);
        result.moved.push(id);
      } catch (error) {
        result.failed.push({ id, reason: (error as Error).message });
      }
    }
    return result;
  });
}
