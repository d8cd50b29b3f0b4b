/** One synchronous pass over a document: what the content script finds, for tools and tests. */
import { TextCollector, type CollectOptions } from './extract';
import { createScanState, scanChunk, type Mention } from './scan';
import type { LoadedPack } from './loaded-pack';
import { findReadingRegion } from './reading-region';
import { BLOCK_SEPARATOR } from './fold';
import { pageLanguage } from './page-language';

export interface MentionInContext extends Mention {
  /** The page text around the mention (whitespace collapsed; " / " where a block ends). */
  before: string;
  after: string;
}

/** `language`: the page's, read from the document when not given (null: it says none). */
export type ScanDocumentOptions = CollectOptions & { demonyms?: boolean; readingRegion?: boolean; language?: string | null };

/** With `readingRegion` (the default) only what a reader reads is scanned, as in the content script. */
export function scanDocument(root: Node, packs: readonly LoadedPack[], options: ScanDocumentOptions = {}): Mention[] {
  return scanDocumentWithContext(root, packs, options, 0);
}

const tidy = (text: string): string => text.split(BLOCK_SEPARATOR).join(' / ').replace(/\s+/g, ' ');

/** The same pass, with `chars` characters of text on each side of every mention. */
export function scanDocumentWithContext(root: Node, packs: readonly LoadedPack[], options: ScanDocumentOptions, chars: number): MentionInContext[] {
  const doc = root.ownerDocument ?? (root as Document);
  const state = createScanState(options.demonyms ?? true, options.language !== undefined ? options.language : pageLanguage(doc));
  const region = options.region ?? (options.readingRegion === false ? undefined : findReadingRegion(doc));
  const collector = new TextCollector(root, { ...options, region });
  const out: MentionInContext[] = [];
  for (let chunk = collector.next(64_000); chunk; chunk = collector.next(64_000)) {
    const mentions = scanChunk(chunk, packs, state);
    if (chars === 0) {
      for (const m of mentions) out.push({ ...m, before: '', after: '' });
      continue;
    }
    for (const m of mentions) {
      const start = m.chunkOffset;
      const from = start + m.text.length;
      out.push({ ...m, before: tidy(chunk.text.slice(Math.max(0, start - chars * 2), start)).slice(-chars).trimStart(), after: tidy(chunk.text.slice(from, from + chars * 2)).slice(0, chars).trimEnd() });
    }
  }
  return out;
}
