import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { collectOrphanPacks, exportPackText, installPack, removePack } from '../../lib/options/pack-import';
import { putPackDetails, readEntityRecord, readStoredPack } from '../../lib/pack-store/details-db';
import { entityDetails } from '../../lib/pack-store/details-source';
import { PACK_LIST_KEY, indexKey } from '../../lib/pack-store/keys';
import { loadActivePacks } from '../../lib/pack-store/page-packs';
import { BUNDLED_PACK_ID } from '../../lib/pack-store/bundled-id';
import { WORLD_PACK_ID } from '../../lib/pack-store/world-indexes';
import { PackMatcher } from '../../lib/pack-store/pack-matcher';
import type { PackSummary } from '../../lib/pack-store/summary';
import { defaultSettings } from '../../lib/settings/schema';
import { base64FromBytes, bytesFromBase64 } from '../../lib/spot/base64';
import { encodePackIndex } from '../../lib/spot/pack-index';
import type { KnowledgePack } from '../../lib/pack-format/types';
import { PACK } from './helpers';
import { decodeMatches } from '../../lib/spot/text-match';

const summary = (pack: KnowledgePack): PackSummary => ({ id: pack.id, name: pack.name, version: pack.version, corpusDate: pack.corpusDate, entities: pack.entities.length, bundled: false });
const renamed = (id: string): KnowledgePack => ({ ...structuredClone(PACK), id, name: `Pack ${id}` });
const install = (pack: KnowledgePack): Promise<void> =>
  installPack(summary(pack), async () => {
    await putPackDetails(pack);
    return base64FromBytes(encodePackIndex(pack));
  });

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  for (const id of ['a', 'b']) await removePack(id);
});

describe('installing a pack', () => {
  test('details go to IndexedDB, the index and list to storage.local; a page loads the index and a card gets details', async () => {
    const pack = renamed('a');
    await install(pack);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(stored).sort()).toEqual([indexKey('a'), PACK_LIST_KEY]);
    // What pages read holds no sentences.
    const indexText = new TextDecoder().decode(bytesFromBase64(String(stored[indexKey('a')])));
    for (const e of pack.entities) for (const s of e.sentences) if (s.text.length > 60) expect(indexText).not.toContain(s.text.slice(0, 60));
    // Pages hold no index: they name the packs, and the background matches their text with them.
    const { local, remote } = await loadActivePacks(defaultSettings(), () => undefined, () => Promise.reject(new Error('not asked here')));
    expect(local).toBeNull();
    expect(remote?.packs.map((p) => p.id)).toEqual([BUNDLED_PACK_ID, WORLD_PACK_ID, 'a']);
    expect(remote?.packs[2]?.meta.name).toBe(pack.name);
    const matcher = new PackMatcher((keys) => fakeBrowser.storage.local.get(keys));
    const answer = await matcher.match({ packs: ['a'], texts: ['Officials in Romania said so.'], language: null, demonyms: true, seen: {} });
    expect(answer.failed).toEqual([]);
    expect(decodeMatches(answer, ['Officials in Romania said so.'], new Set(['a']))[0]?.map((m) => [m.packId, m.entity.id])).toEqual([['a', 'romania']]);
    const details = await entityDetails('a', 'romania');
    expect(details?.summary).toBe(pack.entities.find((e) => e.id === 'romania')?.summary);
    expect(details?.news.length).toBeGreaterThan(0);
    expect(details?.related.every((r) => typeof r.name === 'string' && r.name !== '')).toBe(true);
    expect(await entityDetails('a', 'no-such-entity')).toBeNull();
  });

  test('a quota error on the index leaves no listed pack; the orphaned details are collected', async () => {
    await install(renamed('a'));
    const before = await fakeBrowser.storage.local.get(null);
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items: Record<string, unknown>) =>
      PACK_LIST_KEY in items ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : realSet(items));
    await expect(install(renamed('b'))).rejects.toThrow(/quota/);
    vi.restoreAllMocks();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(await readEntityRecord('b', 'romania')).not.toBeNull();
    expect(await collectOrphanPacks()).toEqual(['b']);
    expect(await readEntityRecord('b', 'romania')).toBeNull();
    expect(await readEntityRecord('a', 'romania')).not.toBeNull();
  });

  test('export gives the pack back whole; remove takes details and index away', async () => {
    const pack = renamed('a');
    await install(pack);
    expect(JSON.parse(await exportPackText('a'))).toEqual(JSON.parse(JSON.stringify(pack)));
    await removePack('a');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [PACK_LIST_KEY]: [] });
    expect(await readStoredPack('a')).toBeNull();
  });
});
