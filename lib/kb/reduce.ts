/**
 * The merge step: document records (from one map run or many shards, in task order) become a pack, in three
 * streaming passes, so memory holds the name tables and not the corpus:
 *  1. names compromise found, with counts, documents, spellings, types and descriptions;
 *  2. how the corpus writes the names' words (lowercase or capitalised), acronyms the text defines, and the
 *     company spelling variants keep;
 *  3. after the gates and the joining of referents: the pack's own matcher finds every mention, with the
 *     page's precision rules, for sentences (newest first), headlines and relations (NPMI over documents).
 * The same records in the same order give the same bytes, however many shards made them.
 */
import { foldText } from '../spot/fold';
import { matchText, type RawMatch } from '../spot/match';
import { rejectMatch } from '../spot/context-rules';
import { loadPack } from '../spot/pack-index';
import { Checker, checkContextRules, isCalendarDate, validatePack } from '../pack-format/validate';
import { LIMITS, PACK_FORMAT, PACK_FORMAT_VERSION, type EntityType, type KnowledgePack, type PackDocument, type PackEntity } from '../pack-format/types';
import type { DocRecord } from './doc-record';
import { describe } from './describe';
import { datelineDate } from './dateline';
import { isCommonWords, isEmbedded, isGivenNameAlone, shapeReason, supported, type CaseCount, type RejectReason, type SupportRule } from './gates';
import { joinReferents, majority, type CandidateStats } from './referents';
import { npmiRelations } from './relations';
import { lexiconStopPhrases } from './lexicon-stops';
import { isAdjectiveLead } from './name-leads';

export interface ReduceOptions {
  meta: { id: string; name: string; version: string; description: string };
  /** Curated entries: they override mined names they share an alias with. */
  curated: PackEntity[];
  /** Mine new entities from what compromise finds (off: the curated entries only). */
  mine: boolean;
  support: SupportRule;
  /** Folded names never to create (reject.txt). */
  reject: ReadonlySet<string>;
  stopPhrases: readonly string[];
  contextRules?: unknown;
  rulesSource?: string;
}

export interface MinedEntityReport {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  documents: number;
  description: string;
  sample: string;
}

export interface ReduceReport {
  documents: number;
  sentences: number;
  /** Documents not in a language compromise parses: matched, not mined. */
  unparsed: number;
  /** Sentences cut into pieces to fit a card. */
  cutSentences: number;
  rejected: Map<RejectReason, Array<{ name: string; mentions: number }>>;
  entities: MinedEntityReport[];
}

export type RecordSource = () => AsyncIterable<DocRecord>;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const MAX_DESCRIPTIONS = 12;
const MAX_COMPANY = 400;
/** A name seen inside longer names more often than this is a fragment of them. */
const EMBEDDED_SHARE = 0.6;
const ACRONYM_DEFINITION = /((?:\p{Lu}[\p{L}'’-]+|of|the|for|and|on|de|du|des)(?:\s+(?:\p{Lu}[\p{L}'’-]+|of|the|for|and|on|de|du|des)){1,9})\s+\((\p{Lu}{2,8})\)/gu;
const SMALL_WORDS = new Set(['of', 'the', 'for', 'and', 'on', 'de', 'du', 'des']);

interface Described {
  text: string;
  count: number;
  sentence: string;
  doc: number;
}

interface Table extends CandidateStats {
  lastDoc: number;
  /** Mentions inside a longer name (gates.ts isEmbedded). */
  embedded: number;
  descriptions: Map<string, Described>;
}

/** The acronym a name's initials spell ("North Atlantic Treaty Organization" → "NATO"), small words skipped or kept. */
function initialsMatch(name: string, acronym: string): boolean {
  const words = name.split(/\s+/);
  const all = words.map((w) => w.charAt(0)).join('').toUpperCase();
  const big = words.filter((w) => !SMALL_WORDS.has(w)).map((w) => w.charAt(0)).join('').toUpperCase();
  return all.endsWith(acronym) || big.endsWith(acronym);
}

