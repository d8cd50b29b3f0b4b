/** The list of imported packs, kept apart from the packs so listing them never reads megabytes. */
import { browser } from 'wxt/browser';
import { PACK_LIST_KEY } from './keys';
import type { PackSummary } from './summary';

function isSummary(value: unknown): value is PackSummary {
  const s = value as PackSummary;
  return typeof value === 'object' && value !== null && typeof s.id === 'string' && typeof s.name === 'string' &&
    typeof s.version === 'string' && typeof s.corpusDate === 'string' && typeof s.entities === 'number';
}

export async function importedPackSummaries(): Promise<PackSummary[]> {
  const stored = await browser.storage.local.get(PACK_LIST_KEY);
  const list = stored[PACK_LIST_KEY];
  return Array.isArray(list) ? list.filter(isSummary).map((s) => ({ ...s, bundled: false })) : [];
}

export async function importedPackIds(): Promise<string[]> {
  return (await importedPackSummaries()).map((s) => s.id);
}
