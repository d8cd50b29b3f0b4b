/** What the options page asks before a pack is replaced or removed: what will happen, in the reader's terms. */
import { i18n } from '../i18n/t';
import { formatCount } from '../i18n/ui-locale';
import type { PackSummary } from '../pack-store/summary';

export function replacePackQuestion(installed: PackSummary, incoming: PackSummary): string {
  return i18n.t('packMsg.replaceQuestion', {
    id: installed.id,
    name: installed.name,
    version: installed.version,
    count: formatCount(installed.entities),
    newName: incoming.name,
    newVersion: incoming.version,
    newCount: formatCount(incoming.entities),
  });
}

export function removePackQuestion(pack: PackSummary): string {
  return i18n.t('packMsg.removeQuestion', { name: pack.name, count: formatCount(pack.entities) });
}

/** A stage of an import as the worker names it ("Reading"), in the UI language. */
export function importStage(stage: string): string {
  switch (stage) {
    case 'Reading': return i18n.t('packMsg.stageReading');
    case 'Checking': return i18n.t('packMsg.stageChecking');
    case 'Indexing': return i18n.t('packMsg.stageIndexing');
    case 'Saving': return i18n.t('packMsg.stageSaving');
    default: return stage;
  }
}
