/**
 * What a card shows beyond an entity's name, kept apart from what pages load: one record per entity, with
 * the documents its sentences quote and its related entities' names, so one read answers one card. Records
 * keep the entity whole, so a pack can be rebuilt from them (export, migration) with nothing lost.
 */
import { groupNews, type NewsGroup } from '../pack-format/news-groups';
import type { EntityMap, KeyFact, KnowledgePack, PackDocument, PackEntity } from '../pack-format/types';
import type { EntityHead } from '../spot/loaded-pack';
import type { YouRead } from '../reading/reading-db';

/** A related entity as a card's chip shows it: its names by language let the chip speak the UI's. */
export interface RelatedHead extends EntityHead {
  names?: Record<string, string>;
}

export interface EntityRecord {
  packId: string;
  id: string;
  /** Its place in the pack's entity list. */
  order: number;
  entity: PackEntity;
  /** The documents the entity's sentences come from. */
  documents: PackDocument[];
  /** The related entities the pack knows, in the pack's order, with their names. */
  related: RelatedHead[];
}

/** The answer to a card's request for details. */
export interface EntityDetails {
  summary: string;
  /** An http(s) link for more, or ''. */
  url: string;
  facts: KeyFact[];
  news: NewsGroup[];
  related: RelatedHead[];
  /** A locator map (the World pack's), drawn by the card as inline SVG. */
  map?: EntityMap;
  /** The entity's name in each language the pack names it in ("fr": "Allemagne"): the card's title in the UI's. */
  names?: Record<string, string>;
  /** "You read": from the reader's own reading memory (added by the background, never from a pack). */
  youRead?: YouRead;
}

/** Quotes under "In the news"; the pack may hold hundreds. */
export const MAX_QUOTES = 3;

/** Every entity's record, in the pack's order. */
export function* entityRecords(pack: KnowledgePack): Generator<EntityRecord> {
  const documents = new Map(pack.documents.map((d) => [d.id, d]));
  const heads = new Map(pack.entities.map((e) => [e.id, e]));
  for (const [order, entity] of pack.entities.entries()) {
    const docIds = new Set(entity.sentences.map((s) => s.doc));
    yield {
      packId: pack.id,
      id: entity.id,
      order,
      entity,
      documents: [...docIds].flatMap((id) => documents.get(id) ?? []),
      related: entity.related.flatMap((r) => {
        const e = heads.get(r.id);
        return e ? [{ id: e.id, name: e.name, type: e.type, ...namesOf(e) }] : [];
      }),
    };
  }
}

export function detailsOf(record: EntityRecord): EntityDetails {
  const { entity } = record;
  return {
    summary: entity.summary,
    url: /^https?:\/\//i.test(entity.url) ? entity.url : '',
    facts: entity.facts,
    news: groupNews(entity.sentences, new Map(record.documents.map((d) => [d.id, d])), MAX_QUOTES),
    related: record.related,
    ...(entity.map ? { map: entity.map } : {}),
    ...namesOf(entity),
  };
}

/** The first name of each language the entity is named in (its common name; official ones follow it). */
export function namesOf(entity: PackEntity): { names?: Record<string, string> } {
  const names: Record<string, string> = {};
  for (const [language, local] of Object.entries(entity.languages ?? {})) {
    const first = local.aliases?.[0];
    if (first) names[language] = first;
  }
  return Object.keys(names).length > 0 ? { names } : {};
}

/**
 * One card from several packs' records of the same thing: the first record's summary (the others' when it
 * has none), every fact once by its label, the news of all, the related entities of the first only (a card
 * opens them in its own pack), and the first map any of them has.
 */
export function mergedDetails(first: EntityRecord, others: readonly EntityRecord[]): EntityDetails {
  const details = detailsOf(first);
  for (const other of others.map(detailsOf)) {
    if (details.summary === '') details.summary = other.summary;
    if (details.url === '') details.url = other.url;
    const labels = new Set(details.facts.map((f) => f.label.toLowerCase()));
    details.facts = [...details.facts, ...other.facts.filter((f) => !labels.has(f.label.toLowerCase()))];
    details.news = [...details.news, ...other.news];
    details.map ??= other.map;
    details.names ??= other.names;
  }
  return details;
}

/** A stored record read back: the shape a card relies on, so damaged storage gives "no details", not a crash. */
export function isEntityRecord(value: unknown): value is EntityRecord {
  const r = value as EntityRecord;
  if (typeof value !== 'object' || value === null || typeof r.id !== 'string' || !Array.isArray(r.documents) || !Array.isArray(r.related)) return false;
  const e = r.entity as PackEntity | undefined;
  return typeof e === 'object' && e !== null && typeof e.summary === 'string' && typeof e.url === 'string' && Array.isArray(e.facts) && Array.isArray(e.sentences);
}
