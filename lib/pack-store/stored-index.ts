/** A pack index as storage.local holds it (base64), decoded and checked to be the pack it is stored for. */
import { bytesFromBase64 } from '../spot/base64';
import type { LoadedPack } from '../spot/loaded-pack';
import { decodePackIndex } from '../spot/pack-index';

export function decodeStoredIndex(base64: unknown, id: string): LoadedPack {
  if (typeof base64 !== 'string') throw new Error(`pack "${id}" has no stored index; remove it and import it again`);
  const loaded = decodePackIndex(bytesFromBase64(base64));
  if (loaded.id !== id) throw new Error(`the index stored for pack "${id}" belongs to "${loaded.id}"`);
  return loaded;
}
