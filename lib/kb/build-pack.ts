/**
 * Builds a knowledge pack from corpus documents: sentences that mention each entity, co-occurrence relations,
 * headlines, and the matcher's precompiled index. Deterministic: same input, same output.
 */
import { foldText } from '../spot/fold';
import { matchText, type RawMatch } from '../spot/match';
import { rejectMatch } from '../spot/context-rules';
import type { TrieIndex } from '../spot/trie-index';
import { loadPack } from '../spot/pack-index';
import { Checker, checkContextRules, validatePack } from '../pack-format/validate';
import { LIMITS, PACK_FORMAT, PACK_FORMAT_VERSION, type EntityType, type KnowledgePack, type PackEntity } from '../pack-format/types';
import { extractCandidates, splitSentences, type Candidate } from './candidates';
import { lexiconStopPhrases } from './lexicon-stops';
import type { CorpusDocument } from './corpus';

export interface PackMeta {
  id: string;
  name: string;
  version: string;
  description: string;
}

export interface BuildReport {
  documents: number;
  sentences: number;
  /** Names compromise found that no entity covers, with how often they occur. */
  uncovered: Array<{ text: string; type: EntityType; count: number }>;
  /** Entities the corpus never mentions. */
  unmentioned: string[];
}

export interface BuildResult {
  pack: KnowledgePack;
  report: BuildReport;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function buildPack(
  meta: PackMeta,
  documents: readonly CorpusDocument[],
  curated: PackEntity[] | null,
  stopPhrases: readonly string[] = [],
  rawContextRules?: unknown,
  rulesSource = 'context rules',
): BuildResult {
  const docSentences = documents.map((doc) => (doc.kind === 'headline' ? [doc.body] : splitSentences(doc.body)));
  const candidates = documents.map((doc) => extractCandidates(doc.body));
  const entities = curated ? curated.map((e) => ({ ...e })) : entitiesFromCandidates(candidates.flat());
  entities.sort((a, b) => byText(a.id, b.id));
  // The author's stop phrases, and the longer names compromise knows that contain a name of this pack.
  const seenStops = new Set(stopPhrases.map((p) => foldText(p).trim()));
  const stops = [...stopPhrases, ...lexiconStopPhrases(entities).filter((p) => !seenStops.has(foldText(p).trim()))];
  const contextRules = rawContextRules === undefined ? undefined : checkContextRules(new Checker(rulesSource), rawContextRules, new Set(entities.map((e) => e.id)));
  // The pack's sentences are found with the page's own precision rules, so a card never quotes a sentence
  // about the University of Washington as one about Washington, D.C.
  const loaded = loadPack({ ...meta, format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, corpusDate: '', documents: [], entities, stopPhrases: stops, ...(contextRules ? { contextRules } : {}) });
  const index = loaded.index;
  const reject = (m: RawMatch, text: string): boolean => rejectMatch(loaded, m, text);

  const pairs = new Map<string, number>();
  let sentenceCount = 0;
  documents.forEach((doc, d) => {
    const seen = new Set<number>();
    const inDoc = new Set<number>();
    for (const sentence of docSentences[d] ?? []) {
      sentenceCount++;
      const marks = new Map<number, Array<[number, number]>>();
      for (const m of matchText(index, sentence, { demonyms: true, seen, reject })) {
        const list = marks.get(m.entity) ?? [];
        list.push([m.start, m.end]);
        marks.set(m.entity, list);
      }
      for (const [e, list] of marks) {
        const entity = entities[e] as PackEntity;
        if (entity.sentences.length < LIMITS.sentencesPerEntity) entity.sentences.push({ doc: doc.id, text: sentence, marks: list });
        inDoc.add(e);
      }
      const ids = [...marks.keys()].sort((a, b) => a - b);
      for (let i = 0; i < ids.length; i++) {
        for (let k = i + 1; k < ids.length; k++) {
          const key = `${ids[i]}:${ids[k]}`;
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
      }
    }
    if (doc.kind === 'headline') for (const e of [...inDoc].sort((a, b) => a - b)) (entities[e] as PackEntity).headlines.push(doc.id);
  });
  addRelations(entities, pairs);

  const pack: KnowledgePack = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: meta.id,
    name: meta.name,
    version: meta.version,
    corpusDate: documents.map((d) => d.date).reduce((a, b) => (b > a ? b : a), ''),
    description: meta.description,
    documents: documents.map(({ id, title, kind, date, source }) => ({ id, title, kind, date, source })),
    entities,
    ...(stops.length > 0 ? { stopPhrases: stops } : {}),
    ...(contextRules && contextRules.length > 0 ? { contextRules } : {}),
  };
  validatePack(JSON.parse(JSON.stringify(pack)), `pack "${meta.id}"`);
  return {
    pack,
    report: {
      documents: documents.length,
      sentences: sentenceCount,
      uncovered: uncoveredCandidates(index, candidates.flat()),
      unmentioned: entities.filter((e) => e.sentences.length === 0).map((e) => e.id),
    },
  };
}

function addRelations(entities: PackEntity[], pairs: Map<string, number>): void {
  const related = entities.map(() => new Map<number, number>());
  for (const [key, weight] of pairs) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    related[a]?.set(b, weight);
    related[b]?.set(a, weight);
  }
  const top = related.map((map) =>
    [...map.entries()]
      .sort((x, y) => y[1] - x[1] || byText((entities[x[0]] as PackEntity).id, (entities[y[0]] as PackEntity).id))
      .slice(0, LIMITS.relatedPerEntity),
  );
  const kept = top.map((list) => new Set(list.map(([e]) => e)));
  // Keep a relation only when it survived the cut on both sides, so relations stay symmetric.
  top.forEach((list, a) => {
    (entities[a] as PackEntity).related = list
      .filter(([b]) => kept[b]?.has(a))
      .map(([b, weight]) => ({ id: (entities[b] as PackEntity).id, weight }));
  });
}

