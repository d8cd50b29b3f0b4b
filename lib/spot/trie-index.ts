/**
 * The matcher's index: a trie over folded alias text, flattened into typed arrays (CSR layout) so that it is
 * built once at knowledge-base build time and only decoded on a page.
 */
import type { PackEntity, PackIndex } from '../pack-format/types';
import { alignedBytes, base64FromBytes } from './base64';
import { foldKeepCase, foldText } from './fold';

export const INDEX_VERSION = 1;

export const ALIAS_EXACT_CASE = 1;
export const ALIAS_SHORT_FORM = 2;
export const ALIAS_DEMONYM = 4;
/** A stop phrase: wins as a longest match and is then dropped. Its entity index means nothing. */
export const ALIAS_STOP = 8;

export interface TrieIndex {
  nodes: number;
  edgeStart: Uint32Array;
  edgeChar: Uint16Array;
  edgeTarget: Uint32Array;
  termStart: Uint32Array;
  termAlias: Uint32Array;
  /** Index into the pack's entity list. */
  aliasEntity: Uint32Array;
  aliasFlags: Uint8Array;
  /** Each alias folded but with its case kept: checked against the page text at a trie hit. */
  aliasForms: string[];
  /** Direct child lookup for the root (the busiest node): code unit -> node + 1, 0 for none. */
  rootNext: Uint32Array;
}

export interface AliasEntry {
  key: string;
  form: string;
  entity: number;
  flags: number;
}

