/** Decodes a validated pack's index (or builds one when the pack has none). */
import type { KnowledgePack } from '../pack-format/types';
import type { LoadedPack } from '../spot/loaded-pack';
import { buildTrieIndex, loadTrieIndex } from '../spot/trie-index';

export function loadPack(pack: KnowledgePack): LoadedPack {
  return { pack, index: pack.index ? loadTrieIndex(pack.index, pack.entities.length) : buildTrieIndex(pack.entities, pack.stopPhrases) };
}
