/**
 * What the corpus says an entity is, from the two ways news writes it: a title before the name ("Foreign
 * Minister Oana Toiu", "Romania's foreign minister Oana Toiu") and an appositive after it ("Oana Toiu,
 * Romania's foreign minister, said"). Title words are compromise's (generated/name-words.json), so no list of
 * jobs is typed here. Each description keeps the sentence it came from.
 */
import nameWords from '../../generated/name-words.json';

const TITLES = new Set(nameWords.titles.map((t) => t.toLowerCase().replace(/\.$/, '')));
const MAX_TITLE_WORDS = 5;
const LEADING = /^(?:the|a|an|then|and|but|by|with|said|says|of|for|to|in|on|at)$/i;
const INNER = new Set(['of', 'for', 'and', 'the']);
const APPOSITIVE = /^,\s+((?:the|a|an|\p{Lu}[\p{L}.'’-]*['’]s)\s[^,.;:()"“”!?]{2,90}?),/u;
const NOT_APPOSITIVE = /\b(?:said|says|told|who|whom|which|whose|when|where|while|because|if|was|is|are|were|has|had|have|will|would)\b/i;
const MAX_APPOSITIVE_WORDS = 12;

/** A title word from compromise's lexicon ("President", "minister", "Sen."), whatever its case or trailing stop. */
export const isTitle = (word: string): boolean => TITLES.has(word.toLowerCase().replace(/[.,]$/, ''));
const capitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
const possessive = (word: string): boolean => /^\p{Lu}[\p{L}.-]*['’]s$/u.test(word);

/** "Foreign Minister", "U.S. Defense Secretary", "Romania's foreign minister": the title right before a name. */
export function titleBefore(before: string): string {
  if (/[,;:(]\s*$/.test(before)) return '';
  const words = before.trimEnd().split(/\s+/).filter((w) => w !== '');
  const last = words[words.length - 1];
  if (!last || !isTitle(last)) return '';
  let from = words.length - 1;
  if (capitalised(last)) {
    // "U.S. Defense Secretary", "Secretary-General", "Chief of Staff": capitalised words, "of" between them.
    for (let i = words.length - 2; i >= 0 && words.length - i <= MAX_TITLE_WORDS; i--) {
      const w = words[i] as string;
      if (/[!?,;:"“”)]$/.test(w) || (/\.$/.test(w) && !/^(?:\p{Lu}\.)+$/u.test(w))) break;
      if (possessive(w)) {
        from = i;
        break;
      }
      if (capitalised(w) && !LEADING.test(w)) from = i;
      else if (!INNER.has(w)) break;
    }
  } else {
    // A lowercase title counts only behind a possessive: "Romania's foreign minister".
    let i = words.length - 2;
    while (i >= 0 && words.length - i <= 4 && /^\p{Ll}[\p{Ll}-]*$/u.test(words[i] as string) && !LEADING.test(words[i] as string)) i--;
    if (i < 0 || !possessive(words[i] as string)) return '';
    from = i;
  }
  const phrase = words.slice(from);
  while (phrase.length > 1 && INNER.has(phrase[0] as string)) phrase.shift();
  return phrase.join(' ');
}

/** "Romania's foreign minister" in "Oana Toiu, Romania's foreign minister, said". */
export function appositiveAfter(after: string): string {
  const m = APPOSITIVE.exec(after);
  if (!m) return '';
  const phrase = (m[1] as string).trim();
  const words = phrase.split(/\s+/);
  if (words.length < 2 || words.length > MAX_APPOSITIVE_WORDS || NOT_APPOSITIVE.test(phrase)) return '';
  // A description has a common noun in it ("foreign minister", "head"); "the Cook Islands" is a list item.
  if (!words.some((w) => /^\p{Ll}{3,}$/u.test(w) && !LEADING.test(w))) return '';
  return phrase;
}

/** The description a mention gives its entity, or '' when it gives none. */
export function describe(before: string, after: string): string {
  const text = appositiveAfter(after) || titleBefore(before);
  // An honorific alone ("Mr", "Dr") says nothing about who it is.
  if (text.length < 4) return '';
  return text === '' ? '' : text.charAt(0).toUpperCase() + text.slice(1);
}
