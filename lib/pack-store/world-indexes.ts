/**
 * The World pack's page-side indexes, one per language, so a page decodes only the names of its own language
 * (and the names bound to none): the background installs them from the packaged file into storage.local
 * when the extension starts with a new build, and pages read the one for their language.
 */
import type { KnowledgePack, LocalNames } from '../pack-format/types';
import { isLanguageCode } from '../pack-format/language-code';

export const WORLD_PACK_ID = 'backstory-world';
/** The packaged file (wxt.config.ts copies it there at build time); not web-accessible. */
export const WORLD_INDEX_PATH = '/packs/backstory-world.index.json';
export const WORLD_DETAILS_PATH = '/packs/backstory-world.json';
export const WORLD_INDEX_PREFIX = 'worldindex:';
/** Written last when indexes are installed: pages reload their packs when it changes. */
export const WORLD_VERSION_KEY = `${WORLD_INDEX_PREFIX}version`;
const VERSION_KEY = WORLD_VERSION_KEY;
/** The languages installed, so a new build that drops one also drops its index. */
const LANGUAGES_KEY = `${WORLD_INDEX_PREFIX}languages`;

export interface WorldIndexFile {
  /** Changes with the pack: the installed indexes are replaced when it differs. */
  version: string;
  /** Every language's names: for a page that does not say its language. */
  all: string;
  byLanguage: Record<string, string>;
}

/** The pack with only one language's names (and those bound to none): what a page in that language matches. */
export function inLanguage(pack: KnowledgePack, language: string): KnowledgePack {
  return {
    ...pack,
    entities: pack.entities.map(({ languages, ...entity }) => {
      if (!languages) return entity;
      const kept: Record<string, LocalNames> = {};
      const own = languages[language];
      if (own) kept[language] = own;
      // The entity's name stays bound to its language ("Germany" is English, not a name on every page).
      const home = Object.entries(languages).find(([code, names]) => code !== language && names.aliases?.includes(entity.name));
      if (home && !own?.aliases?.includes(entity.name)) kept[home[0]] = { aliases: [entity.name] };
      return Object.keys(kept).length > 0 ? { ...entity, languages: kept } : entity;
    }),
  };
}

/**
 * The storage keys a page in `language` reads, in order of preference: its language's index, else the
 * English one (a language the pack names nothing in), or the all-language index when the page says none.
 */
export function worldIndexKeys(language: string | null): string[] {
  return language === null ? [`${WORLD_INDEX_PREFIX}all`] : [`${WORLD_INDEX_PREFIX}${language}`, `${WORLD_INDEX_PREFIX}en`];
}

export interface KeyValueStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

function isIndexFile(value: unknown): value is WorldIndexFile {
  const f = value as WorldIndexFile;
  return typeof value === 'object' && value !== null && typeof f.version === 'string' && typeof f.all === 'string' &&
    typeof f.byLanguage === 'object' && f.byLanguage !== null && Object.entries(f.byLanguage).every(([k, v]) => isLanguageCode(k) && typeof v === 'string');
}

/**
 * Installs the packaged indexes unless the same version is there. One `set` writes every index and the
 * version last in the same call, so a page never reads a half-installed set under a new version. Returns
 * whether anything was written.
 */
export async function installWorldIndexes(store: KeyValueStore, packagedVersion: string, readPackaged: () => Promise<unknown>): Promise<boolean> {
  const installed = await store.get([VERSION_KEY, LANGUAGES_KEY]);
  // The common case, every start of the background: the same build, nothing read.
  if (installed[VERSION_KEY] === packagedVersion) return false;
  const file = await readPackaged();
  if (!isIndexFile(file) || file.version !== packagedVersion) throw new Error('the World pack\'s packaged indexes are damaged');
  const before = installed[LANGUAGES_KEY];
  const items: Record<string, unknown> = { [`${WORLD_INDEX_PREFIX}all`]: file.all };
  for (const [language, base64] of Object.entries(file.byLanguage)) items[`${WORLD_INDEX_PREFIX}${language}`] = base64;
  items[LANGUAGES_KEY] = Object.keys(file.byLanguage);
  items[VERSION_KEY] = file.version;
  const gone = (Array.isArray(before) ? before : []).map((l) => `${WORLD_INDEX_PREFIX}${String(l)}`).filter((k) => !(k in items));
  if (gone.length > 0) await store.remove(gone);
  await store.set(items);
  return true;
}
