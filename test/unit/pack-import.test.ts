import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { collectOrphanPacks, installPack } from '../../lib/options/pack-import';
import { PACK_LIST_KEY } from '../../lib/pack-store/keys';
import type { PackSummary } from '../../lib/pack-store/summary';

const summary = (id: string): PackSummary => ({ id, name: `Pack ${id}`, version: '1', corpusDate: '', entities: 1, bundled: false });

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('installing a pack', () => {
  test('a quota error leaves storage exactly as it was: no unlisted pack', async () => {
    await installPack('{"a":1}', summary('a'));
    const before = await fakeBrowser.storage.local.get(null);
    // Storage fills up at the write that lists the pack (the last byte over the quota).
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items: Record<string, unknown>) =>
      PACK_LIST_KEY in items ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : realSet(items));
    await expect(installPack('{"b":1}', summary('b'))).rejects.toThrow(/quota/);
    vi.restoreAllMocks();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  test('packs stored without a list entry are collected', async () => {
    await installPack('{"a":1}', summary('a'));
    await fakeBrowser.storage.local.set({ 'pack:orphan': '{}' });
    expect(await collectOrphanPacks()).toEqual(['orphan']);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['pack:a', PACK_LIST_KEY]);
  });
});
