import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSettings } from '../../lib/settings/migrate';
import { isActiveOn } from '../../lib/settings/sites';
import { defaultSettings, normalizeHost, SETTINGS_KEY, SETTINGS_VERSION, validateSettings } from '../../lib/settings/schema';
import { createSettingsWriter, loadSettings, watchSettings, writeSettings } from '../../lib/settings/store';
import { extensionPageSettings } from '../../lib/settings/extension-page';
import { siteOn, withSite } from '../../lib/settings/sites';
import { parseSettingsFile, settingsFileText } from '../../lib/options/settings-file';

describe('settings validation', () => {
  test('anything that is not an object gives the defaults', () => {
    for (const raw of [undefined, null, 42, 'x', [1, 2]]) expect(validateSettings(raw)).toEqual(defaultSettings());
  });
  test('each invalid field falls back to its default; valid fields and unknown keys', () => {
    const s = validateSettings({
      enabled: 'yes', siteMode: 'allow-only', blockedSites: ['ok.example', 5], highlightStyle: 'sparkles', hoverDelayMs: -4,
      colors: { person: '#ABCDEF', country: 'red', __proto__: { x: 1 } }, enabledTypes: ['person', 'planet'], demonyms: false,
      trigger: 'click', theme: 'neon', mutedEntities: 'all', disabledPacks: ['x'], evil: true,
    });
    const d = defaultSettings();
    expect(s.enabled).toBe(d.enabled);
    expect(s.siteMode).toBe('allow-only');
    // One bad entry costs only itself.
    expect(s.blockedSites).toEqual(['ok.example']);
    expect(s.highlightStyle).toBe(d.highlightStyle);
    expect(s.hoverDelayMs).toBe(350);
    expect(s.colors.person).toBe('#abcdef');
    expect(s.colors.country).toBe(d.colors.country);
    expect(s.enabledTypes).toEqual(['person']);
    expect(s.demonyms).toBe(false);
    expect(s.trigger).toBe('click');
    expect(s.theme).toBe('page');
    expect(s.mutedEntities).toEqual([]);
    expect(s.disabledPacks).toEqual(['x']);
    expect('evil' in s).toBe(false);
  });
});

describe('migrations, one test per version', () => {
  test('version 1 -> 2: disabledSites and hoverDelay (seconds) become blockedSites and hoverDelayMs', () => {
    const s = migrateSettings({ version: 1, enabled: false, disabledSites: ['news.example'], hoverDelay: 0.5 });
    expect(s).toMatchObject({ version: SETTINGS_VERSION, enabled: false, blockedSites: ['news.example'], hoverDelayMs: 500 });
  });
  test('version 2 is read as it is', () => {
    const v2 = { ...defaultSettings(), hoverDelayMs: 900, blockedSites: ['a.example'] };
    expect(migrateSettings(v2)).toEqual(v2);
  });
});

