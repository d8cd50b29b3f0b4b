/**
 * Packs decoded and matched where the text is read: the tests' and tools' pages, which run without a
 * background. The extension matches in the background (pack-matcher.ts); its content script is given none and
 * imports this file's interface only, so it carries none of the matcher's code (trie walk, rules, name lists).
 */
import { lookUpScored, type ScoredEntity } from './entity-lookup';
import type { LoadedPack } from './loaded-pack';
import { matchPacks, type HeadMatch, type ScanState } from './scan';

export interface LocalPacks {
  readonly packs: readonly LoadedPack[];
  /** Every pack's matches in the text, overlaps between packs unresolved. */
  match(text: string, state: ScanState): HeadMatch[];
  /** The popup's look-up over these packs. */
  lookUp(query: string): ScoredEntity[];
}

export function localPacks(packs: readonly LoadedPack[]): LocalPacks {
  return {
    packs,
    match: (text, state) => matchPacks(text, packs, state),
    lookUp: (query) => lookUpScored(packs, query),
  };
}
