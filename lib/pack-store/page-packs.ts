/**
 * The packs a page matches with: only their indexes (lib/spot/pack-index.ts). The bundled news pack's is
 * compiled into the content script as base64; the World pack's (one per page language, world-indexes.ts)
 * and imported ones are read from storage.local, one string each, in one read. Nothing
 * here grows with a pack's summaries or sentences: cards fetch those from the background.
 */
import { browser } from 'wxt/browser';
import bundledIndex from '../../generated/backstory-news.index.json';
import type { Settings } from '../settings/schema';
import { bytesFromBase64 } from '../spot/base64';
import type { LoadedPack } from '../spot/loaded-pack';
import { decodePackIndex } from '../spot/pack-index';
import { BUNDLED_PACK_ID } from './bundled-id';
import { indexKey } from './keys';
import { importedPackIds } from './stored-list';
import { LEARNED_INDEX_KEY, LEARNED_PACK_ID } from '../reading/learned-keys';
import { WORLD_PACK_ID, worldIndexKeys } from './world-indexes';

let bundled: LoadedPack | null = null;

function decode(base64: unknown, id: string): LoadedPack {
  if (typeof base64 !== 'string') throw new Error(`pack "${id}" has no stored index; remove it and import it again`);
  const loaded = decodePackIndex(bytesFromBase64(base64));
  if (loaded.id !== id) throw new Error(`the index stored for pack "${id}" belongs to "${loaded.id}"`);
  return loaded;
}

/**
 * The enabled packs, decoded and ready for matching, and the names learned from reading when `learned` (reading
 * memory applies on this page). Broken stored indexes are skipped with a log line.
 */
export async function loadActivePacks(settings: Settings, log: (m: string) => void, learned = false, language: string | null = null): Promise<LoadedPack[]> {
  const out: LoadedPack[] = [];
  if (!settings.disabledPacks.includes(BUNDLED_PACK_ID)) {
    bundled ??= decode(bundledIndex.base64, BUNDLED_PACK_ID);
    out.push(bundled);
  }
  const ids = (await importedPackIds()).filter((id) => !settings.disabledPacks.includes(id));
  const keys = ids.map(indexKey);
  if (learned) {
    ids.push(LEARNED_PACK_ID);
    keys.push(LEARNED_INDEX_KEY);
  }
  const world = settings.disabledPacks.includes(WORLD_PACK_ID) ? [] : worldIndexKeys(language);
  if (ids.length === 0 && world.length === 0) return out;
  const stored = await browser.storage.local.get([...keys, ...world]);
  // The page's language's index, else the fallback; none yet right after install (the page reloads its
  // packs when the background has put them there).
  const worldKey = world.find((k) => typeof stored[k] === 'string');
  if (worldKey !== undefined) {
    try {
      out.push(decode(stored[worldKey], WORLD_PACK_ID));
    } catch (error) {
      log(`skipping the World pack: ${(error as Error).message}`);
    }
  }
  for (const [i, id] of ids.entries()) {
    // No learned index is no learned name yet, not a broken pack.
    if (id === LEARNED_PACK_ID && stored[LEARNED_INDEX_KEY] === undefined) continue;
    try {
      out.push(decode(stored[keys[i] as string], id));
    } catch (error) {
      log(`skipping knowledge pack "${id}": ${(error as Error).message}`);
    }
  }
  return out;
}
