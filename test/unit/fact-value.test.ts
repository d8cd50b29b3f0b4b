/**
 * A fact that carries its data is written in the UI language by the browser's Intl; in English, or where Intl
 * cannot name a code, the pack's own words stay.
 */
import { expect, test } from 'vitest';
import { factValueIn } from '../../lib/i18n/fact-value';
import type { KeyFact } from '../../lib/pack-format/types';

const AREA: KeyFact = { label: 'Area', value: '238,391 km²', data: { kind: 'area', km2: 238391 } };
const LANGUAGES: KeyFact = { label: 'Languages', value: 'German, French', data: { kind: 'languages', codes: ['deu', 'fra'] } };
const CURRENCY: KeyFact = { label: 'Currency', value: 'Romanian leu (RON)', data: { kind: 'currencies', codes: ['RON'] } };
const BORDERS: KeyFact = { label: 'Borders', value: 'Bulgaria, Hungary', data: { kind: 'countries', codes: ['BG', 'HU'] } };

test('numbers, languages, currencies and countries in the reader\'s language', () => {
  expect(factValueIn('fr-FR', AREA)).toMatch(/^238\s391 km²$/u);
  expect(factValueIn('de', AREA)).toBe('238.391 km²');
  expect(factValueIn('fr', LANGUAGES)).toBe('allemand et français');
  expect(factValueIn('es', CURRENCY)).toBe('leu rumano (RON)');
  expect(factValueIn('ro', BORDERS)).toBe('Bulgaria, Ungaria');
});

test('in English, without data, or with a code Intl cannot name: the pack\'s own words', () => {
  expect(factValueIn('en-GB', CURRENCY)).toBe('Romanian leu (RON)');
  expect(factValueIn('fr', { label: 'Capital', value: 'Bucharest' })).toBe('Bucharest');
  expect(factValueIn('fr', { label: 'Languages', value: 'Xish, French', data: { kind: 'languages', codes: ['qqx', 'fra'] } })).toBe('Xish, French');
});
