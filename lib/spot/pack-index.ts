/**
 * A pack's page-side index as one compact binary file: the matcher's trie, and each entity's id, name and
 * type, with the pack's context rules. Built when a pack is built or imported; decoded on every page with
 * typed-array views and one UTF-8 decode (no JSON beyond a few hundred bytes of metadata), and checked so
 * that a damaged or hostile file is refused instead of misread. Summaries, sentences, facts and relations are
 * not in it: cards fetch them (lib/pack-store/details-source.ts).
 *
 * Layout, little-endian: a header of HEADER_WORDS u32, then the sections in SECTIONS order, each padded to
 * 4 bytes, then the metadata JSON and the string blob (UTF-8).
 */
import { ENTITY_TYPES, type KnowledgePack } from '../pack-format/types';
import { LoadedPack, type IndexedContextRule, type PackMeta } from './loaded-pack';
import { buildTrieIndex, checkTrie, IndexFormatError, packLanguages, rankBlocks, withRootTable, type TrieIndex } from './trie-index';
import { isLanguageCode } from '../pack-format/language-code';

const MAGIC = 0x58534b42; // "BKSX"
/** Version 2 added each alias's page language; version 1 files (stored by earlier releases) still load. */
export const PACK_INDEX_VERSION = 2;
const HEADER_WORDS = 11;

interface Counts {
  nodes: number;
  /** Nodes that end at least one alias. */
  terminals: number;
  terms: number;
  aliases: number;
  entities: number;
}

/** Section name, element width, length from the counts. */
const SECTIONS = [
  ['edgeStart', 4, (c: Counts) => c.nodes + 1],
  ['termBits', 4, (c: Counts) => (c.nodes + 31) >>> 5],
  ['termOffsets', 4, (c: Counts) => c.terminals + 1],
  ['termAlias', 4, (c: Counts) => c.terms],
  ['aliasEntity', 4, (c: Counts) => c.aliases],
  ['formStart', 4, (c: Counts) => c.aliases + 1],
  ['idStart', 4, (c: Counts) => c.entities + 1],
  ['nameStart', 4, (c: Counts) => c.entities + 1],
  ['edgeChar', 2, (c: Counts) => c.nodes - 1],
  ['aliasFlags', 1, (c: Counts) => c.aliases],
  ['types', 1, (c: Counts) => c.entities],
  ['aliasLanguage', 1, (c: Counts) => c.aliases],
] as const;
type SectionName = (typeof SECTIONS)[number][0];
/** The sections a version's files hold: version 1 had no alias languages. */
const sectionsOf = (version: number): typeof SECTIONS[number][] => (version === 1 ? SECTIONS.filter(([name]) => name !== 'aliasLanguage') : [...SECTIONS]);
type Views = Record<SectionName, Uint32Array | Uint16Array | Uint8Array>;

const pad4 = (n: number): number => (n + 3) & ~3;
// TextEncoder would turn a lone surrogate into U+FFFD and shift every offset after it.
const wellFormed = (s: string): string => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

function resolveRules(pack: KnowledgePack): IndexedContextRule[] {
  const rules = pack.contextRules ?? [];
  if (rules.length === 0) return [];
  const indexOf = new Map(pack.entities.map((e, i) => [e.id, i]));
  return rules.map(({ entities, ...rest }) =>
    entities ? { ...rest, entities: entities.flatMap((id) => (indexOf.has(id) ? [indexOf.get(id) as number] : [])) } : rest,
  );
}

/** Builds a pack's page-side index file. */
export function encodePackIndex(pack: KnowledgePack): Uint8Array {
  const trie = buildTrieIndex(
    pack.entities.map((e) => ({ ...e, name: wellFormed(e.name), aliases: e.aliases.map(wellFormed), acronyms: e.acronyms.map(wellFormed), shortForms: e.shortForms.map(wellFormed), demonyms: e.demonyms.map(wellFormed) })),
    (pack.stopPhrases ?? []).map(wellFormed),
  );
  const ids = pack.entities.map((e) => wellFormed(e.id));
  const names = pack.entities.map((e) => wellFormed(e.name));
  const idStart = new Uint32Array(ids.length + 1);
  const nameStart = new Uint32Array(names.length + 1);
  let at = trie.forms.length;
  ids.forEach((id, i) => (idStart[i + 1] = at += id.length));
  idStart[0] = trie.forms.length;
  nameStart[0] = at;
  names.forEach((name, i) => (nameStart[i + 1] = at += name.length));
  const typeIndex = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));
  const views: Views = {
    edgeStart: trie.edgeStart,
    termBits: trie.termBits,
    termOffsets: trie.termOffsets,
    termAlias: trie.termAlias,
    aliasEntity: trie.aliasEntity,
    formStart: trie.formStart,
    idStart,
    nameStart,
    edgeChar: trie.edgeChar,
    aliasFlags: trie.aliasFlags,
    types: Uint8Array.from(pack.entities, (e) => typeIndex.get(e.type) ?? 0),
    aliasLanguage: trie.aliasLanguage,
  };
  const meta: PackMeta = { id: pack.id, name: pack.name, version: pack.version, corpusDate: pack.corpusDate, description: pack.description, rules: resolveRules(pack), languages: packLanguages(pack.entities) };
  const encoder = new TextEncoder();
  const metaBytes = encoder.encode(JSON.stringify(meta));
  const stringBytes = encoder.encode(trie.forms + ids.join('') + names.join(''));
  let size = HEADER_WORDS * 4;
  for (const [name] of SECTIONS) size += pad4(views[name].byteLength);
  size += pad4(metaBytes.length) + stringBytes.length;
  const out = new Uint8Array(size);
  const header = new Uint32Array(out.buffer, 0, HEADER_WORDS);
  header.set([MAGIC, PACK_INDEX_VERSION, trie.nodes, trie.termOffsets.length - 1, trie.termAlias.length, trie.aliasEntity.length, pack.entities.length, metaBytes.length, stringBytes.length, at, 0]);
  let offset = HEADER_WORDS * 4;
  for (const [name] of SECTIONS) {
    const view = views[name];
    out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), offset);
    offset += pad4(view.byteLength);
  }
  out.set(metaBytes, offset);
  out.set(stringBytes, offset + pad4(metaBytes.length));
  return out;
}

