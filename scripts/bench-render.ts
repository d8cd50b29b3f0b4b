/**
 * What highlighting costs a long page's own rendering (part of npm run bench:browser): the page's main-thread
 * style, layout, pre-paint and paint time and its long tasks, from a Chromium trace over the same window from
 * navigation, on the generated 1 MB and 5 MB pages, for
 *  - this build, which adds ranges to the highlight registry in paced batches (lib/content/paint-pacer.ts)
 *    and, past 2,000 mentions, watches runs of blocks for nearness to the viewport (lib/content/block-runs.ts);
 *  - the build before runs, which watched every block with a mention;
 *  - the build before pacing, which added each slice's ranges at once (the naive approach);
 *  - no extension at all (the floor);
 * interleaved in one run, with ratios; then each page, once highlighted, scrolled down in wheel steps: the time
 * between its frames, and its main thread's work meanwhile (a second trace).
 */
import { chromium, type Page } from 'playwright-core';
import { chromiumPath, launchExtension } from '../support/browser';
import { ensureBaselineBuild, EVERY_BLOCK_COMMIT, UNPACED_COMMIT } from '../support/baseline-build';
import { hugePage } from '../support/pages';
import { startServer } from '../support/server';
import { recordTrace, type TraceEvent } from '../support/trace';
import { median } from '../support/median';

const ROUNDS = 3;
const PAGES = [
  { path: '/generated-1mb.html', mb: 1, windowMs: 6_000 },
  { path: '/generated-5mb.html', mb: 5, windowMs: 14_000 },
];
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint']);
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

interface Sample {
  renderMs: number;
  prePaintMs: number;
  longTasks: number;
  longTaskMs: number;
  /** Idle to all highlights, as the content script logs it (NaN without the extension). */
  allMs: number;
  /** Scrolling the page afterwards: the median time between frames, and the share of frames later than 20 ms. */
  scrollFrameMs: number;
  scrollLateShare: number;
  /** The main thread's tasks during the scroll, and of it the intersection observers' computing. */
  scrollTaskMs: number;
  scrollIntersectionMs: number;
}

const SCROLLS = 12;

interface Scroll {
  frameMs: number;
  lateShare: number;
  taskMs: number;
  intersectionMs: number;
}

/** The page's main thread in a trace: the thread its layout or paint ran on. */
function mainThread(events: readonly TraceEvent[]): TraceEvent[] {
  const marker = events.find((e) => (e.name === 'Layout' || e.name === 'Paint') && e.ph === 'X');
  return events.filter((e) => e.ph === 'X' && marker && e.pid === marker.pid && e.tid === marker.tid);
}

const sum = (list: readonly TraceEvent[]): number => list.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;

/** Scrolls down the page in wheel steps, counting the time between its frames and tracing its main thread meanwhile. */
async function scrollFrames(page: Page): Promise<Scroll> {
  await page.evaluate(`(() => { window.__gaps = []; let last = performance.now(); const f = (t) => { window.__gaps.push(t - last); last = t; requestAnimationFrame(f); }; requestAnimationFrame(f); })()`);
  const events = await recordTrace(page, ['devtools.timeline', 'toplevel', 'disabled-by-default-devtools.timeline'], async () => {
    for (let i = 0; i < SCROLLS; i++) {
      await page.mouse.move(600, 400);
      await page.mouse.wheel(0, 2_500);
      await page.waitForTimeout(400);
    }
  });
  const gaps = await page.evaluate<number[]>('window.__gaps');
  const main = mainThread(events);
  return {
    frameMs: median(gaps),
    lateShare: gaps.filter((g) => g > 20).length / Math.max(1, gaps.length),
    taskMs: sum(main.filter((e) => TASKS.has(e.name))),
    intersectionMs: sum(main.filter((e) => e.name.startsWith('IntersectionObserverController::computeIntersections'))),
  };
}

function sampleOf(events: readonly TraceEvent[], allMs: number, scroll: Scroll): Sample {
  const main = mainThread(events);
  const long = main.filter((e) => TASKS.has(e.name) && (e.dur ?? 0) > 50_000);
  return {
    renderMs: sum(main.filter((e) => RENDERING.has(e.name))),
    prePaintMs: sum(main.filter((e) => e.name === 'PrePaint')),
    longTasks: long.length,
    longTaskMs: sum(long),
    allMs,
    scrollFrameMs: scroll.frameMs,
    scrollLateShare: scroll.lateShare,
    scrollTaskMs: scroll.taskMs,
    scrollIntersectionMs: scroll.intersectionMs,
  };
}

