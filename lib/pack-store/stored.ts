/**
 * Reading an imported pack back from storage on every page. The full validator ran when the pack was imported
 * (and storage.local is writable only by the extension), so a page only checks the shape it relies on: cheap
 * enough for packs of 100,000 entities, and enough that damaged storage is skipped instead of breaking a page.
 */
import { ALIAS_FIELDS, ENTITY_TYPES, PACK_FORMAT, PACK_FORMAT_VERSION, type KnowledgePack } from '../pack-format/types';

const ARRAY_FIELDS = [...ALIAS_FIELDS, 'facts', 'sentences', 'related', 'headlines'] as const;
const TYPES = new Set<string>(ENTITY_TYPES);

export function readStoredPack(raw: unknown, id: string): KnowledgePack {
  const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const fail = (what: string): never => {
    throw new Error(`stored pack "${id}" is damaged: ${what}; remove it and import it again`);
  };
  if (typeof value !== 'object' || value === null) fail('not an object');
  const pack = value as Partial<KnowledgePack>;
  if (pack.format !== PACK_FORMAT || pack.formatVersion !== PACK_FORMAT_VERSION) fail('wrong format');
  if (pack.id !== id) fail('its id does not match');
  if (!Array.isArray(pack.entities) || !Array.isArray(pack.documents)) fail('no entity or document list');
  if (typeof pack.index !== 'object' || pack.index === null) fail('no matcher index');
  for (const [i, e] of (pack.entities as unknown[]).entries()) {
    const entity = e as Record<string, unknown> | null;
    if (
      typeof entity !== 'object' || entity === null || typeof entity.id !== 'string' || typeof entity.name !== 'string' ||
      typeof entity.summary !== 'string' || typeof entity.type !== 'string' || !TYPES.has(entity.type) ||
      ARRAY_FIELDS.some((f) => !Array.isArray(entity[f]))
    ) {
      fail(`entity #${i + 1}`);
    }
  }
  return pack as KnowledgePack;
}
