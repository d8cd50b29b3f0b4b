/** What the options page lists about a pack, without the pack itself. */
import type { KnowledgePack } from '../pack-format/types';

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
