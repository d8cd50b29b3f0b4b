/**
 * Seeded synthetic knowledge packs for benchmarks and scale tests: names built from syllables (people,
 * organisations with acronyms, places), each entity with a summary, a fact, quotes from documents and
 * related entities, so a pack of N entities weighs what an archive-built pack of N entities would.
 */
import { foldText } from '../lib/spot/fold';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type KnowledgePack, type PackDocument, type PackEntity } from '../lib/pack-format/types';

/** Deterministic pseudo-random numbers (mulberry32): every run builds the same pack. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ven', 'dor', 'sel', 'tu', 'nik', 'ba', 'ros', 'el', 'an', 'vi', 'kov', 'ster', 'mar', 'lin', 'ga', 'pe', 'zu', 'hal', 'ți', 'ăn', 'ös'];
const FIRST = ['Ana', 'Mihai', 'Elena', 'Jonas', 'Sofia', 'Karim', 'Lena', 'Pavel', 'Ines', 'Tomás', 'Yuki', 'Omar', 'Zofia', 'Liam', 'Nadia'];
const ORG = ['Institute', 'Council', 'Agency', 'Bank', 'Party', 'Group', 'Foundation', 'Ministry', 'Alliance', 'Fund'];

export function syllableWord(r: () => number, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export function blankEntity(id: string, name: string, type: PackEntity['type']): PackEntity {
  return { id, name, type, aliases: [], acronyms: [], shortForms: [], demonyms: [], summary: '', facts: [], url: '', sentences: [], related: [], headlines: [] };
}

/** The i-th synthetic entity's name fields (names may repeat; callers that need unique names skip repeats). */
export function syntheticEntity(r: () => number, i: number): PackEntity {
  const kind = i % 4;
  const id = `syn-${i}`;
  if (kind === 0) return blankEntity(id, `${FIRST[Math.floor(r() * FIRST.length)]} ${syllableWord(r, 2 + Math.floor(r() * 2))}`, 'person');
  if (kind === 1) return blankEntity(id, `${syllableWord(r, 2)} ${ORG[Math.floor(r() * ORG.length)]}`, 'organization');
  if (kind === 2) return blankEntity(id, syllableWord(r, 3), 'place');
  const e = blankEntity(id, `${syllableWord(r, 2)} ${syllableWord(r, 2)} ${ORG[Math.floor(r() * ORG.length)]}`, 'organization');
  e.acronyms = [Array.from({ length: 3 + Math.floor(r() * 3) }, () => String.fromCharCode(65 + Math.floor(r() * 26))).join('')];
  return e;
}

/**
 * A pack of `count` entities with unique names and details (summary, a fact, two quotes, three related).
 * `lean` keeps a 100,000-entity pack under the import limit (20 MB): a short summary, one related entity, and
 * a quote for every tenth entity.
 */
export function syntheticPack(count: number, id = `synthetic-${count}`, { lean = false }: { lean?: boolean } = {}): KnowledgePack {
  const r = rng(20251215 + count);
  const entities: PackEntity[] = [];
  const taken = new Set<string>();
  for (let i = 0; entities.length < count; i++) {
    const e = syntheticEntity(r, i);
    const keys = [e.name, ...e.acronyms].map((n) => foldText(n));
    if (keys.some((k) => taken.has(k))) continue;
    for (const k of keys) taken.add(k);
    entities.push(e);
  }
  const documents: PackDocument[] = Array.from({ length: Math.min(lean ? 2_000 : 20_000, Math.ceil(count / 5)) }, (_, d) => ({
    id: `d${d}`, title: `${syllableWord(r, 3)} talks resume as ${syllableWord(r, 2)} weighs its options`, kind: 'article',
    date: `2025-${String(1 + (d % 12)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`, source: `archive/${d}.txt`, site: 'example.org', url: `https://example.org/news/${d}`,
  }));
  entities.forEach((e, i) => {
    if (lean) {
      e.summary = `A ${e.type} named in the synthetic archive.`;
      e.related = [{ id: (entities[(i + 7919) % count] as PackEntity).id, weight: 1 }];
      if (i % 10 === 0) e.sentences.push({ doc: `d${i % documents.length}`, text: `Officials said ${e.name} would attend.`, marks: [[15, 15 + e.name.length]] });
      return;
    }
    e.summary = `${e.name} is a ${e.type} that appears in the synthetic archive; this line stands in for a summary of ordinary length.`;
    e.facts = [{ label: 'First seen', value: `${2000 + (i % 25)}` }];
    for (let q = 0; q < 2; q++) {
      const text = `Officials said ${e.name} would take part in the talks on ${syllableWord(r, 2)} next week, according to people familiar with the plans.`;
      const at = 'Officials said '.length;
      e.sentences.push({ doc: `d${(i * 2 + q) % documents.length}`, text, marks: [[at, at + e.name.length]] });
    }
    e.related = [1, 2, 3].map((k) => ({ id: (entities[(i + k * 7919) % count] as PackEntity).id, weight: 1 / k }));
  });
  return {
    format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, id, name: `Synthetic archive (${count.toLocaleString('en')} entities)`,
    version: '1', corpusDate: '2025-12-31', description: 'Generated for benchmarks and scale tests.', documents, entities,
  };
}

/** The pack as file text, without the empty lists a pack file may leave out (so a lean pack stays small). */
export function packFileText(pack: KnowledgePack): string {
  return JSON.stringify(pack, (key, value: unknown) => (key !== '' && Array.isArray(value) && value.length === 0 && key !== 'documents' && key !== 'entities' ? undefined : value));
}
