/**
 * compromise, loaded once for every build module. Its single-file CommonJS build loads in about a third of
 * the time of its ESM source graph (146 ms against 433 ms here), and every map worker and the merge step pay
 * that on start; one loader also means one instance, so a plugin (compromise-dates) and the lexicon are shared.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

export const nlp = createRequire(import.meta.url)('compromise') as typeof nlpType;

/**
 * A parse for finding names: compromise's own steps but its last, `chunks`, which groups terms into noun and
 * verb phrases for `nouns()`, `verbs()` and sentence parsing. Names are read from tags set before it, so
 * they are the same without it (a test holds this on the saved real pages), and it is about a tenth of
 * every parse in the map step.
 */
export function parseForNames(text: string): ReturnType<typeof nlp> {
  const world = nlp.world() as unknown as { hooks: string[] };
  const hooks = world.hooks;
  world.hooks = hooks.filter((h) => h !== 'chunks');
  try {
    return nlp(text);
  } finally {
    world.hooks = hooks;
  }
}
