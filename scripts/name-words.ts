/** npm run words: writes generated/name-words.json from compromise's lexicon (see lib/kb/name-words.ts). */
import { writeFileSync } from 'node:fs';
import { nameWordsFromCompromise } from '../lib/kb/name-words';

export const NAME_WORDS_FILE = 'generated/name-words.json';
const words = nameWordsFromCompromise();
writeFileSync(NAME_WORDS_FILE, `${JSON.stringify(words)}\n`);
console.log(`words: ${words.titles.length} titles, ${words.designators.length} designators, ${words.givenNames.length} given names -> ${NAME_WORDS_FILE}`);
