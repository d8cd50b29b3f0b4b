/** What the options page asks before a pack is replaced or removed: what will happen, in the reader's terms. */
import type { PackSummary } from '../pack-store/summary';

export function replacePackQuestion(installed: PackSummary, incoming: PackSummary): string {
  return `A pack with the id "${installed.id}" is installed: "${installed.name}", version ${installed.version}, ${installed.entities} entities. ` +
    `Replace it with "${incoming.name}", version ${incoming.version}, ${incoming.entities} entities? Cancel keeps the installed pack.`;
}

export function removePackQuestion(pack: PackSummary): string {
  return `Remove "${pack.name}"? Its ${pack.entities} entities will no longer be highlighted or shown in cards. ` +
    'You can import the same file again later.';
}
