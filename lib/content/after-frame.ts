/**
 * Resolves once the browser has drawn a frame, so style work it owes (after a new stylesheet) is done in its
 * rendering step rather than forced by Backstory's next style read. A tab that draws nothing (in the
 * background) goes on after `timeoutMs`.
 */
import type { PageWindow } from '../dom/page-window';

export function afterFrame(win: PageWindow, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      win.clearTimeout(timer);
      resolve();
    };
    const timer = win.setTimeout(finish, timeoutMs);
    // A frame's callbacks run before its style and layout; the task after them runs once they are done.
    win.requestAnimationFrame(() => win.setTimeout(finish, 0));
  });
}
