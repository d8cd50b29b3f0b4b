/**
 * The packs a page is matched with. The page holds no index: it names the enabled packs (the bundled news
 * and World packs, imported ones, and the names learned from reading when reading memory applies here) and
 * the background matches its text with them (lib/pack-store/pack-matcher.ts), so nothing here grows with
 * what a pack says. Cards fetch every pack's details from the background too.
 */
import type { Settings } from '../settings/schema';
import { RemotePacks, type AskBackground, type PagePacks, type RemoteSource } from '../content/remote-packs';
import { BUNDLED_PACK_ID } from './bundled-id';
import { importedPackSummaries } from './stored-list';
import { LEARNED_PACK_ID } from '../reading/learned-keys';
import { WORLD_PACK_ID } from './world-indexes';

/**
 * The enabled packs, in the order they win ties (the bundled ones first, the learned names last), as the
 * background will match them through `ask`: with the learned names when `learned` (reading memory applies
 * on this page), and `language` for the World pack's names.
 */
export async function loadActivePacks(settings: Settings, log: (m: string) => void, ask: AskBackground, learned = false, language: string | null = null): Promise<PagePacks> {
  const on = (id: string): boolean => !settings.disabledPacks.includes(id);
  const sources: RemoteSource[] = [BUNDLED_PACK_ID, WORLD_PACK_ID].filter(on).map((id) => ({ id }));
  for (const s of await importedPackSummaries()) if (on(s.id)) sources.push({ id: s.id, label: { name: s.name, corpusDate: s.corpusDate } });
  if (learned) sources.push({ id: LEARNED_PACK_ID });
  return { local: null, remote: sources.length > 0 ? new RemotePacks(sources, ask, log, language) : null };
}
