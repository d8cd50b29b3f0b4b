/**
 * What `npm run kb` does, as a function the tests can call: builds a knowledge pack from a folder of news
 * text files (and curated entries, when given). scripts/kb.ts is its command line.
 */
import { encodePackIndex } from '../lib/spot/pack-index';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { buildPack, type PackMeta } from '../lib/kb/build-pack';
import { splitCorpusFile, type CorpusDocument } from '../lib/kb/corpus';
import { parseCuratedFiles } from '../lib/kb/curated';
import { parseArgs } from './cli-args';
import { foldText } from '../lib/spot/fold';
import type { PackEntity } from '../lib/pack-format/types';
import type { DocRecord } from '../lib/kb/doc-record';
import { DEFAULT_SUPPORT } from '../lib/kb/gates';
import { reduceRecords } from '../lib/kb/reduce';
import { runMap } from './kb/map-run';
import { PartialError, readPartial, readPartialHeader, type PartialHeader } from './kb/partial';
import { reportHtml } from './kb/report-html';
import { CORPUS_FILES, type Problem } from './kb/sources';

export const DEFAULT_CORPUS = 'corpus/seed';
export const DEFAULT_ENTITIES = 'corpus/entities';
export const DEFAULT_OUT = 'generated/backstory-news.pack.json';
/** The bundled pack's page-side index (lib/spot/pack-index.ts), compiled into the content script. */
export const DEFAULT_INDEX_OUT = 'generated/backstory-news.index.json';

export class UsageError extends Error {}

export const CONTEXT_RULES_FILE = 'context-rules.json';

export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${path}: is not valid JSON (${(error as Error).message})`);
  }
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function listFiles(dir: string, pattern: RegExp): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
    entries = readdirSync(dir, { recursive: true }) as string[];
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return entries.filter((f) => pattern.test(f)).sort();
}

interface CorpusMeta extends PackMeta {
  dates: Record<string, string>;
}

function readMeta(corpusDir: string): CorpusMeta {
  const path = join(corpusDir, 'corpus.json');
  const fallback: CorpusMeta = {
    id: basename(resolve(corpusDir)).replace(/[^A-Za-z0-9_.-]+/g, '-') || 'my-corpus',
    name: `Corpus ${basename(resolve(corpusDir))}`,
    version: '1',
    description: `Built by npm run kb from ${basename(resolve(corpusDir))}.`,
    dates: {},
  };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
  try {
    const raw = JSON.parse(text) as Partial<CorpusMeta>;
    return { ...fallback, ...raw, dates: raw.dates ?? {} };
  } catch (error) {
    throw new UsageError(`${path}: is not valid JSON (${(error as Error).message})`);
  }
}

/** What `--shard i/N` says: this run's shard and how many there are. */
function parseShard(value: string | undefined): { shard: number; shards: number } {
  if (value === undefined) return { shard: 0, shards: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const shard = Number(m?.[1]);
  const shards = Number(m?.[2]);
  if (!m || shards < 1 || shard < 1 || shard > shards) throw new UsageError(`--shard ${value}: write it as i/N with 1 <= i <= N (e.g. --shard 2/8)`);
  return { shard: shard - 1, shards };
}

function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} ${value}: must be a whole number of at least 1`);
  return n;
}

export function writeAtomic(out: string, text: string): void {
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, out);
}

export function readLines(path: string, what: string): string[] {
  return readText(path, what).split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter((l) => l !== '');
}

