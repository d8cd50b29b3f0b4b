/**
 * Settings in browser.storage: `sync` when the browser offers it (falls back to `local`), validated on every
 * read, written through a debounce so bursts of changes stay inside the sync quotas (120 writes a minute).
 */
import { browser } from 'wxt/browser';
import { migrateSettings } from './migrate';
import { SETTINGS_KEY, type Settings } from './schema';

export const WRITE_DEBOUNCE_MS = 250;

export async function loadSettings(): Promise<Settings> {
  try {
    const fromSync = await browser.storage.sync.get(SETTINGS_KEY);
    if (fromSync[SETTINGS_KEY] !== undefined) return migrateSettings(fromSync[SETTINGS_KEY]);
  } catch {
    // Sync storage can be unavailable (disabled by policy, or no gecko id); local still works.
  }
  const fromLocal = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(fromLocal[SETTINGS_KEY]);
}

export async function writeSettings(settings: Settings): Promise<void> {
  try {
    await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
  } catch {
    await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  }
}

/** Coalesces writes: the last value within the debounce window is written once. */
export function createSettingsWriter(delayMs = WRITE_DEBOUNCE_MS): { save(s: Settings): void; flush(): Promise<void> } {
  let pending: Settings | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    if (pending) {
      const value = pending;
      pending = null;
      inFlight = inFlight.then(() => writeSettings(value));
    }
    return inFlight;
  };
  return {
    save(s) {
      pending = s;
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
  };
}

/** Calls `onChange` with validated settings whenever they change in any storage area. */
export function watchSettings(onChange: (s: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if ((area === 'sync' || area === 'local') && SETTINGS_KEY in changes) {
      void loadSettings().then((s) => {
        if (!signal.aborted) onChange(s);
      });
    }
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
