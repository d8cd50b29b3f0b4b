/**
 * A partial table: what one map run (a shard, or the whole corpus) writes for the merge step. JSON Lines: a
 * header that names the shard and the corpus file list, one line per document record or problem in task
 * order, and an end line with the counts, so a shard cut short is refused rather than merged.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { DocRecord } from '../../lib/kb/doc-record';
import type { Problem } from './sources';

export const PARTIAL_FORMAT = 'backstory-kb-partial';
export const PARTIAL_VERSION = 1;

export interface PartialHeader {
  format: typeof PARTIAL_FORMAT;
  version: typeof PARTIAL_VERSION;
  shard: number;
  shards: number;
  /** The corpus files in order, so shards of different corpora are not merged. */
  files: string[];
  meta: { id: string; name: string; version: string; description: string; mine: boolean };
}

export type PartialLine = { doc: DocRecord; k: number } | { problem: Problem; k: number } | { end: { tasks: number; records: number } };

export class PartialError extends Error {}

/** The header of a partial file, read alone. */
export async function readPartialHeader(path: string): Promise<PartialHeader> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      let h: PartialHeader;
      try {
        h = JSON.parse(line) as PartialHeader;
      } catch {
        break;
      }
      if (h?.format === PARTIAL_FORMAT && h.version === PARTIAL_VERSION) return h;
      break;
    }
  } catch (error) {
    throw new PartialError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    lines.close();
  }
  throw new PartialError(`${path}: is not a partial table written by npm run kb --shard`);
}

/** The lines of a partial file after its header, checked; `header` is called first. */
export async function* readPartial(path: string, header: (h: PartialHeader) => void): AsyncGenerator<{ doc: DocRecord; k: number } | { problem: Problem; k: number }> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  let ended = false;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new PartialError(`${path}:${n}: is not a line of a partial table (not JSON)`);
    }
    if (n === 1) {
      const h = value as PartialHeader;
      if (h?.format !== PARTIAL_FORMAT || h.version !== PARTIAL_VERSION) throw new PartialError(`${path}: is not a partial table written by npm run kb --shard`);
      header(h);
      continue;
    }
    if (ended) throw new PartialError(`${path}:${n}: lines after the end line`);
    const v = value as Partial<PartialLine & { end: unknown; doc: unknown; problem: unknown }>;
    if (v.end) {
      ended = true;
      continue;
    }
    if (v.doc || v.problem) {
      yield value as { doc: DocRecord; k: number };
      continue;
    }
    throw new PartialError(`${path}:${n}: unknown line`);
  }
  if (n === 0) throw new PartialError(`${path}: is empty`);
  if (!ended) throw new PartialError(`${path}: ends before its end line (the shard did not finish)`);
}
