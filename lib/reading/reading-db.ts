/**
 * Reading memory in IndexedDB, in the extension's origin (the background and the options page open it; pages
 * never do). One record per article, keyed by URL, and one per (entity, article) mention, indexed by entity
 * and visit time, so a card's "You read" is one index walk, newest first. Saving an article replaces what was
 * kept of it before, in one transaction: after a crash the store holds the article whole or not at all.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { ReadArticle } from './reading-record';

export const READING_DB = 'backstory-reading';
const VERSION = 1;

interface ArticleRow {
  url: string;
  title: string;
  site: string;
  published: string;
  visited: number;
  sentences: number;
}

interface MentionRow {
  /** `${entity}\u0000${url}`: one row per entity per article. */
  id: string;
  entity: string;
  url: string;
  visited: number;
  /** The article's sentences about this entity, in page order. */
  texts: string[];
}

interface ReadingSchema extends DBSchema {
  articles: { key: string; value: ArticleRow; indexes: { byVisit: number } };
  mentions: { key: string; value: MentionRow; indexes: { byEntity: [string, number]; byUrl: string } };
}

type ReadingDb = IDBPDatabase<ReadingSchema>;
let opened: Promise<ReadingDb> | null = null;

function open(): Promise<ReadingDb> {
  opened ??= openDB<ReadingSchema>(READING_DB, VERSION, {
    upgrade(db) {
      db.createObjectStore('articles', { keyPath: 'url' }).createIndex('byVisit', 'visited');
      const mentions = db.createObjectStore('mentions', { keyPath: 'id' });
      mentions.createIndex('byEntity', ['entity', 'visited']);
      mentions.createIndex('byUrl', 'url');
    },
  }).catch((error: unknown) => {
    opened = null;
    throw error;
  });
  return opened;
}

type WriteTx = IDBPTransaction<ReadingSchema, Array<'articles' | 'mentions'>, 'readwrite'>;

async function deleteArticleIn(tx: WriteTx, url: string): Promise<void> {
  const mentions = tx.objectStore('mentions');
  for (const key of await mentions.index('byUrl').getAllKeys(url)) await mentions.delete(key);
  await tx.objectStore('articles').delete(url);
}

export async function saveArticle(article: ReadArticle): Promise<void> {
  const db = await open();
  const tx = db.transaction(['articles', 'mentions'], 'readwrite');
  await deleteArticleIn(tx, article.url);
  const byEntity = new Map<string, string[]>();
  for (const s of article.sentences) for (const e of s.entities) byEntity.set(e, [...(byEntity.get(e) ?? []), s.text]);
  const { sentences, ...head } = article;
  await tx.objectStore('articles').put({ ...head, sentences: sentences.length });
  for (const [entity, texts] of byEntity) await tx.objectStore('mentions').put({ id: `${entity}\u0000${article.url}`, entity, url: article.url, visited: article.visited, texts });
  await tx.done;
}

export interface YouRead {
  /** How many articles the reader read mention the entity (the current page not counted). */
  articles: number;
  items: Array<{ url: string; title: string; site: string; date: string; text: string }>;
}

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The newest sentences about an entity from articles other than `exceptUrl`, and how many articles mention it. */
export async function youRead(entity: string, exceptUrl: string, limit: number): Promise<YouRead> {
  const db = await open();
  const tx = db.transaction(['mentions', 'articles'], 'readonly');
  const range = IDBKeyRange.bound([entity, -Infinity], [entity, Infinity]);
  const items: YouRead['items'] = [];
  let articles = 0;
  for (let cursor = await tx.objectStore('mentions').index('byEntity').openCursor(range, 'prev'); cursor; cursor = await cursor.continue()) {
    const row = cursor.value;
    if (row.url === exceptUrl) continue;
    articles++;
    if (items.length < limit) {
      const a = await tx.objectStore('articles').get(row.url);
      items.push({ url: row.url, title: a?.title ?? '', site: a?.site ?? '', date: a?.published || dayOf(row.visited), text: row.texts[0] ?? '' });
    }
  }
  return { articles, items };
}

export interface ReadingStats {
  articles: number;
  entities: number;
}

export async function readingStats(): Promise<ReadingStats> {
  const db = await open();
  const tx = db.transaction(['articles', 'mentions'], 'readonly');
  const articles = await tx.objectStore('articles').count();
  const entities = new Set<string>();
  for (let c = await tx.objectStore('mentions').openCursor(); c; c = await c.continue()) entities.add(c.value.entity);
  return { articles, entities: entities.size };
}

/** Deletes articles read before `before` (ms), oldest first; returns how many went. */
export async function forgetOlderThan(before: number): Promise<number> {
  const db = await open();
  const tx = db.transaction(['articles', 'mentions'], 'readwrite');
  const urls = await tx.objectStore('articles').index('byVisit').getAllKeys(IDBKeyRange.upperBound(before, true));
  for (const url of urls) await deleteArticleIn(tx, url);
  await tx.done;
  return urls.length;
}

/** "Forget everything": both stores emptied in one transaction. */
export async function forgetEverything(): Promise<void> {
  const db = await open();
  const tx = db.transaction(['articles', 'mentions'], 'readwrite');
  await Promise.all([tx.objectStore('articles').clear(), tx.objectStore('mentions').clear(), tx.done]);
}
