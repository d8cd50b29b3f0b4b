/** What compromise finds in a text: sentences, and names of people, places, organizations and quoted concepts. */
import { nlp as nlpUntyped } from './nlp';
import { candidatesIn, strings, type Candidate, type NlpDoc } from './name-finder';

export { cleanCandidate, type Candidate } from './name-finder';

// compromise's own types do not resolve under this project's module settings; this is the part we use.
const nlp = nlpUntyped as unknown as (text: string) => NlpDoc;

export function splitSentences(text: string): string[] {
  return strings(nlp(text).sentences())
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function extractCandidates(text: string): Candidate[] {
  return candidatesIn(nlp(text));
}