/** The curated entries, context rules, stop phrases and reject list in an entities folder. */
function readCuration(entitiesDir: string | undefined): { curated: PackEntity[] | null; contextRules: unknown; rulesFile: string; stopPhrases: string[]; reject: Set<string> } {
  const curated = entitiesDir
    ? parseCuratedFiles(listFiles(entitiesDir, /\.json$/i).filter((f) => basename(f) !== CONTEXT_RULES_FILE).map((f) => ({ name: join(entitiesDir, f), text: readText(join(entitiesDir, f), 'entity file') })))
    : null;
  // Context rules live beside them too (see ContextRule in docs/knowledge-pack.md).
  const rulesFile = entitiesDir ? join(entitiesDir, CONTEXT_RULES_FILE) : '';
  const contextRules = rulesFile && existsSync(rulesFile) ? parseJson(readText(rulesFile, 'context rule file'), rulesFile) : undefined;
  // Stop phrases and names never to create live beside the curated entries, one per line (# starts a comment).
  const stopFile = entitiesDir ? join(entitiesDir, 'stop-phrases.txt') : '';
  const stopPhrases = stopFile && existsSync(stopFile) ? readLines(stopFile, 'stop phrase file') : [];
  const rejectFile = entitiesDir ? join(entitiesDir, 'reject.txt') : '';
  const reject = new Set(rejectFile && existsSync(rejectFile) ? readLines(rejectFile, 'reject file').map((l) => foldText(l).trim()) : []);
  return { curated, contextRules, rulesFile, stopPhrases, reject };
}

/** The bundled pack: the curated entries only, matched in the seed corpus. */
function runCurated(corpusDir: string, entitiesDir: string, out: string): string {
  const meta = readMeta(corpusDir);
  const files = listFiles(corpusDir, /\.(txt|md|markdown)$/i);
  if (files.length === 0) throw new UsageError(`no .txt or .md files in ${corpusDir}`);
  const documents: CorpusDocument[] = [];
  for (const name of files) {
    const path = join(corpusDir, name);
    const text = readText(path, 'corpus file');
    if (text.includes('\uFFFD')) throw new UsageError(`${path}: is not valid UTF-8 text`);
    documents.push(...splitCorpusFile({ name, text, fallbackDate: meta.dates[name] ?? '' }));
  }
  const { curated, contextRules, rulesFile, stopPhrases } = readCuration(entitiesDir);
  const { pack, report } = buildPack(meta, documents, curated, stopPhrases, contextRules, rulesFile);
  const json = `${JSON.stringify(pack, null, 1)}\n`;
  writeAtomic(out, json);
  if (out === DEFAULT_OUT) writeAtomic(DEFAULT_INDEX_OUT, `${JSON.stringify({ base64: Buffer.from(encodePackIndex(pack)).toString('base64') })}\n`);
  return [
    `kb: ${report.documents} documents, ${report.sentences} sentences, ${pack.entities.length} entities -> ${relative(process.cwd(), resolve(out))} (${(json.length / 1024).toFixed(1)} KB)`,
    `kb: entities the corpus never mentions: ${report.unmentioned.length === 0 ? 'none' : report.unmentioned.join(', ')}`,
    `kb: names compromise found that no entry covers (${report.uncovered.length}): ${report.uncovered.map((u) => `${u.text} [${u.type}]×${u.count}`).join('; ') || 'none'}`,
  ].join('\n');
}

type PartialItem = { k: number; doc?: DocRecord; problem?: Problem };

/** Document records from partial tables, in task order (a k-way merge of the shards). */
async function* mergedRecords(paths: readonly string[], check: (h: PartialHeader, path: string) => void, problems: Map<string, Problem>): AsyncGenerator<DocRecord> {
  const streams: Array<AsyncIterator<PartialItem>> = paths.map((p) => readPartial(p, (h) => check(h, p))[Symbol.asyncIterator]());
  const note = (p: Problem): void => void problems.set(`${p.where}\u0000${p.reason}`, p);
  // The next record of each shard; problems found while listing (k < 0, in every shard) are noted once.
  const pull = async (i: number): Promise<PartialItem | null> => {
    for (;;) {
      const r = await (streams[i] as AsyncIterator<PartialItem>).next();
      if (r.done) return null;
      if (r.value.k >= 0) return r.value;
      if (r.value.problem) note(r.value.problem);
    }
  };
  const heads = await Promise.all(streams.map((_, i) => pull(i)));
  for (;;) {
    let best = -1;
    heads.forEach((h, i) => {
      if (h && (best < 0 || h.k < (heads[best] as PartialItem).k)) best = i;
    });
    if (best < 0) return;
    const item = heads[best] as PartialItem;
    heads[best] = await pull(best);
    if (item.doc) yield item.doc;
    else if (item.problem) note(item.problem);
  }
}

