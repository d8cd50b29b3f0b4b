/** What compromise finds in a text: sentences, and names of people, places, organizations and quoted concepts. */
import { nlp as nlpUntyped } from './nlp';
import type { EntityType } from '../pack-format/types';

interface Selection {
  out(format: 'array'): unknown;
}
interface NlpDoc {
  sentences(): Selection;
  people(): Selection;
  places(): Selection;
  organizations(): Selection;
  quotations(): Selection;
}
// compromise's own types do not resolve under this project's module settings; this is the part we use.
const nlp = nlpUntyped as unknown as (text: string) => NlpDoc;

function strings(selection: Selection): string[] {
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

export function splitSentences(text: string): string[] {
  return strings(nlp(text).sentences())
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function extractCandidates(text: string): Candidate[] {
  const doc = nlp(text);
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
