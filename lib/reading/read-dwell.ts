/**
 * When an article counts as read: after READ_AFTER_MS of time with the tab visible (a bounce, or a tab opened
 * in the background and closed unread, never gets there), then at the next idle moment, once. Visible time
 * adds up across visibility changes. Timers and listeners come in, so tests drive it with fakes; the signal
 * ends it.
 */
export const READ_AFTER_MS = 15_000;

export interface ReadDwellOptions {
  isVisible: () => boolean;
  onVisibilityChange: (listener: () => void, signal: AbortSignal) => void;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  /** Runs `fn` when the page is idle (requestIdleCallback, or a timeout where there is none). */
  whenIdle: (fn: () => void, signal: AbortSignal) => void;
  now: () => number;
  signal: AbortSignal;
  onRead: () => void;
  readAfterMs?: number;
}

export function watchReading(o: ReadDwellOptions): void {
  const need = o.readAfterMs ?? READ_AFTER_MS;
  let seen = 0;
  let since = o.isVisible() ? o.now() : -1;
  let timer = 0;
  let done = false;
  const arm = (): void => {
    o.clearTimer(timer);
    if (since < 0 || done) return;
    timer = o.setTimer(check, Math.max(0, need - seen));
  };
  const check = (): void => {
    if (done || o.signal.aborted) return;
    const total = seen + (since >= 0 ? o.now() - since : 0);
    if (total < need) {
      arm();
      return;
    }
    done = true;
    o.whenIdle(() => {
      if (!o.signal.aborted) o.onRead();
    }, o.signal);
  };
  o.onVisibilityChange(() => {
    if (o.isVisible()) {
      if (since < 0) since = o.now();
    } else if (since >= 0) {
      seen += o.now() - since;
      since = -1;
    }
    arm();
  }, o.signal);
  o.signal.addEventListener('abort', () => o.clearTimer(timer), { once: true });
  arm();
}