/** Every matchable alias of every entity, folded; identical (entity, key, flags) triples appear once. */
export function collectAliases(entities: readonly PackEntity[], stopPhrases: readonly string[] = []): AliasEntry[] {
  const out: AliasEntry[] = [];
  const seen = new Set<string>();
  const add = (text: string, entity: number, flags: number): void => {
    const key = foldText(text).trim();
    if (key === '') return;
    const form = foldKeepCase(text).trim();
    const dedupe = `${entity}\u0001${flags}\u0001${form}`;
    if (seen.has(dedupe)) return;
    seen.add(dedupe);
    out.push({ key, form, entity, flags });
  };
  entities.forEach((entity, i) => {
    add(entity.name, i, 0);
    for (const a of entity.aliases) add(a, i, 0);
    for (const a of entity.acronyms) add(a, i, ALIAS_EXACT_CASE);
    for (const a of entity.shortForms) add(a, i, ALIAS_SHORT_FORM);
    for (const a of entity.demonyms) add(a, i, ALIAS_DEMONYM);
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
  for (let i = 0; i < nodes; i++) {
    edgeCount += (children[i] as Map<number, number>).size;
    termCount += (terms[i] as number[]).length;
  }
  const edgeStart = new Uint32Array(nodes + 1);
  const edgeChar = new Uint16Array(edgeCount);
  const edgeTarget = new Uint32Array(edgeCount);
  const termStart = new Uint32Array(nodes + 1);
  const termAlias = new Uint32Array(termCount);
  let e = 0;
  let t = 0;
  for (let id = 0; id < nodes; id++) {
    const old = order[id] as number;
    edgeStart[id] = e;
    termStart[id] = t;
    const sorted = [...(children[old] as Map<number, number>).entries()].sort((a, b) => a[0] - b[0]);
    for (const [code, child] of sorted) {
      edgeChar[e] = code;
      edgeTarget[e] = newId[child] as number;
      e++;
    }
    // Exact-case aliases first: when both an acronym and a name fold alike, the stricter one is tried first.
    const nodeTerms = [...(terms[old] as number[])].sort(
      (a, b) => ((aliases[b] as AliasEntry).flags & ALIAS_EXACT_CASE) - ((aliases[a] as AliasEntry).flags & ALIAS_EXACT_CASE) || a - b,
    );
    for (const alias of nodeTerms) termAlias[t++] = alias;
  }
  edgeStart[nodes] = e;
  termStart[nodes] = t;

  const aliasEntity = Uint32Array.from(aliases, (a) => a.entity);
  const aliasFlags = Uint8Array.from(aliases, (a) => a.flags);
  return withRootTable({
    nodes,
    edgeStart,
    edgeChar,
    edgeTarget,
    termStart,
    termAlias,
    aliasEntity,
    aliasFlags,
    aliasForms: aliases.map((a) => a.form),
    rootNext: new Uint32Array(0),
  });
}

function withRootTable(index: TrieIndex): TrieIndex {
  const rootNext = new Uint32Array(0x10000);
  const end = index.edgeStart[1] ?? 0;
  for (let e = index.edgeStart[0] ?? 0; e < end; e++) {
    rootNext[index.edgeChar[e] as number] = (index.edgeTarget[e] as number) + 1;
  }
  return { ...index, rootNext };
}

const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export function serializeTrieIndex(index: TrieIndex): PackIndex {
  return {
    version: INDEX_VERSION,
    nodes: index.nodes,
    edgeStart: base64FromBytes(bytesOf(index.edgeStart)),
    edgeChar: base64FromBytes(bytesOf(index.edgeChar)),
    edgeTarget: base64FromBytes(bytesOf(index.edgeTarget)),
    termStart: base64FromBytes(bytesOf(index.termStart)),
    termAlias: base64FromBytes(bytesOf(index.termAlias)),
    aliasEntity: base64FromBytes(bytesOf(index.aliasEntity)),
    aliasFlags: base64FromBytes(bytesOf(index.aliasFlags)),
    aliasForms: index.aliasForms,
  };
}

export class IndexFormatError extends Error {}

/**
 * Decodes a precompiled index and checks that every array is consistent, so a damaged or hostile index can
 * never make the matcher read out of bounds or loop.
 */
export function loadTrieIndex(packed: PackIndex, entityCount: number): TrieIndex {
  if (packed.version !== INDEX_VERSION) {
    throw new IndexFormatError(`index version ${String(packed.version)} is not supported (expected ${INDEX_VERSION})`);
  }
  const index: TrieIndex = {
    nodes: packed.nodes,
    edgeStart: new Uint32Array(alignedBytes(packed.edgeStart)),
    edgeChar: new Uint16Array(alignedBytes(packed.edgeChar)),
    edgeTarget: new Uint32Array(alignedBytes(packed.edgeTarget)),
    termStart: new Uint32Array(alignedBytes(packed.termStart)),
    termAlias: new Uint32Array(alignedBytes(packed.termAlias)),
    aliasEntity: new Uint32Array(alignedBytes(packed.aliasEntity)),
    aliasFlags: new Uint8Array(alignedBytes(packed.aliasFlags)),
    aliasForms: packed.aliasForms,
    rootNext: new Uint32Array(0),
  };
  checkIndex(index, entityCount);
  return withRootTable(index);
}

function checkIndex(index: TrieIndex, entityCount: number): void {
  const fail = (what: string): never => {
    throw new IndexFormatError(`index is inconsistent: ${what}`);
  };
  const { nodes, edgeStart, edgeChar, edgeTarget, termStart, termAlias, aliasEntity, aliasFlags, aliasForms } = index;
  if (!Number.isInteger(nodes) || nodes < 1) fail('node count');
  if (edgeStart.length !== nodes + 1 || termStart.length !== nodes + 1) fail('node arrays have the wrong length');
  if (edgeChar.length !== edgeTarget.length || edgeStart[nodes] !== edgeChar.length) fail('edge arrays');
  if (termStart[nodes] !== termAlias.length) fail('terminal arrays');
  const aliases = aliasEntity.length;
  if (aliasFlags.length !== aliases || aliasForms.length !== aliases) fail('alias arrays');
  for (let i = 0; i < nodes; i++) {
    if ((edgeStart[i] as number) > (edgeStart[i + 1] as number)) fail(`edges of node ${i}`);
    if ((termStart[i] as number) > (termStart[i + 1] as number)) fail(`terminals of node ${i}`);
  }
  // Breadth-first numbering: every edge leads to a later node, so a walk always terminates.
  for (let i = 0; i < nodes; i++) {
    for (let e = edgeStart[i] as number; e < (edgeStart[i + 1] as number); e++) {
      const target = edgeTarget[e] as number;
      if (target <= i || target >= nodes) fail(`edge ${e}`);
    }
  }
  for (const alias of termAlias) if (alias >= aliases) fail('terminal alias out of range');
  for (let i = 0; i < aliases; i++) {
    if ((aliasEntity[i] as number) >= entityCount && !((aliasFlags[i] as number) & ALIAS_STOP)) fail('alias entity out of range');
  }
  for (const form of aliasForms) if (typeof form !== 'string') fail('alias form');
}
