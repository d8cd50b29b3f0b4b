/** One synchronous pass over a document: what the content script finds, for tools and tests. */
import { TextCollector, type CollectOptions } from './extract';
import { createScanState, scanChunk, type Mention } from './scan';
import type { LoadedPack } from './loaded-pack';

export function scanDocument(root: Node, packs: readonly LoadedPack[], options: CollectOptions & { demonyms?: boolean } = {}): Mention[] {
  const state = createScanState(options.demonyms ?? true);
  const collector = new TextCollector(root, options);
  const out: Mention[] = [];
  for (let chunk = collector.next(64_000); chunk; chunk = collector.next(64_000)) {
    out.push(...scanChunk(chunk, packs, state));
  }
  return out;
}
