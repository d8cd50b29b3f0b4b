/** npm run words (second part): writes generated/word-chars.json, the word-character ranges pages classify with (lib/kb/word-chars.ts). */
import { writeFileSync } from 'node:fs';
import { wordCharRanges } from '../lib/kb/word-chars';

export const WORD_CHARS_FILE = 'generated/word-chars.json';
const ranges = wordCharRanges();
writeFileSync(WORD_CHARS_FILE, `${JSON.stringify({ ranges })}\n`);
console.log(`words: ${ranges.length / 2} word-character ranges -> ${WORD_CHARS_FILE}`);
