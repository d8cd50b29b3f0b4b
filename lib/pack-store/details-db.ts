/**
 * Imported packs' details in IndexedDB, in the extension's origin (the options page, its import worker and
 * the background share it; pages never open it). One record per entity, keyed [packId, entityId], and one
 * record per pack with everything that is not an entity (documents, stop phrases, rules), so a stored pack
 * can be exported whole. Each change is one transaction: a pack is there completely or not at all.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KnowledgePack } from '../pack-format/types';
import { entityRecords, isEntityRecord, type EntityRecord } from './entity-record';

export const DB_NAME = 'backstory-packs';
const DB_VERSION = 1;

export type PackRecord = Omit<KnowledgePack, 'entities' | 'index'>;

interface PacksSchema extends DBSchema {
  packs: { key: string; value: PackRecord };
  entities: { key: [string, string]; value: EntityRecord; indexes: { byPack: string } };
}

export type PacksDb = IDBPDatabase<PacksSchema>;

let opened: Promise<PacksDb> | null = null;

export function openPacksDb(): Promise<PacksDb> {
  opened ??= openDB<PacksSchema>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('packs', { keyPath: 'id' });
      db.createObjectStore('entities', { keyPath: ['packId', 'id'] }).createIndex('byPack', 'packId');
    },
  }).catch((error: unknown) => {
    opened = null;
    throw error;
  });
  return opened;
}

const packRange = (packId: string): IDBKeyRange => IDBKeyRange.bound([packId], [packId, []]);

/** Stores a pack's details, replacing any stored under its id, in one transaction. */
export async function putPackDetails(pack: KnowledgePack): Promise<void> {
  const db = await openPacksDb();
  const tx = db.transaction(['packs', 'entities'], 'readwrite');
  const entities = tx.objectStore('entities');
  const rest: PackRecord & Partial<KnowledgePack> = { ...pack };
  delete rest.entities;
  delete rest.index;
  const writes: Array<Promise<unknown>> = [entities.delete(packRange(pack.id)), tx.objectStore('packs').put(rest)];
  for (const record of entityRecords(pack)) writes.push(entities.put(record));
  writes.push(tx.done);
  await Promise.all(writes);
}

export async function deletePackDetails(packId: string): Promise<void> {
  const db = await openPacksDb();
  const tx = db.transaction(['packs', 'entities'], 'readwrite');
  await Promise.all([tx.objectStore('entities').delete(packRange(packId)), tx.objectStore('packs').delete(packId), tx.done]);
}

export async function readEntityRecord(packId: string, entityId: string): Promise<EntityRecord | null> {
  const record: unknown = await (await openPacksDb()).get('entities', [packId, entityId]);
  return isEntityRecord(record) ? record : null;
}

/** A stored pack rebuilt whole (export), or null when it is not stored. */
export async function readStoredPack(packId: string): Promise<KnowledgePack | null> {
  const db = await openPacksDb();
  const tx = db.transaction(['packs', 'entities'], 'readonly');
  const [meta, records] = await Promise.all([tx.objectStore('packs').get(packId), tx.objectStore('entities').getAll(packRange(packId)), tx.done]);
  if (!meta) return null;
  // Records come back in key order; the pack's own order is kept in `order`.
  return { ...meta, entities: records.sort((a, b) => a.order - b.order).map((r) => r.entity) };
}
