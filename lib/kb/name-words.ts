/**
 * Word lists the matcher's precision rules need, taken from compromise's own lexicon at build time (so the
 * content script ships a small JSON table, not compromise): titles that may stand before a name ("President",
 * "Sen."), words that make a name into an institution or a place ("University", "Street", "Airlines"), and
 * given names (a different given name before a surname is another person).
 */
import nlp from 'compromise';

export interface NameWords {
  source: string;
  titles: string[];
  designators: string[];
  givenNames: string[];
}


type Model = {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
};

const tagsOf = (tag: string | string[]): string[] => (Array.isArray(tag) ? tag : tag.split(','));
const single = (word: string): boolean => /^[a-z][a-z'-]*$/.test(word);

export function nameWordsFromCompromise(): NameWords {
  const model = nlp.model() as unknown as Model;
  const titles = new Set<string>();
  const givenNames = new Set<string>();
  for (const [word, tag] of Object.entries(model.one.lexicon)) {
    if (!single(word)) continue;
    const tags = tagsOf(tag);
    if (tags.includes('Honorific') || (tags.length === 1 && tags[0] === 'Actor')) titles.add(word);
    if (tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) givenNames.add(word);
  }
  const designators = new Set([...Object.keys(model.two.orgWords), ...Object.keys(model.two.placeWords)].filter(single));
  const sorted = (set: Set<string>): string[] => [...set].sort();
  return {
    source: `compromise ${String((nlp as unknown as { version: string }).version)} lexicon (MIT)`,
    titles: sorted(titles),
    designators: sorted(designators),
    givenNames: sorted(givenNames),
  };
}
