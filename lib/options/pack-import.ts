/**
 * Installing, removing and exporting imported knowledge packs. A pack reaches `installPack` only after
 * `preparePack` accepted it, so a bad file never touches storage. Each change is one `storage.local.set`
 * (the pack and the list together: a quota error leaves storage as it was), and changes are serialized
 * across options tabs with a Web Lock, so two imports cannot overwrite each other's list. Pack records that
 * no list entry names (left by an older version or a crash) are collected.
 */
import { browser } from 'wxt/browser';
import { BUNDLED_PACK } from '../pack-store/bundled';
import { PACK_KEY_PREFIX, PACK_LIST_KEY, PACK_LOCK, packKey } from '../pack-store/keys';
import { importedPackSummaries, type PackSummary } from '../pack-store/store';

function serialized<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(PACK_LOCK, work) as Promise<T>) : work();
}

/** Stores a prepared pack (its JSON text) and lists it in one write, which is what open tabs react to. */
export function installPack(json: string, summary: PackSummary): Promise<void> {
  return serialized(async () => {
    const list = (await importedPackSummaries()).filter((s) => s.id !== summary.id);
    await browser.storage.local.set({ [packKey(summary.id)]: json, [PACK_LIST_KEY]: [...list, summary] });
  });
}

export function removePack(id: string): Promise<void> {
  return serialized(async () => {
    const list = await importedPackSummaries();
    await browser.storage.local.set({ [PACK_LIST_KEY]: list.filter((s) => s.id !== id) });
    await browser.storage.local.remove(packKey(id));
  });
}

/** The keys in storage.local, without reading the (megabytes of) values where the browser can list keys alone. */
async function storedKeys(): Promise<string[]> {
  const local = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  return typeof local.getKeys === 'function' ? local.getKeys() : Object.keys(await local.get(null));
}

/** Removes stored packs that no list entry names; returns their ids. */
export function collectOrphanPacks(): Promise<string[]> {
  return serialized(async () => {
    const listed = new Set((await importedPackSummaries()).map((s) => packKey(s.id)));
    const orphans = (await storedKeys()).filter((k) => k.startsWith(PACK_KEY_PREFIX) && !listed.has(k));
    if (orphans.length > 0) await browser.storage.local.remove(orphans);
    return orphans.map((k) => k.slice(PACK_KEY_PREFIX.length));
  });
}

export async function exportPackText(id: string): Promise<string> {
  if (id === BUNDLED_PACK.id) return JSON.stringify(BUNDLED_PACK, null, 1);
  const stored = (await browser.storage.local.get(packKey(id)))[packKey(id)];
  return typeof stored === 'string' ? stored : JSON.stringify(stored, null, 1);
}
