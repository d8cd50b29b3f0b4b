/**
 * Hover intent for cards (WCAG 1.4.13): show after a dwell on one mention, never while the pointer sweeps
 * across text; hide a while after the pointer leaves both mention and card; entering the card cancels that;
 * a pinned card stays until closed.
 */
export const HIDE_DELAY_MS = 300;

export interface HoverIntentOptions<T> {
  dwellMs: () => number;
  show: (target: T) => void;
  hide: () => void;
  same: (a: T, b: T) => boolean;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
}

export class HoverIntent<T> {
  private pointed: T | null = null;
  private shown: T | null = null;
  private inCard = false;
  private pinned = false;
  private showTimer = 0;
  private hideTimer = 0;
  private readonly setTimer: (fn: () => void, ms: number) => number;
  private readonly clearTimer: (id: number) => void;

  constructor(private readonly o: HoverIntentOptions<T>) {
    this.setTimer = o.setTimer;
    this.clearTimer = o.clearTimer;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  get current(): T | null {
    return this.shown;
  }

  /** The pointer is now over `target` (a mention) or over nothing of ours. */
  point(target: T | null): void {
    const changed = target === null || this.pointed === null ? target !== this.pointed : !this.o.same(target, this.pointed);
    if (!changed) return;
    this.pointed = target;
    this.clearTimer(this.showTimer);
    if (target !== null) {
      if (this.shown !== null && this.o.same(target, this.shown)) {
        this.clearTimer(this.hideTimer);
        return;
      }
      if (this.pinned) return;
      this.showTimer = this.setTimer(() => {
        if (this.pointed !== null && this.o.same(this.pointed, target)) this.open(target);
      }, this.o.dwellMs());
    } else {
      this.scheduleHide();
    }
  }

  /** Opens at once (keyboard, popup, click trigger). */
  open(target: T): void {
    this.clearTimer(this.hideTimer);
    this.clearTimer(this.showTimer);
    this.shown = target;
    this.o.show(target);
  }

  enterCard(): void {
    this.inCard = true;
    this.clearTimer(this.hideTimer);
  }

  leaveCard(): void {
    this.inCard = false;
    this.scheduleHide();
  }

  pin(on: boolean): void {
    this.pinned = on;
    if (on) this.clearTimer(this.hideTimer);
    else this.scheduleHide();
  }

  /** Esc, the close button, or a click outside. */
  close(): void {
    this.clearTimer(this.hideTimer);
    this.clearTimer(this.showTimer);
    this.pinned = false;
    this.inCard = false;
    if (this.shown !== null) {
      this.shown = null;
      this.o.hide();
    }
  }

  private scheduleHide(): void {
    if (this.shown === null || this.pinned || this.inCard) return;
    if (this.pointed !== null && this.o.same(this.pointed, this.shown)) return;
    this.clearTimer(this.hideTimer);
    this.hideTimer = this.setTimer(() => {
      if (!this.pinned && !this.inCard) this.close();
    }, HIDE_DELAY_MS);
  }

  dispose(): void {
    this.clearTimer(this.hideTimer);
    this.clearTimer(this.showTimer);
  }
}
