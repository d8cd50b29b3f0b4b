/**
 * Words compromise leaves out at the start of a name: its lexicon knows them only as adjectives ("New",
 * "South", "Royal", "Great"), so "the New South Wales government" gives "South Wales". Before a place or an
 * organisation found in the text, such a word, capitalised where a sentence does not start, says the name
 * was cut short (gates.ts isEmbedded).
 */
import { lexicon } from './nlp';

export function isAdjectiveLead(word: string): boolean {
  return lexicon()[word.toLowerCase()] === 'Adjective';
}