function uncoveredCandidates(index: TrieIndex, candidates: readonly Candidate[]): BuildReport['uncovered'] {
  const all = new Set<number>(Array.from({ length: index.aliasEntity.length }, (_, i) => index.aliasEntity[i] as number));
  const counts = new Map<string, { text: string; type: EntityType; count: number }>();
  for (const c of candidates) {
    if (matchText(index, c.text, { demonyms: true, seen: new Set(all) }).length > 0) continue;
    const key = `${c.type}:${foldText(c.text)}`;
    const entry = counts.get(key) ?? { text: c.text, type: c.type, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || byText(a.text, b.text));
}

function slugId(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'entity';
}

/** Entities for a corpus without curated entries: one per name compromise found, merged by folded spelling. */
export function entitiesFromCandidates(candidates: readonly Candidate[]): PackEntity[] {
  const groups = new Map<string, { forms: Map<string, number>; types: Map<EntityType, number> }>();
  for (const c of candidates) {
    const key = foldText(c.text);
    const g = groups.get(key) ?? { forms: new Map(), types: new Map() };
    g.forms.set(c.text, (g.forms.get(c.text) ?? 0) + 1);
    g.types.set(c.type, (g.types.get(c.type) ?? 0) + 1);
    groups.set(key, g);
  }
  const most = <K>(map: Map<K, number>, order: (a: K, b: K) => number): K =>
    [...map.entries()].sort((a, b) => b[1] - a[1] || order(a[0], b[0]))[0]?.[0] as K;
  const keys = [...groups.keys()].sort(byText);
  const usedIds = new Set<string>();
  const claimed = new Set<string>(keys);
  const entities: PackEntity[] = [];
  for (const key of keys) {
    const g = groups.get(key)!;
    const name = most(g.forms, byText);
    const type = most(g.types, byText);
    let id = slugId(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slugId(name)}-${n}`;
    usedIds.add(id);
    const words = name.split(/\s+/);
    const surname = words.length > 1 ? (words[words.length - 1] as string) : '';
    const shortForms = type === 'person' && surname.length > 2 && !claimed.has(foldText(surname)) ? [surname] : [];
    for (const s of shortForms) claimed.add(foldText(s));
    entities.push({
      id, name, type, aliases: [], acronyms: [], shortForms, demonyms: [], summary: '', facts: [], url: '',
      sentences: [], related: [], headlines: [],
    });
  }
  return entities;
}
