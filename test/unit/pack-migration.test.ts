import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readEntityRecord, readStoredPack } from '../../lib/pack-store/details-db';
import { entityDetails } from '../../lib/pack-store/details-source';
import { PACK_LIST_KEY, indexKey, legacyPackKey } from '../../lib/pack-store/keys';
import { migrateLegacyPacks } from '../../lib/pack-store/migrate-packs';
import { loadActivePacks } from '../../lib/pack-store/page-packs';
import { PackMatcher } from '../../lib/pack-store/pack-matcher';
import { decodeStoredIndex } from '../../lib/pack-store/stored-index';
import { defaultSettings } from '../../lib/settings/schema';
import { syntheticPack } from '../../support/synthetic-pack';
import { decodeMatches } from '../../lib/spot/text-match';

const summaryOf = (pack: { id: string; name: string; version: string; corpusDate: string; entities: unknown[] }): Record<string, unknown> =>
  ({ id: pack.id, name: pack.name, version: pack.version, corpusDate: pack.corpusDate, entities: pack.entities.length });

beforeEach(() => fakeBrowser.reset());

describe('packs stored by version 0.1 move to the new layout', () => {
  test('a stored 20,000-entity pack: every entity, document and field kept; pages match it; the old key is gone', async () => {
    const pack = syntheticPack(20_000);
    // Version 0.1 stored the pack as JSON text with its own (old-format) index inside; that index is dropped.
    await fakeBrowser.storage.local.set({ [legacyPackKey(pack.id)]: JSON.stringify(pack), [PACK_LIST_KEY]: [summaryOf(pack)] });

    expect(await migrateLegacyPacks()).toEqual({ moved: [pack.id], failed: [] });

    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).sort();
    expect(keys).toEqual([indexKey(pack.id), PACK_LIST_KEY]);
    expect(await readStoredPack(pack.id)).toEqual(JSON.parse(JSON.stringify(pack)));
    const last = pack.entities.at(-1);
    expect((await readEntityRecord(pack.id, last?.id ?? ''))?.entity).toEqual(last);
    expect((await entityDetails(pack.id, last?.id ?? ''))?.summary).toBe(last?.summary);

    // Pages name the pack; the background reads its index and matches their text with it.
    expect((await loadActivePacks(defaultSettings(), () => undefined, () => Promise.reject(new Error('not asked here')))).remote?.packs.map((p) => p.id)).toContain(pack.id);
    const stored = await fakeBrowser.storage.local.get(indexKey(pack.id));
    expect(decodeStoredIndex(stored[indexKey(pack.id)], pack.id).entityCount).toBe(20_000);
    const texts = [`Yesterday ${last?.name ?? ''} spoke.`];
    const answer = await new PackMatcher((keys) => fakeBrowser.storage.local.get(keys)).match({ packs: [pack.id], texts, language: null, demonyms: true, seen: {} });
    expect(decodeMatches(answer, texts, new Set([pack.id]))[0]?.map((m) => m.entity.id)).toEqual([last?.id]);
    // A second start finds nothing left to move.
    expect(await migrateLegacyPacks()).toEqual({ moved: [], failed: [] });
  });

  test('a stored pack that is no longer valid stays where it was, with the reason', async () => {
    await fakeBrowser.storage.local.set({ [legacyPackKey('bad')]: '{"format":', [PACK_LIST_KEY]: [summaryOf({ id: 'bad', name: 'Bad', version: '1', corpusDate: '', entities: [] })] });
    const result = await migrateLegacyPacks();
    expect(result.moved).toEqual([]);
    expect(result.failed[0]?.id).toBe('bad');
    expect(result.failed[0]?.reason).toMatch(/JSON/);
    expect((await fakeBrowser.storage.local.get(legacyPackKey('bad')))[legacyPackKey('bad')]).toBe('{"format":');
  });
});
