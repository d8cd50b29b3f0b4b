/**
 * When ranges may next be added to the highlight registry. After any change to the registry Chromium rebuilds the
 * markers of every registered range in the next frame, and on a long page that frame is expensive: on the
 * 5 MB test page each change cost its frame 80 to 640 ms of PrePaint, so a scan that changed the registry
 * every slice kept the page in such frames for seconds (2.7 to 5.0 s of PrePaint over the load, 0.3 s
 * without Backstory), and the scan itself waited behind them.
 *
 * So changes go out in batches: the first at the end of the task that made it, each later one once PACE times
 * the cost of the last batch's frame has passed. Rendering what Backstory changes then takes at most about
 * 1 / (PACE + 1) of the page's main thread; on an ordinary page a frame costs a few ms and a batch goes out
 * every frame or two. Timers come in, so tests drive it with fakes.
 */
export interface PaintPacerOptions {
  /** Applies every pending change to the registry. */
  flush: () => void;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  /** Runs `fn` at the start of the next frame (requestAnimationFrame). */
  onFrame: (fn: () => void) => void;
  /** Runs `fn` once the current task's own work is done (a microtask). */
  soon: (fn: () => void) => void;
}

/** How many times a batch's frame cost the next batch waits. */
export const PACE = 4;
/** A tab that draws no frame (in the background) still gets its batches, this far apart. */
export const NO_FRAME_MS = 1_000;

export class PaintPacer {
  /** Before this time no batch goes out. */
  private notBefore = 0;
  /** A change waits to go out. */
  private pending = false;
  /** A flush is set to run (a microtask or a timer). */
  private scheduled = false;
  private timer = 0;
  /** The last batch's frame is being timed. */
  private measuring = false;
  private measureTimers: number[] = [];
  private ended = false;
  /** The last batch's frame cost, ms, once timed (-1 before any). */
  lastFrameMs = -1;

  constructor(private readonly o: PaintPacerOptions) {}

  /** Something changed: it goes out with the next batch. */
  request(): void {
    if (this.ended) return;
    this.pending = true;
    if (!this.measuring && !this.scheduled) this.schedule();
  }

  dispose(): void {
    this.ended = true;
    this.o.clearTimer(this.timer);
    for (const id of this.measureTimers) this.o.clearTimer(id);
  }

  private schedule(): void {
    this.scheduled = true;
    const wait = this.notBefore - this.o.now();
    if (wait <= 0) this.o.soon(() => this.run());
    else this.timer = this.o.setTimer(() => this.run(), wait);
  }

  private run(): void {
    this.scheduled = false;
    this.timer = 0;
    if (this.ended || !this.pending) return;
    this.pending = false;
    this.o.flush();
    this.measure();
  }

  /** Times the frame that renders the batch: from its animation callbacks to the first task after it. */
  private measure(): void {
    this.measuring = true;
    let settled = false;
    const settle = (cost: number): void => {
      if (settled || this.ended) return;
      settled = true;
      for (const id of this.measureTimers) this.o.clearTimer(id);
      this.measureTimers = [];
      this.measuring = false;
      this.lastFrameMs = cost;
      this.notBefore = this.o.now() + cost * PACE;
      if (this.pending) this.schedule();
    };
    this.measureTimers.push(this.o.setTimer(() => settle(0), NO_FRAME_MS));
    this.o.onFrame(() => {
      if (settled || this.ended) return;
      const start = this.o.now();
      this.measureTimers.push(this.o.setTimer(() => settle(this.o.now() - start), 0));
    });
  }
}
