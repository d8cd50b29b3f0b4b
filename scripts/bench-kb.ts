/**
 * npm run bench:kb [-- --mb N]
 * Pack building measured side by side in one run: compromise alone (one parse and its people, places and
 * organisations per document, on one core) against `npm run kb` (map over all cores, then merge), on the text
 * of the saved real pages and on a synthetic corpus of N MB (default 100) made from it, each copy's names
 * varied so the name tables grow as a real archive's do. The build runs as its own process, so its peak RSS
 * (worker threads included) is its own. Reports MB/s, the ratio to cores × compromise alone (target at
 * least 0.8), peak RSS (target at most 1 GB at 100 MB) and entity counts; beside them, compromise alone in one
 * process per core at once, which is the most this machine gives in parallel.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { nlp } from '../lib/kb/nlp';
import { htmlArticle } from '../lib/kb/html-article';
import { parseArgs } from '../support/cli-args';

const { flags } = parseArgs(process.argv.slice(2), ['mb', 'alone']);
const targetMb = Number(flags.get('mb') ?? 100);
const cores = availableParallelism();
const texts = readdirSync('test/fixtures/pages')
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => ({ name: f.replace(/\.html$/, ''), text: htmlArticle(readFileSync(join('test/fixtures/pages', f), 'utf8'))?.text ?? '' }))
  .filter((t) => t.text !== '');

/** Copy i of a text, its capitalised words given a suffix so every copy brings new names. */
const variant = (text: string, i: number): string =>
  i === 0 ? text : text.replace(/\b([A-Z][a-z]{3,})\b/g, (w) => `${w}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}`);

/** Writes the corpus as JSON Lines files of about 1 MB (the usual export of news datasets); returns its text size and a sample. */
function writeCorpus(dir: string, mb: number | null): { bytes: number; sample: string[] } {
  let file = 0;
  let lines: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (lines.length > 0) writeFileSync(join(dir, `part-${String(file++).padStart(5, '0')}.jsonl`), `${lines.join('\n')}\n`);
    lines = [];
    size = 0;
  };
  let bytes = 0;
  const sample: string[] = [];
  let sampleBytes = 0;
  for (let i = 0; mb === null ? i < texts.length : bytes < mb * 1048576; i++) {
    const t = texts[i % texts.length] as { name: string; text: string };
    const text = mb === null ? t.text : variant(t.text, Math.floor(i / texts.length));
    const line = JSON.stringify({ title: `${t.name} ${i}`, date: `2025-12-${String((i % 28) + 1).padStart(2, '0')}`, url: `https://example.org/${i}`, text });
    lines.push(line);
    size += line.length;
    const n = Buffer.byteLength(text);
    bytes += n;
    if (sampleBytes < 3 * 1048576) {
      sample.push(text);
      sampleBytes += n;
    }
    if (size > 1_000_000) flush();
  }
  flush();
  return { bytes, sample };
}

function compromiseAloneMbPerSecond(docs: readonly string[]): number {
  for (const text of docs.slice(0, 3)) nlp(text).people().out('array');
  const started = performance.now();
  let bytes = 0;
  for (const text of docs) {
    const doc = nlp(text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
    bytes += Buffer.byteLength(text);
  }
  return bytes / 1048576 / ((performance.now() - started) / 1000);
}

/** compromise alone in `cores` processes at once on the same sample: what this machine gives in parallel. */
async function aloneInParallel(sampleFile: string): Promise<number> {
  const runs = Array.from({ length: cores }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-kb.ts', '--alone', sampleFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    return new Promise<number>((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`alone run failed (${code})`)))));
  });
  return (await Promise.all(runs)).reduce((a, b) => a + b, 0);
}

async function kbProcess(dir: string, out: string): Promise<{ seconds: number; stdout: string; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/kb.ts', '--corpus', dir, '--out', out, '--workers', String(cores)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`npm run kb failed (${code}):\n${stderr}`);
  return { seconds: (performance.now() - started) / 1000, stdout, stderr };
}

async function measure(label: string, mb: number | null): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'backstory-bench-kb-'));
  try {
    const dir = join(root, 'corpus');
    mkdirSync(dir);
    const { bytes, sample } = writeCorpus(dir, mb);
    const alone = compromiseAloneMbPerSecond(sample);
    const sampleFile = join(root, 'sample.json');
    writeFileSync(sampleFile, JSON.stringify(sample));
    const ceiling = await aloneInParallel(sampleFile);
    const run = await kbProcess(dir, join(root, 'pack.json'));
    const rate = bytes / 1048576 / run.seconds;
    const peak = /peak RSS (\d+) MB/.exec(run.stderr)?.[1] ?? '?';
    const map = /map took ([\d.]+) s/.exec(run.stderr)?.[1] ?? '?';
    const reduce = /reduce took ([\d.]+) s/.exec(run.stderr)?.[1] ?? '?';
    const result = (run.stdout.split('\n')[0] ?? '').replace(/^kb: /, '').replace(/ -> .*$/, '');
    return `${label} | ${(bytes / 1048576).toFixed(2)} | ${alone.toFixed(3)} | ${ceiling.toFixed(3)} (${(ceiling / (cores * alone)).toFixed(2)}) | ${rate.toFixed(3)} (map ${map} s, merge ${reduce} s, ${run.seconds.toFixed(1)} s in all) | ${(rate / (cores * alone)).toFixed(2)} | ${peak} | ${result}`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// A child of aloneInParallel: compromise alone on the sample file, its MB/s on stdout.
if (flags.has('alone')) {
  console.log(compromiseAloneMbPerSecond(JSON.parse(readFileSync(flags.get('alone') as string, 'utf8')) as string[]));
  process.exit(0);
}

const rows = [await measure(`real pages (${texts.length} articles)`, null), await measure(`synthetic ${targetMb} MB`, targetMb)];
console.log(`\nnpm run kb vs compromise alone, same machine, same run (${cores} cores).`);
console.log(`corpus | MB of text | compromise alone MB/s (1 core) | compromise alone in ${cores} processes at once, MB/s in all (÷ cores × alone: this machine's parallel ceiling) | kb MB/s (all cores, whole process) | kb / (cores × alone), target ≥ 0.8 | kb peak RSS MB (target ≤ 1024 at 100 MB) | result`);
console.log('---|---|---|---|---|---|---|---');
for (const r of rows) console.log(r);
