/**
 * Installing, removing and exporting imported knowledge packs. A pack reaches `installPack` only after
 * `preparePack` accepted it, so a bad file never touches storage.
 */
import { browser } from 'wxt/browser';
import { BUNDLED_PACK } from '../packs/bundled';
import { importedPackSummaries, PACK_LIST_KEY, packKey, type PackSummary } from '../packs/store';

/** Stores a prepared pack (its JSON text) and then lists it, which is what open tabs react to. */
export async function installPack(json: string, summary: PackSummary): Promise<void> {
  const list = (await importedPackSummaries()).filter((s) => s.id !== summary.id);
  await browser.storage.local.set({ [packKey(summary.id)]: json });
  await browser.storage.local.set({ [PACK_LIST_KEY]: [...list, summary] });
}

export async function removePack(id: string): Promise<void> {
  const list = await importedPackSummaries();
  await browser.storage.local.set({ [PACK_LIST_KEY]: list.filter((s) => s.id !== id) });
  await browser.storage.local.remove(packKey(id));
}

export async function exportPackText(id: string): Promise<string> {
  if (id === BUNDLED_PACK.id) return JSON.stringify(BUNDLED_PACK, null, 1);
  const stored = (await browser.storage.local.get(packKey(id)))[packKey(id)];
  return typeof stored === 'string' ? stored : JSON.stringify(stored, null, 1);
}
