/**
 * Where the background finds an entity's details: a bundled pack's file shipped in the extension (read once
 * per background lifetime, on the first request for it), or an imported pack's record in IndexedDB.
 */
import { browser } from 'wxt/browser';
import type { KnowledgePack } from '../pack-format/types';
import { BUNDLED_PACK_ID } from './bundled-id';
import { readEntityRecord } from './details-db';
import { entityRecords, mergedDetails, type EntityDetails, type EntityRecord } from './entity-record';
import { WORLD_DETAILS_PATH, WORLD_PACK_ID } from './world-indexes';

/** The bundled pack's path inside the extension (wxt.config.ts copies it there at build time). */
export const BUNDLED_DETAILS_PATH = `/packs/${BUNDLED_PACK_ID}.json`;

/** The packs shipped inside the extension, by id: where their details file is. */
const BUNDLED_FILES = new Map([
  [BUNDLED_PACK_ID, BUNDLED_DETAILS_PATH],
  [WORLD_PACK_ID, WORLD_DETAILS_PATH],
]);

export interface BundledRecords {
  byId: Map<string, EntityRecord>;
  /** Entities by each identity they share with other packs ("iso:ROU"). */
  bySameAs: Map<string, EntityRecord>;
}

const bundled = new Map<string, Promise<BundledRecords>>();

async function readBundled(path: string): Promise<BundledRecords> {
  // An extension file, read from the extension's own package: no network.
  const response = await fetch(browser.runtime.getURL(path as '/'));
  if (!response.ok) throw new Error(`a bundled pack's details are missing (${response.status})`);
  const pack = (await response.json()) as KnowledgePack;
  const byId = new Map<string, EntityRecord>();
  const bySameAs = new Map<string, EntityRecord>();
  for (const r of entityRecords(pack)) {
    byId.set(r.id, r);
    for (const key of r.entity.sameAs ?? []) bySameAs.set(key, r);
  }
  return { byId, bySameAs };
}

function bundledRecords(packId: string): Promise<BundledRecords> | null {
  const path = BUNDLED_FILES.get(packId);
  if (!path) return null;
  let records = bundled.get(packId);
  if (!records) {
    records = readBundled(path).catch((error: unknown) => {
      bundled.delete(packId);
      throw error;
    });
    bundled.set(packId, records);
  }
  return records;
}

async function recordOf(packId: string, entityId: string): Promise<EntityRecord | null> {
  const records = bundledRecords(packId);
  if (records) return (await records).byId.get(entityId) ?? null;
  return readEntityRecord(packId, entityId);
}

/**
 * An entity's details, with what the other enabled bundled packs say of the same thing (its `sameAs`
 * identities): one card for Romania, with the news pack's sentences and the World pack's facts and map.
 * `disabledPacks` is asked only for an entity that has such identities, so other cards read no settings.
 */
export async function entityDetails(packId: string, entityId: string, disabledPacks: () => Promise<readonly string[]> = () => Promise.resolve([])): Promise<EntityDetails | null> {
  const record = await recordOf(packId, entityId);
  if (!record) return null;
  const sameAs = record.entity.sameAs ?? [];
  const disabled = sameAs.length > 0 ? await disabledPacks() : [];
  const others: EntityRecord[] = [];
  for (const key of sameAs) {
    for (const other of BUNDLED_FILES.keys()) {
      if (other === packId || disabled.includes(other)) continue;
      // What another pack adds is extra: when it cannot be read, the card still has its own pack's details.
      const found = (await bundledRecords(other)?.catch(() => null))?.bySameAs.get(key);
      if (found && !others.includes(found)) others.push(found);
    }
  }
  return mergedDetails(record, others);
}