describe('sites', () => {
  test('normalizes what people type', () => {
    expect(normalizeHost('https://www.Example.com/news?x')).toBe('www.example.com');
    expect(normalizeHost('example.org')).toBe('example.org');
    expect(normalizeHost('not a host')).toBeNull();
  });
  test('block list, allow-only mode and the master switch', () => {
    const s = { ...defaultSettings(), blockedSites: ['example.com'] };
    expect(isActiveOn(s, 'example.com')).toBe(false);
    expect(isActiveOn(s, 'news.example.com')).toBe(false);
    expect(isActiveOn(s, 'example.org')).toBe(true);
    expect(isActiveOn({ ...s, siteMode: 'allow-only', allowedSites: ['example.org'] }, 'example.org')).toBe(true);
    expect(isActiveOn({ ...s, siteMode: 'allow-only', allowedSites: ['example.org'] }, 'other.org')).toBe(false);
    expect(isActiveOn({ ...s, enabled: false }, 'example.org')).toBe(false);
  });
  test("the popup's site switch shows the effective state and always changes it, with an exception under a listed parent", () => {
    const s = { ...defaultSettings(), blockedSites: ['example.com'] };
    expect(siteOn(s, 'news.example.com')).toBe(false);
    const on = withSite(s, 'news.example.com', true);
    expect(siteOn(on, 'news.example.com')).toBe(true);
    expect(siteOn(on, 'example.com')).toBe(false);
    expect(siteOn(on, 'shop.example.com')).toBe(false);
    const offAgain = withSite(on, 'news.example.com', false);
    expect(siteOn(offAgain, 'news.example.com')).toBe(false);
    expect(offAgain.siteExceptions).toEqual([]);
    const allowOnly = { ...defaultSettings(), siteMode: 'allow-only' as const, allowedSites: ['example.com'] };
    const offSub = withSite(allowOnly, 'news.example.com', false);
    expect(siteOn(offSub, 'news.example.com')).toBe(false);
    expect(siteOn(offSub, 'example.com')).toBe(true);
  });
  test('lists keep their valid entries: the 501st site and one bad host cost only themselves', () => {
    const hosts = Array.from({ length: 501 }, (_, i) => `site${i}.example`);
    const s = validateSettings({ ...defaultSettings(), blockedSites: [...hosts.slice(0, 10), 'not a host!', ...hosts.slice(10)] });
    expect(s.blockedSites).toHaveLength(500);
    expect(s.blockedSites[0]).toBe('site0.example');
    expect(s.blockedSites).not.toContain('not a host!');
  });
  test('version 2 -> 3 adds an empty exception list', () => {
    const v2 = { ...defaultSettings(), version: 2, blockedSites: ['a.example'] } as Record<string, unknown>;
    delete v2.siteExceptions;
    expect(migrateSettings(v2)).toMatchObject({ version: SETTINGS_VERSION, blockedSites: ['a.example'], siteExceptions: [] });
  });
  test('version 3 -> 4 adds the badge switch (on) and diagnostics (off), keeping the rest', () => {
    const v3 = { ...defaultSettings(), version: 3, theme: 'dark' } as Record<string, unknown>;
    delete v3.showBadge;
    delete v3.diagnostics;
    expect(migrateSettings(v3)).toMatchObject({ version: SETTINGS_VERSION, theme: 'dark', showBadge: true, diagnostics: false });
  });
  test('version 4 -> 5 adds reading memory, off, with no excluded sites and 90 days kept', () => {
    const v4 = { ...defaultSettings(), version: 4, theme: 'dark', blockedSites: ['a.example'] } as Record<string, unknown>;
    delete v4.readingMemory;
    delete v4.readingExcludedSites;
    delete v4.readingRetentionDays;
    delete v4.readingCapMB;
    expect(migrateSettings(v4)).toMatchObject({ version: 5, theme: 'dark', blockedSites: ['a.example'], readingMemory: false, readingExcludedSites: [], readingRetentionDays: 90, readingCapMB: 50 });
  });
  test('a corrupt reading memory field falls back to its default: off, and 90 days', () => {
    expect(validateSettings({ ...defaultSettings(), readingMemory: 'yes', readingRetentionDays: 7 })).toMatchObject({ readingMemory: false, readingRetentionDays: 90 });
  });
});

