/** Yields the page's main thread so input and paint can run between slices of work. */
import type { PageWindow } from '../dom/page-window';

export function yieldToMain(win: PageWindow, signal: AbortSignal): Promise<void> {
  const sched = (win as PageWindow & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof sched?.yield === 'function') return sched.yield();
  return new Promise((resolve) => {
    const channel = new win.MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    if (signal.aborted) resolve();
    else channel.port2.postMessage(null);
  });
}
