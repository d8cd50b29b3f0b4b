import { describe, expect, test } from 'vitest';
import { isCalendarDate, validatePack } from '../../lib/pack-format/validate';
import { loadPack } from '../../lib/spot/pack-index';
import { scanDocument } from '../../lib/spot/scan-document';
import { decodePackIndex, encodePackIndex } from '../../lib/spot/pack-index';
import { bytesFromBase64 } from '../../lib/spot/base64';
import bundledIndex from '../../generated/backstory-news.index.json';
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
    ['a control character in a name', pack([entity('a', 'Al\u0007pha')]), /entity "a", field "name": contains control characters/],
    ['a NUL in a summary', pack([entity('a', 'Alpha', { summary: 'hi\u0000there' })]), /entity "a", field "summary": contains control characters/],
    ['unknown entity type', pack([{ id: 'a', name: 'A', type: 'planet' }]), /entity "a", field "type": must be one of person/],
    ['stop phrase equal to an alias', pack([entity('a', 'Alpha')], { stopPhrases: ['ALPHA'] }), /stop phrase #1 "ALPHA": is an alias of entity "a"/],
    ['related to nobody', pack([entity('a', 'Alpha', { related: [{ id: 'zzz', weight: 1 }] })]), /entity "a", field "related\[0\]\.id": refers to unknown entity "zzz"/],
    ['a fact\'s data of no known kind', pack([entity('a', 'Alpha', { facts: [{ label: 'Area', value: '1 km²', data: { kind: 'volume', km2: 1 } }] })]), /entity "a", field "facts\[0\]"\.data\.kind: must be "area", "languages", "currencies" or "countries"/],
    ['a fact\'s language code that is no code', pack([entity('a', 'Alpha', { facts: [{ label: 'Languages', value: 'Romanian', data: { kind: 'languages', codes: ['Romanian'] } }] })]), /field "facts\[0\]"\.data\.codes: is 8 characters long; the limit is 3|field "facts\[0\]"\.data\.codes\[0\]/],
    ['a fact\'s country code in the wrong case', pack([entity('a', 'Alpha', { facts: [{ label: 'Borders', value: 'Bulgaria', data: { kind: 'countries', codes: ['bg'] } }] })]), /field "facts\[0\]"\.data\.codes\[0\]: is not a ISO 3166-1 alpha-2 country code/],
    ['a fact\'s area below zero', pack([entity('a', 'Alpha', { facts: [{ label: 'Area', value: '-1 km²', data: { kind: 'area', km2: -1 } }] })]), /field "facts\[0\]"\.data\.km2/],
  ];
  test.each(cases)('%s', (_, raw, message) => {
    expect(() => validatePack(raw, 'p.json')).toThrow(message);
  });
});

test('text that looks like markup is text: a sentence quoting a <link> tag is a valid pack (cards render it as text)', () => {
  const quoting = pack([entity('a', '<img src=x onerror=alert(1)>', { summary: 'Add <link rel="stylesheet"> to the page; <script>alert(1)</script>' })]);
  expect(validatePack(quoting, 'p.json').entities[0]?.summary).toContain('<link rel="stylesheet">');
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

describe('the page-side index file', () => {
  const bytes = encodePackIndex(PACK);
  const HEADER = 44;
  const words = (b: Uint8Array): Uint32Array => new Uint32Array(b.buffer, b.byteOffset, HEADER / 4);

  test('round-trips: ids, names, types and matching are those of the pack', () => {
    const loaded = decodePackIndex(bytes);
    expect(loaded.id).toBe(PACK.id);
    expect(loaded.entityCount).toBe(PACK.entities.length);
    PACK.entities.forEach((e, i) => expect(loaded.entity(i)).toEqual({ id: e.id, name: e.name, type: e.type }));
    expect(loaded.entityById('romania')?.name).toBe('Romania');
    // One object per entity: mentions compare entities by identity.
    expect(loaded.entity(3)).toBe(loaded.entity(3));
  });

  test('holds no summaries, sentences or facts', () => {
    const text = new TextDecoder().decode(bytes);
    for (const e of PACK.entities) {
      if (e.summary) expect(text).not.toContain(e.summary.slice(0, 40));
      for (const s of e.sentences) expect(text).not.toContain(s.text.slice(0, 40));
    }
  });

  test('a damaged or hostile file is refused with what is wrong, never walked', () => {
    const damaged = (change: (copy: Uint8Array) => void): Uint8Array => {
      const copy = bytes.slice();
      change(copy);
      return copy;
    };
    expect(() => decodePackIndex(bytes.slice(0, 12))).toThrow(/too short/);
    expect(() => decodePackIndex(damaged((c) => (words(c)[0] = 1)))).toThrow(/not a Backstory index/);
    expect(() => decodePackIndex(damaged((c) => (words(c)[1] = 9)))).toThrow(/version 9/);
    expect(() => decodePackIndex(damaged((c) => (words(c)[2] = 1e9)))).toThrow(/runs past the end/);
    expect(() => decodePackIndex(bytes.slice(0, bytes.length - 3))).toThrow(/do not add up/);
    // An edge start that goes backwards (a walk could loop or read out of bounds).
    expect(() => decodePackIndex(damaged((c) => new Uint32Array(c.buffer, HEADER, 4).set([0, 9, 3, 3])))).toThrow(/edges of node/);
    // An alias pointing past the entity list.
    const loaded = decodePackIndex(bytes);
    const { nodes, termBits, termOffsets, termAlias } = loaded.index;
    const aliasAt = HEADER + 4 * (nodes + 1 + termBits.length + termOffsets.length + termAlias.length);
    // A terminal bit moved to a node that ends nothing: the ranks no longer match the offsets.
    const bitsAt = HEADER + 4 * (nodes + 1);
    expect(() => decodePackIndex(damaged((c) => new Uint32Array(c.buffer, bitsAt, 1).set([0xffffffff])))).toThrow(/terminal/);
    expect(() => decodePackIndex(damaged((c) => new Uint32Array(c.buffer, aliasAt, 1).set([5000])))).toThrow(/alias entity out of range/);
  });

  test('the bundled index compiled into the content script is the bundled pack\'s', () => {
    const shipped = decodePackIndex(bytesFromBase64(bundledIndex.base64));
    expect(shipped.id).toBe(PACK.id);
    expect(shipped.entityCount).toBe(PACK.entities.length);
    expect(Buffer.from(encodePackIndex(PACK)).toString('base64')).toBe(bundledIndex.base64);
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
