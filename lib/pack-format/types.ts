/** The knowledge-pack format, version 1. docs/knowledge-pack.md describes it for people. */
import { LANGUAGE_CODE } from './language-code';

export const PACK_FORMAT = 'backstory-pack';
export const PACK_FORMAT_VERSION = 1;

export const ENTITY_TYPES = [
  'person',
  'country',
  'city',
  'region',
  'place',
  'organization',
  'concept',
  'event',
  'thing',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const DOCUMENT_KINDS = ['article', 'headline'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface PackDocument {
  id: string;
  /** The article's headline; empty when the text has none (a card then says "Article" and the date). */
  title: string;
  kind: DocumentKind;
  /** ISO date (YYYY-MM-DD), a month (YYYY-MM), or empty when the text gives none. */
  date: string;
  /** The corpus file it came from (for the pack's author, not shown on cards). */
  source: string;
  /** Where it was published ("Reuters", "lemonde.fr"), shown beside the title. */
  site?: string;
  /** An http(s) link to the article; a card links its title there. */
  url?: string;
}

export interface KeyFact {
  label: string;
  /** In the pack's own words (English for the bundled packs): what a card shows where `data` cannot be written. */
  value: string;
  /** What the value says, as codes and numbers a card writes in the reader's language (lib/i18n/fact-value.ts). */
  data?: FactData;
}

/**
 * A fact's value as data: an area in km², ISO 639 language codes, ISO 4217 currency codes, or ISO 3166-1
 * alpha-2 country codes. The browser's Intl names each in the UI language ("roumain", "leu roumain").
 */
export type FactData =
  | { kind: 'area'; km2: number }
  | { kind: 'languages'; codes: string[] }
  | { kind: 'currencies'; codes: string[] }
  | { kind: 'countries'; codes: string[] };

export const FACT_DATA_CODES: Readonly<Record<Exclude<FactData['kind'], 'area'>, RegExp>> = {
  languages: LANGUAGE_CODE,
  currencies: /^[A-Z]{3}$/,
  countries: /^[A-Z]{2}$/,
};

/** One corpus sentence that mentions the entity; `marks` are [start, end) offsets of the mentions in `text`. */
export interface EntitySentence {
  doc: string;
  text: string;
  marks: Array<[number, number]>;
}

export interface RelatedEntity {
  id: string;
  weight: number;
}

/** The fields that name an entity on a page, each matched by its own rule (see PackEntity). */
export const ALIAS_FIELDS = ['aliases', 'acronyms', 'shortForms', 'demonyms'] as const;
export type AliasField = (typeof ALIAS_FIELDS)[number];

/** Names in one language, matched only on pages in that language (see PackEntity.languages). */
export interface LocalNames {
  aliases?: string[];
  demonyms?: string[];
}

/**
 * A locator map drawn at build time: SVG path data in a `viewBox` of its own. `land` is the region around,
 * `focus` the entity's own outline (empty for a place shown as a dot), `dot` a point such as a capital.
 */
export interface EntityMap {
  viewBox: string;
  land: string;
  focus: string;
  dot?: [number, number];
  /** What the map shows, for readers who cannot see it ("Romania in Southeast Europe; Bucharest marked"). */
  alt: string;
}

export interface PackEntity {
  id: string;
  name: string;
  type: EntityType;
  /** Names matched in the capitalisation they are written in (words written capitalised must be capitalised). */
  aliases: string[];
  /** Matched only exactly as written (US, UN, EU): for acronyms that are also common words. */
  acronyms: string[];
  /** Matched only after a full name of the same entity appeared earlier on the page (a surname alone). */
  shortForms: string[];
  /** Adjectives that point to the entity (Polish for Poland); capitalised only; a setting turns them off. */
  demonyms: string[];
  summary: string;
  facts: KeyFact[];
  url: string;
  sentences: EntitySentence[];
  related: RelatedEntity[];
  headlines: string[];
  /**
   * Names by page language (ISO 639-1 code, "fr"): "Roumanie" is matched only on pages in French. The fields
   * above are matched on every page.
   */
  languages?: Record<string, LocalNames>;
  /**
   * Identities shared with entities of other packs ("iso:ROU"): a card shows one entity, with what every
   * enabled pack says about it.
   */
  sameAs?: string[];
  map?: EntityMap;
}

/**
 * The matcher's trie as version 0.1 wrote it into pack files (base64 of typed arrays). Still accepted in a file
 * and checked by the validator, then ignored: pages use the index built at import (lib/spot/pack-index.ts).
 */
export interface PackIndex {
  version: number;
  nodes: number;
  edgeStart: string;
  edgeChar: string;
  edgeTarget: string;
  termStart: string;
  termAlias: string;
  aliasEntity: string;
  aliasFlags: string;
  aliasForms: string[];
}

/**
 * When a name is not its entity, by the words right around it: "70.2% European" is an ancestry, "US$" a
 * currency, "State of New York" the state. A rule applies to the entities it names and/or of the types it
 * lists (all entities when it gives neither), to the name fields it lists (all when none; "aliases" covers
 * the entity's name too), and rejects a mention right after any `notAfter` phrase or right before any
 * `notBefore` phrase (compared like names: case, accents and spacing folded).
 */
export interface ContextRule {
  types?: EntityType[];
  entities?: string[];
  fields?: AliasField[];
  notAfter?: string[];
  notBefore?: string[];
}

export interface KnowledgePack {
  format: typeof PACK_FORMAT;
  formatVersion: number;
  id: string;
  name: string;
  version: string;
  corpusDate: string;
  description: string;
  documents: PackDocument[];
  entities: PackEntity[];
  /**
   * Names that contain an entity's name but are not about it ("Washington Post", "New York Times"): matched
   * like aliases, so the longest match wins, and never highlighted.
   */
  stopPhrases?: string[];
  contextRules?: ContextRule[];
  index?: PackIndex;
}

export const LIMITS = {
  entities: 100_000,
  documents: 20_000,
  aliasesPerEntity: 200,
  sentencesPerEntity: 200,
  relatedPerEntity: 100,
  factsPerEntity: 30,
  codesPerFact: 50,
  idLength: 120,
  nameLength: 200,
  aliasLength: 120,
  summaryLength: 2_000,
  sentenceLength: 2_000,
  factLength: 300,
  urlLength: 2_000,
  titleLength: 500,
  descriptionLength: 2_000,
  stopPhrases: 10_000,
  contextRules: 1_000,
  contextPhrases: 50,
  contextPhraseLength: 60,
  packBytes: 20 * 1024 * 1024,
} as const;
