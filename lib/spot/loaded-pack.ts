/** A pack ready for matching: its data and its decoded trie. */
import type { KnowledgePack } from '../pack-format/types';
import type { TrieIndex } from './trie-index';

export interface LoadedPack {
  pack: KnowledgePack;
  index: TrieIndex;
}
