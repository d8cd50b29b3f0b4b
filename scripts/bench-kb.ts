/**
 * npm run bench:kb [-- --mb N]
 * Pack building measured side by side in one run: compromise alone (one parse and its people, places and
 * organisations per document, on one core) against `npm run kb`'s map and merge over all cores, on the text
 * of the saved real pages, and on a synthetic corpus of N MB (default 100) made from that text (each copy's
 * names varied, so the name tables grow as a real archive's do). Reports MB/s, the ratio to
 * cores × compromise alone (target at least 0.8), peak RSS (target at most 1 GB at 100 MB) and entity counts.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import nlp from 'compromise';
import { htmlArticle } from '../lib/kb/html-article';
import { parseArgs } from '../support/cli-args';
import { runKb } from '../support/kb-run';

const { flags } = parseArgs(process.argv.slice(2), ['mb']);
const targetMb = Number(flags.get('mb') ?? 100);
const cores = availableParallelism();
const texts = readdirSync('test/fixtures/pages')
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => ({ name: f.replace(/\.html$/, ''), text: htmlArticle(readFileSync(join('test/fixtures/pages', f), 'utf8'))?.text ?? '' }))
  .filter((t) => t.text !== '');

function compromiseAlone(docs: readonly string[]): number {
  const started = performance.now();
  for (const text of docs) {
    const doc = nlp(text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
  }
  return (performance.now() - started) / 1000;
}

async function kbRun(dir: string): Promise<{ seconds: number; peakMb: number; line: string }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const out = await runKb(['--corpus', dir, '--out', join(dir, '..', 'pack.json'), '--workers', String(cores)]);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  return { seconds, peakMb: Math.max(peak, process.memoryUsage().rss) / 1048576, line: out.split('\n')[0] ?? '' };
}

/** Copy i of a text, its capitalised words given a suffix so every copy brings new names. */
const variant = (text: string, i: number): string => (i === 0 ? text : text.replace(/\b([A-Z][a-z]{3,})\b/g, (w) => `${w}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}`));

async function measure(label: string, docs: Array<{ name: string; text: string }>): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'backstory-bench-kb-'));
  const dir = join(root, 'corpus');
  mkdirSync(dir);
  // JSON Lines files of about 1 MB, the usual export of news datasets.
  let file = 0;
  let lines: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (lines.length > 0) writeFileSync(join(dir, `part-${String(file++).padStart(5, '0')}.jsonl`), `${lines.join('\n')}\n`);
    lines = [];
    size = 0;
  };
  let bytes = 0;
  for (const [i, d] of docs.entries()) {
    const line = JSON.stringify({ title: d.name, date: `2025-12-${String((i % 28) + 1).padStart(2, '0')}`, url: `https://example.org/${i}`, text: d.text });
    lines.push(line);
    size += line.length;
    bytes += Buffer.byteLength(d.text);
    if (size > 1_000_000) flush();
  }
  flush();
  const mb = bytes / 1048576;
  // compromise alone on a sample (the same documents as far as a minute allows), on one core.
  const sample: string[] = [];
  let sampleBytes = 0;
  for (const d of docs) {
    if (sampleBytes > 3 * 1048576) break;
    sample.push(d.text);
    sampleBytes += Buffer.byteLength(d.text);
  }
  compromiseAlone(sample.slice(0, 3));
  const aloneRate = sampleBytes / 1048576 / compromiseAlone(sample);
  const run = await kbRun(dir);
  const rate = mb / run.seconds;
  rmSync(root, { recursive: true, force: true });
  return `${label} | ${mb.toFixed(2)} | ${aloneRate.toFixed(3)} | ${rate.toFixed(3)} | ${(rate / (cores * aloneRate)).toFixed(2)} | ${run.peakMb.toFixed(0)} | ${run.line.replace(/^kb: /, '')}`;
}

const rows: string[] = [];
rows.push(await measure(`real pages (${texts.length} articles)`, texts));
const synthetic: Array<{ name: string; text: string }> = [];
let total = 0;
for (let i = 0; total < targetMb * 1048576; i++) {
  const t = texts[i % texts.length] as { name: string; text: string };
  const text = variant(t.text, Math.floor(i / texts.length));
  synthetic.push({ name: `${t.name}-${i}`, text });
  total += Buffer.byteLength(text);
}
rows.push(await measure(`synthetic ${targetMb} MB`, synthetic));
console.log(`\nnpm run kb vs compromise alone, same machine, same run (${cores} cores).`);
console.log('corpus | MB of text | compromise alone MB/s (1 core) | kb MB/s (all cores) | kb / (cores × alone), target ≥ 0.8 | peak RSS MB (target ≤ 1024 at 100 MB) | result');
console.log('---|---|---|---|---|---|---');
for (const r of rows) console.log(r);
