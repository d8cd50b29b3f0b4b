/** Where imported packs live in storage.local, and the limits that apply to them: one home for each. */
export const PACK_LIST_KEY = 'packs';
export const PACK_KEY_PREFIX = 'pack:';
export const packKey = (id: string): string => `${PACK_KEY_PREFIX}${id}`;
/** Web Lock name that serializes pack imports and removals across options tabs. */
export const PACK_LOCK = 'backstory-packs';
