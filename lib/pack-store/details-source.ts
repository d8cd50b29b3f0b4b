/**
 * Where the background finds an entity's details: a bundled pack's file shipped in the extension (read once
 * per background lifetime, on the first request for it), or an imported pack's record in IndexedDB.
 */
import { browser } from 'wxt/browser';
import type { KnowledgePack, PackEntity } from '../pack-format/types';
import { BUNDLED_PACK_ID } from './bundled-id';
import { readEntityRecord } from './details-db';
import { entityRecords, mergedDetails, namesOf, type EntityDetails, type EntityRecord, type RelatedHead } from './entity-record';
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
  const details = mergedDetails(record, await sharingRecords(packId, sameAs, disabled));
  details.related = await namedRelated(packId, details.related);
  return details;
}

/**
 * The records other bundled packs (not `packId`, none of `disabled`) hold for the same thing, by the
 * identities in `sameAs`, each once, in the order of the identities and then of the packs.
 */
async function sharingRecords(packId: string, sameAs: readonly string[], disabled: readonly string[] = []): Promise<EntityRecord[]> {
  const out: EntityRecord[] = [];
  for (const key of sameAs) {
    for (const other of BUNDLED_FILES.keys()) {
      if (other === packId || disabled.includes(other)) continue;
      // What another pack adds is extra: when it cannot be read, the card still has its own pack's details.
      const found = (await bundledRecords(other)?.catch(() => null))?.bySameAs.get(key);
      if (found && !out.includes(found)) out.push(found);
    }
  }
  return out;
}

/** An entity's names by language: its own pack's, else those of another bundled pack that shares its identity. */
async function namesAcrossPacks(packId: string, entity: PackEntity): Promise<Record<string, string> | undefined> {
  const own = namesOf(entity).names;
  if (own) return own;
  for (const other of await sharingRecords(packId, entity.sameAs ?? [])) {
    const names = namesOf(other.entity).names;
    if (names) return names;
  }
  return undefined;
}

/** An entity's names by language (see namesAcrossPacks), or null when there are none or it cannot be read. */
export async function entityNames(packId: string, entityId: string): Promise<Record<string, string> | null> {
  const record = await recordOf(packId, entityId).catch(() => null);
  return record ? ((await namesAcrossPacks(packId, record.entity)) ?? null) : null;
}

/** A popup's list holds what one page mentions: more than this is not a list a reader scans. */
const MAX_NAMED = 1_000;

/** Names for a list of entities as a message sent it (anything not a { packId, id } pair gets null). */
export function listedEntityNames(list: unknown): Promise<Array<Record<string, string> | null>> {
  const items = Array.isArray(list) ? list.slice(0, MAX_NAMED) : [];
  return Promise.all(
    items.map((item: unknown) => {
      const { packId, id } = (item ?? {}) as { packId?: unknown; id?: unknown };
      return typeof packId === 'string' && typeof id === 'string' ? entityNames(packId.slice(0, 200), id.slice(0, 200)) : Promise.resolve(null);
    }),
  );
}

/**
 * Related entities a bundled pack names in no language of its own (the news pack's "NATO") take their names
 * from another bundled pack that shares their identity (the World pack's "OTAN"), so a card's chips speak the
 * UI's language as its title does. Only bundled packs are asked: their records are in memory, where an
 * imported pack's would cost one database read per chip.
 */
async function namedRelated(packId: string, related: RelatedHead[]): Promise<RelatedHead[]> {
  const own = bundledRecords(packId);
  if (!own || related.every((r) => r.names)) return related;
  const { byId } = await own;
  return Promise.all(
    related.map(async (head) => {
      const entity = head.names ? undefined : byId.get(head.id)?.entity;
      const names = entity ? await namesAcrossPacks(packId, entity) : undefined;
      return names ? { ...head, names } : head;
    }),
  );
}
