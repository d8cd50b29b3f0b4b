/** Where imported packs live in storage.local, and the limits that apply to them: one home for each. */
export const PACK_LIST_KEY = 'packs';
/** A pack's page-side index (lib/spot/pack-index.ts) as base64: what every page reads. */
export const PACK_INDEX_PREFIX = 'packindex:';
export const indexKey = (id: string): string => `${PACK_INDEX_PREFIX}${id}`;
/** Where version 0.1 kept a whole pack as JSON text; moved to the index and IndexedDB on update (migrate-packs.ts). */
export const LEGACY_PACK_PREFIX = 'pack:';
export const legacyPackKey = (id: string): string => `${LEGACY_PACK_PREFIX}${id}`;
/** Web Lock name that serializes pack imports and removals across options tabs. */
export const PACK_LOCK = 'backstory-packs';
