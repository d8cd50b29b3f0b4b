/** The page's entities with their mention counts, in order of first appearance (the popup's list). */
import type { PageEntity } from '../messages';
import { entityKey } from '../pack-format/entity-key';
import type { MentionStore } from './mention-store';

export function pageEntities(store: MentionStore): PageEntity[] {
  const map = new Map<string, PageEntity>();
  for (const r of store.ordered()) {
    const { packId, entity } = r.mention;
    const key = entityKey(packId, entity.id);
    const entry = map.get(key);
    if (entry) entry.count++;
    else map.set(key, { packId, id: entity.id, name: entity.name, type: entity.type, count: 1 });
  }
  return [...map.values()];
}
