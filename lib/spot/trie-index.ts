/**
 * The matcher's index: a trie over folded alias text, flattened into typed arrays (CSR layout) so that it is
 * built once when a pack is built or imported and only decoded on a page (lib/spot/pack-index.ts stores it).
 */
import type { PackEntity } from '../pack-format/types';
import { foldKeepCase, foldText } from './fold';

export const ALIAS_EXACT_CASE = 1;
export const ALIAS_SHORT_FORM = 2;
export const ALIAS_DEMONYM = 4;
/** A stop phrase: wins as a longest match and is then dropped. Its entity index means nothing. */
export const ALIAS_STOP = 8;

/**
 * Nodes are numbered breadth-first and each node's edges are stored in order, so edge `e` always leads to
 * node `e + 1`: no target array, and every walk moves to a later node.
 */
export interface TrieIndex {
  nodes: number;
  edgeStart: Uint32Array;
  edgeChar: Uint16Array;
  /**
   * Which nodes end an alias, one bit per node (most nodes end none), with the count of such nodes before
   * each 32-node block, so the k-th terminal node is found in constant time (see termRange).
   */
  termBits: Uint32Array;
  termRank: Uint32Array;
  /** The k-th terminal node's aliases are termAlias[termOffsets[k]] up to termAlias[termOffsets[k + 1]]. */
  termOffsets: Uint32Array;
  termAlias: Uint32Array;
  /** Index into the pack's entity list. */
  aliasEntity: Uint32Array;
  aliasFlags: Uint8Array;
  /** The page language an alias is for: 1 + its place in the pack's language list, 0 for every page. */
  aliasLanguage: Uint8Array;
  /**
   * Each alias folded but with its case kept (checked against the page text at a trie hit), all in one
   * string: alias `a` is `forms.slice(formStart[a], formStart[a + 1])`.
   */
  forms: string;
  formStart: Uint32Array;
  /** Direct child lookup for the root (the busiest node): code unit -> node + 1, 0 for none. */
  rootNext: Uint32Array;
}

export interface AliasEntry {
  key: string;
  form: string;
  entity: number;
  flags: number;
  /** 0: every page; else 1 + the index of its language in packLanguages(). */
  language: number;
}

/** At most this many languages per pack: an alias's language is one byte. */
export const MAX_PACK_LANGUAGES = 255;

/** The languages a pack names things in, sorted: alias language k is the (k - 1)-th. */
export function packLanguages(entities: readonly PackEntity[]): string[] {
  const codes = new Set<string>();
  for (const e of entities) for (const code of Object.keys(e.languages ?? {})) codes.add(code);
  const sorted = [...codes].sort();
  if (sorted.length > MAX_PACK_LANGUAGES) throw new IndexFormatError(`a pack can name things in at most ${MAX_PACK_LANGUAGES} languages, not ${sorted.length}`);
  return sorted;
}

/** Every matchable alias of every entity, folded; identical (entity, key, flags, language) entries appear once. */
export function collectAliases(entities: readonly PackEntity[], stopPhrases: readonly string[] = []): AliasEntry[] {
  const out: AliasEntry[] = [];
  const seen = new Set<string>();
  const languageOf = new Map(packLanguages(entities).map((code, i) => [code, i + 1]));
  const add = (text: string, entity: number, flags: number, language = 0): void => {
    const key = foldText(text).trim();
    if (key === '') return;
    const form = foldKeepCase(text).trim();
    const dedupe = `${entity}\u0001${flags}\u0001${language}\u0001${form}`;
    if (seen.has(dedupe)) return;
    seen.add(dedupe);
    out.push({ key, form, entity, flags, language });
  };
  entities.forEach((entity, i) => {
    // A name listed under a language is that language's, like the rest of its names (the World pack's English
    // names are not matched on French pages); otherwise it is matched on every page.
    const nameKey = foldText(entity.name).trim();
    const bound = Object.values(entity.languages ?? {}).some((local) => local.aliases?.some((a) => foldText(a).trim() === nameKey));
    if (!bound) add(entity.name, i, 0);
    for (const a of entity.aliases) add(a, i, 0);
    for (const a of entity.acronyms) add(a, i, ALIAS_EXACT_CASE);
    for (const a of entity.shortForms) add(a, i, ALIAS_SHORT_FORM);
    for (const a of entity.demonyms) add(a, i, ALIAS_DEMONYM);
    for (const [code, local] of Object.entries(entity.languages ?? {})) {
      const language = languageOf.get(code) ?? 0;
      for (const a of local.aliases ?? []) add(a, i, 0, language);
      for (const a of local.demonyms ?? []) add(a, i, ALIAS_DEMONYM, language);
    }
  });
  for (const phrase of stopPhrases) add(phrase, 0, ALIAS_STOP);
  return out;
}

