/** What the extension's pages need to know of the bundled World pack without loading it (a few hundred bytes). */
import summary from '../../generated/backstory-world.summary.json';
import type { PackSummary } from './summary';

export const WORLD_SUMMARY: PackSummary = { id: summary.id, name: summary.name, version: summary.version, corpusDate: summary.corpusDate, entities: summary.entities, bundled: true };
/** Changes with every build of the pack: the background installs the page indexes when it differs. */
export const WORLD_INDEX_VERSION: string = summary.indexVersion;
