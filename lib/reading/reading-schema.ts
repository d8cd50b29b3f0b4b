/**
 * Reading memory's IndexedDB database: its stores and their upgrades, in one place. The background, the
 * learning host and the options page open it (all in the extension's origin); pages never do.
 *
 * Version 3 adds what learning needs: `pending` (articles not yet read for new names; written in the same
 * transaction as the article, so none is missed after a crash), `sightings` (a name found in an article, with
 * the sentences it is in) and `learned` (names seen often enough, and the reader's choices about them).
 *
 * Version 4 makes a card's "You read" one read: each mention row carries its article's title, site and date
 * and a `newest` key (minus the visit time), so an index on [entity, newest] gives the newest rows first to a
 * plain getAll with a count. Walking the old index backwards took a round trip to the store per row and
 * another per article, and measured 1.6 to 9.2 ms with 10,000 articles kept (the target is 5).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { EntityType } from '../pack-format/types';

export const READING_DB = 'backstory-reading';
const VERSION = 4;

export interface ArticleRow {
  url: string;
  title: string;
  site: string;
  published: string;
  visited: number;
  sentences: number;
  /** What its text takes in the store (UTF-16 bytes of titles and sentences), for the storage cap. */
  bytes: number;
}

export interface MentionRow {
  /** `${entity}\u0000${url}`: one row per entity per article. */
  id: string;
  entity: string;
  url: string;
  visited: number;
  /** The article's sentences about this entity, in page order. */
  texts: string[];
  /** Minus `visited`: ascending in the byNewest index is newest first. */
  newest: number;
  /** The article's own, copied here so "You read" needs no second read. */
  title: string;
  site: string;
  published: string;
}

export interface CountRow {
  entity: string;
  /** Articles that mention it: kept with every write, because counting an index range walks it. */
  articles: number;
}

export type LearnedType = Extract<EntityType, 'person' | 'organization' | 'place'>;

export interface SightingRow {
  /** `${key}\u0000${url}`: a name found in one article. */
  id: string;
  /** The name folded (case, accents, spacing): what makes two spellings one name. */
  key: string;
  name: string;
  type: LearnedType;
  url: string;
  site: string;
  visited: number;
  texts: string[];
}

export type LearnedStatus = 'new' | 'kept' | 'dismissed' | 'merged';

export interface LearnedRow {
  key: string;
  /** The name shown: the form read most often, or the reader's own. */
  name: string;
  type: LearnedType;
  status: LearnedStatus;
  /** Every form read, matched on pages ("Ilse Vandermeer", "Ilse VanderMeer"). */
  forms: string[];
  /** Set by the reader's rename: the forms still match, the card shows this. */
  renamed?: string;
  /** "packId/entityId" of the entity the reader merged it into, and that entity's name. */
  mergedInto?: string;
  mergedName?: string;
  articles: number;
  sites: number;
  firstRead: number;
  lastRead: number;
}

export interface ReadingSchema extends DBSchema {
  articles: { key: string; value: ArticleRow; indexes: { byVisit: number } };
  mentions: { key: string; value: MentionRow; indexes: { byEntity: [string, number]; byNewest: [string, number]; byUrl: string } };
  counts: { key: string; value: CountRow };
  pending: { key: string; value: { url: string } };
  sightings: { key: string; value: SightingRow; indexes: { byKey: [string, number]; byUrl: string } };
  learned: { key: string; value: LearnedRow };
}

export const STORES = ['articles', 'mentions', 'counts', 'pending', 'sightings', 'learned'] as const;
export type StoreName = (typeof STORES)[number];
export type ReadingDb = IDBPDatabase<ReadingSchema>;
export type WriteTx = IDBPTransaction<ReadingSchema, StoreName[], 'readwrite'>;
type UpgradeTx = IDBPTransaction<ReadingSchema, StoreName[], 'versionchange'>;

/** The day of a time (YYYY-MM-DD, UTC), as reading memory shows visit dates. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Every row of one entity (or learned name) in a [key, visited] index (oldest first), or [key, newest] (newest first). */
export const visitsOf = (key: string): IDBKeyRange => IDBKeyRange.bound([key, -Infinity], [key, Infinity]);

