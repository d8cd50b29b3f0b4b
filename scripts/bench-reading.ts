/**
 * Reading memory, measured through the real extension (part of npm run bench:browser; alone: npm run
 * bench:reading): 10,000 articles imported through the options page, then
 *  - the card's "You read" query: the query's own time in the background (its User Timing measure, target at
 *    most 5 ms), and beside it how long details take to arrive for NATO with reading memory on (10,000
 *    articles mention it) and off, medians over fresh tabs, side by side;
 *  - storage per 1,000 articles, as the options page counts it;
 *  - the page's own work when an article is kept, on the saved real articles one tab at a time (target at
 *    most 1 ms on a typical article), beside the floor's for the same keep (support/floor-content.js);
 *  - learning: the 10,000 imported articles read for new names in one run, where it ran and how long it took,
 *    and meanwhile an open page's main thread (long tasks, the longest gap between frames).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hoverText, launchExtension, openExtensionPage, openPage, type ExtensionBrowser } from '../support/browser';
import { shortArticlePage } from '../support/sample-pages';
import { startServer } from '../support/server';
import { median } from '../support/median';
import { floorBuild } from '../support/floor-build';
import { readingFileText } from '../lib/reading/reading-file';
import { YOU_READ_ITEMS, YOU_READ_MEASURE, type ReadArticle } from '../lib/reading/reading-record';

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

/** Saved real news articles (test/fixtures/pages, served without their scripts). */
const REAL_ARTICLES = ['bbc-1', 'cnn', 'wapo-2', 'telegraph', 'breitbart', 'salon-1', 'theverge'];

/**
 * Reads one more article, which starts a learning run over everything kept and not yet read for names (the
 * import queued all of it); while it runs, an open page's main thread is watched for long tasks and frame
 * gaps. Returns the run's numbers as the background reports them.
 */
async function learningRun(ext: ExtensionBrowser, articleUrl: string): Promise<{ report: string; longTasks: number; longestFrameMs: number }> {
  const watcher = await ext.context.newPage();
  await watcher.goto(articleUrl);
  await watcher.evaluate(`(() => {
    window.__longTasks = 0; window.__gap = 0; let last = performance.now();
    new PerformanceObserver((list) => { window.__longTasks += list.getEntries().length; }).observe({ type: 'longtask' });
    const frame = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })()`);
  const options = await openExtensionPage(ext, 'options.html');
  const started = Date.now();
  // The watcher page is the article too: past the dwell it is kept, and the run goes on over everything queued.
  // The background writes the run's numbers after every 100 articles; done when it says nothing waits.
  let report: { articles: number; names: number; ms: number; more: boolean; at: number; where: string } | undefined;
  for (let waited = 0; waited < 900_000; waited += 2_000) {
    await options.waitForTimeout(2_000);
    report = await options.evaluate<typeof report>(`chrome.storage.local.get('learnreport').then((r) => r.learnreport)`);
    if (report && report.at > started && !report.more) break;
  }
  const [longTasks, longestFrameMs] = await watcher.evaluate<[number, number]>('[window.__longTasks, window.__gap]');
  await options.close();
  await watcher.close();
  const text = report && !report.more
    ? `${report.articles.toLocaleString('en')} articles read for names in ${(report.ms / 1000).toFixed(1)} s (${(report.ms / report.articles).toFixed(1)} ms per article), in ${report.where}`
    : `not finished in 15 minutes (${report?.articles ?? 0} articles so far)`;
  return { report: text, longTasks, longestFrameMs };
}

async function setMemory(ext: ExtensionBrowser, on: boolean): Promise<void> {
  const options = await openExtensionPage(ext, 'options.html');
  const box = options.getByLabel(/Remember what I read/);
  if (on) await box.check();
  else await box.uncheck();
  await options.waitForTimeout(600);
  await options.close();
}

