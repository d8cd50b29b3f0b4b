/**
 * npm run bench:browser: Backstory in headless Chromium over the real saved pages and generated pages of 1 MB
 * and 5 MB of text, and mark.js (what users would otherwise install) highlighting the same terms on the same
 * pages in the same run, as a ratio; then what highlighting costs long pages' rendering (bench-render.ts),
 * packs at scale (bench-packs.ts) and reading memory (bench-reading.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import bundled from '../generated/backstory-news.pack.json';
import type { KnowledgePack } from '../lib/pack-format/types';
import { chromiumPath, highlightCount, hoverText, launchExtension, pageEntitiesOf, tabIdOf, type ExtensionBrowser } from '../support/browser';
import { changingPage, hugePage } from '../support/pages';
import { startServer } from '../support/server';
import { benchPacks } from './bench-packs';
import { benchReading } from './bench-reading';
import { benchRender } from './bench-render';

const MARK_CAP_MS = 30_000;
const pack = bundled as unknown as KnowledgePack;
const terms = [...new Set(pack.entities.flatMap((e) => [e.name, ...e.aliases, ...e.acronyms, ...e.demonyms]))];
const markSource = readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8');

interface Row {
  page: string;
  chars: number;
  highlights: number;
  first: number;
  all: number;
  longest: number;
  work: number;
  /** Finding the reading region, part of `work`. */
  region: number;
  heapMB: number;
  markMs: number | null;
  marks: number;
  /** The popup's question (the page's entity list), asked from the service worker: round trip and list length. */
  popupMs: number;
  popupEntities: number;
}

/** What the popup does on opening: ask the page's content script for its entities, timed from the worker. */
async function popupRoundTrip(ext: ExtensionBrowser, page: Page): Promise<{ ms: number; entities: number }> {
  const { ms, entities } = await pageEntitiesOf(ext, await tabIdOf(ext, page));
  return { ms, entities: entities.length };
}

async function markJs(plain: Browser, url: string): Promise<{ ms: number | null; marks: number }> {
  const page = await plain.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.addScriptTag({ content: markSource });
  // A string, not a function: tsx would wrap a function's inner closures in helpers the page does not have.
  const run = page.evaluate<{ ms: number; marks: number }>(`(() => {
    const start = performance.now();
    let marks = 0;
    new window.Mark(document.body).mark(${JSON.stringify(terms)}, {
      accuracy: 'exactly', separateWordSearch: false, diacritics: true,
      exclude: ['script', 'style', 'textarea', 'input', 'nav', 'code', 'pre'],
      each: () => { marks++; },
    });
    void document.body.getBoundingClientRect();
    return { ms: performance.now() - start, marks };
  })()`);
  const capped = await Promise.race([run, new Promise<null>((r) => setTimeout(() => r(null), MARK_CAP_MS))]);
  await page.close({ runBeforeUnload: false }).catch(() => undefined);
  return capped ?? { ms: null, marks: 0 };
}

const CLICKS = 30;

