/** Installed knowledge packs as the options page lists them: the bundled one plus those the user imported. */
import { BUNDLED_PACK } from './bundled';
import { importedPackSummaries } from './stored-list';
import { summarize, type PackSummary } from './summary';

export { summarize, importedPackSummaries, type PackSummary };

export async function listPacks(): Promise<PackSummary[]> {
  return [summarize(BUNDLED_PACK, true), ...(await importedPackSummaries())];
}
