/**
 * Settings in browser.storage: `sync` when the browser offers it (falls back to `local`), validated on every
 * read, written through a debounce so bursts of changes stay inside the sync quotas (120 writes a minute).
 */
import { browser } from 'wxt/browser';
import { migrateSettings } from './migrate';
import { SETTINGS_KEY, type Settings } from './schema';

/** 120 writes a minute is storage.sync's quota: one every 500 ms at most. */
export const MIN_WRITE_INTERVAL_MS = 500;

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

/**
 * Coalesces writes so that storage.sync's 120-writes-a-minute quota holds however fast settings change (a
 * colour picker being dragged): the first change is written at once, later ones at most every
 * `minIntervalMs`, always with the latest value.
 */
export function createSettingsWriter(minIntervalMs = MIN_WRITE_INTERVAL_MS): { save(s: Settings): void; flush(): Promise<void> } {
  let pending: Settings | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWrite = -Infinity;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (pending) {
      const value = pending;
      pending = null;
      lastWrite = Date.now();
      inFlight = inFlight.then(() => writeSettings(value));
    }
    return inFlight;
  };
  return {
    save(s) {
      pending = s;
      if (timer === undefined) timer = setTimeout(() => void flush(), Math.max(0, lastWrite + minIntervalMs - Date.now()));
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