function slugId(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'entity';
}

/** A name's key in the tables: its folded spelling, one space between words. */
const candidateKey = (text: string): string => foldText(text.replace(/\s+/g, ' ')).trim();

const isAcronym = (form: string): boolean => /^\p{Lu}{2,8}$/u.test(form);

export async function reduceRecords(source: RecordSource, o: ReduceOptions): Promise<{ pack: KnowledgePack; report: ReduceReport }> {
  const rejected = new Map<RejectReason, Array<{ name: string; mentions: number }>>();
  const refuse = (reason: RejectReason, name: string, mentions: number): void => {
    rejected.set(reason, [...(rejected.get(reason) ?? []), { name, mentions }]);
  };

  // Pass 1: the names, and the documents.
  const table = new Map<string, Table>();
  const docs: PackDocument[] = [];
  const docDates: string[] = [];
  const docIds = new Set<string>();
  let sentenceCount = 0;
  let unparsed = 0;
  let cutSentences = 0;
  for await (const record of source()) {
    const d = docs.length;
    // A document that gave no date any other way may still have a dateline ("WASHINGTON, Dec. 3, 2025 —").
    const date = isCalendarDate(record.date) ? record.date : datelineDate(record.sentences.slice(0, 3).join(' '));
    let id = record.id;
    for (let k = 2; docIds.has(id); k++) id = `${record.id}-${k}`;
    docIds.add(id);
    docs.push({ id, title: record.title.slice(0, LIMITS.titleLength), kind: record.kind, date, source: record.source.slice(0, LIMITS.titleLength), ...(record.site ? { site: record.site.slice(0, LIMITS.titleLength) } : {}), ...(record.url ? { url: record.url } : {}) });
    docDates.push(date);
    sentenceCount += record.sentences.length;
    cutSentences += record.cut;
    if (!record.parsed) unparsed++;
    if (!o.mine) continue;
    for (const m of record.mined) {
      const text = m.text.replace(/\s+/g, ' ');
      const key = candidateKey(text);
      if (key === '') continue;
      let t = table.get(key);
      if (!t) {
        t = { key, forms: new Map(), types: new Map(), mentions: 0, documents: 0, lastDoc: -1, embedded: 0, descriptions: new Map() };
        table.set(key, t);
      }
      t.mentions++;
      if (isEmbedded(m.before, m.after, text, m.type === 'place' || m.type === 'organization' ? isAdjectiveLead : undefined)) t.embedded++;
      if (t.lastDoc !== d) {
        t.documents++;
        t.lastDoc = d;
      }
      t.forms.set(text, (t.forms.get(text) ?? 0) + 1);
      t.types.set(m.type, (t.types.get(m.type) ?? 0) + 1);
      const description = describe(m.before, m.after);
      if (description !== '') {
        const dk = foldText(description);
        const known = t.descriptions.get(dk);
        if (known) known.count++;
        else if (t.descriptions.size < MAX_DESCRIPTIONS) t.descriptions.set(dk, { text: description, count: 1, sentence: record.sentences[m.s] ?? '', doc: d });
      }
    }
  }

  // The gates that need only the name.
  const shaped = new Map<string, Table>();
  for (const [key, t] of table) {
    const name = majority(t.forms, byText) ?? key;
    const type = majority(t.types, byText) ?? 'thing';
    const reason = o.reject.has(key)
      ? 'listed in reject.txt'
      : (shapeReason(name) ?? (isGivenNameAlone(name, type) ? 'a given name alone' : t.embedded > t.mentions * EMBEDDED_SHARE ? 'part of a longer name' : null));
    if (reason) refuse(reason, name, t.mentions);
    else shaped.set(key, t);
  }

  // Pass 2: case counts for the names' words, acronym definitions, company of variant spellings.
  const words = new Map<string, CaseCount>();
  for (const key of shaped.keys()) for (const w of key.split(' ')) words.set(w, { lower: 0, capital: 0 });
  const acronyms = new Map<string, string>();
  const company = new Map<string, Set<string>>();
  const variantKeys = new Set([...shaped.keys()].filter((k) => k.length >= 6));
  if (o.mine) {
    for await (const record of source()) {
      for (const sentence of record.sentences) {
        let first = true;
        for (const m of sentence.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
          const w = m[0];
          const c = words.get(foldText(w));
          if (c && !first) {
            if (w === w.toLowerCase()) c.lower++;
            else c.capital++;
          }
          first = false;
        }
        if (sentence.includes('(')) {
          for (const m of sentence.matchAll(ACRONYM_DEFINITION)) {
            const long = (m[1] as string).replace(/^(?:the|of|for|and|on)\s+/i, '');
            const acronym = m[2] as string;
            if (initialsMatch(long, acronym) && !acronyms.has(foldText(acronym))) acronyms.set(foldText(acronym), foldText(long).trim());
          }
        }
      }
      const present = new Set(record.mined.map((m) => candidateKey(m.text)).filter((k) => shaped.has(k)));
      for (const k of present) {
        if (!variantKeys.has(k)) continue;
        const set = company.get(k) ?? new Set<string>();
        company.set(k, set);
        for (const other of present) if (set.size < MAX_COMPANY) set.add(other);
      }
    }
  }
  const common = new Map<string, Table>();
  for (const [key, t] of shaped) {
    const name = majority(t.forms, byText) ?? key;
    if (isCommonWords(name, words)) refuse('a common word (the corpus mostly writes it in lowercase)', name, t.mentions);
    else common.set(key, t);
  }

  // One entity per referent, then the support and curated gates on the joined names.
  const referents = joinReferents({ candidates: common, acronyms, company: (k) => company.get(k) });
  const used = new Set(referents.flatMap((r) => [...r.keys, ...r.shortKeys]));
  for (const key of common.keys()) if (!used.has(key)) refuse('a surname with no single full name', majority(common.get(key)?.forms ?? new Map(), byText) ?? key, common.get(key)?.mentions ?? 0);
  const claimed = new Set<string>();
  for (const e of o.curated) for (const form of [e.name, ...e.aliases, ...e.acronyms, ...e.shortForms, ...e.demonyms]) claimed.add(foldText(form).trim());
  const entities: PackEntity[] = o.curated.map((e) => ({ ...e, sentences: [], related: [], headlines: [] }));
  const descriptions: Array<Described | null> = entities.map(() => null);
  const usedIds = new Set(entities.map((e) => e.id));
  const mined: Array<{ mentions: number; documents: number }> = entities.map(() => ({ mentions: 0, documents: 0 }));
  const ordered = [...referents].sort((a, b) => b.mentions - a.mentions || byText(a.keys[0] as string, b.keys[0] as string));
  for (const r of ordered) {
    const name = majority(r.forms, byText) as string;
    if (!supported(r, o.support)) {
      refuse('seen too rarely', name, r.mentions);
      continue;
    }
    if ([...r.keys, ...r.shortKeys].some((k) => claimed.has(k))) {
      refuse('a curated entry covers it', name, r.mentions);
      continue;
    }
    const type = majority(r.types, byText) as EntityType;
    let id = slugId(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slugId(name)}-${n}`;
    usedIds.add(id);
    // One spelling per folded key: the most used.
    const nameKey = foldText(name).trim();
    const aliases: string[] = [];
    const acronymForms: string[] = [];
    for (const key of r.keys) {
      if (key === nameKey) continue;
      const form = majority(common.get(key)?.forms ?? new Map(), byText);
      if (!form) continue;
      if (isAcronym(form) && form.length === 2) acronymForms.push(form);
      else aliases.push(form);
    }
    const shortForms = r.shortKeys.map((k) => majority(common.get(k)?.forms ?? new Map(), byText)).filter((f): f is string => !!f);
    let best: Described | null = null;
    for (const key of [...r.keys, ...r.shortKeys]) {
      for (const d of common.get(key)?.descriptions.values() ?? []) if (!best || d.count > best.count) best = d;
    }
    entities.push({
      id, name: name.slice(0, LIMITS.nameLength), type,
      aliases: aliases.slice(0, LIMITS.aliasesPerEntity), acronyms: isAcronym(name) && name.length === 2 ? [] : acronymForms, shortForms, demonyms: [],
      summary: '', facts: [], url: '', sentences: [], related: [], headlines: [],
    });
    descriptions.push(best);
    mined.push({ mentions: r.mentions, documents: r.documents });
    for (const k of [...r.keys, ...r.shortKeys]) claimed.add(k);
  }
  // A person's surname is their short form ("Rutte" after "Mark Rutte"), when no other entity or person claims it.
  const surnameOwners = new Map<string, number>();
  for (const e of entities.slice(o.curated.length)) {
    const parts = e.name.split(' ');
    if (e.type !== 'person' || parts.length < 2) continue;
    const last = foldText(parts[parts.length - 1] as string);
    surnameOwners.set(last, (surnameOwners.get(last) ?? 0) + 1);
  }
  for (const e of entities.slice(o.curated.length)) {
    const parts = e.name.split(' ');
    const surname = parts[parts.length - 1] as string;
    const key = foldText(surname);
    if (e.type !== 'person' || parts.length < 2 || e.shortForms.length > 0 || surname.length < 3 || claimed.has(key) || surnameOwners.get(key) !== 1 || isCommonWords(surname, words) || isGivenNameAlone(surname, 'person')) continue;
    e.shortForms.push(surname);
    claimed.add(key);
  }
  // A two-letter capital name ("EU") is matched exactly as written, never as a word ("eu", "Eu").
  for (const e of entities) if (isAcronym(e.name) && e.name.length === 2 && !e.acronyms.includes(e.name) && o.curated.every((c) => c.id !== e.id)) e.acronyms.push(e.name);

  // Pass 3: every mention, by the pack's own matcher and the page's precision rules.
  const seenStops = new Set(o.stopPhrases.map((p) => foldText(p).trim()));
  const stops = [...o.stopPhrases, ...lexiconStopPhrases(entities).filter((p) => !seenStops.has(foldText(p).trim()))];
  const contextRules = o.contextRules === undefined ? undefined : checkContextRules(new Checker(o.rulesSource ?? 'context rules'), o.contextRules, new Set(entities.map((e) => e.id)));
  const loaded = loadPack({ ...o.meta, format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, corpusDate: '', documents: [], entities, stopPhrases: stops, ...(contextRules ? { contextRules } : {}) });
  const reject = (m: RawMatch, text: string): boolean => rejectMatch(loaded, m, text);
  const docCounts = entities.map(() => 0);
  const pairs = new Map<number, number>();
  const n = entities.length;
  const quoted: Array<Array<{ doc: number; order: number; text: string; marks: Array<[number, number]> }>> = entities.map(() => []);
  let d = 0;
  let order = 0;
  for await (const record of source()) {
    const seen = new Set<number>();
    const inDoc = new Set<number>();
    for (const sentence of record.sentences) {
      const marks = new Map<number, Array<[number, number]>>();
      for (const m of matchText(loaded.index, sentence, { demonyms: true, seen, reject })) {
        const list = marks.get(m.entity) ?? [];
        list.push([m.start, m.end]);
        marks.set(m.entity, list);
      }
      for (const [e, list] of marks) {
        inDoc.add(e);
        keepNewest(quoted[e] as Array<{ doc: number; order: number; text: string; marks: Array<[number, number]> }>, { doc: d, order: order++, text: sentence, marks: list }, docDates);
      }
    }
    const ids = [...inDoc].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i] as number;
      docCounts[a] = (docCounts[a] ?? 0) + 1;
      for (let k = i + 1; k < ids.length; k++) {
        const key = a * n + (ids[k] as number);
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
    if (record.kind === 'headline') for (const e of ids) (entities[e] as PackEntity).headlines.push((docs[d] as PackDocument).id);
    d++;
  }

  // Mined entities never matched in their own sentences are what the page would never highlight either.
  const keep = entities.map((e, i) => i < o.curated.length || (quoted[i]?.length ?? 0) > 0);
  const relations = npmiRelations({ documents: Math.max(1, docs.length), counts: docCounts, pairs, minTogether: docs.length >= 50 ? 2 : 1, limit: LIMITS.relatedPerEntity });
  const referenced = new Set<number>();
  entities.forEach((e, i) => {
    const list = (quoted[i] ?? []).sort((a, b) => byText(docDates[b.doc] ?? '', docDates[a.doc] ?? '') || a.order - b.order);
    e.sentences = list.map((q) => ({ doc: (docs[q.doc] as PackDocument).id, text: q.text, marks: q.marks }));
    for (const q of list) referenced.add(q.doc);
    e.related = (relations[i] ?? []).filter((r) => keep[r.other]).map((r) => ({ id: (entities[r.other] as PackEntity).id, weight: r.weight }));
    const described = descriptions[i];
    if (described && e.summary === '') {
      e.summary = described.text;
      const doc = docs[described.doc] as PackDocument;
      const where = [doc.title || doc.source, doc.date].filter((x) => x !== '').join(', ');
      e.facts = [{ label: 'Described in', value: clip(`“${described.sentence}” (${where})`, LIMITS.factLength) }];
    }
  });
  for (const [i, e] of entities.entries()) if (!keep[i]) refuse('never matched in its own sentences', e.name, mined[i]?.mentions ?? 0);
  const kept = entities.filter((_, i) => keep[i]);
  const docIndex = new Map(docs.map((doc, i) => [doc.id, i]));
  for (const e of kept) for (const h of e.headlines) referenced.add(docIndex.get(h) ?? -1);
  const documents = docs.filter((_, i) => referenced.has(i)).slice(-LIMITS.documents);

  const pack: KnowledgePack = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: o.meta.id,
    name: o.meta.name,
    version: o.meta.version,
    corpusDate: docDates.reduce((a, b) => (b > a ? b : a), ''),
    description: o.meta.description,
    documents,
    entities: kept,
    ...(stops.length > 0 ? { stopPhrases: stops.slice(0, LIMITS.stopPhrases) } : {}),
    ...(contextRules && contextRules.length > 0 ? { contextRules } : {}),
  };
  validatePack(JSON.parse(JSON.stringify(pack)), `pack "${o.meta.id}"`);
  const report: ReduceReport = {
    documents: docs.length,
    sentences: sentenceCount,
    unparsed,
    cutSentences,
    rejected,
    entities: kept.slice(o.curated.length).map((e) => {
      const i = entities.indexOf(e);
      return { id: e.id, name: e.name, type: e.type, mentions: mined[i]?.mentions ?? 0, documents: docCounts[i] ?? 0, description: e.summary, sample: e.sentences[0]?.text ?? '' };
    }),
  };
  return { pack, report };
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Keeps an entity's newest LIMITS.sentencesPerEntity sentences while streaming (documents in any date order). */
function keepNewest(list: Array<{ doc: number; order: number; text: string; marks: Array<[number, number]> }>, item: { doc: number; order: number; text: string; marks: Array<[number, number]> }, dates: readonly string[]): void {
  if (list.length < LIMITS.sentencesPerEntity) {
    list.push(item);
    return;
  }
  // Full: replace the oldest when this one is newer (ties keep the earlier sentence).
  let oldest = 0;
  for (let i = 1; i < list.length; i++) {
    const a = list[i] as { doc: number; order: number };
    const b = list[oldest] as { doc: number; order: number };
    if (byText(dates[a.doc] ?? '', dates[b.doc] ?? '') < 0 || (dates[a.doc] === dates[b.doc] && a.order > b.order)) oldest = i;
  }
  const o = list[oldest] as { doc: number };
  if (byText(dates[item.doc] ?? '', dates[o.doc] ?? '') > 0) list[oldest] = item;
}
