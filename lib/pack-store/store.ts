/**
 * Installed knowledge packs: the bundled one plus those the user imported (kept in storage.local, never
 * synced: they can be megabytes).
 */
import { browser } from 'wxt/browser';
import type { KnowledgePack } from '../pack-format/types';
import type { Settings } from '../settings/schema';
import type { LoadedPack } from '../spot/loaded-pack';
import { BUNDLED_PACK } from './bundled';
import { loadPack } from './load';
import { readStoredPack } from './stored';
import { summarize, type PackSummary } from './summary';
import { PACK_LIST_KEY, packKey } from './keys';

export { summarize, type PackSummary };

function isSummary(value: unknown): value is PackSummary {
  const s = value as PackSummary;
  return typeof value === 'object' && value !== null && typeof s.id === 'string' && typeof s.name === 'string' &&
    typeof s.version === 'string' && typeof s.corpusDate === 'string' && typeof s.entities === 'number';
}

/** The imported packs' summaries (kept apart from the packs, so listing them never reads megabytes). */
export async function importedPackSummaries(): Promise<PackSummary[]> {
  const stored = await browser.storage.local.get(PACK_LIST_KEY);
  const list = stored[PACK_LIST_KEY];
  return Array.isArray(list) ? list.filter(isSummary).map((s) => ({ ...s, bundled: false })) : [];
}

export async function importedPackIds(): Promise<string[]> {
  return (await importedPackSummaries()).map((s) => s.id);
}

/** The bundled pack and every imported one. */
export async function listPacks(): Promise<PackSummary[]> {
  return [summarize(BUNDLED_PACK, true), ...(await importedPackSummaries())];
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
      const loaded = load(readStoredPack(stored[packKey(id)], id));
      if (loaded) out.push(loaded);
    } catch (error) {
      log(`skipping knowledge pack "${id}": ${(error as Error).message}`);
    }
  }
  return out;
}