describe('storage', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });
  afterEach(() => vi.useRealTimers());

  test('corrupt stored settings load as defaults, field by field', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 2, enabled: 'maybe', theme: 'dark', hoverDelayMs: 'slow' } });
    const s = await loadSettings();
    expect(s.enabled).toBe(true);
    expect(s.theme).toBe('dark');
    expect(s.hoverDelayMs).toBe(350);
  });

  test('writes are coalesced: a burst of changes is one write, with the last value', async () => {
    vi.useFakeTimers();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const writer = createSettingsWriter();
    for (let i = 0; i < 50; i++) writer.save({ ...defaultSettings(), hoverDelayMs: i * 10 });
    await vi.advanceTimersByTimeAsync(10);
    vi.useRealTimers();
    await writer.flush();
    expect(set).toHaveBeenCalledTimes(1);
    expect((await loadSettings()).hoverDelayMs).toBe(490);
  });

  test('a minute of constant changes stays inside the 120-writes-a-minute sync quota, the first ones at once', async () => {
    vi.useFakeTimers();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const writer = createSettingsWriter();
    writer.save({ ...defaultSettings(), hoverDelayMs: 1 });
    await vi.advanceTimersByTimeAsync(1);
    expect(set).toHaveBeenCalledTimes(1);
    for (let t = 0; t < 60_000; t += 50) {
      writer.save({ ...defaultSettings(), hoverDelayMs: 2 + (t % 1000) });
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();
    expect(set.mock.calls.length).toBeLessThanOrEqual(120);
    expect(set.mock.calls.length).toBeGreaterThan(100);
  });

  test('a settings item stays far below the 8 KB sync quota even when lists are long', () => {
    const s = { ...defaultSettings(), blockedSites: Array.from({ length: 40 }, (_, i) => `site-number-${i}.example.com`) };
    expect(new TextEncoder().encode(JSON.stringify({ [SETTINGS_KEY]: s })).length).toBeLessThan(8192);
  });

  test('settings over the 8 KB sync item quota are kept on this device and win over the stale synced copy', async () => {
    await writeSettings({ ...defaultSettings(), theme: 'dark' }, 1000);
    const realSet = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation((items: Record<string, unknown>) =>
      new TextEncoder().encode(JSON.stringify(items)).length > 8192 ? Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded')) : realSet(items));
    const big = { ...defaultSettings(), blockedSites: Array.from({ length: 300 }, (_, i) => `a-rather-long-site-name-${i}.example.com`) };
    expect(await writeSettings(big, 2000)).toBe('local-only');
    const loaded = await loadSettings();
    expect(loaded.blockedSites).toHaveLength(300);
    expect(loaded.theme).toBe('page');
  });

  test('a write that fails everywhere is reported, not pretended', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(writeSettings(defaultSettings())).rejects.toThrow(/quota/);
  });

  test('watchers get validated settings and stop when aborted', async () => {
    const seen: boolean[] = [];
    const controller = new AbortController();
    watchSettings((s) => seen.push(s.enabled), controller.signal);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...defaultSettings(), enabled: false } });
    await vi.waitFor(() => expect(seen).toEqual([false]));
    controller.abort();
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...defaultSettings(), enabled: true } });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([false]);
  });

  test('a write sends both areas before it waits for either, so a page that closes at once loses neither', () => {
    const local = vi.spyOn(fakeBrowser.storage.local, 'set');
    const sync = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const writer = createSettingsWriter();
    writer.save({ ...defaultSettings(), hoverDelayMs: 100 });
    void writer.flush();
    // Still in the same task: a second change waits behind the first write, and the page's hiding flushes it.
    writer.save({ ...defaultSettings(), hoverDelayMs: 700 });
    void writer.flush();
    expect(local.mock.calls.map(([item]) => (item as Record<string, { hoverDelayMs: number }>)[SETTINGS_KEY]?.hoverDelayMs)).toEqual([100, 700]);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  test('an extension page closed right after a change has it stored', async () => {
    const page = extensionPageSettings(window);
    page.writer.save({ ...defaultSettings(), trigger: 'click' });
    await page.writer.flush();
    page.writer.save({ ...defaultSettings(), trigger: 'click', hoverDelayMs: 700 });
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(async () => {
      const stored = await Promise.all([fakeBrowser.storage.local.get(SETTINGS_KEY), fakeBrowser.storage.sync.get(SETTINGS_KEY)]);
      expect(stored.map((s) => (s[SETTINGS_KEY] as { hoverDelayMs: number }).hoverDelayMs)).toEqual([700, 700]);
    });
    expect(page.signal.aborted).toBe(true);
  });

  test('an extension page never takes back its own writes or an older state; another page\'s change reaches it', async () => {
    // One write at once, then one every 500 ms: the second change waits while the first comes back.
    const page = extensionPageSettings(window, createSettingsWriter(1, 500));
    const seen: number[] = [];
    page.watch((s) => seen.push(s.hoverDelayMs));
    page.writer.save({ ...defaultSettings(), trigger: 'click' });
    void page.writer.flush();
    page.writer.save({ ...defaultSettings(), trigger: 'click', hoverDelayMs: 700 });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
    await page.writer.whenIdle();
    await writeSettings({ ...defaultSettings(), hoverDelayMs: 900 }, Date.now() + 1);
    // Its own writes never came back to it (a number being typed would be reset); the other page's did.
    await vi.waitFor(() => expect(seen).toEqual([900]));
    window.dispatchEvent(new Event('pagehide'));
  });
});

describe('settings files', () => {
  test('round-trip', () => {
    const s = { ...defaultSettings(), theme: 'dark' as const };
    expect(parseSettingsFile('s.json', settingsFileText(s))).toEqual({ settings: s, skipped: [] });
    const withBad = settingsFileText({ ...s, blockedSites: ['ok.example', 'not a host!'] });
    expect(parseSettingsFile('s.json', withBad)).toMatchObject({ settings: { blockedSites: ['ok.example'] }, skipped: [{ list: 'blockedSites', count: 1 }] });
  });
  test('bad files are refused with a reason', () => {
    expect(() => parseSettingsFile('s.json', 'nope')).toThrow(/s\.json: not valid JSON/);
    expect(() => parseSettingsFile('s.json', '{"a":1}')).toThrow(/not a Backstory settings file/);
    expect(() => parseSettingsFile('s.json', '{"format":"backstory-settings"}')).toThrow(/"settings" field is missing/);
  });
});
