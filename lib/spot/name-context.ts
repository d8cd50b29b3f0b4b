/**
 * Is a match a name of its own, or part of a longer name? A reader rejects "Washington" in "University of
 * Washington", "Denzel Washington" and "Washington Wizards", and "Trump" in "Melania Trump" or "Trump Jr.",
 * but keeps "President Trump", "Ukraine's NATO bid" and "U.S. Defense Secretary". Capitalisation carries the
 * signal in running text; in title-case or all-caps text it does not, so there only words that always extend
 * a name (institution and place words, name suffixes, given names) count. Word lists come from compromise's
 * lexicon at build time (generated/name-words.json); the connector and suffix words are grammar.
 */
import words from '../../generated/name-words.json';
import { hasCase, isUpperCode, isWordCode } from './fold';

const TITLES = new Set(words.titles);
const DESIGNATORS = new Set(words.designators);
const GIVEN_NAMES = new Set(words.givenNames);
const CALENDAR_WORDS = new Set(words.calendarWords);
/** Lowercase words that join the parts of institution names: "University of X", "Banque de X". */
const CONNECTORS = new Set(['of', 'de', 'du', 'des', 'del', 'della', 'di', 'da', 'van', 'von']);
/** Words after a name that make it another person's: "Trump Jr.". */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** How far a run of capitalised words after a match may reach a title ("U.S. Defense Secretary"). */
const TITLE_REACH = 3;
const SEGMENT_REACH = 240;

interface Word {
  start: number;
  end: number;
  /** Lowercased, without a trailing period. */
  key: string;
  capitalised: boolean;
  allCaps: boolean;
}

/** Letters and the apostrophes and hyphens inside words. */
const isLetter = (c: number): boolean => (isWordCode(c) && !(c >= 0x30 && c <= 0x39)) || c === 0x27 || c === 0x2019 || c === 0x2d;
const isSpace = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x09 || c === 0x202f;

function readWord(text: string, start: number, end: number): Word {
  const raw = text.slice(start, end);
  let letters = 0;
  let upper = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (hasCase(c)) {
      letters++;
      if (isUpperCode(c)) upper++;
    }
  }
  return { start, end, key: raw.toLowerCase().replace(/\.$/, ''), capitalised: isUpperCode(text.charCodeAt(start)), allCaps: letters >= 2 && upper === letters };
}

/** The word right before `at`, separated by spaces only (a period ends it: "Sen. Warren", "said. Romania"). */
function wordBefore(text: string, at: number): Word | null {
  let i = at;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  if (i === at || i === 0) return null;
  let end = i;
  if (text.charCodeAt(i - 1) === 0x2e) i--;
  let start = i;
  while (start > 0 && (isWordCode(text.charCodeAt(start - 1)) || /['’.-]/.test(text.charAt(start - 1)))) start--;
  if (start === i) return null;
  if (text.charCodeAt(end - 1) === 0x2e && !TITLES.has(text.slice(start, end - 1).toLowerCase())) end = -1;
  return end < 0 ? null : readWord(text, start, end);
}

/** The word right after `at`, separated by spaces only. */
function wordAfter(text: string, at: number): Word | null {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === at || i >= text.length || !isWordCode(text.charCodeAt(i))) return null;
  let end = i;
  while (end < text.length && (isWordCode(text.charCodeAt(end)) || /['’-]/.test(text.charAt(end)))) end++;
  if (text.charCodeAt(end) === 0x2e && NAME_SUFFIXES.has(text.slice(i, end).toLowerCase())) end++;
  return readWord(text, i, end);
}

/** True when nothing but opening punctuation stands between the word and the start of its sentence or block. */
function startsSentence(text: string, word: Word): boolean {
  let i = word.start;
  while (i > 0) {
    const ch = text.charAt(i - 1);
    // A citation mark between sentences ("… Island.[19] Early European maps"): look past it.
    if (ch === ']') {
      const open = text.lastIndexOf('[', i - 1);
      if (open >= 0 && i - open <= 8) {
        i = open;
        continue;
      }
    }
    if (ch === ' ' || ch === '\u00a0' || ch === '\t' || '“"‘\'([«'.includes(ch)) {
      i--;
      continue;
    }
    return ch === '\u0000' || ch === '\n' || '.!?:;…—–|•·'.includes(ch);
  }
  return true;
}

const isPossessive = (w: Word): boolean => /['’]s$/.test(w.key);

/**
 * Title case ("Romania Moves Fast on Drones") or all caps: most longer words are capitalised, so the case
 * of a neighbour says nothing. Judged on the block around the match.
 */
export function capitalisationIsUninformative(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < SEGMENT_REACH && text.charCodeAt(from - 1) !== 0) from--;
  let to = end;
  while (to < text.length && to - end < SEGMENT_REACH && text.charCodeAt(to) !== 0) to++;
  let long = 0;
  let capitalised = 0;
  // Words of four letters or more, and how many start with a capital: one pass, no copies.
  let wordStart = -1;
  for (let i = from; i <= to; i++) {
    const letter = i < to && isLetter(text.charCodeAt(i));
    if (letter && wordStart < 0) wordStart = i;
    else if (!letter && wordStart >= 0) {
      if (i - wordStart >= 4) {
        long++;
        if (isUpperCode(text.charCodeAt(wordStart))) capitalised++;
      }
      wordStart = -1;
    }
  }
  return long >= 3 && capitalised / long >= 0.75;
}

/** "President-elect", "ex-President": a title with a prefix or suffix is a title. */
function isTitle(w: Word): boolean {
  return TITLES.has(w.key) || w.key.split('-').some((part) => TITLES.has(part));
}

function nameWord(text: string, w: Word | null, uninformative: () => boolean): boolean {
  if (!w || !w.capitalised || isTitle(w) || isPossessive(w) || w.allCaps || CALENDAR_WORDS.has(w.key)) return false;
  if (GIVEN_NAMES.has(w.key) || DESIGNATORS.has(w.key)) return true;
  // At a sentence start, or in title case, any word is capitalised: only a known given name or an institution
  // word tells ("Eric Trump visited", but "Later Trump said").
  return !startsSentence(text, w) && !uninformative();
}

/** True when the match [start, end) is a proper part of a longer name, so not a mention of its entity. */
export function partOfLongerName(text: string, start: number, end: number, options: { country: boolean }): boolean {
  // Judged only when a capitalised neighbour makes it matter: most matches sit among lowercase words.
  let judged: boolean | undefined;
  const uninformative = (): boolean => (judged ??= capitalisationIsUninformative(text, start, end));
  const before = wordBefore(text, start);
  if (nameWord(text, before, uninformative)) return true;
  // "University of Washington", "State of New York" (a country stays itself: "President of Ukraine").
  if (!options.country && before && CONNECTORS.has(before.key) && !before.capitalised) {
    const head = wordBefore(text, before.start);
    if (head && head.capitalised && !isTitle(head) && (uninformative() ? DESIGNATORS.has(head.key) : !startsSentence(text, head) || DESIGNATORS.has(head.key))) return true;
  }
  const after = wordAfter(text, end);
  if (!after || !after.capitalised) return false;
  if (DESIGNATORS.has(after.key) || NAME_SUFFIXES.has(after.key)) return true;
  if (after.allCaps || isTitle(after) || uninformative()) return false;
  // A modifier before a title is not part of a name: "U.S. Defense Secretary", "Romanian Foreign Minister".
  let next: Word | null = after;
  for (let k = 1; k < TITLE_REACH && next && next.capitalised; k++) {
    next = wordAfter(text, next.end);
    if (next?.capitalised && isTitle(next)) return false;
  }
  return true;
}
