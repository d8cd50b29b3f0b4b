/**
 * Settings in browser.storage: `sync` when the browser offers it (falls back to `local`), validated on every
 * read, written through a debounce so bursts of changes stay inside the sync quotas (120 writes a minute).
 */
import { browser } from 'wxt/browser';
import { migrateSettings } from './migrate';
import { SAVED_AT_KEY, SETTINGS_KEY, type Settings } from './schema';

/**
 * storage.sync allows 120 writes a minute. Writes spend tokens: a few at once (discrete changes, a reader
 * closing the popup right after a click, get written at once), then one every 550 ms at most, so a minute of
 * constant changes stays under the quota with room to spare.
 */
export const WRITE_BURST = 4;
export const WRITE_REFILL_MS = 550;

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
 * The newest valid copy and when it was written: `sync` (follows the reader across browsers) and `local`
 * (always written, and the only copy when the settings outgrow sync's 8 KB per item) are both read; on a
 * tie sync wins.
 */
export async function loadStoredSettings(): Promise<{ settings: Settings; savedAt: number }> {
  const [fromSync, fromLocal] = await Promise.all([readCopy('sync'), readCopy('local')]);
  const newest = fromSync && (!fromLocal || fromSync.savedAt >= fromLocal.savedAt) ? fromSync : fromLocal;
  return { settings: migrateSettings(newest?.value), savedAt: newest?.savedAt ?? 0 };
}

export async function loadSettings(): Promise<Settings> {
  return (await loadStoredSettings()).settings;
}

/** Where a write landed: both areas, or this device only (too large for sync, or sync unavailable). */
export type WriteResult = 'synced' | 'local-only';

/**
 * Writes both areas with one timestamp. Both requests leave before the first await: a popup or options tab
 * closed right after a change still has both written (what is sent after an await may never leave a closing
 * page). Throws when even the local write fails: nothing is reported saved.
 */
export async function writeSettings(settings: Settings, now = Date.now()): Promise<WriteResult> {
  const item = { [SETTINGS_KEY]: settings, [SAVED_AT_KEY]: now };
  const local = browser.storage.local.set(item);
  let sync: Promise<WriteResult>;
  try {
    sync = browser.storage.sync.set(item).then(() => 'synced' as const, () => 'local-only' as const);
  } catch {
    // Sync storage can be missing altogether (no gecko id); local still holds the settings.
    sync = Promise.resolve('local-only');
  }
  await local;
  return sync;
}

export interface SettingsWriter {
  save(s: Settings): void;
  /** Writes what is waiting at once (its requests leave in this task) and resolves when it is written. */
  flush(): Promise<WriteResult>;
  /** Nothing waits to be written and no write is in flight: stored settings are this page's own. */
  idle(): boolean;
  /** Resolves once the writer is idle (at once when it is). */
  whenIdle(): Promise<void>;
  /** The time stamp of this writer's last write (-Infinity before the first). */
  lastSavedAt(): number;
}

/**
 * Coalesces writes so that storage.sync's quota holds however fast settings change (a colour picker being
 * dragged). Changes made in one task are one write, sent before the task ends: a page closed right after a
 * change has already sent it. Once the burst allowance is spent, writes wait for the next token, always
 * with the latest value. Writes are sent in order and the browser applies one page's storage calls in
 * order, so a later write never lands before an earlier one.
 */
export function createSettingsWriter(burst = WRITE_BURST, refillMs = WRITE_REFILL_MS): SettingsWriter {
  let pending: Settings | null = null;
  // Which scheduling is current: a callback from an earlier one (flushed by hand since) does nothing.
  let round = 0;
  let scheduled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let tokens = burst;
  let refilledAt = Date.now();
  let inFlight: Promise<WriteResult> = Promise.resolve('synced');
  let writing = 0;
  let savedAt = -Infinity;
  let waiters: Array<() => void> = [];
  const idle = (): boolean => pending === null && writing === 0;
  const wake = (): void => {
    if (!idle()) return;
    const woken = waiters;
    waiters = [];
    for (const resolve of woken) resolve();
  };
  const refill = (): void => {
    const now = Date.now();
    const earned = Math.floor((now - refilledAt) / refillMs);
    if (earned > 0) {
      tokens = Math.min(burst, tokens + earned);
      refilledAt = tokens === burst ? now : refilledAt + earned * refillMs;
    }
  };
  const flush = (): Promise<WriteResult> => {
    clearTimeout(timer);
    timer = undefined;
    scheduled = false;
    if (pending) {
      const value = pending;
      pending = null;
      refill();
      tokens -= 1;
      writing += 1;
      savedAt = Date.now();
      inFlight = writeSettings(value, savedAt);
      // A failed write was reported to whoever awaited it; the next one still runs.
      void inFlight.catch(() => undefined).finally(() => {
        writing -= 1;
        wake();
      });
    }
    return inFlight;
  };
  return {
    save(s) {
      pending = s;
      if (scheduled) return;
      scheduled = true;
      refill();
      const mine = ++round;
      const run = (): void => {
        if (mine === round) void flush();
      };
      if (tokens >= 1) queueMicrotask(run);
      else timer = setTimeout(run, refilledAt + (1 - tokens) * refillMs - Date.now());
    },
    flush,
    idle,
    whenIdle: () => (idle() ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    lastSavedAt: () => savedAt,
  };
}

/** Calls `onChange` with validated settings, and when they were written, whenever they change in any storage area. */
export function watchSettings(onChange: (s: Settings, savedAt: number) => void, signal: AbortSignal): void {
  // One write changes both areas (two events); the settings they lead to are delivered once.
  let delivered = '';
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if ((area === 'sync' || area === 'local') && SETTINGS_KEY in changes) {
      void loadStoredSettings().then(({ settings, savedAt }) => {
        const text = JSON.stringify(settings);
        if (signal.aborted || text === delivered) return;
        delivered = text;
        onChange(settings, savedAt);
      });
    }
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
