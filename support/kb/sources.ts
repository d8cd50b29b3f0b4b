/**
 * Corpus files in the formats news archives come in, as numbered tasks for the map step: plain text and
 * Markdown (split into articles and headline lists, corpus.ts), HTML pages (one article each, extracted in the
 * worker by html-article.ts) and JSON Lines with {title, date, url, text} per line. Every task has a global
 * number k in file order, the same for any number of shards, so shard i of N takes the tasks with k % N = i.
 * A file or line that cannot be read is a problem reported with its reason and skipped, never a failed build.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { splitCorpusFile, dateInText } from '../../lib/kb/corpus';
import type { DocInput } from '../../lib/kb/doc-record';
import { languageOf } from '../../lib/kb/language';

export const CORPUS_FILES = /\.(?:txt|md|markdown|html?|jsonl|ndjson)$/i;

export interface Problem {
  /** The file, or the file and line ("feed.jsonl:12"). */
  where: string;
  reason: string;
}

/** One unit of map work: a document ready to parse, or an HTML page to extract first. */
export type MapTask =
  | { k: number; kind: 'doc'; input: DocInput; fileLanguage: string }
  | { k: number; kind: 'html'; key: string; id: string; source: string; html: string; fallbackDate: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function slug(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'doc';
}

/** A date written in a file name: 2025-12-03, 2025_12_03 or 20251203. */
export function dateInName(name: string): string {
  const m = /(?:^|\D)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(basename(name));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

const DAY = /^(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const HTTP = /^https?:\/\/\S+$/i;

/** A JSON Lines record's date: an ISO date or timestamp, cut to the day; anything else is no date. */
function recordDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const day = value.trim().slice(0, 10);
  return DAY.test(day) ? day : DAY.test(value.trim()) ? value.trim() : '';
}

const textField = (value: unknown): string => (typeof value === 'string' ? value : '');

async function readUtf8(path: string): Promise<string> {
  const bytes = await readFile(path);
  try {
    return strictUtf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const at = firstBadByte(bytes);
    throw new Error(`is not UTF-8 text (invalid byte at offset ${at})`);
  }
}

function firstBadByte(bytes: Uint8Array): number {
  for (let lo = 0, hi = bytes.length; ; ) {
    if (hi - lo <= 1) return lo;
    const mid = (lo + hi) >> 1;
    try {
      strictUtf8.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
}

async function readOrReport(path: string, name: string, onProblem: (p: Problem) => void): Promise<string | null> {
  try {
    return await readUtf8(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    onProblem({ where: name, reason: code ? `cannot be read (${code})` : (error as Error).message });
    return null;
  }
}

export interface SourceOptions {
  dir: string;
  files: readonly string[];
  /** Dates from corpus.json by file name, for documents that give none. */
  dates: Readonly<Record<string, string>>;
  /** Which tasks this run parses (a shard's); the others are counted, not read further. */
  take: (k: number) => boolean;
  onProblem: (problem: Problem) => void;
}

/** The corpus as tasks in file order. */
export async function* mapTasks(o: SourceOptions): AsyncGenerator<MapTask> {
  let k = 0;
  for (const name of o.files) {
    const path = `${o.dir}/${name}`;
    const stem = slug(name);
    const fallbackDate = o.dates[name] ?? dateInName(name);
    if (/\.html?$/i.test(name)) {
      // One page, one article: unread unless this run takes it.
      const mine = o.take(k);
      if (!mine) {
        k++;
        continue;
      }
      const html = await readOrReport(path, name, o.onProblem);
      if (html !== null) yield { k, kind: 'html', key: pad(k), id: stem, source: name, html, fallbackDate };
      k++;
      continue;
    }
    const text = await readOrReport(path, name, o.onProblem);
    if (text === null) continue;
    if (/\.(?:jsonl|ndjson)$/i.test(name)) {
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const line = (lines[i] as string).trim();
        if (line === '') continue;
        const where = `${name}:${i + 1}`;
        let record: unknown;
        try {
          record = JSON.parse(line);
        } catch (error) {
          o.onProblem({ where, reason: `is not valid JSON (${(error as Error).message})` });
          continue;
        }
        if (typeof record !== 'object' || record === null || Array.isArray(record)) {
          o.onProblem({ where, reason: 'is not a JSON object with a "text" field' });
          continue;
        }
        const r = record as Record<string, unknown>;
        const body = textField(r.text) || textField(r.content) || textField(r.body);
        if (body.trim() === '') {
          o.onProblem({ where, reason: 'has no "text"' });
          continue;
        }
        if (o.take(k)) {
          const url = textField(r.url).trim();
          const title = textField(r.title).replace(/\s+/g, ' ').trim();
          yield {
            k,
            kind: 'doc',
            input: {
              key: pad(k),
              id: `${stem}-l${i + 1}`,
              title,
              kind: 'article',
              date: recordDate(r.date) || recordDate(r.published) || dateInText(body.slice(0, 500)) || fallbackDate,
              source: name,
              site: textField(r.site || r.source).replace(/\s+/g, ' ').trim().slice(0, 200),
              url: HTTP.test(url) && url.length <= 2000 ? url : '',
              body,
            },
            fileLanguage: '',
          };
        }
        k++;
      }
      continue;
    }
    const docs = splitCorpusFile({ name, text, fallbackDate });
    if (docs.length === 0) o.onProblem({ where: name, reason: 'holds no text' });
    let fileLanguage: string | null = null;
    for (const doc of docs) {
      if (o.take(k)) {
        // Headlines are too short to tell their language; the file they are in is not.
        if (doc.body.length < 200) fileLanguage ??= languageOf(text);
        yield { k, kind: 'doc', input: { key: pad(k), id: doc.id, title: doc.title, kind: doc.kind, date: doc.date, source: name, site: '', url: '', body: doc.body }, fileLanguage: fileLanguage ?? '' };
      }
      k++;
    }
  }
}

export const pad = (k: number): string => String(k).padStart(10, '0');