function isMeta(value: unknown): value is PackMeta {
  const m = value as PackMeta;
  return typeof value === 'object' && value !== null && typeof m.id === 'string' && typeof m.name === 'string' &&
    typeof m.version === 'string' && typeof m.corpusDate === 'string' && typeof m.description === 'string' && Array.isArray(m.rules) &&
    (m.languages === undefined || (Array.isArray(m.languages) && m.languages.length <= 255 && m.languages.every(isLanguageCode)));
}

/** Decodes and checks an index file; throws IndexFormatError saying what is wrong. */
export function decodePackIndex(input: Uint8Array): LoadedPack {
  const fail = (what: string): never => {
    throw new IndexFormatError(`index file is damaged: ${what}`);
  };
  // Typed views need an aligned start; a copy is made only when the bytes arrive misaligned.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < HEADER_WORDS * 4) fail('too short');
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  const [magic, version, nodes, terminals, terms, aliases, entities, metaLength, stringLength, units] = header as unknown as number[];
  if (magic !== MAGIC) fail('not a Backstory index');
  if (version !== PACK_INDEX_VERSION && version !== 1) throw new IndexFormatError(`index version ${String(version)} is not supported (expected ${PACK_INDEX_VERSION})`);
  const counts: Counts = { nodes: nodes as number, terminals: terminals as number, terms: terms as number, aliases: aliases as number, entities: entities as number };
  if (counts.nodes < 1) fail('no nodes');
  const views = {} as Views;
  let offset = bytes.byteOffset + HEADER_WORDS * 4;
  const end = bytes.byteOffset + bytes.byteLength;
  views.aliasLanguage = new Uint8Array(counts.aliases);
  for (const [name, width, length] of sectionsOf(version)) {
    const n = length(counts);
    if (offset + n * width > end) fail(`section ${name} runs past the end`);
    views[name] = width === 4 ? new Uint32Array(bytes.buffer, offset, n) : width === 2 ? new Uint16Array(bytes.buffer, offset, n) : new Uint8Array(bytes.buffer, offset, n);
    offset += pad4(n * width);
  }
  if (offset + pad4(metaLength as number) + (stringLength as number) !== end) fail('sizes do not add up');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let meta: unknown;
  let strings = '';
  try {
    meta = JSON.parse(decoder.decode(new Uint8Array(bytes.buffer, offset, metaLength)));
    strings = decoder.decode(new Uint8Array(bytes.buffer, offset + pad4(metaLength as number), stringLength));
  } catch {
    fail('text is not valid');
  }
  if (!isMeta(meta)) fail('metadata');
  if (strings.length !== units) fail('string blob length');
  const trie: TrieIndex = {
    nodes: counts.nodes,
    edgeStart: views.edgeStart as Uint32Array,
    edgeChar: views.edgeChar as Uint16Array,
    termBits: views.termBits as Uint32Array,
    termRank: rankBlocks(views.termBits as Uint32Array),
    termOffsets: views.termOffsets as Uint32Array,
    termAlias: views.termAlias as Uint32Array,
    aliasEntity: views.aliasEntity as Uint32Array,
    aliasFlags: views.aliasFlags as Uint8Array,
    aliasLanguage: views.aliasLanguage,
    forms: strings,
    formStart: views.formStart as Uint32Array,
    rootNext: new Uint32Array(0),
  };
  if (!isMeta(meta)) fail('metadata');
  const languages = (meta as PackMeta).languages ?? [];
  checkTrie(trie, counts.entities, languages.length);
  const idStart = views.idStart as Uint32Array;
  const nameStart = views.nameStart as Uint32Array;
  const types = views.types as Uint8Array;
  if (idStart[0] !== trie.formStart[counts.aliases] || nameStart[0] !== idStart[counts.entities] || nameStart[counts.entities] !== strings.length) fail('entity strings');
  for (let i = 0; i < counts.entities; i++) {
    if ((idStart[i] as number) > (idStart[i + 1] as number) || (nameStart[i] as number) > (nameStart[i + 1] as number)) fail(`entity ${i} strings`);
    if ((types[i] as number) >= ENTITY_TYPES.length) fail(`entity ${i} type`);
  }
  const checked = meta as PackMeta;
  for (const rule of checked.rules) if (rule.entities?.some((i) => !Number.isInteger(i) || i < 0 || i >= counts.entities)) fail('context rule entity');
  return new LoadedPack(checked, withRootTable(trie), { strings, idStart, nameStart, types, typeNames: ENTITY_TYPES });
}

/** A whole pack (the build, tests, tools) made ready for matching through the same file a page reads. */
export function loadPack(pack: KnowledgePack): LoadedPack {
  return decodePackIndex(encodePackIndex(pack));
}