/** The background's own time for the last "You read" query (its User Timing measure), NaN when none ran. */
async function lastQueryMs(ext: ExtensionBrowser): Promise<number> {
  // The worker may have been stopped and started again since launch: ask the one running now.
  const worker = ext.context.serviceWorkers()[0] ?? ext.worker;
  return worker.evaluate((name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN, YOU_READ_MEASURE);
}

/**
 * The "You read" query's two designs side by side in the background, on the same store, interleaved: the
 * version 3 walk (a cursor backwards over [entity, visited], a round trip per row, and each row's article
 * read for its title) and this version's one getAll over [entity, newest], with the count beside it.
 */
async function queryDesigns(ext: ExtensionBrowser, entity: string): Promise<{ walk: number[]; getAll: number[] }> {
  const worker = ext.context.serviceWorkers()[0] ?? ext.worker;
  // A string, not a function: the bench runs through tsx, whose helpers the worker does not have.
  return worker.evaluate<{ walk: number[]; getAll: number[] }>(`(async () => {
    const entity = ${JSON.stringify(entity)};
    const limit = ${YOU_READ_ITEMS};
    const done = (request) => new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const db = await done(indexedDB.open('backstory-reading'));
    const range = IDBKeyRange.bound([entity, -Infinity], [entity, Infinity]);
    const walk = [];
    const getAll = [];
    for (let r = 0; r < ${SAMPLES}; r++) {
      let started = performance.now();
      await new Promise((resolve) => {
        const tx = db.transaction(['mentions', 'articles', 'counts'], 'readonly');
        const gets = [done(tx.objectStore('counts').get(entity))];
        const cursor = tx.objectStore('mentions').index('byEntity').openCursor(range, 'prev');
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (c) gets.push(done(tx.objectStore('articles').get(c.value.url)));
          if (c && gets.length <= limit) c.continue();
          else Promise.all(gets).then(() => resolve());
        };
      });
      walk.push(performance.now() - started);
      started = performance.now();
      const tx = db.transaction(['mentions', 'counts'], 'readonly');
      await Promise.all([done(tx.objectStore('mentions').index('byNewest').getAll(range, limit + 1)), done(tx.objectStore('counts').get(entity)), done(tx.objectStore('mentions').count(entity + '\\u0000'))]);
      getAll.push(performance.now() - started);
    }
    db.close();
    return { walk, getAll };
  })()`);
}

/**
 * The page's own clock around its keep, read from its log (Backstory's and the floor's write the same line):
 * the article opened in a fresh tab, left open until the dwell has passed and the keep has run.
 */
async function keptMs(browser: ExtensionBrowser, url: string): Promise<number> {
  const before = browser.logs.length;
  const page = await browser.context.newPage();
  await page.goto(url);
  let sent = '';
  for (let waited = 0; !sent && waited < 30_000; waited += 500) {
    sent = browser.logs.slice(before).find((l) => l.includes('reading memory: sent')) ?? '';
    if (!sent) await page.waitForTimeout(500);
  }
  await page.close();
  return Number(/\(([\d.]+) ms on the page\)/.exec(sent)?.[1] ?? NaN);
}

/** For each fresh tab: when NATO's details arrived on the page, and the query's time in the background. */
async function detailsTimes(ext: ExtensionBrowser, url: string): Promise<{ arrived: number[]; query: number[] }> {
  const arrived: number[] = [];
  const query: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const before = ext.logs.length;
    const page = await openPage(ext, url, 1);
    await hoverText(page, 'NATO', { dwellMs: 900 });
    const line = ext.logs.slice(before).find((l) => /details of "nato" arrived/.test(l)) ?? '';
    arrived.push(Number(/arrived ([\d.]+) ms/.exec(line)?.[1] ?? NaN));
    query.push(await lastQueryMs(ext));
    await page.close();
  }
  return { arrived, query };
}

