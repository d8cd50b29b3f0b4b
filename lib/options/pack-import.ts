/**
 * Installing, removing and exporting imported knowledge packs. A pack reaches `installPack` only after
 * `preparePack` accepted it, so a bad file never touches storage. A pack is stored in two places: its
 * details in IndexedDB (one transaction, written first) and its page-side index in storage.local together
 * with the pack list (one `set`, which is what open tabs react to), so a tab never sees a listed pack whose
 * details are missing. Changes are serialized across options tabs with a Web Lock. Details and indexes that
 * no list entry names (left by a crash between the two writes) are collected.
 */
import { browser } from 'wxt/browser';
import { BUNDLED_PACK } from '../pack-store/bundled';
import { WORLD_DETAILS_PATH, WORLD_PACK_ID } from '../pack-store/world-indexes';
import { deletePackDetails, openPacksDb, readStoredPack } from '../pack-store/details-db';
import { PACK_INDEX_PREFIX, PACK_LIST_KEY, indexKey } from '../pack-store/keys';
import { storedKeys, withPackLock } from '../pack-store/pack-lock';
import { importedPackSummaries, type PackSummary } from '../pack-store/store';

/**
 * Installs a prepared pack: `writeDetails` stores its details (in the import worker) and returns its index as
 * base64; the index and the list entry are then written in one `set`.
 */
export function installPack(summary: PackSummary, writeDetails: () => Promise<string>): Promise<void> {
  return withPackLock(async () => {
    const index = await writeDetails();
    const list = (await importedPackSummaries()).filter((s) => s.id !== summary.id);
    await browser.storage.local.set({ [indexKey(summary.id)]: index, [PACK_LIST_KEY]: [...list, summary] });
  });
}

export function removePack(id: string): Promise<void> {
  return withPackLock(async () => {
    const list = await importedPackSummaries();
    await browser.storage.local.set({ [PACK_LIST_KEY]: list.filter((s) => s.id !== id) });
    await browser.storage.local.remove(indexKey(id));
    await deletePackDetails(id);
  });
}

/** Removes stored indexes and details that no list entry names; returns their pack ids. */
export function collectOrphanPacks(): Promise<string[]> {
  return withPackLock(async () => {
    const listed = new Set((await importedPackSummaries()).map((s) => s.id));
    const orphanKeys = (await storedKeys()).filter((k) => k.startsWith(PACK_INDEX_PREFIX) && !listed.has(k.slice(PACK_INDEX_PREFIX.length)));
    if (orphanKeys.length > 0) await browser.storage.local.remove(orphanKeys);
    const storedIds = (await (await openPacksDb()).getAllKeys('packs')).filter((id) => !listed.has(id));
    for (const id of storedIds) await deletePackDetails(id);
    return [...new Set([...orphanKeys.map((k) => k.slice(PACK_INDEX_PREFIX.length)), ...storedIds])];
  });
}

export async function exportPackText(id: string): Promise<string> {
  if (id === BUNDLED_PACK.id) return JSON.stringify(BUNDLED_PACK, null, 1);
  // The World pack is a file in the extension's own package.
  if (id === WORLD_PACK_ID) return (await fetch(browser.runtime.getURL(WORLD_DETAILS_PATH as '/'))).text();
  const pack = await readStoredPack(id);
  if (!pack) throw new Error(`pack "${id}" is not stored`);
  return JSON.stringify(pack, null, 1);
}
