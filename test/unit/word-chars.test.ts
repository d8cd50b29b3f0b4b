import { describe, expect, it } from 'vitest';
import wordChars from '../../generated/word-chars.json';
import { isWordCharByPattern, wordCharRanges } from '../../lib/kb/word-chars';
import { isIgnorableCode, isWordCode } from '../../lib/spot/fold';

describe('word characters from generated ranges', () => {
  it('the generated file is what the engine says now (run npm run words when this fails)', () => {
    expect(wordChars.ranges).toEqual(wordCharRanges());
  });

  it('isWordCode agrees with [\\p{L}\\p{N}\\p{M}_] on every BMP code unit, ignorables and surrogates aside', () => {
    const disagree: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const expected = isIgnorableCode(code) || (code >= 0xd800 && code <= 0xdfff) || isWordCharByPattern(code);
      if (isWordCode(code) !== expected) disagree.push(code.toString(16));
    }
    expect(disagree).toEqual([]);
    // Spot checks that the comparison is not vacuous.
    expect(['A', 'é', 'ß', 'ж', '中', '٣', '_', '\u0301'].every((c) => isWordCode(c.charCodeAt(0)))).toBe(true);
    expect([' ', '.', '’', '—', '«', '€', '\u0000'].some((c) => isWordCode(c.charCodeAt(0)))).toBe(false);
  });
});
