/**
 * What `npm run kb` does, as a function the tests can call: builds a knowledge pack from a folder of news
 * text files (and curated entries, when given). scripts/kb.ts is its command line.
 */
import { encodePackIndex } from '../lib/spot/pack-index';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { buildPack, type PackMeta } from '../lib/kb/build-pack';
import { splitCorpusFile, type CorpusDocument } from '../lib/kb/corpus';
import { parseCuratedFiles } from '../lib/kb/curated';
import { parseArgs } from './cli-args';

export const DEFAULT_CORPUS = 'corpus/seed';
export const DEFAULT_ENTITIES = 'corpus/entities';
export const DEFAULT_OUT = 'generated/backstory-news.pack.json';
/** The bundled pack's page-side index (lib/spot/pack-index.ts), compiled into the content script. */
export const DEFAULT_INDEX_OUT = 'generated/backstory-news.index.json';

export class UsageError extends Error {}

export const CONTEXT_RULES_FILE = 'context-rules.json';

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${path}: is not valid JSON (${(error as Error).message})`);
  }
}

function readText(path: string, what: string): string {
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

export function runKb(argv: readonly string[]): string {
  const { flags } = parseArgs(argv, ['corpus', 'entities', 'out']);
  const corpusDir = flags.get('corpus') ?? DEFAULT_CORPUS;
  const entitiesDir = flags.get('entities') ?? (flags.has('corpus') ? undefined : DEFAULT_ENTITIES);
  const out = flags.get('out') ?? DEFAULT_OUT;

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
  if (documents.length === 0) throw new UsageError(`${corpusDir}: the corpus files hold no text`);

  const curated = entitiesDir
    ? parseCuratedFiles(listFiles(entitiesDir, /\.json$/i).filter((f) => basename(f) !== CONTEXT_RULES_FILE).map((f) => ({ name: join(entitiesDir, f), text: readText(join(entitiesDir, f), 'entity file') })))
    : null;
  // Context rules live beside them too (see ContextRule in docs/knowledge-pack.md).
  const rulesFile = entitiesDir ? join(entitiesDir, CONTEXT_RULES_FILE) : '';
  const contextRules = rulesFile && existsSync(rulesFile) ? parseJson(readText(rulesFile, 'context rule file'), rulesFile) : undefined;
  // Stop phrases live beside the curated entries, one per line (# starts a comment).
  const stopFile = entitiesDir ? join(entitiesDir, 'stop-phrases.txt') : '';
  const stopPhrases = stopFile && existsSync(stopFile)
    ? readText(stopFile, 'stop phrase file').split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter((l) => l !== '')
    : [];
  const { pack, report } = buildPack(meta, documents, curated, stopPhrases, contextRules, rulesFile);

  const json = `${JSON.stringify(pack, null, 1)}\n`;
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  writeFileSync(tmp, json);
  renameSync(tmp, out);
  if (out === DEFAULT_OUT) {
    const index = Buffer.from(encodePackIndex(pack)).toString('base64');
    writeFileSync(`${DEFAULT_INDEX_OUT}.tmp-${process.pid}`, `${JSON.stringify({ base64: index })}\n`);
    renameSync(`${DEFAULT_INDEX_OUT}.tmp-${process.pid}`, DEFAULT_INDEX_OUT);
  }

  const lines = [
    `kb: ${report.documents} documents, ${report.sentences} sentences, ${pack.entities.length} entities -> ${relative(process.cwd(), resolve(out))} (${(json.length / 1024).toFixed(1)} KB)`,
    `kb: entities the corpus never mentions: ${report.unmentioned.length === 0 ? 'none' : report.unmentioned.join(', ')}`,
    `kb: names compromise found that no entry covers (${report.uncovered.length}): ${report.uncovered.map((u) => `${u.text} [${u.type}]×${u.count}`).join('; ') || 'none'}`,
  ];
  return lines.join('\n');
}
