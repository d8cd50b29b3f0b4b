/** What the map step makes of one corpus document: the unit a shard writes and the merge step reads. */
import type { DocumentKind, EntityType } from '../pack-format/types';

export interface DocInput {
  /** Orders documents across shards: the file's path, then the document's place in it. */
  key: string;
  id: string;
  title: string;
  kind: DocumentKind;
  date: string;
  source: string;
  site: string;
  url: string;
  body: string;
}

/** A name compromise found, with the sentence it is in and the words around it. */
export interface Mined {
  text: string;
  type: EntityType;
  /** Index into the record's sentences. */
  s: number;
  /** Sentence text before the name (at most 80 characters) and after it (at most 120). */
  before: string;
  after: string;
}

export interface DocRecord extends Omit<DocInput, 'body'> {
  sentences: string[];
  mined: Mined[];
  /** ISO 639-1, by tinyld (the file's for a short document). */
  language: string;
  /** False when the text is not in a language compromise parses: nothing is mined from it. */
  parsed: boolean;
  /** Sentences too long to quote, cut into pieces (sentence-fit.ts). */
  cut: number;
}
