/** Where learned names live, for code that must not load the store to know it (content scripts). */
export const LEARNED_PACK_ID = 'learned-from-reading';
/** storage.local key of the learned names' index (base64), absent when none is learned. */
export const LEARNED_INDEX_KEY = 'learnedindex';
