/**
 * Character folding for matching. Every UTF-16 code unit folds to exactly one code unit, so offsets in
 * folded text equal offsets in the page text and no normalised copy of the page is ever built.
 */
import wordChars from '../../generated/word-chars.json';

/** Hard separator between blocks of page text: never produced by HTML parsers, never part of a word. */
export const BLOCK_SEPARATOR = '\u0000';
const SPACE = 0x20;

/**
 * Invisible characters inside words (soft hyphen, zero-width space, joiners, word joiner, BOM): matching
 * steps over them, so "Zelen&shy;sky" is "Zelensky".
 */
const INVISIBLE = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
/**
 * Every code unit's class: 1 = word character, 2 = not, 3 = invisible. Words are filled from ranges generated
 * from the engine's `[\p{L}\p{N}\p{M}_]` (lib/kb/word-chars.ts says why not the pattern): a few hundred
 * native fills. Lone surrogates count as word characters so astral letters never open a boundary.
 */
const WORD = 1;
const INVISIBLE_CLASS = 3;
const charClass = new Uint8Array(0x10000).fill(2);
for (let r = 0; r + 1 < wordChars.ranges.length; r += 2) charClass.fill(WORD, wordChars.ranges[r], (wordChars.ranges[r + 1] as number) + 1);
charClass.fill(WORD, 0xd800, 0xe000);
for (const code of INVISIBLE) charClass[code] = INVISIBLE_CLASS;

/** Ranges whose letters can carry diacritics or case: Latin, Greek, Cyrillic, Latin Extended Additional. */
const FOLD_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0041, 0x005a],
  [0x00c0, 0x024f],
  [0x0370, 0x052f],
  [0x1e00, 0x1fff],
];

const SPACES = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
const APOSTROPHES = [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0x02b9, 0xff07];
const QUOTES = [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb, 0xff02];
const HYPHENS = [0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63, 0xff0d];

const SPACE_SET = new Set(SPACES);
const APOSTROPHE_SET = new Set(APOSTROPHES);
const QUOTE_SET = new Set(QUOTES);
const HYPHEN_SET = new Set(HYPHENS);

function foldOnce(c: number): number {
  if (FOLD_RANGES.some(([from, to]) => c >= from && c <= to)) return foldOne(c);
  if ((c >= 0x2000 && c <= 0x200a) || SPACE_SET.has(c)) return SPACE;
  if (APOSTROPHE_SET.has(c)) return 0x27;
  if (QUOTE_SET.has(c)) return 0x22;
  if (HYPHEN_SET.has(c)) return 0x2d;
  return c;
}

/** Folded again until it stays, so folding is idempotent: an NFD base can itself fold ("Ǿ" gives "ø", then "o"). */
function computeFold(c: number): number {
  let folded = foldOnce(c);
  for (let last = c, steps = 0; folded !== last && steps < 4; steps++) {
    last = folded;
    folded = foldOnce(folded);
  }
  return folded;
}

function foldOne(code: number): number {
  const ch = String.fromCharCode(code);
  // Letters whose base is not reachable by NFD (stroke, dotless i, ligature-like letters).
  const special = SPECIAL_BASES.get(ch);
  if (special !== undefined) return special.charCodeAt(0);
  const base = ch.normalize('NFD').charAt(0).toLowerCase();
  return base.length === 1 ? base.charCodeAt(0) : code;
}

const SPECIAL_BASES: ReadonlyMap<string, string> = new Map(
  Object.entries({ Ł: 'l', ł: 'l', Đ: 'd', đ: 'd', Ø: 'o', ø: 'o', ı: 'i', Ħ: 'h', ħ: 'h', Ŧ: 't', ŧ: 't', Ɨ: 'i', ƚ: 'l' }),
);

/**
 * Filled as code units are first seen (0 = not yet; only U+0000 folds to 0): a page meets a few hundred
 * distinct code units, so building all 65,536 entries up front would cost every page milliseconds.
 */
const foldTable = new Uint16Array(0x10000);

/** The folded code unit for one code unit of text. */
export function foldCode(code: number): number {
  const known = foldTable[code];
  if (known !== 0 || code === 0) return known ?? code;
  const folded = computeFold(code);
  foldTable[code] = folded;
  return folded;
}

/** An invisible character inside words (INVISIBLE): matching steps over it. */
export function isIgnorableCode(code: number): boolean {
  return charClass[code] === INVISIBLE_CLASS;
}

/** True for letters, digits, combining marks and underscore (and invisible characters): what a mention may not touch. */
export function isWordCode(code: number): boolean {
  const cls = charClass[code];
  return cls === WORD || cls === INVISIBLE_CLASS;
}

/**
 * Where words start in `text`: a word character whose last visible character before it is not one
 * (invisible characters are transparent, as in matching). One tight pass that every pack's matcher shares:
 * on a fresh page this loop runs before V8 has optimised anything, so it reads the class table directly and
 * calls nothing.
 */
export function wordStarts(text: string): number[] {
  const starts: number[] = [];
  let prevWord = false;
  for (let i = 0; i < text.length; i++) {
    const cls = charClass[text.charCodeAt(i)];
    if (cls === INVISIBLE_CLASS) continue;
    const word = cls === WORD;
    if (word && !prevWord) starts.push(i);
    prevWord = word;
  }
  return starts;
}

/** Folds a whole string: case, diacritics, look-alike punctuation, and whitespace runs to one space. */
export function foldText(text: string): string {
  let out = '';
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = foldCode(text.charCodeAt(i));
    if (code === SPACE) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else {
      out += String.fromCharCode(code);
      lastSpace = false;
    }
  }
  return out;
}

/** Folds diacritics, punctuation and whitespace but keeps letter case (used to check case rules). */
export function foldKeepCase(text: string): string {
  let out = '';
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const raw = text.charCodeAt(i);
    const code = foldCode(raw);
    if (code === SPACE) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    out += isUpperCode(raw) ? String.fromCharCode(code).toUpperCase() : String.fromCharCode(code);
  }
  return out;
}

/**
 * Letter case per code unit, found once per distinct unit as it is first met (bit 1: known, 2: upper case,
 * 4: has case at all): the matcher and the name rules ask it for every letter they read, and asking
 * String#toUpperCase each time allocated two strings per letter.
 */
const caseClass = new Uint8Array(0x10000);

function caseOf(code: number): number {
  const known = caseClass[code] ?? 0;
  if (known !== 0) return known;
  const ch = String.fromCharCode(code);
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  const bits = 1 | (ch !== lower && ch === upper ? 2 : 0) | (lower !== upper ? 4 : 0);
  caseClass[code] = bits;
  return bits;
}

export function isUpperCode(code: number): boolean {
  return (caseOf(code) & 2) !== 0;
}

/** Whether the code unit is a letter with an upper and a lower case. */
export function hasCase(code: number): boolean {
  return (caseOf(code) & 4) !== 0;
}
