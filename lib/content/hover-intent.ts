/**
 * Hover intent for cards (WCAG 1.4.13): show after a dwell on one mention, never while the pointer sweeps
 * across text; hide a while after the pointer leaves both mention and card; entering the card cancels that.
 * A pinned card stays until it is closed (a click elsewhere on the page leaves it). Other mentions still open
 * their own card over it (a "peek"); when the peek goes, the pinned card comes back.
 */
export const HIDE_DELAY_MS = 300;

export interface HoverIntentOptions<T> {
  dwellMs: () => number;
  show: (target: T) => void;
  hide: () => void;
  /** A peek is about to replace the pinned `target`: keep what is needed to bring it back. */
  hold: (target: T) => void;
  /** The peek went: show the held, pinned card again. */
  restore: (target: T) => void;
  same: (a: T, b: T) => boolean;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
}

export class HoverIntent<T> {
  private pointed: T | null = null;
  private shown: T | null = null;
  private inCard = false;
  private pinned = false;
  /** The pinned card under a peek. */
  private held: T | null = null;
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

  /** Whether a pinned card waits under the one shown. */
  get isPeeking(): boolean {
    return this.held !== null;
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
      this.showTimer = this.setTimer(() => {
        if (this.pointed !== null && this.o.same(this.pointed, target)) this.open(target);
      }, this.o.dwellMs());
    } else {
      this.scheduleHide();
    }
  }

  /** Opens at once (keyboard, popup, click trigger), over a pinned card as a peek. */
  open(target: T): void {
    this.clearTimer(this.hideTimer);
    this.clearTimer(this.showTimer);
    if (this.pinned && this.shown !== null && !this.o.same(this.shown, target)) {
      this.held = this.shown;
      this.pinned = false;
      this.o.hold(this.held);
    }
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
    // Pinning a peek makes it the one pinned card.
    if (on) this.held = null;
    if (on) this.clearTimer(this.hideTimer);
    else this.scheduleHide();
  }

  /** Esc or the close button: a peek gives way to the pinned card under it; otherwise the card closes. */
  dismiss(): void {
    const held = this.held;
    if (held === null) {
      this.close();
      return;
    }
    this.clearTimer(this.hideTimer);
    this.clearTimer(this.showTimer);
    this.held = null;
    this.shown = held;
    this.pinned = true;
    this.inCard = false;
    this.o.restore(held);
  }

  /** A click on the page outside the card: a pinned card stays. */
  clickOutside(): void {
    if (!this.pinned) this.dismiss();
  }

  /** Closes everything, a held pinned card too (a rescan, a pack change, the page going away). */
  close(): void {
    this.clearTimer(this.hideTimer);
    this.clearTimer(this.showTimer);
    this.held = null;
    // A card pinned with nothing under the pointer (a look-up) is open too.
    const open = this.shown !== null || this.pinned;
    this.pinned = false;
    this.inCard = false;
    if (open) {
      this.shown = null;
      this.o.hide();
    }
  }

  private scheduleHide(): void {
    if (this.shown === null || this.pinned || this.inCard) return;
    if (this.pointed !== null && this.o.same(this.pointed, this.shown)) return;
    this.clearTimer(this.hideTimer);
    this.hideTimer = this.setTimer(() => {
      if (!this.pinned && !this.inCard) this.dismiss();
    }, HIDE_DELAY_MS);
  }

  dispose(): void {
    this.clearTimer(this.hideTimer);
    this.clearTimer(this.showTimer);
  }
}
