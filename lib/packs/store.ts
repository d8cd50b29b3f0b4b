/**
 * Installed knowledge packs: the bundled one plus those the user imported (kept in storage.local, never
 * synced: they can be megabytes).
 */
import { browser } from 'wxt/browser';
import type { KnowledgePack } from '../pack/types';
import { validatePack } from '../pack/validate';
import type { Settings } from '../settings/schema';
import type { LoadedPack } from '../spot/scan';
import { BUNDLED_PACK } from './bundled';
import { loadPack } from './load';

export const PACK_LIST_KEY = 'packs';
export const packKey = (id: string): string => `pack:${id}`;

export interface PackSummary {
  id: string;
  name: string;
  version: string;
  corpusDate: string;
  entities: number;
  bundled: boolean;
}

export function summarize(pack: KnowledgePack, bundled: boolean): PackSummary {
  return { id: pack.id, name: pack.name, version: pack.version, corpusDate: pack.corpusDate, entities: pack.entities.length, bundled };
}

export async function importedPackIds(): Promise<string[]> {
  const stored = await browser.storage.local.get(PACK_LIST_KEY);
  const list = stored[PACK_LIST_KEY];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/** Every pack with its summary; a stored pack that no longer validates is reported, not loaded. */
export async function listPacks(): Promise<{ packs: PackSummary[]; broken: string[] }> {
  const packs = [summarize(BUNDLED_PACK, true)];
  const broken: string[] = [];
  const ids = await importedPackIds();
  const stored = ids.length ? await browser.storage.local.get(ids.map(packKey)) : {};
  for (const id of ids) {
    try {
      packs.push(summarize(validatePack(stored[packKey(id)], `stored pack "${id}"`), false));
    } catch (error) {
      broken.push(`${id}: ${(error as Error).message}`);
    }
  }
  return { packs, broken };
}

function load(pack: KnowledgePack): LoadedPack | null {
  // A stored pack always carries the index built at import; one without it is skipped, not rebuilt on a page.
  return pack.index ? loadPack(pack) : null;
}

/** The enabled packs, decoded and ready for matching. Broken stored packs are skipped with a log line. */
export async function loadActivePacks(settings: Settings, log: (m: string) => void): Promise<LoadedPack[]> {
  const out: LoadedPack[] = [];
  if (!settings.disabledPacks.includes(BUNDLED_PACK.id)) {
    const bundled = load(BUNDLED_PACK);
    if (bundled) out.push(bundled);
  }
  const ids = (await importedPackIds()).filter((id) => !settings.disabledPacks.includes(id));
  if (ids.length === 0) return out;
  const stored = await browser.storage.local.get(ids.map(packKey));
  for (const id of ids) {
    try {
      // Imported packs were validated on import; the check here guards against storage edited by hand.
      const loaded = load(validatePack(stored[packKey(id)], `stored pack "${id}"`));
      if (loaded) out.push(loaded);
    } catch (error) {
      log(`skipping knowledge pack "${id}": ${(error as Error).message}`);
    }
  }
  return out;
}
