/** Muting from a card: one entity key in or out of the muted list, with the list's own limits. */
import { parseEntityKey } from '../pack-format/entity-key';
import { MAX_LIST, type Settings } from './schema';

export function withMuted(settings: Settings, key: string, muted: boolean): Settings {
  if (parseEntityKey(key) === null) return settings;
  const rest = settings.mutedEntities.filter((k) => k !== key);
  if (!muted) return rest.length === settings.mutedEntities.length ? settings : { ...settings, mutedEntities: rest };
  if (rest.length !== settings.mutedEntities.length) return settings;
  // At the limit the oldest mute gives way: the newest is the one the reader just asked for.
  return { ...settings, mutedEntities: [...rest, key].slice(-MAX_LIST) };
}