/** Clicks a changing 2 MB page CLICKS times and returns the click-to-next-frame latencies (ms), sorted. */
async function clickLatencies(context: BrowserContext | Browser, url: string, ready: (page: Page) => Promise<void>): Promise<number[]> {
  const page = await context.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await ready(page);
  for (let i = 0; i < CLICKS; i++) {
    await page.mouse.click(640, 300 + (i % 5) * 20);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(300);
  const latencies = await page.evaluate<number[]>('window.__latency');
  await page.close();
  return latencies.sort((a, b) => a - b);
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function main(): Promise<void> {
  const server = await startServer();
  server.route('/generated-1mb.html', hugePage(1));
  server.route('/generated-5mb.html', hugePage(5));
  server.route('/changing-2mb.html', changingPage(2));
  const names = [...readdirSync('test/fixtures/pages').filter((f) => f.endsWith('.html')).sort().map((f) => `/fixtures/${f}`), '/generated-1mb.html', '/generated-5mb.html'];
  const ext = await launchExtension();
  const plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'] });
  const rows: Row[] = [];
  for (const path of names) {
    const before = ext.logs.length;
    const page = await ext.context.newPage();
    await page.goto(server.url(path), { waitUntil: 'domcontentloaded', timeout: 120_000 });
    let line = '';
    for (let i = 0; i < 600 && !line; i++) {
      line = ext.logs.slice(before).find((l) => l.includes('longest slice')) ?? '';
      if (!line) await page.waitForTimeout(100);
    }
    const num = (re: RegExp): number => Number(re.exec(line)?.[1] ?? NaN);
    const stats = await page.evaluate<{ chars: number; heap: number }>('({ chars: document.body.innerText.length, heap: performance.memory ? performance.memory.usedJSHeapSize : 0 })');
    const highlights = await highlightCount(page);
    const popup = await popupRoundTrip(ext, page);
    await page.close();
    const mark = await markJs(plain, server.url(path));
    rows.push({
      page: path.replace(/^\/(fixtures\/)?/, ''),
      chars: stats.chars,
      highlights,
      first: num(/first highlights (-?[\d.]+)/),
      all: num(/all ([\d.]+)/),
      longest: num(/longest slice ([\d.]+)/),
      work: num(/work ([\d.]+)/),
      region: num(/reading region ([\d.]+)/),
      heapMB: stats.heap / 1048576,
      markMs: mark.ms,
      marks: mark.marks,
      popupMs: popup.ms,
      popupEntities: popup.entities,
    });
    process.stderr.write('.');
  }
  process.stderr.write('\n');

  // Hover timing on a typical news page: the card's draw time after its dwell.
  server.route('/seed.html', (await import('../support/sample-pages')).seedArticlePage());
  const page = await ext.context.newPage();
  const before = ext.logs.length;
  await page.goto(server.url('/seed.html'));
  await page.waitForTimeout(500);
  const drawn: number[] = [];
  for (const term of ['drone wall', 'Oana Toiu', 'Estonia', 'Reuters', 'Moscow']) {
    await hoverText(page, term);
    await page.keyboard.press('Escape');
    await page.mouse.move(2, 2);
    await page.waitForTimeout(100);
  }
  for (const l of ext.logs.slice(before)) {
    const m = /drawn with details in frame \d+ after the dwell, ([\d.]+) ms after it/.exec(l);
    if (m) drawn.push(Number(m[1]));
  }
  // Click latency on a 2 MB page that replaces a paragraph every 100 ms, with Backstory and without.
  const clickBefore = ext.logs.length;
  const withExt = await clickLatencies(ext.context, server.url('/changing-2mb.html'), async (p) => {
    for (let i = 0; i < 300 && !ext.logs.slice(clickBefore).some((l) => l.includes('longest slice')); i++) await p.waitForTimeout(100);
  });
  const changingMentions = Number(/all ([\d.]+)/.exec(ext.logs.slice(clickBefore).find((l) => l.includes('longest slice')) ?? '')?.[1] ?? NaN);
  const withoutExt = await clickLatencies(plain, server.url('/changing-2mb.html'), (p) => p.waitForTimeout(3000));
  await ext.close();
  await plain.close();
  await server.close();

  const f = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '–');
  console.log(`Backstory in headless Chromium vs mark.js ${'8.11.1'} with the same ${terms.length} terms (mark.js capped at ${MARK_CAP_MS / 1000} s per page).`);
  console.log('Times from document idle. "longest task" is the longest slice of Backstory work on the main thread.\n');
  console.log('page | text chars | highlights | first highlights ms | all highlights ms | longest task ms | Backstory main-thread ms | reading region ms | page heap MB | mark.js ms | mark.js marks | mark.js / Backstory | popup list ms (entities)');
  console.log('---|---|---|---|---|---|---|---|---|---|---|---|---');
  for (const r of rows) {
    const ratio = r.markMs === null ? `> ${f(MARK_CAP_MS / r.work, 0)}×` : `${f(r.markMs / Math.max(r.work, 0.1), 0)}×`;
    console.log(`${r.page} | ${r.chars} | ${r.highlights} | ${r.first < 0 ? '–' : f(r.first)} | ${f(r.all)} | ${f(r.longest)} | ${f(r.work)} | ${f(r.region, 2)} | ${f(r.heapMB)} | ${r.markMs === null ? `> ${MARK_CAP_MS}` : f(r.markMs)} | ${r.marks} | ${ratio} | ${f(r.popupMs)} (${r.popupEntities})`);
  }
  const typical = rows.find((r) => r.page === 'lemonde-1.html');
  const fiveMb = rows.find((r) => r.page === 'generated-5mb.html');
  const oneMb = rows.find((r) => r.page === 'generated-1mb.html');
  const withMentions = rows.filter((r) => r.first >= 0 && !r.page.startsWith('generated'));
  const medianFirst = withMentions.map((r) => r.first).sort((a, b) => a - b)[Math.floor(withMentions.length / 2)] ?? NaN;
  console.log('\nTargets');
  console.log(`  first highlights on a typical news page within 50 ms of idle: median ${f(medianFirst)} ms over the ${withMentions.length} real pages with mentions (lemonde-1, the typical page, has none: all done in ${f(typical?.all ?? NaN)} ms)`);
  console.log(`  no extension task over 50 ms on the 5 MB page: longest ${f(fiveMb?.longest ?? NaN)} ms`);
  const popupReal = rows.filter((r) => !r.page.startsWith('generated')).map((r) => r.popupMs).sort((a, b) => a - b);
  console.log(`  the popup's entity list, asked from the service worker: median ${f(popupReal[Math.floor(popupReal.length / 2)] ?? NaN)} ms over the real pages, ${f(oneMb?.popupMs ?? NaN)} ms at 1 MB, ${f(fiveMb?.popupMs ?? NaN)} ms at 5 MB`);
  const real = rows.filter((r) => !r.page.startsWith('generated')).map((r) => r.region).sort((a, b) => a - b);
  console.log(`  reading region at most 2 ms on a typical page: median ${f(real[Math.floor(real.length / 2)] ?? NaN, 2)} ms, max ${f(real[real.length - 1] ?? NaN, 2)} ms over the ${real.length} real pages; linear on big pages: ${f(oneMb?.region ?? NaN, 2)} ms at 1 MB, ${f(fiveMb?.region ?? NaN, 2)} ms at 5 MB (${f((fiveMb?.region ?? NaN) / (oneMb?.region ?? NaN), 1)}× for 5× the text; it reads at most ${'1,500'} paragraphs to find the article)`);
  console.log(`  hover card drawn within one frame after its dwell: ${drawn.map((d) => f(d)).join(', ')} ms (one frame = 16.7 ms)`);
  console.log(`\nClick latency on a 2 MB page replacing a paragraph every 100 ms (${CLICKS} clicks, click to the frame after it; the scan finished ${f(changingMentions)} ms after idle):`);
  console.log('page | median ms | 90th percentile ms | max ms');
  console.log('---|---|---|---');
  console.log(`with Backstory | ${f(percentile(withExt, 0.5))} | ${f(percentile(withExt, 0.9))} | ${f(withExt[withExt.length - 1] ?? NaN)}`);
  console.log(`without the extension | ${f(percentile(withoutExt, 0.5))} | ${f(percentile(withoutExt, 0.9))} | ${f(withoutExt[withoutExt.length - 1] ?? NaN)}`);
  console.log(`ratio (with / without), median: ${f(percentile(withExt, 0.5) / percentile(withoutExt, 0.5), 2)}×`);
  // `--pages-only`: this part alone (the packs and reading-memory comparisons take several minutes more).
  if (process.argv.includes('--pages-only')) return;
  await benchRender();
  await benchPacks();
  await benchReading();
}

main().catch((error: unknown) => {
  console.error(`bench:browser: ${(error as Error).message}`);
  process.exit(1);
});