export async function runKb(argv: readonly string[], log: (line: string) => void = () => undefined): Promise<string> {
  const { flags, positional } = parseArgs(argv, ['corpus', 'entities', 'out', 'shard', 'workers', 'report', 'min-docs', 'min-mentions'], ['merge', 'strict', 'progress']);
  const out = flags.get('out') ?? DEFAULT_OUT;
  if (!flags.has('corpus') && !flags.has('merge')) {
    if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]} (partial tables go after --merge)`);
    return runCurated(DEFAULT_CORPUS, flags.get('entities') ?? DEFAULT_ENTITIES, out);
  }
  const strict = flags.has('strict');
  const workers = positiveInt(flags.get('workers'), 'workers', availableParallelism());
  const support = { minDocuments: positiveInt(flags.get('min-docs'), 'min-docs', DEFAULT_SUPPORT.minDocuments), minMentions: positiveInt(flags.get('min-mentions'), 'min-mentions', DEFAULT_SUPPORT.minMentions) };
  // Curated entries are checked before any corpus work: a bad entry fails fast and writes nothing.
  const curation = readCuration(flags.get('entities'));
  const problems = new Map<string, Problem>();
  let partials: string[];
  let meta: PartialHeader['meta'];
  let scratch = '';
  let tasks = 0;
  const mapStarted = performance.now();
  if (flags.has('merge')) {
    partials = positional;
    if (partials.length === 0) throw new UsageError('--merge needs the partial tables to merge (npm run kb -- --merge part-*.jsonl --out pack.json)');
    meta = { id: '', name: '', version: '', description: '', mine: true };
  } else {
    const corpusDir = flags.get('corpus') as string;
    const corpusMeta = readMeta(corpusDir);
    meta = { id: corpusMeta.id, name: corpusMeta.name, version: corpusMeta.version, description: corpusMeta.description, mine: true };
    const files = listFiles(corpusDir, CORPUS_FILES);
    if (files.length === 0) throw new UsageError(`no .txt, .md, .html or .jsonl files in ${corpusDir}`);
    const { shard, shards } = parseShard(flags.get('shard'));
    const partialOut = flags.has('shard') ? out : join((scratch = mkdtempSync(join(tmpdir(), 'backstory-kb-'))), 'all.jsonl');
    if (flags.has('shard')) mkdirSync(dirname(resolve(out)), { recursive: true });
    const target = flags.has('shard') ? `${out}.tmp-${process.pid}` : partialOut;
    const summary = await runMap({ dir: corpusDir, files, dates: corpusMeta.dates, shard, shards, workers, meta, out: target, progress: flags.has('progress') || Boolean(process.stderr.isTTY) });
    tasks = summary.tasks;
    log(`kb: map took ${((performance.now() - mapStarted) / 1000).toFixed(1)} s for ${(summary.bytes / 1048576).toFixed(2)} MB`);
    for (const p of summary.problems) problems.set(`${p.where}\u0000${p.reason}`, p);
    if (strict && problems.size > 0) throw new UsageError(`--strict: ${[...problems.values()].map((p) => `${p.where}: ${p.reason}`).join('; ')}`);
    if (flags.has('shard')) {
      renameSync(target, out);
      return `kb: shard ${shard + 1}/${shards}: ${summary.records} documents from ${summary.tasks} tasks (${(summary.bytes / 1048576).toFixed(2)} MB in ${((performance.now() - mapStarted) / 1000).toFixed(1)} s) -> ${relative(process.cwd(), resolve(out))}${problemLines(problems)}`;
    }
    partials = [partialOut];
  }
  try {
    // Shards must come from one corpus and cover it once.
    const seen = new Map<number, string>();
    let files: string | null = null;
    let shards = 0;
    const check = (h: PartialHeader, path: string): void => {
      const list = JSON.stringify(h.files);
      if (files !== null && list !== files) throw new UsageError(`${path}: is a shard of a different corpus (its file list differs)`);
      files = list;
      if (shards !== 0 && h.shards !== shards) throw new UsageError(`${path}: is shard ${h.shard + 1} of ${h.shards}, the others are of ${shards}`);
      shards = h.shards;
      if (seen.get(h.shard) === path) return;
      if (seen.has(h.shard)) throw new UsageError(`${path}: shard ${h.shard + 1}/${h.shards} is also in ${seen.get(h.shard)}`);
      seen.set(h.shard, path);
      if (meta.id === '') meta = h.meta;
    };
    // Every header first: the pack's name comes from the corpus the shards were made from.
    for (const path of partials) {
      try {
        check(await readPartialHeader(path), path);
      } catch (error) {
        if (error instanceof PartialError) throw new UsageError(error.message);
        throw error;
      }
    }
    const source = (): AsyncIterable<DocRecord> => mergedRecords(partials, check, problems);
    const { curated, contextRules, rulesFile, stopPhrases, reject } = curation;
    const reduceStarted = performance.now();
    let result;
    try {
      result = await reduceRecords(source, { meta, curated: curated ?? [], mine: meta.mine, support, reject, stopPhrases, contextRules, rulesSource: rulesFile });
    } catch (error) {
      if (error instanceof PartialError) throw new UsageError(error.message);
      throw error;
    }
    if (shards !== 0 && seen.size !== shards) throw new UsageError(`--merge: ${shards - seen.size} of ${shards} shards are missing (have ${[...seen.keys()].map((s) => s + 1).sort((a, b) => a - b).join(', ')})`);
    if (strict && problems.size > 0) throw new UsageError(`--strict: ${[...problems.values()].map((p) => `${p.where}: ${p.reason}`).join('; ')}`);
    const { pack, report } = result;
    if (report.documents === 0) throw new UsageError('the corpus holds no readable text');
    const json = `${JSON.stringify(pack, null, 1)}\n`;
    writeAtomic(out, json);
    const reportFile = flags.get('report');
    if (reportFile) writeAtomic(reportFile, reportHtml(pack.name, report, [...problems.values()]));
    const rejectedCount = [...report.rejected.values()].reduce((n, l) => n + l.length, 0);
    log(`kb: reduce took ${((performance.now() - reduceStarted) / 1000).toFixed(1)} s`);
    return [
      `kb: ${report.documents} documents${tasks ? ` (${tasks} tasks)` : ''}, ${report.sentences} sentences, ${pack.entities.length} entities -> ${relative(process.cwd(), resolve(out))} (${(json.length / 1024).toFixed(1)} KB)`,
      `kb: ${report.unparsed} documents not in English were matched but not mined; ${report.cutSentences} over-long sentences were cut to fit a card`,
      `kb: rejected ${rejectedCount} candidates: ${[...report.rejected].map(([r, l]) => `${r} ${l.length}`).join(', ') || 'none'}`,
      ...(reportFile ? [`kb: review report -> ${relative(process.cwd(), resolve(reportFile))}`] : []),
    ].join('\n') + problemLines(problems);
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

function problemLines(problems: ReadonlyMap<string, Problem>): string {
  if (problems.size === 0) return '';
  return `\nkb: skipped ${problems.size} unreadable input${problems.size === 1 ? '' : 's'} (--strict makes this fatal):\n${[...problems.values()].map((p) => `kb:   ${p.where}: ${p.reason}`).join('\n')}`;
}
