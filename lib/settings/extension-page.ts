/**
 * Settings on an extension page (popup, options): one coalescing writer and one lifetime, both ended when
 * the page goes away, so the last change is written and no watcher outlives the page.
 *
 * The page's own writes come back as storage changes, and a read begun before the page's latest write can
 * answer after it. Taking either would put an older state back on the page: a number being typed would
 * be reset, and the next change would be saved on top of the old state. So the page takes only settings
 * written after its own last write, and only when it has nothing on the way; once it has finished, the
 * stored settings are read again, so another page's change made meanwhile is not missed.
 */
import type { Settings } from './schema';
import { createSettingsWriter, loadStoredSettings, watchSettings, type SettingsWriter } from './store';

export interface ExtensionPageSettings {
  writer: SettingsWriter;
  signal: AbortSignal;
  /** Calls `onChange` with settings another page, the popup or the background stored. */
  watch: (onChange: (s: Settings) => void) => void;
}

export function extensionPageSettings(win: Window, writer: SettingsWriter = createSettingsWriter()): ExtensionPageSettings {
  const lifetime = new AbortController();
  // A closing popup or tab gets no second chance: what waits is sent now (hidden comes first, pagehide last).
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') void writer.flush().catch(() => undefined);
  }, { signal: lifetime.signal });
  win.addEventListener('pagehide', () => {
    void writer.flush().catch(() => undefined);
    lifetime.abort();
  }, { once: true });
  const watch = (onChange: (s: Settings) => void): void => {
    let taken = -Infinity;
    const take = ({ settings, savedAt }: { settings: Settings; savedAt: number }): void => {
      if (lifetime.signal.aborted || !writer.idle() || savedAt <= Math.max(taken, writer.lastSavedAt())) return;
      taken = savedAt;
      onChange(settings);
    };
    watchSettings((settings, savedAt) => {
      if (writer.idle()) take({ settings, savedAt });
      else void writer.whenIdle().then(loadStoredSettings).then(take);
    }, lifetime.signal);
  };
  return { writer, signal: lifetime.signal, watch };
}
