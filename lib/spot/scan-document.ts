/** One synchronous pass over a document: what the content script finds, for tools and tests. */
import { TextCollector, type CollectOptions } from './extract';
import { createScanState, scanChunk, type Mention } from './scan';
import type { LoadedPack } from './loaded-pack';
import { findReadingRegion } from './reading-region';

/** With `readingRegion` (the default) only what a reader reads is scanned, as in the content script. */
export function scanDocument(root: Node, packs: readonly LoadedPack[], options: CollectOptions & { demonyms?: boolean; readingRegion?: boolean } = {}): Mention[] {
  const state = createScanState(options.demonyms ?? true);
  const doc = root.ownerDocument ?? (root as Document);
  const region = options.region ?? (options.readingRegion === false ? undefined : findReadingRegion(doc));
  const collector = new TextCollector(root, { ...options, region });
  const out: Mention[] = [];
  for (let chunk = collector.next(64_000); chunk; chunk = collector.next(64_000)) {
    out.push(...scanChunk(chunk, packs, state));
  }
  return out;
}
