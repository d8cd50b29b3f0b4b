/**
 * Stop phrases from compromise's lexicon: the multi-word names it knows (organisations, sports teams, people,
 * places) that contain one of a pack's names but are something else ("New York Jets", "Washington Wizards",
 * "USA Today", "Baja California"). They work in title-case headlines too, where capitalisation cannot tell a
 * longer name apart.
 */
import { lexicon as compromiseLexicon } from './nlp';
import type { PackEntity } from '../pack-format/types';
import { ALIAS_FIELDS } from '../pack-format/types';
import { foldText } from '../spot/fold';

const NAME_TAGS = /Organization|SportsTeam|Person|Place|City|Country|Region|ProperNoun/;
const LOWER_WORDS = new Set(['of', 'the', 'and', 'de', 'du', 'des', 'la', 'le', 'del', 'von', 'van', 'r']);

function titleCase(phrase: string): string {
  return phrase.split(' ').map((w, i) => (i > 0 && LOWER_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
}

export function lexiconStopPhrases(entities: readonly PackEntity[]): string[] {
  const names = new Set<string>();
  for (const e of entities) {
    names.add(foldText(e.name).trim());
    for (const field of ALIAS_FIELDS) for (const a of e[field]) names.add(foldText(a).trim());
  }
  const lexicon = compromiseLexicon();
  const out: string[] = [];
  for (const [phrase, tag] of Object.entries(lexicon)) {
    if (tag === undefined || !phrase.includes(' ') || !NAME_TAGS.test(Array.isArray(tag) ? tag.join(',') : tag)) continue;
    const folded = foldText(phrase).trim();
    if (names.has(folded)) continue;
    const words = folded.split(' ');
    // Contains one of the pack's names as whole words: every run of its words, looked up.
    let contains = false;
    for (let i = 0; i < words.length && !contains; i++) {
      for (let j = i + 1; j <= words.length && !contains; j++) contains = names.has(words.slice(i, j).join(' '));
    }
    if (contains) out.push(titleCase(phrase));
  }
  return out.sort();
}
