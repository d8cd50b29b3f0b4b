/**
 * Blocks with mentions, in runs that follow each other in document order (at most `size.blocks` blocks and
 * about `size.mentions` mentions each), each run watched through its first and last block only. A run is near
 * the viewport when either end is, and also when its first block is above and its last below (the viewport
 * inside a long run, neither end in sight). Two observed blocks per run instead of every block, so the
 * browser computes that many fewer intersections in every frame of a scroll.
 *
 * A block is appended to the last run when it follows that run's last block (the scan goes in document
 * order, and pages grow at the end); any other block (an edit somewhere above) starts a run of its own, so a
 * run never spans more of the page than its blocks do.
 */
import { follows } from '../dom/safe-dom';

export type Side = 'near' | 'above' | 'below' | 'unknown';

export interface BlockRun {
  readonly blocks: Element[];
  /** Mentions in its blocks (the owner counts them): a run closes at a number of blocks or of mentions. */
  mentions: number;
  first: Side;
  last: Side;
  /** Both ends known to be beyond the margin on one side; null until its ends have said. */
  far: boolean | null;
}

export interface RunWatcher {
  watch: (block: Element) => void;
  unwatch: (block: Element) => void;
}

/** Far only when both ends are known and are on the same side beyond the margin. */
function isFar(run: BlockRun): boolean | null {
  const { first, last } = run;
  if (first === 'near' || last === 'near') return false;
  if (first === 'unknown' || last === 'unknown') return null;
  return first === last;
}

export class BlockRuns {
  private readonly runs = new Map<Element, BlockRun>();
  private tail: BlockRun | null = null;

  constructor(
    private readonly size: { blocks: number; mentions: number },
    private readonly watcher: RunWatcher,
  ) {}

  runOf(block: Element): BlockRun | undefined {
    return this.runs.get(block);
  }

  /** Puts a block in the last run or in a new one; true when it started a new run. */
  place(block: Element): boolean {
    const tail = this.tail;
    const end = tail?.blocks.at(-1);
    if (tail && end && tail.blocks.length < this.size.blocks && tail.mentions < this.size.mentions && follows(end, block)) {
      // The old end stops being watched unless it is also the first block.
      if (tail.blocks.length > 1) this.watcher.unwatch(end);
      tail.blocks.push(block);
      tail.last = 'unknown';
      this.runs.set(block, tail);
      this.watcher.watch(block);
      return false;
    }
    this.tail = { blocks: [block], mentions: 0, first: 'unknown', last: 'unknown', far: null };
    this.runs.set(block, this.tail);
    this.watcher.watch(block);
    return true;
  }

  /**
   * A block left with no mention: out of its run; the run's new end, if it had to change, is watched. Returns
   * the run when that left it empty (it is gone).
   */
  drop(block: Element): BlockRun | null {
    const run = this.runs.get(block);
    if (!run) return null;
    this.runs.delete(block);
    const at = run.blocks.indexOf(block);
    const wasEnd = at === 0 || at === run.blocks.length - 1;
    run.blocks.splice(at, 1);
    if (!wasEnd) return null;
    this.watcher.unwatch(block);
    if (run.blocks.length === 0) {
      if (this.tail === run) this.tail = null;
      return run;
    }
    const next = at === 0 ? run.blocks[0] : run.blocks.at(-1);
    if (next) {
      this.watcher.watch(next);
      if (at === 0) run.first = 'unknown';
      else run.last = 'unknown';
    }
    return null;
  }

  /** The observer's answers for run ends; returns the runs that turned near or far, or were first found so. */
  update(answers: ReadonlyArray<readonly [Element, Side]>): BlockRun[] {
    const touched = new Set<BlockRun>();
    for (const [block, side] of answers) {
      const run = this.runs.get(block);
      if (!run) continue;
      if (run.blocks[0] === block) run.first = side;
      if (run.blocks.at(-1) === block) run.last = side;
      touched.add(run);
    }
    const changed: BlockRun[] = [];
    for (const run of touched) {
      const far = isFar(run);
      if (far === null || far === run.far) continue;
      run.far = far;
      changed.push(run);
    }
    return changed;
  }
}