export async function benchReading(log: (line: string) => void = console.log): Promise<void> {
  // Isolated pages: the content script's clock reads microseconds, where a 1 ms target needs it.
  const server = await startServer({ isolated: true });
  server.route('/a.html', shortArticlePage('Allies tighten the eastern flank', 'NATO moved more air defences to Romania after the drone incursions.'));
  server.route('/b.html', shortArticlePage('Summit opens in The Hague', 'NATO leaders opened their summit with a pledge on spending.'));
  const ext = await launchExtension();
  try {
    const { arrived: off } = await detailsTimes(ext, server.url('/b.html'));
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
    // Learning first, so nothing runs in the background while the rest is measured.
    const learning = await learningRun(ext, server.url('/a.html'));
    const { arrived: on, query } = await detailsTimes(ext, server.url('/b.html'));
    const designs = await queryDesigns(ext, ENTITIES[0] as string);

    // The page's work when an article is kept, on saved real articles, one tab at a time; each page also in a
    // browser whose content script is the floor (support/floor-content.js), in turn, so both share the machine.
    const floor = await launchExtension({ extensionDir: floorBuild('.output/chrome-mv3', { keep: true }) });
    const pageMs: Array<[string, number]> = [];
    const floorMs: Array<[string, number]> = [];
    try {
      for (const name of REAL_ARTICLES) {
        pageMs.push([name, await keptMs(ext, server.url(`/captured/${name}.html`))]);
        floorMs.push([name, await keptMs(floor, server.url(`/captured/${name}.html`))]);
      }
    } finally {
      await floor.close();
    }
    const size = /, ([\d.]+) (KB|MB)\)/.exec(stats);
    const mb = size ? Number(size[1]) / (size[2] === 'KB' ? 1024 : 1) : NaN;

    log(`\nReading memory (Chromium, through the extension's own pages and messages; ${SAMPLES} fresh tabs per cell).`);
    log('measure | reading memory off | on, 10,000 articles kept | difference (target)');
    log('---|---|---|---');
    const samples = (xs: readonly number[]): string => xs.map((t) => t.toFixed(1)).join(', ');
    log(`details for NATO's card arrive on the page (median ms; samples) | ${median(off).toFixed(1)} (${samples(off)}) | ${median(on).toFixed(1)} (${samples(on)}) | ${(median(on) - median(off)).toFixed(1)} ms (end to end, a difference of medians)`);
    log(`the "You read" query in the background (median ms; samples) | – | ${median(query).toFixed(1)} (${samples(query)}) | target ≤ 5 ms`);
    const ratio = median(designs.walk) / median(designs.getAll);
    log(`the same query's reads alone, in the background (median ms; samples): version 3's backward cursor walk, then this version's one getAll | – | ${median(designs.walk).toFixed(2)} (${samples(designs.walk)}), then ${median(designs.getAll).toFixed(2)} (${samples(designs.getAll)}) | ${ratio.toFixed(1)}× less`);
    log(`storage | – | ${stats.replace(/^Kept now: /, '')} | ${(mb / (ARTICLES / 1000)).toFixed(2)} MB per 1,000 articles`);
    log(`import of the 10,000 articles through the options page | – | ${(importMs / 1000).toFixed(1)} s | –`);
    const typical = (list: Array<[string, number]>): number => median(list.map(([, ms]) => ms).filter(Number.isFinite));
    const each = (list: Array<[string, number]>): string =>
      `${typical(list).toFixed(2)} ms (${list.filter(([, ms]) => Number.isFinite(ms)).map(([n, ms]) => `${n} ${ms.toFixed(2)}`).join(', ')})`;
    log(`the page's work when an article is kept (saved real articles, median; each) | – | ${each(pageMs)} | target ≤ 1 ms`);
    log(`the same, the floor: a script that reads the head with one selector and the text of each element holding a mention inside <article> or <main>, and sends it (no article model, no polyfill) | – | ${each(floorMs)} | this version ${(typical(pageMs) / typical(floorMs)).toFixed(2)}× the floor`);
    log(`learning names from the ${ARTICLES.toLocaleString('en')} articles | – | ${learning.report} | off the page: ${learning.longTasks} long tasks on an open page meanwhile, longest gap between its frames ${learning.longestFrameMs.toFixed(0)} ms`);
  } finally {
    await ext.close();
    await server.close();
  }
}
