/**
 * Reading memory, measured through the real extension (part of npm run bench:browser; alone: npm run
 * bench:reading): 10,000 articles imported through the options page, then
 *  - the card's "You read" query: how long details take to arrive for NATO with reading memory on (10,000
 *    articles mention it) and off, medians over fresh tabs, side by side (target: the query adds at most 5 ms);
 *  - storage per 1,000 articles, as the options page counts it;
 *  - the page's own work when an article is kept (target at most 1 ms on a typical article).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hoverText, launchExtension, openExtensionPage, openPage, type ExtensionBrowser } from '../support/browser';
import { shortArticlePage } from '../support/sample-pages';
import { startServer } from '../support/server';
import { readingFileText } from '../lib/reading/reading-file';
import type { ReadArticle } from '../lib/reading/reading-record';

const ARTICLES = 10_000;
const SAMPLES = 9;
const ENTITIES = ['nato', 'romania', 'ukraine', 'russia', 'poland', 'estonia', 'european-union', 'donald-trump', 'kyiv', 'moscow'].map((id) => `backstory-news/${id}`);

function readingFile(now: number): string {
  const articles: ReadArticle[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const sentences = [0, 1, 2].map((k) => {
      const a = ENTITIES[(i + k) % ENTITIES.length] as string;
      return { text: `Story ${i}, paragraph ${k}: NATO allies and ${a.split('/')[1]} officials met again to discuss air defence on the eastern flank.`, entities: [ENTITIES[0] as string, a] };
    });
    articles.push({ url: `https://news${i % 50}.example/story-${i}`, title: `Story number ${i}`, site: `News ${i % 50}`, published: '', visited: now - i * 60_000, sentences });
  }
  return readingFileText(articles);
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

async function setMemory(ext: ExtensionBrowser, on: boolean): Promise<void> {
  const options = await openExtensionPage(ext, 'options.html');
  const box = options.getByLabel(/Remember what I read/);
  if (on) await box.check();
  else await box.uncheck();
  await options.waitForTimeout(600);
  await options.close();
}

async function detailsTimes(ext: ExtensionBrowser, url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const before = ext.logs.length;
    const page = await openPage(ext, url, 1);
    await hoverText(page, 'NATO', { dwellMs: 900 });
    const line = ext.logs.slice(before).find((l) => /details of "nato" arrived/.test(l)) ?? '';
    times.push(Number(/arrived ([\d.]+) ms/.exec(line)?.[1] ?? NaN));
    await page.close();
  }
  return times;
}

export async function benchReading(log: (line: string) => void = console.log): Promise<void> {
  const server = await startServer();
  server.route('/a.html', shortArticlePage('Allies tighten the eastern flank', 'NATO moved more air defences to Romania after the drone incursions.'));
  server.route('/b.html', shortArticlePage('Summit opens in The Hague', 'NATO leaders opened their summit with a pledge on spending.'));
  const ext = await launchExtension();
  try {
    const off = await detailsTimes(ext, server.url('/b.html'));
    await setMemory(ext, true);
    const file = join(mkdtempSync(join(tmpdir(), 'backstory-bench-reading-')), 'reading.json');
    writeFileSync(file, readingFile(Date.now()));
    const options = await openExtensionPage(ext, 'options.html');
    const started = performance.now();
    await options.locator('#reading-file').setInputFiles(file);
    await options.waitForFunction(() => /Imported/.test(document.querySelector('#reading-stats')?.textContent ?? ''), undefined, { timeout: 300_000 });
    const importMs = performance.now() - started;
    const stats = (await options.locator('#reading-stats').textContent()) ?? '';
    await options.close();
    const on = await detailsTimes(ext, server.url('/b.html'));

    const before = ext.logs.length;
    const a = await openPage(ext, server.url('/a.html'), 1);
    let kept = '';
    for (let waited = 0; !kept && waited < 40_000; waited += 500) {
      kept = ext.logs.slice(before).find((l) => l.includes('reading memory: sent')) ?? '';
      if (!kept) await a.waitForTimeout(500);
    }
    await a.close();
    const pageMs = Number(/\(([\d.]+) ms on the page\)/.exec(kept)?.[1] ?? NaN);
    const size = /, ([\d.]+) (KB|MB)\)/.exec(stats);
    const mb = size ? Number(size[1]) / (size[2] === 'KB' ? 1024 : 1) : NaN;

    log(`\nReading memory (Chromium, through the extension's own pages and messages; ${SAMPLES} fresh tabs per cell).`);
    log('measure | reading memory off | on, 10,000 articles kept | difference (target)');
    log('---|---|---|---');
    log(`details for NATO's card arrive (median ms; samples) | ${median(off).toFixed(1)} (${off.map((t) => t.toFixed(1)).join(', ')}) | ${median(on).toFixed(1)} (${on.map((t) => t.toFixed(1)).join(', ')}) | ${(median(on) - median(off)).toFixed(1)} ms ("You read" query, target ≤ 5)`);
    log(`storage | – | ${stats.replace(/^Kept now: /, '')} | ${(mb / (ARTICLES / 1000)).toFixed(2)} MB per 1,000 articles`);
    log(`import of the 10,000 articles through the options page | – | ${(importMs / 1000).toFixed(1)} s | –`);
    log(`the page's work when an article is kept | – | ${Number.isFinite(pageMs) ? pageMs.toFixed(2) : '?'} ms | target ≤ 1 ms`);
  } finally {
    await ext.close();
    await server.close();
  }
}