export async function benchRender(log: (line: string) => void = console.log): Promise<void> {
  const unpaced = ensureBaselineBuild((l) => process.stderr.write(`${l}\n`), UNPACED_COMMIT);
  const everyBlock = ensureBaselineBuild((l) => process.stderr.write(`${l}\n`), EVERY_BLOCK_COMMIT);
  const server = await startServer();
  for (const p of PAGES) server.route(p.path, hugePage(p.mb));
  const designs = [
    { name: 'paced batches, runs of blocks watched (this build)', dir: '.output/chrome-mv3' },
    { name: `every block watched (${EVERY_BLOCK_COMMIT.slice(0, 7)})`, dir: everyBlock },
    { name: `every slice at once (${UNPACED_COMMIT.slice(0, 7)})`, dir: unpaced },
    { name: 'no extension (floor)', dir: null },
  ];
  const samples = new Map<string, Sample[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const design of designs) {
      for (const p of PAGES) {
        // A fresh browser each time, so no page's heap or cache carries over to the next.
        const ext = design.dir ? await launchExtension({ extensionDir: design.dir }) : null;
        const plain = ext ? null : await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
        const context = ext?.context ?? (await (plain as NonNullable<typeof plain>).newContext());
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const page = await context.newPage();
        const before = ext?.logs.length ?? 0;
        const events = await recordTrace(page, ['devtools.timeline', 'toplevel'], async () => {
          await page.goto(server.url(p.path), { timeout: 120_000 });
          await page.waitForTimeout(p.windowMs);
        });
        const line = ext?.logs.slice(before).find((l) => l.includes('longest slice')) ?? '';
        const scroll = await scrollFrames(page);
        const key = `${design.name}|${p.path}`;
        samples.set(key, [...(samples.get(key) ?? []), sampleOf(events, Number(/all ([\d.]+) ms/.exec(line)?.[1] ?? NaN), scroll)]);
        await (ext ? ext.close() : (plain as NonNullable<typeof plain>).close());
        process.stderr.write('r');
      }
    }
  }
  await server.close();
  process.stderr.write('\n');

  const f = (n: number, d = 0): string => (Number.isFinite(n) ? n.toFixed(d) : '–');
  log(`\nRendering of long pages while Backstory highlights them (Chromium trace, the page's main thread, navigation to ${PAGES.map((p) => `${p.windowMs / 1000} s`).join(' / ')} after; medians of ${ROUNDS} fresh browsers each, interleaved).`);
  log(`Then ${SCROLLS} wheel steps of 2,500 px down the page, 400 ms apart: the median time between frames, the share of frames later than 20 ms, and the main thread's tasks meanwhile (of them, intersection observers computing).`);
  log('page | design | style + layout + pre-paint + paint ms | of it pre-paint ms | long tasks (ms in them) | all highlights ms after idle | scrolling: ms between frames (late frames) | scrolling: main-thread ms (intersections)');
  log('---|---|---|---|---|---|---|---');
  for (const p of PAGES) {
    for (const design of designs) {
      const list = samples.get(`${design.name}|${p.path}`) ?? [];
      const m = (pick: (s: Sample) => number): number => median(list.map(pick));
      log(`${p.path.slice(1)} | ${design.name} | ${f(m((s) => s.renderMs))} | ${f(m((s) => s.prePaintMs))} | ${f(m((s) => s.longTasks))} (${f(m((s) => s.longTaskMs))}) | ${f(m((s) => s.allMs))} | ${f(m((s) => s.scrollFrameMs), 1)} (${f(100 * m((s) => s.scrollLateShare))} %) | ${f(m((s) => s.scrollTaskMs))} (${f(m((s) => s.scrollIntersectionMs))})`);
    }
    const of = (design: number, pick: (s: Sample) => number): number => median((samples.get(`${designs[design]?.name}|${p.path}`) ?? []).map(pick));
    // Added over the floor; a difference inside the floor's own run-to-run spread can come out below zero.
    const added = (design: number, pick: (s: Sample) => number): string => f(of(design, pick) - of(3, pick));
    log(`  ${p.path.slice(1)}: rendering added by Backstory, paced vs every slice at once: ${added(0, (s) => s.renderMs)} vs ${added(2, (s) => s.renderMs)} ms (pre-paint ${added(0, (s) => s.prePaintMs)} vs ${added(2, (s) => s.prePaintMs)} ms); rendering with Backstory, every slice at once / paced: ${f(of(2, (s) => s.renderMs) / of(0, (s) => s.renderMs), 2)}×; all highlights ${f(of(2, (s) => s.allMs) / of(0, (s) => s.allMs), 2)}× sooner`);
    log(`  ${p.path.slice(1)}: scrolling, main thread added by Backstory, runs of blocks vs every block watched: ${added(0, (s) => s.scrollTaskMs)} vs ${added(1, (s) => s.scrollTaskMs)} ms; intersections ${f(of(0, (s) => s.scrollIntersectionMs))} vs ${f(of(1, (s) => s.scrollIntersectionMs))} ms (${f(of(1, (s) => s.scrollIntersectionMs) / of(0, (s) => s.scrollIntersectionMs), 1)}×)`);
  }
}
