/**
 * compromise, loaded once for every build module. Its single-file CommonJS build loads in about a third of
 * the time of its ESM source graph (146 ms against 433 ms here), and every map worker and the merge step pay
 * that on start; one loader also means one instance, so a plugin (compromise-dates) and the lexicon are shared.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

export const nlp = createRequire(import.meta.url)('compromise') as typeof nlpType;

/** compromise's lexicon: each word it knows (lowercase) and its tag or tags. */
export const lexicon = (): Record<string, string | string[] | undefined> =>
  (nlp.model() as unknown as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;

type NlpDoc = ReturnType<typeof nlp>;
interface Term {
  text: string;
  normal: string;
  pre: string;
  post: string;
}
interface World {
  hooks: string[];
  model: { one: { tagSet: Record<string, { parents?: string[] } | undefined> } };
}

/** Where compromise's tagging starts: the hooks before it only cut text into sentences and terms. */
const FIRST_TAGGING_HOOK = 'typeahead';
const QUOTE = /["“”„'‘’«»]/;
const UPPER = /\p{Lu}/u;

/** A word the lexicon knows only as something other than a noun or a number ("The", "But", "He"). */
function isPlainWord(world: World, term: Term): boolean {
  const entry = lexicon()[term.normal];
  if (entry === undefined) return false;
  for (const tag of Array.isArray(entry) ? entry : [entry]) {
    if (tag === 'Noun' || tag === 'Value') return false;
    const parents = world.model.one.tagSet[tag]?.parents ?? [];
    if (parents.includes('Noun') || parents.includes('Value')) return false;
  }
  return true;
}

/**
 * A sentence can hold a name or a quoted term only if a word in it is capitalised (the first one only when
 * the lexicon does not know it as a plain word) or it has quotation marks; the others are left untagged.
 */
function mayHoldNames(world: World, terms: readonly Term[]): boolean {
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as Term;
    if (QUOTE.test(t.pre) || QUOTE.test(t.post)) return true;
    if (i > 0 && UPPER.test(t.text)) return true;
  }
  const first = terms[0];
  return first !== undefined && UPPER.test(first.text) && !isPlainWord(world, first);
}

/**
 * A parse for finding names. It runs compromise's steps but its last, `chunks` (noun and verb phrases for
 * `nouns()`, `verbs()` and sentence parsing: about a tenth of a parse), and it tags only the sentences that
 * may hold a name: on the saved real pages one sentence in eight holds none, and tagging is most of a parse.
 * `tag: false` only cuts sentences and terms, for text compromise cannot read (not English). Names come
 * from tags, so capitalised ones are the same as a full parse finds (a test holds this on the saved pages).
 */
export function parseForNames(text: string, tag = true): NlpDoc {
  const world = nlp.world() as unknown as World;
  const hooks = world.hooks;
  const cut = hooks.indexOf(FIRST_TAGGING_HOOK);
  // A compromise without that step (another version) gets its whole parse but chunking.
  world.hooks = cut < 0 ? hooks.filter((h) => h !== 'chunks') : hooks.slice(0, cut);
  let doc: NlpDoc;
  try {
    doc = nlp(text);
  } finally {
    world.hooks = hooks;
  }
  if (!tag || cut < 0) return doc;
  const document = (doc as unknown as { document: Term[][] }).document;
  // Whole-sentence pointers: tagging splits contractions ("won’t"), and a pointer with an end would lose
  // the terms that pushes past it.
  const tagged: Array<[number]> = [];
  document.forEach((terms, n) => {
    if (mayHoldNames(world, terms)) tagged.push([n]);
  });
  const view = (doc as unknown as { update(pointers: unknown): NlpDoc }).update(tagged);
  view.compute(hooks.slice(cut).filter((h) => h !== 'chunks'));
  return doc;
}
