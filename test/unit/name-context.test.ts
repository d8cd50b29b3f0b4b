import { describe, expect, test } from 'vitest';
import { capitalisationIsUninformative, partOfLongerName } from '../../lib/spot/name-context';

/** Whether `name` inside `sentence` (its first occurrence) is rejected as part of a longer name. */
function rejected(sentence: string, name: string, country = false): boolean {
  const start = sentence.indexOf(name);
  if (start < 0) throw new Error(`${name} not in ${sentence}`);
  return partOfLongerName(sentence, start, start + name.length, { country });
}

describe('a name inside a longer name', () => {
  test.each([
    ['She studied at the University of Washington last year.', 'Washington'],
    ['The Washington Wizards lost again on Sunday.', 'Washington'],
    ['The actor Denzel Washington arrived.', 'Washington'],
    ['Eric Washington arrived at the premiere.', 'Washington'],
    ['He won the US Open in straight sets.', 'US'],
    ['She moved to New York University in the fall.', 'New York'],
    ['The New York Jets signed him.', 'New York'],
    ['Officials in the State of New York disagreed.', 'New York'],
    ['A study from the University of California found it.', 'California'],
    ['We watched Sydney Sweeney in the film.', 'Sydney'],
    ['They walked down Comey Street together.', 'Comey'],
    ['Eric Trump visited the school.', 'Trump'],
    ['On Monday, Melania Trump visited the school.', 'Trump'],
    ['The first lady, Melania Trump, visited.', 'Trump'],
    ['Donald Trump Jr. spoke at the rally.', 'Donald Trump'],
    ['The European Commission proposed it.', 'European'],
    ['Fears grew across Eastern European capitals.', 'European'],
    ['He flew to Latin America last week.', 'America'],
    ['She flew American Airlines to Dallas.', 'American'],
  ])('%s → "%s" is rejected', (sentence, name) => {
    expect(rejected(sentence, name)).toBe(true);
  });

  test.each([
    ['Romania approved a greater troop presence.', 'Romania'],
    ['Yesterday Romania approved a greater troop presence.', 'Romania'],
    ['After Trump left, the talks resumed.', 'Trump'],
    ['Meanwhile Trump said nothing.', 'Trump'],
    ['Later Toiu said more.', 'Toiu'],
    ['President Trump said the talks were over.', 'Trump'],
    ['Sen. Warren said no.', 'Warren'],
    ["Ukraine's NATO bid stalled.", 'NATO'],
    ['U.S. Defense Secretary Pete Hegseth arrived.', 'U.S.'],
    ['Romanian Foreign Minister Oana Toiu confirmed it.', 'Romanian'],
    ['The talks in Washington ended.', 'Washington'],
    ['Estonia accused Russia of violating its airspace.', 'Russia'],
    ['"Romania is ready," she said.', 'Romania'],
    ['It was the President of Ukraine who spoke.', 'Ukraine', true],
    ['American officials said the plan was ready.', 'American'],
  ])('%s → "%s" is kept', (sentence, name, country = false) => {
    expect(rejected(sentence, name, country)).toBe(false);
  });

  test('in a title-case headline a capitalised neighbour says nothing, but institution words and given names still do', () => {
    expect(capitalisationIsUninformative('Romania Moves Fast on Drones as Russia Tests NATO', 0, 7)).toBe(true);
    expect(rejected('Romania Moves Fast on Drones as Russia Tests NATO', 'Romania')).toBe(false);
    expect(rejected('Russia Tests NATO Resolve', 'NATO')).toBe(false);
    expect(rejected('Students at New York University Protest', 'New York')).toBe(true);
    expect(rejected('Eric Trump Visits Hospital in Ohio', 'Trump')).toBe(true);
    expect(rejected('Putin Warns Trump Over Sanctions', 'Trump')).toBe(false);
    expect(rejected('WASHINGTON WIZARDS LOSE AGAIN', 'WASHINGTON')).toBe(false);
  });
});

test('generated/name-words.json is what compromise gives today (npm run words regenerates it)', async () => {
  const { nameWordsFromCompromise } = await import('../../lib/kb/name-words');
  const { readFileSync } = await import('node:fs');
  expect(JSON.parse(readFileSync('generated/name-words.json', 'utf8'))).toEqual(nameWordsFromCompromise());
});

test('hyphens: a title with a prefix is a title; compounds of two names keep both', () => {
  const at = (s: string, n: string): [number, number] => [s.indexOf(n), s.indexOf(n) + n.length];
  const s1 = 'He said President-elect Trump relied on lies.';
  expect(partOfLongerName(s1, ...at(s1, 'Trump'), { country: false })).toBe(false);
  const s2 = 'The Russia-Ukraine war went on.';
  expect(partOfLongerName(s2, ...at(s2, 'Ukraine'), { country: true })).toBe(false);
  const s3 = 'The pro-Russian militia moved in.';
  expect(partOfLongerName(s3, ...at(s3, 'Russian'), { country: true })).toBe(false);
});

test('a citation mark between sentences still ends the sentence', () => {
  const s = 'the South Island.[19] Early European maps labelled the islands.';
  expect(partOfLongerName(s, s.indexOf('European'), s.indexOf('European') + 8, { country: false })).toBe(false);
});
