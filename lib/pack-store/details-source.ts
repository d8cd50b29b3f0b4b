/**
 * Where the background finds an entity's details: the bundled pack's file shipped in the extension (read once
 * per background lifetime, on the first request), or an imported pack's record in IndexedDB.
 */
import { browser } from 'wxt/browser';
import type { KnowledgePack } from '../pack-format/types';
import { BUNDLED_PACK_ID } from './bundled-id';
import { readEntityRecord } from './details-db';
import { detailsOf, entityRecords, type EntityDetails, type EntityRecord } from './entity-record';

/** The bundled pack's path inside the extension (wxt.config.ts copies it there at build time). */
export const BUNDLED_DETAILS_PATH = `/packs/${BUNDLED_PACK_ID}.json`;

let bundled: Promise<Map<string, EntityRecord>> | null = null;

async function bundledRecords(): Promise<Map<string, EntityRecord>> {
  // An extension file, read from the extension's own package: no network.
  const response = await fetch(browser.runtime.getURL(BUNDLED_DETAILS_PATH as '/'));
  if (!response.ok) throw new Error(`the bundled pack's details are missing (${response.status})`);
  const pack = (await response.json()) as KnowledgePack;
  return new Map([...entityRecords(pack)].map((r) => [r.id, r]));
}

export async function entityDetails(packId: string, entityId: string): Promise<EntityDetails | null> {
  if (packId === BUNDLED_PACK_ID) {
    bundled ??= bundledRecords().catch((error: unknown) => {
      bundled = null;
      throw error;
    });
    const record = (await bundled).get(entityId);
    return record ? detailsOf(record) : null;
  }
  const record = await readEntityRecord(packId, entityId);
  return record ? detailsOf(record) : null;
}
