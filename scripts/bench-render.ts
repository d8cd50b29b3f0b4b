/**
 * What highlighting costs a long page's own rendering (part of npm run bench:browser): the page's main-thread
 * style, layout, pre-paint and paint time and its long tasks, from a Chromium trace over the same window from
 * navigation, on the generated 1 MB and 5 MB pages, for
 *  - this build, which adds ranges to the highlight registry in paced batches (lib/content/paint-pacer.ts);
 *  - the build before pacing, which added each slice's ranges at once (the naive approach);
 *  - no extension at all (the floor);
 * interleaved in one run, with ratios; then how smoothly each page scrolls once highlighted.
 */
import { chromium, type Page } from 'playwright-core';
import { chromiumPath, launchExtension } from '../support/browser';
import { ensureBaselineBuild, UNPACED_COMMIT } from '../support/baseline-build';
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
}

const SCROLLS = 12;

/** Scrolls down the page in wheel steps, counting the time between its frames meanwhile. */
async function scrollFrames(page: Page): Promise<{ frameMs: number; lateShare: number }> {
  await page.evaluate(`(() => { window.__gaps = []; let last = performance.now(); const f = (t) => { window.__gaps.push(t - last); last = t; requestAnimationFrame(f); }; requestAnimationFrame(f); })()`);
  for (let i = 0; i < SCROLLS; i++) {
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, 2_500);
    await page.waitForTimeout(400);
  }
  const gaps = await page.evaluate<number[]>('window.__gaps');
  return { frameMs: median(gaps), lateShare: gaps.filter((g) => g > 20).length / Math.max(1, gaps.length) };
}

function sampleOf(events: readonly TraceEvent[], allMs: number, scroll: { frameMs: number; lateShare: number }): Sample {
  // The page's main thread: where its layout runs.
  const layout = events.find((e) => e.name === 'Layout' && e.ph === 'X');
  const main = events.filter((e) => e.ph === 'X' && layout && e.pid === layout.pid && e.tid === layout.tid);
  const sum = (list: readonly TraceEvent[]): number => list.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
  const long = main.filter((e) => TASKS.has(e.name) && (e.dur ?? 0) > 50_000);
  return {
    renderMs: sum(main.filter((e) => RENDERING.has(e.name))),
    prePaintMs: sum(main.filter((e) => e.name === 'PrePaint')),
    longTasks: long.length,
    longTaskMs: sum(long),
    allMs,
    scrollFrameMs: scroll.frameMs,
    scrollLateShare: scroll.lateShare,
  };
}

export async function benchRender(log: (line: string) => void = console.log): Promise<void> {
  const unpaced = ensureBaselineBuild((l) => process.stderr.write(`${l}\n`), UNPACED_COMMIT);
  const server = await startServer();
  for (const p of PAGES) server.route(p.path, hugePage(p.mb));
  const designs = [
    { name: 'paced batches (this build)', dir: '.output/chrome-mv3' },
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
  log(`Then ${SCROLLS} wheel steps of 2,500 px down the page, 400 ms apart: the median time between frames, and the share of frames later than 20 ms.`);
  log('page | design | style + layout + pre-paint + paint ms | of it pre-paint ms | long tasks (ms in them) | all highlights ms after idle | scrolling: ms between frames (late frames)');
  log('---|---|---|---|---|---|---');
  for (const p of PAGES) {
    for (const design of designs) {
      const list = samples.get(`${design.name}|${p.path}`) ?? [];
      const m = (pick: (s: Sample) => number): number => median(list.map(pick));
      log(`${p.path.slice(1)} | ${design.name} | ${f(m((s) => s.renderMs))} | ${f(m((s) => s.prePaintMs))} | ${f(m((s) => s.longTasks))} (${f(m((s) => s.longTaskMs))}) | ${f(m((s) => s.allMs))} | ${f(m((s) => s.scrollFrameMs), 1)} (${f(100 * m((s) => s.scrollLateShare))} %)`);
    }
    const of = (design: number, pick: (s: Sample) => number): number => median((samples.get(`${designs[design]?.name}|${p.path}`) ?? []).map(pick));
    // Added over the floor; a difference inside the floor's own run-to-run spread can come out below zero.
    const added = (design: number, pick: (s: Sample) => number): string => f(of(design, pick) - of(2, pick));
    log(`  ${p.path.slice(1)}: rendering added by Backstory, paced vs every slice at once: ${added(0, (s) => s.renderMs)} vs ${added(1, (s) => s.renderMs)} ms (pre-paint ${added(0, (s) => s.prePaintMs)} vs ${added(1, (s) => s.prePaintMs)} ms); rendering with Backstory, every slice at once / paced: ${f(of(1, (s) => s.renderMs) / of(0, (s) => s.renderMs), 2)}×; all highlights ${f(of(1, (s) => s.allMs) / of(0, (s) => s.allMs), 2)}× sooner`);
  }
}
