/**
 * The code units a mention may not touch (letters, digits, combining marks, underscore) as ranges, computed at
 * build time from the JS engine's own Unicode tables (scripts/word-chars.ts writes generated/word-chars.json).
 * Pages classify characters from these ranges: compiling a `\p{L}` pattern costs every page about a
 * millisecond, more than all the lookups it would answer.
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** Basic Multilingual Plane word characters as flat [first, last, first, last, ...] pairs; surrogates excluded. */
export function wordCharRanges(): number[] {
  const ranges: number[] = [];
  let start = -1;
  for (let code = 0; code <= 0x10000; code++) {
    const word = code < 0x10000 && !(code >= 0xd800 && code <= 0xdfff) && isWordCharByPattern(code);
    if (word && start < 0) start = code;
    if (!word && start >= 0) {
      ranges.push(start, code - 1);
      start = -1;
    }
  }
  return ranges;
}

/** Whether one code unit is a word character by the engine's pattern (for checking the generated ranges). */
export function isWordCharByPattern(code: number): boolean {
  return WORD_CHAR.test(String.fromCharCode(code));
}
