/**
 * Settings on an extension page (popup, options): one coalescing writer and one lifetime, both ended when
 * the page goes away, so the last change is written and no watcher outlives the page.
 */
import { createSettingsWriter } from './store';

export function extensionPageSettings(win: Window): { writer: ReturnType<typeof createSettingsWriter>; signal: AbortSignal } {
  const writer = createSettingsWriter();
  const lifetime = new AbortController();
  win.addEventListener('pagehide', () => {
    void writer.flush();
    lifetime.abort();
  });
  return { writer, signal: lifetime.signal };
}
