/** Installed knowledge packs as the options page lists them: the two bundled ones plus those the user imported. */
import { BUNDLED_PACK } from './bundled';
import { importedPackSummaries } from './stored-list';
import { WORLD_SUMMARY } from './bundled-world';
import { summarize, type PackSummary } from './summary';

export { summarize, importedPackSummaries, type PackSummary };

export async function listPacks(): Promise<PackSummary[]> {
  return [summarize(BUNDLED_PACK, true), WORLD_SUMMARY, ...(await importedPackSummaries())];
}
