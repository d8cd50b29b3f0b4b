/**
 * The packs a page matches with: only their indexes (lib/spot/pack-index.ts). The bundled news pack's is
 * compiled into the content script as base64; the World pack's (one per page language, world-indexes.ts)
 * and the learned names' are read from storage.local in one read. Imported packs are not read here at all:
 * they are matched in the background (lib/pack-store/imported-matcher.ts), so nothing here grows with what
 * an imported pack says, and cards fetch every pack's details from the background.
 */
import { browser } from 'wxt/browser';
import bundledIndex from '../../generated/backstory-news.index.json';
import type { Settings } from '../settings/schema';
import type { LoadedPack } from '../spot/loaded-pack';
import { RemotePacks, type AskBackground, type PagePacks } from '../content/remote-packs';
import { BUNDLED_PACK_ID } from './bundled-id';
import { decodeStoredIndex as decode } from './stored-index';
import { importedPackSummaries } from './stored-list';
import { LEARNED_INDEX_KEY, LEARNED_PACK_ID } from '../reading/learned-keys';
import { WORLD_PACK_ID, worldIndexKeys } from './world-indexes';

let bundled: LoadedPack | null = null;

/**
 * The enabled packs: the bundled ones and the names learned from reading when `learned` (reading memory
 * applies on this page) decoded for matching, the imported ones to be matched by the background through
 * `ask`. Broken stored indexes are skipped with a log line.
 */
export async function loadActivePacks(settings: Settings, log: (m: string) => void, ask: AskBackground, learned = false, language: string | null = null): Promise<PagePacks> {
  const local: LoadedPack[] = [];
  if (!settings.disabledPacks.includes(BUNDLED_PACK_ID)) {
    bundled ??= decode(bundledIndex.base64, BUNDLED_PACK_ID);
    local.push(bundled);
  }
  const imported = (await importedPackSummaries()).filter((s) => !settings.disabledPacks.includes(s.id));
  const remote = imported.length > 0 ? new RemotePacks(imported, ask, log) : null;
  const keys = learned ? [LEARNED_INDEX_KEY] : [];
  const world = settings.disabledPacks.includes(WORLD_PACK_ID) ? [] : worldIndexKeys(language);
  if (keys.length === 0 && world.length === 0) return { local, remote };
  const stored = await browser.storage.local.get([...keys, ...world]);
  // The page's language's index, else the fallback; none yet right after install (the page reloads its
  // packs when the background has put them there).
  const worldKey = world.find((k) => typeof stored[k] === 'string');
  if (worldKey !== undefined) {
    try {
      local.push(decode(stored[worldKey], WORLD_PACK_ID));
    } catch (error) {
      log(`skipping the World pack: ${(error as Error).message}`);
    }
  }
  // No learned index is no learned name yet, not a broken pack.
  if (learned && stored[LEARNED_INDEX_KEY] !== undefined) {
    try {
      local.push(decode(stored[LEARNED_INDEX_KEY], LEARNED_PACK_ID));
    } catch (error) {
      log(`skipping knowledge pack "${LEARNED_PACK_ID}": ${(error as Error).message}`);
    }
  }
  return { local, remote };
}
