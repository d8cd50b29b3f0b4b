/**
 * Settings in browser.storage: `sync` when the browser offers it (falls back to `local`), validated on every
 * read, written through a debounce so bursts of changes stay inside the sync quotas (120 writes a minute).
 */
import { browser } from 'wxt/browser';
import { migrateSettings } from './migrate';
import { SETTINGS_KEY, type Settings } from './schema';

/** 120 writes a minute is storage.sync's quota: one every 500 ms at most. */
export const MIN_WRITE_INTERVAL_MS = 500;

/** When each area's copy was written; the newer copy wins, so a sync write that failed never shadows local. */
export const SAVED_AT_KEY = 'settingsSavedAt';

interface Copy {
  value: unknown;
  savedAt: number;
}

async function readCopy(area: 'sync' | 'local'): Promise<Copy | null> {
  try {
    const got = await browser.storage[area].get([SETTINGS_KEY, SAVED_AT_KEY]);
    if (got[SETTINGS_KEY] === undefined) return null;
    const savedAt = got[SAVED_AT_KEY];
    return { value: got[SETTINGS_KEY], savedAt: typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : 0 };
  } catch {
    // Sync storage can be unavailable (disabled by policy, or no gecko id); local still works.
    return null;
  }
}

/**
 * The newest valid copy: `sync` (follows the reader across browsers) and `local` (always written, and the
 * only copy when the settings outgrow sync's 8 KB per item) are both read; on a tie sync wins.
 */
export async function loadSettings(): Promise<Settings> {
  const [fromSync, fromLocal] = await Promise.all([readCopy('sync'), readCopy('local')]);
  const newest = fromSync && (!fromLocal || fromSync.savedAt >= fromLocal.savedAt) ? fromSync : fromLocal;
  return migrateSettings(newest?.value);
}

/** Where a write landed: both areas, or this device only (too large for sync, or sync unavailable). */
export type WriteResult = 'synced' | 'local-only';

/** Writes both areas with one timestamp. Throws when even the local write fails: nothing is reported saved. */
export async function writeSettings(settings: Settings, now = Date.now()): Promise<WriteResult> {
  const item = { [SETTINGS_KEY]: settings, [SAVED_AT_KEY]: now };
  await browser.storage.local.set(item);
  try {
    await browser.storage.sync.set(item);
    return 'synced';
  } catch {
    return 'local-only';
  }
}

/**
 * Coalesces writes so that storage.sync's 120-writes-a-minute quota holds however fast settings change (a
 * colour picker being dragged): the first change is written at once, later ones at most every
 * `minIntervalMs`, always with the latest value.
 */
export function createSettingsWriter(minIntervalMs = MIN_WRITE_INTERVAL_MS): { save(s: Settings): void; flush(): Promise<WriteResult> } {
  let pending: Settings | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWrite = -Infinity;
  let inFlight: Promise<WriteResult> = Promise.resolve('synced');
  const flush = (): Promise<WriteResult> => {
    clearTimeout(timer);
    timer = undefined;
    if (pending) {
      const value = pending;
      pending = null;
      lastWrite = Date.now();
      // A failed write was reported to whoever awaited it; the next one still runs.
      inFlight = inFlight.catch(() => 'local-only' as const).then(() => writeSettings(value));
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
  // One write changes both areas (two events); the settings they lead to are delivered once.
  let delivered = '';
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if ((area === 'sync' || area === 'local') && SETTINGS_KEY in changes) {
      void loadSettings().then((s) => {
        const text = JSON.stringify(s);
        if (signal.aborted || text === delivered) return;
        delivered = text;
        onChange(s);
      });
    }
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