export function buildTrieIndex(entities: readonly PackEntity[], stopPhrases: readonly string[] = []): TrieIndex {
  return buildTrieFromAliases(collectAliases(entities, stopPhrases));
}

export function buildTrieFromAliases(aliases: readonly AliasEntry[]): TrieIndex {
  // Build with Maps, then flatten breadth-first with children sorted by code unit.
  const children: Array<Map<number, number>> = [new Map<number, number>()];
  const terms: number[][] = [[]];
  aliases.forEach((alias, aliasIndex) => {
    let node = 0;
    for (let i = 0; i < alias.key.length; i++) {
      const code = alias.key.charCodeAt(i);
      const map = children[node] as Map<number, number>;
      let next = map.get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map<number, number>());
        terms.push([]);
        map.set(code, next);
      }
      node = next;
    }
    (terms[node] as number[]).push(aliasIndex);
  });

  const nodes = children.length;
  const order = new Uint32Array(nodes); // new id -> old id
  const newId = new Uint32Array(nodes);
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const old = order[head] as number;
    newId[old] = head++;
    const sorted = [...(children[old] as Map<number, number>).entries()].sort((a, b) => a[0] - b[0]);
    for (const [, child] of sorted) order[tail++] = child;
  }

  let edgeCount = 0;
  let termCount = 0;
  let terminalNodes = 0;
  for (let i = 0; i < nodes; i++) {
    edgeCount += (children[i] as Map<number, number>).size;
    termCount += (terms[i] as number[]).length;
    if ((terms[i] as number[]).length > 0) terminalNodes++;
  }
  const edgeStart = new Uint32Array(nodes + 1);
  const edgeChar = new Uint16Array(edgeCount);
  const blocks = (nodes + 31) >>> 5;
  const termBits = new Uint32Array(blocks);
  const termOffsets = new Uint32Array(terminalNodes + 1);
  const termAlias = new Uint32Array(termCount);
  let e = 0;
  let t = 0;
  let k = 0;
  for (let id = 0; id < nodes; id++) {
    const old = order[id] as number;
    edgeStart[id] = e;
    if ((terms[old] as number[]).length > 0) {
      termBits[id >>> 5] = ((termBits[id >>> 5] as number) | (1 << (id & 31))) >>> 0;
      termOffsets[k++] = t;
    }
    const sorted = [...(children[old] as Map<number, number>).entries()].sort((a, b) => a[0] - b[0]);
    for (const [code] of sorted) edgeChar[e++] = code;
    // Exact-case aliases first: when both an acronym and a name fold alike, the stricter one is tried first.
    const nodeTerms = [...(terms[old] as number[])].sort(
      (a, b) => ((aliases[b] as AliasEntry).flags & ALIAS_EXACT_CASE) - ((aliases[a] as AliasEntry).flags & ALIAS_EXACT_CASE) || a - b,
    );
    for (const alias of nodeTerms) termAlias[t++] = alias;
  }
  edgeStart[nodes] = e;
  termOffsets[terminalNodes] = t;

  const formStart = new Uint32Array(aliases.length + 1);
  aliases.forEach((a, k) => (formStart[k + 1] = (formStart[k] as number) + a.form.length));
  return withRootTable({
    nodes,
    edgeStart,
    edgeChar,
    termBits,
    termRank: rankBlocks(termBits),
    termOffsets,
    termAlias,
    aliasEntity: Uint32Array.from(aliases, (a) => a.entity),
    aliasFlags: Uint8Array.from(aliases, (a) => a.flags),
    aliasLanguage: Uint8Array.from(aliases, (a) => a.language),
    forms: aliases.map((a) => a.form).join(''),
    formStart,
    rootNext: new Uint32Array(0),
  });
}

