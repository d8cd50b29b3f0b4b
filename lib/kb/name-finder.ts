/**
 * The names compromise finds in a parsed text, cleaned: people, places, organizations and quoted concepts.
 * No parser is imported here, so the build (Node) and reading memory (the extension) share it, each with its
 * own copy of compromise.
 */
import type { EntityType } from '../pack-format/types';

export interface Selection {
  out(format: 'array'): unknown;
}

/** The part of a compromise document the name finders use (compromise's own types do not resolve here). */
export interface NlpDoc {
  sentences(): Selection;
  people(): Selection;
  places(): Selection;
  organizations(): Selection;
  quotations(): Selection;
}
export function strings(selection: Selection): string[] {
  const value = selection.out('array');
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export interface Candidate {
  text: string;
  type: EntityType;
}

const TITLES = /^(?:(?:former|late|then|ex|acting|deputy|vice)[\s-]+)*(?:president|prime minister|minister|foreign minister|chancellor|king|queen|pope|judge|senator|governor|mayor|general|gen\.|sen\.|rep\.|dr\.?|mr\.?|mrs\.?|ms\.?|laureate|leader|leaders|opposition leader|opposition leaders)\s+/i;
const TRAILING = /(?:['’]s|['’])$/;

/** Trims what compromise keeps around a name: punctuation, possessives, titles, dangling little words. */
export function cleanCandidate(raw: string): string {
  let text = raw.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
  text = text.replace(TRAILING, '').replace(/[.,;:]+$/, (m) => (/\b[A-Z]\.[A-Z]\.?$/.test(text) ? m : ''));
  text = text.replace(TITLES, '');
  text = text.replace(/\s+(?:over|during|in|at|on|for|to|as|and|amid|after|before)$/i, '');
  return text.trim();
}

/** Names in a parsed document (the caller parses: the build in Node, reading memory in the extension). */
export function candidatesIn(doc: NlpDoc): Candidate[] {
  const out: Candidate[] = [];
  const push = (list: string[], type: EntityType): void => {
    for (const raw of list) {
      const clean = cleanCandidate(raw);
      // Single capitalised letters or lowercase fragments are tagging noise, not names.
      if (clean.length < 2 || !/^\p{Lu}/u.test(clean)) continue;
      out.push({ text: clean, type });
    }
  };
  push(strings(doc.people()), 'person');
  push(strings(doc.places()), 'place');
  push(strings(doc.organizations()), 'organization');
  const quoted = strings(doc.quotations())
    .map((q) => q.replace(/^["“”'‘’]+|["“”'‘’,.]+$/g, '').trim())
    // A quoted phrase of a few words is a coined term ("drone wall"); a long one is a quote.
    .filter((q) => q.split(/\s+/).length <= 4 && q.length >= 3);
  for (const q of quoted) out.push({ text: q, type: 'concept' });
  return out;
}
