/**
 * Where learning runs: compromise and the packs' indexes, loaded in the context that calls this (Chromium's
 * offscreen document's worker, Firefox's event page), never in a content script. `indexes` are the enabled
 * imported packs' indexes (base64), read by the background, which owns storage; the bundled one is compiled in.
 */
import nlp from 'compromise';
import bundledIndex from '../../generated/backstory-news.index.json';
import type { NlpDoc } from '../kb/name-finder';
import { bytesFromBase64 } from '../spot/base64';
import { decodePackIndex } from '../spot/pack-index';
import type { LoadedPack } from '../spot/loaded-pack';
import { learnPending, type LearnRun } from './learn-job';
import { knownTo } from './learn-names';

const parse = nlp as unknown as (text: string) => NlpDoc;

export async function runLearning(indexes: readonly string[], limit = Infinity): Promise<LearnRun> {
  const packs: LoadedPack[] = [];
  for (const base64 of [bundledIndex.base64, ...indexes]) {
    try {
      packs.push(decodePackIndex(bytesFromBase64(base64)));
    } catch {
      // A broken index is skipped here as on pages (page-packs.ts logs it there).
    }
  }
  return learnPending(parse, knownTo(packs), limit);
}