/** Set bits in a 32-bit word. */
function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Terminal nodes before each block (and all of them at the end). */
export function rankBlocks(bits: Uint32Array): Uint32Array {
  const rank = new Uint32Array(bits.length + 1);
  for (let b = 0; b < bits.length; b++) rank[b + 1] = (rank[b] as number) + popcount(bits[b] as number);
  return rank;
}

/**
 * The node's place among terminal nodes (its aliases are termAlias[termOffsets[k]] up to
 * termAlias[termOffsets[k + 1]]), or -1 when it ends no alias.
 */
export function terminalOf(index: TrieIndex, node: number): number {
  const word = index.termBits[node >>> 5] as number;
  const bit = 1 << (node & 31);
  if ((word & bit) === 0) return -1;
  return (index.termRank[node >>> 5] as number) + popcount(word & (bit - 1));
}

export class IndexFormatError extends Error {}

/**
 * Checks that a decoded trie is consistent, so a damaged or hostile index can never make the matcher read
 * out of bounds: tight loops over typed arrays, linear in the index.
 */
export function checkTrie(index: TrieIndex, entityCount: number, languageCount = 0): void {
  const fail = (what: string): never => {
    throw new IndexFormatError(`index is inconsistent: ${what}`);
  };
  const { nodes, edgeStart, edgeChar, termBits, termRank, termOffsets, termAlias, aliasEntity, aliasFlags, aliasLanguage, formStart, forms } = index;
  if (!Number.isInteger(nodes) || nodes < 1) fail('node count');
  if (edgeStart.length !== nodes + 1 || termBits.length !== (nodes + 31) >>> 5) fail('node arrays have the wrong length');
  // Breadth-first: edge e leads to node e + 1, so there are nodes - 1 edges and node i's edges start at i or later.
  if (edgeChar.length !== nodes - 1 || edgeStart[nodes] !== edgeChar.length || edgeStart[0] !== 0) fail('edge arrays');
  // The ranks are derived from the bits when an index is built or decoded, never stored; the offsets must
  // rise and end at the alias list's end.
  if (termRank.length !== termBits.length + 1) fail('terminal ranks');
  const terminal = termRank[termBits.length] as number;
  if (termOffsets.length !== terminal + 1 || termOffsets[0] !== 0 || termOffsets[terminal] !== termAlias.length) fail('terminal arrays');
  for (let j = 0; j < terminal; j++) if ((termOffsets[j] as number) > (termOffsets[j + 1] as number)) fail(`terminals of terminal node ${j}`);
  const aliases = aliasEntity.length;
  if (aliasLanguage.length !== aliases) fail('alias languages');
  for (let a = 0; a < aliases; a++) if ((aliasLanguage[a] as number) > languageCount) fail('alias language out of range');
  if (aliasFlags.length !== aliases || formStart.length !== aliases + 1 || formStart[0] !== 0 || (formStart[aliases] as number) > forms.length) fail('alias arrays');
  for (let i = 0; i < nodes; i++) {
    const e = edgeStart[i] as number;
    if (e > (edgeStart[i + 1] as number) || (e < i && e !== (edgeStart[i + 1] as number))) fail(`edges of node ${i}`);
  }
  for (let t = 0; t < termAlias.length; t++) if ((termAlias[t] as number) >= aliases) fail('terminal alias out of range');
  for (let a = 0; a < aliases; a++) {
    if ((formStart[a] as number) > (formStart[a + 1] as number)) fail('alias forms');
    if ((aliasEntity[a] as number) >= entityCount && !((aliasFlags[a] as number) & ALIAS_STOP)) fail('alias entity out of range');
  }
}

/**
 * Adds the root's direct lookup table (not stored). It reaches only as far as the highest code unit a name
 * starts with (a few hundred entries for Latin names, not 65,536): every pack on a page holds one, and a code
 * past its end starts no name (the matcher reads it as 0).
 */
export function withRootTable(index: TrieIndex): TrieIndex {
  const start = index.edgeStart[0] ?? 0;
  const end = index.edgeStart[1] ?? 0;
  let highest = -1;
  for (let e = start; e < end; e++) highest = Math.max(highest, index.edgeChar[e] as number);
  const rootNext = new Uint32Array(highest + 1);
  for (let e = start; e < end; e++) rootNext[index.edgeChar[e] as number] = e + 2;
  return { ...index, rootNext };
}
