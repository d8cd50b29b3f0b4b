/**
 * Word lists the matcher's precision rules need, taken from compromise's own lexicon at build time (so the
 * content script ships a small JSON table, not compromise): titles that may stand before a name ("President",
 * "Sen."), words that make a name into an institution or a place ("University", "Street", "Airlines"), and
 * given names (a different given name before a surname is another person), and weekdays and months.
 */
import { nlp } from './nlp';

export interface NameWords {
  source: string;
  titles: string[];
  designators: string[];
  givenNames: string[];
  /** Weekdays and months: capitalised, but never part of a name ("On Tuesday NATO said"). */
  calendarWords: string[];
}

/** English weekday and month names as the platform's Intl data writes them (compromise lacks "March", "May"). */
function intlCalendarWords(): string[] {
  const out: string[] = [];
  const weekday = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
  for (let d = 0; d < 7; d++) out.push(weekday.format(new Date(Date.UTC(2025, 0, 5 + d))).toLowerCase());
  for (let m = 0; m < 12; m++) out.push(month.format(new Date(Date.UTC(2025, m, 15))).toLowerCase());
  return out;
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
  const calendarWords = new Set<string>(intlCalendarWords());
  for (const [word, tag] of Object.entries(model.one.lexicon)) {
    if (!single(word)) continue;
    const tags = tagsOf(tag);
    if (tags.includes('Honorific') || (tags.length === 1 && tags[0] === 'Actor')) titles.add(word);
    if (tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) givenNames.add(word);
    if (tags.some((t) => t === 'WeekDay' || t === 'Month')) calendarWords.add(word);
  }
  const designators = new Set([...Object.keys(model.two.orgWords), ...Object.keys(model.two.placeWords)].filter(single));
  const sorted = (set: Set<string>): string[] => [...set].sort();
  return {
    source: `compromise ${String((nlp as unknown as { version: string }).version)} lexicon (MIT)`,
    titles: sorted(titles),
    designators: sorted(designators),
    givenNames: sorted(givenNames),
    calendarWords: sorted(calendarWords),
  };
}