export interface YouRead {
  /** How many articles the reader read mention the entity (the current page not counted). */
  articles: number;
  items: Array<{ url: string; title: string; site: string; date: string; text: string }>;
}

/** One "You read" line: a row about an article (a mention or a sighting) and the article's own row. */
export function youReadItem(row: { url: string; visited: number; texts: string[]; site?: string }, article: Pick<ArticleRow, 'title' | 'site' | 'published'> | undefined): YouRead['items'][number] {
  return { url: row.url, title: article?.title ?? '', site: article?.site ?? row.site ?? '', date: article?.published || dayOf(row.visited), text: row.texts[0] ?? '' };
}

/** A mention row's key: one row per entity per article. */
export const mentionId = (entity: string, url: string): string => `${entity}\u0000${url}`;

/** A mention row: an entity's sentences in one article, with what "You read" shows of the article. */
export function mentionRow(entity: string, article: Pick<ArticleRow, 'url' | 'visited' | 'title' | 'site' | 'published'>, texts: string[]): MentionRow {
  const { url, visited, title, site, published } = article;
  return { id: mentionId(entity, url), entity, url, visited, texts, newest: -visited, title, site, published };
}

let opened: Promise<ReadingDb> | null = null;

async function countMentions(tx: UpgradeTx): Promise<void> {
  const tally = new Map<string, number>();
  for (let c = await tx.objectStore('mentions').openCursor(); c; c = await c.continue()) tally.set(c.value.entity, (tally.get(c.value.entity) ?? 0) + 1);
  for (const [entity, articles] of tally) await tx.objectStore('counts').put({ entity, articles });
}

/** Version 4: every mention row gets its article's head and its newest-first key. */
async function copyHeads(tx: UpgradeTx): Promise<void> {
  const articles = tx.objectStore('articles');
  for (let c = await tx.objectStore('mentions').openCursor(); c; c = await c.continue()) {
    const row = c.value;
    const article = await articles.get(row.url);
    await c.update(mentionRow(row.entity, { url: row.url, visited: row.visited, title: article?.title ?? '', site: article?.site ?? '', published: article?.published ?? '' }, row.texts));
  }
}

async function queueAll(tx: UpgradeTx): Promise<void> {
  for (const url of await tx.objectStore('articles').getAllKeys()) await tx.objectStore('pending').put({ url });
}

export function openReadingDb(): Promise<ReadingDb> {
  opened ??= openDB<ReadingSchema>(READING_DB, VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('articles', { keyPath: 'url' }).createIndex('byVisit', 'visited');
        const mentions = db.createObjectStore('mentions', { keyPath: 'id' });
        mentions.createIndex('byEntity', ['entity', 'visited']);
        mentions.createIndex('byUrl', 'url');
      }
      if (oldVersion < 2) {
        // Version 2 keeps a count per entity; a store from version 1 gets its counts from its mentions.
        db.createObjectStore('counts', { keyPath: 'entity' });
        // Only requests of the upgrade transaction are awaited, so it stays open until the counts are in.
        void countMentions(tx);
      }
      if (oldVersion < 3) {
        db.createObjectStore('pending', { keyPath: 'url' });
        const sightings = db.createObjectStore('sightings', { keyPath: 'id' });
        sightings.createIndex('byKey', ['key', 'visited']);
        sightings.createIndex('byUrl', 'url');
        db.createObjectStore('learned', { keyPath: 'key' });
        // What was read before learning existed is read for names too.
        void queueAll(tx);
      }
      if (oldVersion < 4) {
        tx.objectStore('mentions').createIndex('byNewest', ['entity', 'newest']);
        void copyHeads(tx);
      }
    },
    // Another context (an options tab) upgrading the database: let it, and open again on the next call.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      opened = null;
    },
  }).catch((error: unknown) => {
    opened = null;
    throw error;
  });
  return opened;
}

/**
 * Runs a change in one read-write transaction over every store: all of it is written, or none of it. A
 * request that fails aborts a transaction by itself, but an exception thrown by the code (a value that cannot
 * be stored throws at put()) does not, so this aborts on any failure.
 */
export async function writeReading<T>(change: (tx: WriteTx) => Promise<T>): Promise<T> {
  const db = await openReadingDb();
  const tx = db.transaction([...STORES], 'readwrite');
  try {
    const result = await change(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the failed request.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
