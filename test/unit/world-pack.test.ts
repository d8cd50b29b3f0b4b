/**
 * The World pack and the reader's language: names bound to a language match only on pages in it; the index
 * keeps each alias's language (and version 1 indexes still load); the pack built from the real data packages
 * holds every country with a small map, and leaves out names two places share; the page indexes are
 * installed once per build; one card merges what two packs say of the same thing.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import countries from 'world-countries';
import type { EntityRecord } from '../../lib/pack-store/entity-record';
import { entityRecords, mergedDetails } from '../../lib/pack-store/entity-record';
import type { KnowledgePack, PackEntity } from '../../lib/pack-format/types';
import { PackError, validatePack } from '../../lib/pack-format/validate';
import { decodePackIndex, encodePackIndex, loadPack } from '../../lib/spot/pack-index';
import { languageSample, pageLanguage, rememberDetectedLanguage } from '../../lib/spot/page-language';
import { scanDocument } from '../../lib/spot/scan-document';
import { inLanguage, installWorldIndexes, worldIndexKeys, type KeyValueStore } from '../../lib/pack-store/world-indexes';
import { readCuratedNames, worldPack } from '../../support/world-build';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relatedIn } from '../../lib/content/card-model';
import { titleIn } from '../../lib/i18n/ui-locale';
import { TRANSLATED_FACT_LABELS } from '../../lib/i18n/fact-label';

const entity = (over: Partial<PackEntity> & Pick<PackEntity, 'id' | 'name'>): PackEntity => ({
  type: 'country', aliases: [], acronyms: [], shortForms: [], demonyms: [], summary: '', facts: [], url: '', sentences: [], related: [], headlines: [], ...over,
});

const PACK: KnowledgePack = {
  format: 'backstory-pack', formatVersion: 1, id: 'test-world', name: 'Test world', version: '1', corpusDate: '', description: '', documents: [],
  entities: [
    entity({ id: 'deu', name: 'Germany', languages: { en: { aliases: ['Germany'], demonyms: ['German'] }, fr: { aliases: ['Allemagne'], demonyms: ['Allemand'] }, es: { aliases: ['Alemania'] } } }),
    entity({ id: 'bra', name: 'Brazil', languages: { en: { aliases: ['Brazil'] }, es: { aliases: ['Brasil'] }, pt: { aliases: ['Brasil'] } } }),
    entity({ id: 'usa', name: 'United States', acronyms: ['USA'], languages: { en: { aliases: ['United States'] } } }),
  ],
};

function found(lang: string | null, text: string, pack: KnowledgePack = PACK): string[] {
  const doc = new DOMParser().parseFromString(`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><body><p>${text}</p></body></html>`, 'text/html');
  return scanDocument(doc.body, [loadPack(pack)], { readingRegion: false }).map((m) => m.text);
}

const TEXT = "Germany, Allemagne, Alemania, Brazil, Brasil and the USA; l'Allemand and the German.";

describe('names by page language', () => {
  test('a page matches its own language\'s names and the unbound ones', () => {
    expect(found('fr', TEXT)).toEqual(['Allemagne', 'USA', 'Allemand']);
    expect(found('es-MX', TEXT)).toEqual(['Alemania', 'Brasil', 'USA']);
    expect(found('en-GB', TEXT)).toEqual(['Germany', 'Brazil', 'USA', 'German']);
    expect(found('pt', TEXT)).toEqual(['Brasil', 'USA']);
  });

  test('a page in a language the pack has no names in reads the English ones; a page that says none reads all', () => {
    expect(found('ca', TEXT)).toEqual(['Germany', 'Brazil', 'USA', 'German']);
    expect(found(null, TEXT)).toEqual(['Germany', 'Allemagne', 'Alemania', 'Brazil', 'Brasil', 'USA', 'Allemand', 'German']);
  });

  test('one language\'s page index matches as the whole pack does on a page in that language', () => {
    for (const lang of ['fr', 'es', 'en', 'pt']) expect(found(lang, TEXT, inLanguage(PACK, lang)), lang).toEqual(found(lang, TEXT));
    expect(worldIndexKeys('fr')).toEqual(['worldindex:fr', 'worldindex:en']);
    expect(worldIndexKeys(null)).toEqual(['worldindex:all']);
  });

  test('the page language comes from <html lang>, else from a content-language meta', () => {
    const doc = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
    expect(pageLanguage(doc('<!doctype html><html lang="fr-CA"><body></body></html>'))).toBe('fr');
    expect(pageLanguage(doc('<!doctype html><html><head><meta http-equiv="Content-Language" content="es"></head><body></body></html>'))).toBe('es');
    expect(pageLanguage(doc('<!doctype html><html lang="  "><body></body></html>'))).toBeNull();
    expect(pageLanguage(doc('<!doctype html><html lang="x!"><body></body></html>'))).toBeNull();
    // Undeclared: what the detector found, remembered for the page; a declared language always wins.
    const unsaid = doc('<!doctype html><html><body><p>Le gouvernement a annoncé mardi un accord.</p><p>Les ministres ont salué la décision.</p></body></html>');
    expect(languageSample(unsaid)).toBe('Le gouvernement a annoncé mardi un accord. Les ministres ont salué la décision.');
    rememberDetectedLanguage(unsaid, 'fr');
    expect(pageLanguage(unsaid)).toBe('fr');
    const said = doc('<!doctype html><html lang="de"><body></body></html>');
    rememberDetectedLanguage(said, 'fr');
    expect(pageLanguage(said)).toBe('de');
  });
});

describe('the index keeps alias languages', () => {
  test('a version 1 index (no alias languages, written by earlier releases) still loads and matches every name', () => {
    const v2 = encodePackIndex(PACK);
    const header = new Uint32Array(v2.buffer, v2.byteOffset, 11);
    const aliases = header[5] as number;
    const metaLength = header[7] as number;
    const stringLength = header[8] as number;
    const metaAt = v2.length - stringLength - ((metaLength + 3) & ~3);
    const languagesAt = metaAt - ((aliases + 3) & ~3);
    const v1 = new Uint8Array(v2.length - (metaAt - languagesAt));
    v1.set(v2.subarray(0, languagesAt));
    v1.set(v2.subarray(metaAt), languagesAt);
    new Uint32Array(v1.buffer, 0, 11)[1] = 1;
    const loaded = decodePackIndex(v1);
    const doc = new DOMParser().parseFromString(`<!doctype html><html lang="fr"><body><p>${TEXT}</p></body></html>`, 'text/html');
    expect(scanDocument(doc.body, [loaded], { readingRegion: false }).map((m) => m.text)).toContain('Alemania');
  });

  test('an alias language past the pack\'s list is refused', () => {
    const bytes = encodePackIndex(PACK);
    const header = new Uint32Array(bytes.buffer, bytes.byteOffset, 11);
    const metaAt = bytes.length - (header[8] as number) - (((header[7] as number) + 3) & ~3);
    bytes[metaAt - (((header[5] as number) + 3) & ~3)] = 200;
    expect(() => decodePackIndex(bytes)).toThrow(/alias language out of range/);
  });

  test('the validator refuses a bad language code, a map that is not path data, a malformed identity', () => {
    const withEntity = (over: Record<string, unknown>): unknown => ({ ...PACK, entities: [{ id: 'x', name: 'Xland', type: 'country', ...over }] });
    expect(() => validatePack(withEntity({ languages: { French: { aliases: ['Xlande'] } } }), 'p.json')).toThrow(/is not a language code/);
    expect(() => validatePack(withEntity({ map: { viewBox: '0 0 10 10', land: 'M0 0<script>', focus: '', alt: 'Map' } }), 'p.json')).toThrow(PackError);
    expect(() => validatePack(withEntity({ sameAs: ['ROU'] }), 'p.json')).toThrow(/not an identity/);
    expect(validatePack(withEntity({ sameAs: ['iso:XLD'], map: { viewBox: '0 0 10 10', land: 'M0 0 5 5 0 5Z', focus: '', dot: [2, 3], alt: 'Map: Xland' } }), 'p.json').entities[0]?.map?.dot).toEqual([2, 3]);
  });
});

describe('the World pack built from the data packages', () => {
  let pack: KnowledgePack;
  beforeAll(() => {
    pack = worldPack().pack;
  }, 60_000);

  test('every fact label the World pack writes (its own and the curated bodies\') is one the card shows in the UI language', () => {
    const labels = new Set(pack.entities.flatMap((e) => e.facts.map((f) => f.label)));
    expect(labels.size).toBeGreaterThan(10);
    expect([...labels].filter((l) => !TRANSLATED_FACT_LABELS.includes(l))).toEqual([]);
  });

  test('a country\'s area, languages, currencies and borders carry their data, which the validator accepts', () => {
    const romania = pack.entities.find((e) => e.id === 'country-rou');
    const data = Object.fromEntries((romania?.facts ?? []).flatMap((f) => (f.data ? [[f.label, f.data]] : [])));
    expect(data).toEqual({
      Area: { kind: 'area', km2: 238391 },
      Languages: { kind: 'languages', codes: ['ron'] },
      Currency: { kind: 'currencies', codes: ['RON'] },
      Borders: { kind: 'countries', codes: ['BG', 'HU', 'MD', 'RS', 'UA'] },
    });
    expect(validatePack(JSON.parse(JSON.stringify(pack)), 'w.json').entities.find((e) => e.id === 'country-rou')?.facts).toEqual(romania?.facts);
  });

  test('every country and territory, each with a map; maps average at most 3 KB', () => {
    const isos = new Set(pack.entities.flatMap((e) => e.sameAs ?? []));
    const missing = countries.filter((c) => !isos.has(`iso:${c.cca3}`)).map((c) => c.name.common);
    expect(missing).toEqual([]);
    const places = pack.entities.filter((e) => e.type !== 'organization');
    expect(places.every((e) => e.map && e.map.alt.startsWith('Map: '))).toBe(true);
    const bytes = places.reduce((sum, e) => sum + JSON.stringify(e.map).length, 0) / places.length;
    expect(bytes).toBeLessThanOrEqual(3_000);
    expect(() => validatePack(JSON.parse(JSON.stringify(pack)), 'world')).not.toThrow();
  });

  test('capitals and cities of a million, as dots in their country', () => {
    const byName = new Map(pack.entities.map((e) => [e.name, e]));
    for (const city of ['Bucharest', 'Paris', 'Tokyo', 'Lagos', 'São Paulo']) {
      expect(byName.get(city)?.type, city).toBe('city');
      expect(byName.get(city)?.map?.dot, city).toHaveLength(2);
    }
    expect(byName.get('Bucharest')?.sameAs).toEqual(['capital:ROU']);
    // GeoNames marks no seat of government in Israel; the capital world-countries names is taken instead.
    expect(byName.get('Jerusalem')?.sameAs).toEqual(['capital:ISR']);
  });

  test('a demonym a state shares only with territories is the state\'s; two states keep one from both; "UK" is a name, ISO codes are not', () => {
    const claimants = (name: string): string[] =>
      pack.entities.filter((e) => Object.values(e.languages ?? {}).some((l) => [...(l.demonyms ?? []), ...(l.aliases ?? [])].includes(name)) || e.acronyms.includes(name)).map((e) => e.id);
    expect(claimants('French')).toEqual(['country-fra']);
    expect(claimants('Français')).toEqual(['country-fra']);
    expect(claimants('American')).toEqual(['country-usa']);
    // Dominica and the Dominican Republic are both states.
    expect(claimants('Dominican')).toEqual([]);
    expect(claimants('UK')).toEqual(['country-gbr']);
    expect(claimants('US')).toEqual([]);
    expect(claimants('RO')).toEqual([]);
  });

  test('names two places share are nobody\'s; a country\'s own name outranks another\'s translation', () => {
    const owners = (name: string): string[] => pack.entities.filter((e) => [e.name, ...e.aliases, ...Object.values(e.languages ?? {}).flatMap((l) => l.aliases ?? [])].includes(name)).map((e) => e.id);
    expect(owners('Congo')).toEqual([]);
    expect(owners('Guyana')).toEqual(['country-guy']);
    expect(owners('Sudan')).toEqual(['country-sdn']);
    expect(owners('Hyderabad')).toEqual([]);
    // A city named like a given name is left out (Victoria, Seychelles).
    expect(pack.entities.some((e) => e.type === 'city' && e.name === 'Victoria')).toBe(false);
  });

  test('at least 60 international bodies, each with its founding year, and names in the reader\'s languages', () => {
    const bodies = pack.entities.filter((e) => e.type === 'organization');
    expect(bodies.length).toBeGreaterThanOrEqual(60);
    expect(bodies.every((e) => e.summary !== '' && e.facts.some((f) => f.label === 'Founded' && /^\d{4}$/.test(f.value)))).toBe(true);
    const nato = bodies.find((e) => e.name === 'NATO');
    expect(nato?.languages?.fr?.aliases).toContain('OTAN');
    expect(nato?.sameAs).toEqual(['org:NATO']);
  });

  test('French and Spanish pages find their countries by their own names', () => {
    const loaded = loadPack(pack);
    const onPage = (lang: string, text: string): string[] => {
      const doc = new DOMParser().parseFromString(`<!doctype html><html lang="${lang}"><body><p>${text}</p></body></html>`, 'text/html');
      return scanDocument(doc.body, [loaded], { readingRegion: false }).map((m) => `${m.entity.name}=${m.text}`);
    };
    expect(onPage('fr', "Le Royaume-Uni, l'Allemagne et la Côte d'Ivoire ; les Roumains."))
      .toEqual(['United Kingdom=Royaume-Uni', 'Germany=Allemagne', 'Ivory Coast=Côte d\'Ivoire', 'Romania=Roumains']);
    expect(onPage('es', 'Estados Unidos, Alemania y México; los alemanes.')).toEqual(['United States=Estados Unidos', 'Germany=Alemania', 'Mexico=México']);
    expect(onPage('fr', "L'OTAN et l'ONU ; la Banque mondiale et le FMI.")).toEqual(['NATO=OTAN', 'United Nations=ONU', 'World Bank=Banque mondiale', 'International Monetary Fund=FMI']);
  });
});

describe('installing the page indexes', () => {
  function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
    const data = new Map<string, unknown>();
    return {
      data,
      get: (keys) => Promise.resolve(Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k)]))),
      set: (items) => {
        for (const [k, v] of Object.entries(items)) data.set(k, v);
        return Promise.resolve();
      },
      remove: (keys) => {
        for (const k of keys) data.delete(k);
        return Promise.resolve();
      },
    };
  }

  test('once per build: a new build replaces them and drops a language it no longer has; a damaged file changes nothing', async () => {
    const store = memoryStore();
    let reads = 0;
    const file = (version: string, languages: string[]) => (): Promise<unknown> => {
      reads++;
      return Promise.resolve({ version, all: 'ALL', byLanguage: Object.fromEntries(languages.map((l) => [l, l.toUpperCase()])) });
    };
    expect(await installWorldIndexes(store, 'v1', file('v1', ['fr', 'es']))).toBe(true);
    expect(store.data.get('worldindex:fr')).toBe('FR');
    expect(await installWorldIndexes(store, 'v1', file('v1', ['fr', 'es']))).toBe(false);
    expect(reads).toBe(1);
    expect(await installWorldIndexes(store, 'v2', file('v2', ['fr']))).toBe(true);
    expect(store.data.has('worldindex:es')).toBe(false);
    expect(store.data.get('worldindex:version')).toBe('v2');
    await expect(installWorldIndexes(store, 'v3', () => Promise.resolve({ version: 'v3', all: 1 }))).rejects.toThrow(/damaged/);
    expect(store.data.get('worldindex:version')).toBe('v2');
    expect(store.data.get('worldindex:fr')).toBe('FR');
  });
});

describe('one card from two packs', () => {
  const record = (packId: string, over: Partial<PackEntity>): EntityRecord => ({ packId, id: 'romania', order: 0, entity: entity({ id: 'romania', name: 'Romania', ...over }), documents: [], related: [] });

  test('the first pack\'s summary and facts, the other\'s facts it lacks (by label) and its map', () => {
    const map = { viewBox: '0 0 10 10', land: 'M0 0 1 1 0 1Z', focus: '', alt: 'Map: Romania' };
    const details = mergedDetails(
      record('news', { summary: 'Country on the Black Sea.', facts: [{ label: 'Capital', value: 'Bucharest' }, { label: 'NATO member since', value: '2004' }] }),
      [record('world', { summary: 'Romania is a country in Southeast Europe.', facts: [{ label: 'capital', value: 'Bucharest' }, { label: 'Area', value: '238,391 km²' }], map })],
    );
    expect(details.summary).toBe('Country on the Black Sea.');
    expect(details.facts.map((f) => f.label)).toEqual(['Capital', 'NATO member since', 'Area']);
    expect(details.map).toEqual(map);
  });

  test('the card is titled in the UI\'s language when a pack names the entity in it, else by its own name', () => {
    const details = mergedDetails(record('news', {}), [record('world', { languages: { fr: { aliases: ['Roumanie'] }, de: { aliases: ['Rumänien', 'Rumänisch'] } } })]);
    expect(details.names).toEqual({ fr: 'Roumanie', de: 'Rumänien' });
    expect(titleIn('fr-CA', 'Romania', details.names)).toBe('Roumanie');
    expect(titleIn('de', 'Romania', details.names)).toBe('Rumänien');
    expect(titleIn('es', 'Romania', details.names)).toBe('Romania');
    expect(titleIn('fr', 'Romania', undefined)).toBe('Romania');
  });

  test('related entities carry their names by language, so a card\'s chips speak the UI\'s language too', () => {
    const pack: KnowledgePack = {
      ...PACK,
      entities: [
        entity({ id: 'romania', name: 'Romania', related: [{ id: 'bulgaria', weight: 1 }, { id: 'black-sea', weight: 1 }] }),
        entity({ id: 'bulgaria', name: 'Bulgaria', languages: { fr: { aliases: ['Bulgarie'] }, ro: { aliases: ['Bulgaria'] } } }),
        entity({ id: 'black-sea', name: 'Black Sea' }),
      ],
    };
    const [romania] = [...entityRecords(pack)];
    expect(romania?.related).toEqual([
      { id: 'bulgaria', name: 'Bulgaria', type: 'country', names: { fr: 'Bulgarie', ro: 'Bulgaria' } },
      { id: 'black-sea', name: 'Black Sea', type: 'country' },
    ]);
    const chips = (locale: string): string[] => (romania?.related ?? []).map((r) => relatedIn(locale, r).name);
    expect(chips('fr-FR')).toEqual(['Bulgarie', 'Black Sea']);
    expect(chips('de')).toEqual(['Bulgaria', 'Black Sea']);
  });
});

describe('the World pack\'s precision traps, per language', () => {
  let loaded: ReturnType<typeof loadPack>;
  beforeAll(() => {
    loaded = loadPack(worldPack().pack);
  }, 60_000);
  const onPage = (lang: string, text: string): string[] => {
    const doc = new DOMParser().parseFromString(`<!doctype html><html lang="${lang}"><body><p>${text}</p></body></html>`, 'text/html');
    return scanDocument(doc.body, [loaded], { readingRegion: false }).map((m) => `${m.entity.name}=${m.text}`);
  };

  test('English: the U.S. state, given names, the bird, the pet; Niger beside Nigeria; an ambiguous Congo', () => {
    expect(onPage('en', 'Police in Atlanta, Georgia, said a Georgia Tech student was safe.')).toEqual([]);
    expect(onPage('en', 'Tbilisi is the capital of Georgia, and Georgia borders Russia.')).toEqual(['Tbilisi=Tbilisi', 'Georgia=Georgia', 'Georgia=Georgia', 'Russia=Russia']);
    expect(onPage('en', 'On the court, Michael Jordan and Chad Smith talked about a turkey and a guinea pig.')).toEqual([]);
    expect(onPage('en', 'Jordan and Chad signed the deal.')).toEqual(['Jordan=Jordan', 'Chad=Chad']);
    expect(onPage('en', 'Niger and Nigeria closed the border; Guinea and Equatorial Guinea did not.')).toEqual(['Niger=Niger', 'Nigeria=Nigeria', 'Guinea=Guinea', 'Equatorial Guinea=Equatorial Guinea']);
    expect(onPage('en', 'Fighting in Congo spread; DR Congo and the Republic of the Congo met.')).toEqual(['DR Congo=DR Congo', 'Republic of the Congo=Republic of the Congo']);
  });

  test('French, Spanish, German: their own names, and another language\'s never', () => {
    expect(onPage('fr', 'Jordan Bardella a parlé du Tchad, de la Géorgie et de la Jordanie.')).toEqual(['Chad=Tchad', 'Georgia=Géorgie', 'Jordan=Jordanie']);
    expect(onPage('es', 'Georgia, Chad y Jordania; no Allemagne ni Deutschland.')).toEqual(['Georgia=Georgia', 'Chad=Chad', 'Jordan=Jordania']);
    expect(onPage('de', 'Georgien, der Tschad und Jordanien; nicht Allemagne.')).toEqual(['Georgia=Georgien', 'Chad=Tschad', 'Jordan=Jordanien']);
  });

  test('German demonyms (curated nouns): the people name their country on German pages only; the bank is not Germany', () => {
    expect(onPage('de', 'Die Franzosen, die Russen und eine Rumänin trafen Amerikaner; die Deutsche Bank schwieg.')).toEqual([
      'France=Franzosen', 'Russia=Russen', 'Romania=Rumänin', 'United States=Amerikaner',
    ]);
    expect(onPage('en', 'The words Franzosen and Russen appear here.')).toEqual([]);
  });

  test('names English news writes that the sources lack (curated): Britain, Turkey; the bird stays a bird', () => {
    expect(onPage('en', 'Britain and Turkey signed the deal over a turkey sandwich.')).toEqual(['United Kingdom=Britain', 'Türkiye=Turkey']);
  });

  test('a curated demonym file with an unknown country code or an empty name is refused, naming the file and the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-demonyms-'));
    writeFileSync(join(dir, 'de.json'), JSON.stringify({ XXX: ['Niemand'] }));
    expect(() => readCuratedNames(dir, new Set(['DEU']))).toThrow(/de\.json: "XXX" is no country's alpha-3 code/);
    writeFileSync(join(dir, 'de.json'), JSON.stringify({ DEU: ['Deutsche', ''] }));
    expect(() => readCuratedNames(dir, new Set(['DEU']))).toThrow(/de\.json: "DEU" needs a list of names/);
    writeFileSync(join(dir, 'de.json'), JSON.stringify({ _about: 'notes', DEU: ['Deutsche'] }));
    expect(readCuratedNames(dir, new Set(['DEU']))).toEqual({ de: { DEU: ['Deutsche'] } });
  });
});
