/**
 * Which mentions are registered with the highlight registry. Chromium re-checks every registered range after
 * each DOM change, so on a big page that changes often tens of thousands of ranges cost every mutation
 * milliseconds (a click on a 2 MB page waited 155–486 ms). Up to `limit` mentions all are registered; past it,
 * only those in blocks near the viewport, and the rest as the reader scrolls to them. Hit tests and
 * navigation use the mention store, so every mention still opens its card.
 *
 * Nearness is watched per run of blocks (block-runs.ts), through each run's first and last block only, and
 * registered per run. Observing every block with a mention made the browser compute that many intersections
 * in every frame of a scroll (on the 5 MB test page 680 ms of a 12-step scroll, against 166 ms for the whole
 * scroll without Backstory), and each block that came near was one more registry change. Every registry
 * change costs the next frame a repaint of the page (pre-paint and paint of all of it, not only of the
 * highlighted text), so a scroll should cause few: long runs, and a run gone far keeps its highlights until
 * `farRunsKept` more runs have gone, then they all leave in one change.
 */
import type { PageWindow } from '../dom/page-window';
import { elementOf } from '../dom/safe-dom';
import { nearestBlock } from '../spot/blocks';
import { BlockRuns, type BlockRun, type Side } from './block-runs';
import type { MentionRecord } from './mention-store';
import { highlightKind, type Painter } from './painter';

export interface VisibleRangesOptions {
  win: PageWindow;
  painter: Painter;
  /** Mentions registered before only the ones near the viewport are. */
  limit: number;
  /** How far beyond the viewport, above and below, mentions stay registered. */
  marginPx: number;
  /** The most blocks, and mentions, in one run watched through its two ends. */
  run: { blocks: number; mentions: number };
  /** Runs gone far whose highlights stay registered until one more goes. */
  farRunsKept: number;
}

/** Where an observed block is: within the margin, or wholly above or below it. */
function sideOf(entry: IntersectionObserverEntry): Side {
  if (entry.isIntersecting) return 'near';
  return entry.boundingClientRect.bottom <= (entry.rootBounds?.top ?? 0) ? 'above' : 'below';
}

export class VisibleRanges {
  /** Per block, its mentions; each record also notes its block (`record.block`), so nothing else is kept per mention. */
  private readonly byBlock = new Map<Element, MentionRecord[]>();
  private runs: BlockRuns | null = null;
  /** Runs whose mentions are not registered, and runs gone far whose mentions still are. */
  private readonly hidden = new Set<BlockRun>();
  private readonly farShown = new Set<BlockRun>();
  private observer: IntersectionObserver | null = null;
  private total = 0;

  constructor(private readonly o: VisibleRangesOptions) {}

  /** Whether only mentions near the viewport are registered now. */
  get limited(): boolean {
    return this.observer !== null;
  }

  add(record: MentionRecord): void {
    const block = nearestBlock(record.mention.start.node) ?? elementOf(record.mention.start.node);
    this.total++;
    if (block) {
      record.block = block;
      const list = this.byBlock.get(block);
      let begun = false;
      if (list) list.push(record);
      else {
        this.byBlock.set(block, [record]);
        begun = this.runs?.place(block) ?? false;
      }
      const run = this.runs?.runOf(block);
      if (run) {
        // A run begun once limited waits for its first answer: most of a long page is far from the viewport.
        if (begun) this.hidden.add(run);
        run.mentions++;
        if (this.hidden.has(run)) return;
      }
    }
    this.o.painter.add(highlightKind(record.mention), record.range);
    if (!this.observer && this.total > this.o.limit) this.limit();
  }

  remove(records: readonly MentionRecord[]): void {
    const gone = new Set(records);
    const blocks = new Set<Element>();
    for (const record of records) {
      this.total--;
      this.o.painter.remove(highlightKind(record.mention), record.range);
      if (!record.block) continue;
      blocks.add(record.block);
      const run = this.runs?.runOf(record.block);
      if (run) run.mentions--;
    }
    for (const block of blocks) {
      const rest = (this.byBlock.get(block) ?? []).filter((r) => !gone.has(r));
      if (rest.length > 0) {
        this.byBlock.set(block, rest);
        continue;
      }
      this.byBlock.delete(block);
      const emptied = this.runs?.drop(block);
      if (emptied) {
        this.hidden.delete(emptied);
        this.farShown.delete(emptied);
      }
    }
  }

  clear(): void {
    this.o.painter.clearRanges();
    this.dispose();
    this.byBlock.clear();
    this.total = 0;
  }

  /** What is registered stays so until the observer's first answers say which runs are far away. */
  private limit(): void {
    const IO = this.o.win.IntersectionObserver as typeof IntersectionObserver | undefined;
    if (typeof IO !== 'function') return;
    const observer = new IO((entries) => this.onIntersections(entries), { rootMargin: `${this.o.marginPx}px 0px` });
    this.observer = observer;
    this.runs = new BlockRuns(this.o.run, {
      watch: (block) => observer.observe(block),
      unwatch: (block) => observer.unobserve(block),
    });
    for (const [block, records] of this.byBlock) {
      this.runs.place(block);
      const run = this.runs.runOf(block);
      if (run) run.mentions += records.length;
    }
  }

  private onIntersections(entries: readonly IntersectionObserverEntry[]): void {
    const runs = this.runs;
    if (!runs) return;
    for (const run of runs.update(entries.map((entry) => [entry.target, sideOf(entry)]))) {
      if (!run.far) {
        this.farShown.delete(run);
        if (this.hidden.delete(run)) this.paintRun(run, true);
      } else if (!this.hidden.has(run)) {
        this.farShown.add(run);
      }
    }
    if (this.farShown.size <= this.o.farRunsKept) return;
    for (const run of this.farShown) {
      this.hidden.add(run);
      this.paintRun(run, false);
    }
    this.farShown.clear();
  }

  /** A run's mentions go to or leave the registry. */
  private paintRun(run: BlockRun, show: boolean): void {
    const { painter } = this.o;
    for (const block of run.blocks) {
      for (const r of this.byBlock.get(block) ?? []) {
        if (show) painter.add(highlightKind(r.mention), r.range);
        else painter.remove(highlightKind(r.mention), r.range);
      }
    }
  }

  dispose(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.runs = null;
    this.hidden.clear();
    this.farShown.clear();
  }
}
