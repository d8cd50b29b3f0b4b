import { describe, expect, test } from 'vitest';
import { isCalendarDate, validatePack } from '../../lib/pack-format/validate';
import { loadPack } from '../../lib/pack-store/load';
import { scanDocument } from '../../lib/spot/scan-document';
import { buildTrieIndex, loadTrieIndex, serializeTrieIndex } from '../../lib/spot/trie-index';
import { PACK, parse } from './helpers';

const entity = (id: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id, name, type: 'concept', ...extra });
const pack = (entities: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  format: 'backstory-pack', formatVersion: 1, id: 'test', name: 'Test', version: '1', entities, ...extra,
});

describe('pack validation: each problem has its own error naming file, entity and field', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['not a pack', { hello: 1 }, /p\.json: pack: unknown field "hello"/],
    ['wrong format version', pack([], { formatVersion: 7 }), /field "formatVersion": version 7 is not supported/],
    ['unknown entity field', pack([entity('a', 'Alpha', { evil: true })]), /entity "a": unknown field "evil"/],
    ['__proto__ key', pack([JSON.parse('{"id":"a","name":"Alpha","type":"concept","__proto__":{"x":1}}')]), /entity "a": unknown field "__proto__"/],
    ['wrong type', pack([entity('a', 'Alpha', { aliases: 'Alf' })]), /entity "a", field "aliases": must be an array/],
    ['over-long string', pack([entity('a', 'x'.repeat(100_000))]), /entity "a", field "name": is 100000 characters long; the limit is 200/],
    ['too many entries', pack(new Array(100_001).fill(0)), /field "entities": has 100001 items; the limit is 100000/],
    ['duplicate ids', pack([entity('a', 'Alpha'), entity('a', 'Beta')]), /entity "a": duplicate id/],
    ['alias claimed twice', pack([entity('a', 'Alpha'), entity('b', 'Beta', { aliases: ['ALPHA'] })]), /entity "b", field "aliases\[0\]": alias "ALPHA" is already claimed by entity "a"/],
    ['javascript: URL', pack([entity('a', 'Alpha', { url: 'javascript:alert(1)' })]), /entity "a", field "url": only http and https links are allowed, got "javascript:"/],
    ['HTML in a name', pack([entity('a', '<img src=x onerror=alert(1)>')]), /entity "a", field "name": contains HTML markup/],
    ['script in a summary', pack([entity('a', 'Alpha', { summary: 'hi <script>alert(1)</script>' })]), /entity "a", field "summary": contains HTML markup/],
    ['unknown entity type', pack([{ id: 'a', name: 'A', type: 'planet' }]), /entity "a", field "type": must be one of person/],
    ['stop phrase equal to an alias', pack([entity('a', 'Alpha')], { stopPhrases: ['ALPHA'] }), /stop phrase #1 "ALPHA": is an alias of entity "a"/],
    ['related to nobody', pack([entity('a', 'Alpha', { related: [{ id: 'zzz', weight: 1 }] })]), /entity "a", field "related\[0\]\.id": refers to unknown entity "zzz"/],
  ];
  test.each(cases)('%s', (_, raw, message) => {
    expect(() => validatePack(raw, 'p.json')).toThrow(message);
  });
});

describe('ids and names that collide with Object.prototype keys work like any other', () => {
  const hostile = pack([entity('constructor', 'Constructor'), entity('__proto__', 'Proto Thing'), entity('toString', 'ToString Party'), entity('hasOwnProperty', 'hasOwnProperty')]);
  test('they validate, index and match', () => {
    const valid = validatePack(hostile, 'proto.json');
    expect(valid.entities.map((e) => e.id)).toEqual(['constructor', '__proto__', 'toString', 'hasOwnProperty']);
    const doc = parse('<p>Constructor met Proto Thing at the ToString Party.</p>');
    expect(scanDocument(doc.body, [loadPack(valid)]).map((m) => m.entity.id)).toEqual(['constructor', '__proto__', 'toString']);
  });
});

describe('the precompiled index', () => {
  test('round-trips through base64', () => {
    const index = buildTrieIndex(PACK.entities);
    const loaded = loadTrieIndex(serializeTrieIndex(index), PACK.entities.length);
    expect([...loaded.edgeChar]).toEqual([...index.edgeChar]);
    expect(loaded.aliasForms).toEqual(index.aliasForms);
  });
  test('a damaged or hostile index is refused, never walked', () => {
    const packed = serializeTrieIndex(buildTrieIndex(PACK.entities));
    const cycle = buildTrieIndex(PACK.entities);
    cycle.edgeTarget[0] = 0;
    expect(() => loadTrieIndex(serializeTrieIndex(cycle), PACK.entities.length)).toThrow(/edge 0/);
    expect(() => loadTrieIndex({ ...packed, nodes: packed.nodes + 5 }, PACK.entities.length)).toThrow(/wrong length/);
    expect(() => loadTrieIndex(packed, 3)).toThrow(/alias entity out of range/);
    expect(() => loadTrieIndex({ ...packed, version: 9 }, PACK.entities.length)).toThrow(/version 9/);
  });
  test('the bundled pack carries its index', () => {
    expect((PACK).index?.nodes).toBeGreaterThan(100);
  });
});

describe('stored packs read back on a page', () => {
  test('a pack as stored at import reads back; damaged storage is refused with a reason', async () => {
    const { readStoredPack } = await import('../../lib/pack-store/stored');
    const stored = JSON.stringify(PACK);
    expect(readStoredPack(stored, PACK.id).entities).toHaveLength(PACK.entities.length);
    expect(() => readStoredPack('{"format":', PACK.id)).toThrow();
    expect(() => readStoredPack(stored, 'other')).toThrow(/its id does not match/);
    const damaged = JSON.parse(stored) as { entities: Array<Record<string, unknown>> };
    delete damaged.entities[3]?.facts;
    expect(() => readStoredPack(damaged, PACK.id)).toThrow(/stored pack "backstory-news" is damaged: entity #4/);
  });
});

describe('calendar dates', () => {
  test('impossible months and days are refused with the date named; real ones pass', () => {
    for (const bad of ['2025-13-45', '2025-02-30', '2025-00', '2023-02-29', '2025-1-5']) expect(isCalendarDate(bad)).toBe(false);
    for (const good of ['2025', '2025-12', '2024-02-29', '2025-12-31']) expect(isCalendarDate(good)).toBe(true);
    const pack = structuredClone(PACK);
    (pack.documents[0] as { date: string }).date = '2025-13-45';
    expect(() => validatePack(pack, 'p.json')).toThrow(/"2025-13-45" is not a calendar date/);
  });
});
