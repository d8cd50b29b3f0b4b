/**
 * Reading memory in IndexedDB, in the extension's origin (lib/reading/reading-schema.ts has the stores). One
 * record per article, keyed by URL, and one per (entity, article) mention, indexed by entity and visit time
 * (newest first in byNewest, with the article's head copied in), so a card's "You read" is one read. Saving an article replaces what was kept of it before, in one transaction: after a crash the store holds the article whole or not at all.
 */
import { mentionId, mentionRow, openReadingDb as open, STORES, visitsOf, writeReading, youReadItem, type ArticleRow, type WriteTx, type YouRead } from './reading-schema';
import { forgetSightingsOf } from './learned-db';
import type { ReadArticle } from './reading-record';

export { READING_DB, type YouRead } from './reading-schema';


async function addCount(tx: WriteTx, entity: string, delta: number): Promise<void> {
  const counts = tx.objectStore('counts');
  const articles = ((await counts.get(entity))?.articles ?? 0) + delta;
  if (articles > 0) await counts.put({ entity, articles });
  else await counts.delete(entity);
}

async function deleteArticleIn(tx: WriteTx, url: string): Promise<void> {
  const mentions = tx.objectStore('mentions');
  for (const row of await mentions.index('byUrl').getAll(url)) {
    await mentions.delete(row.id);
    await addCount(tx, row.entity, -1);
  }
  await tx.objectStore('articles').delete(url);
  await tx.objectStore('pending').delete(url);
  await forgetSightingsOf(tx, url);
}

/** Replaces what was kept of an article by this (its row, and one mention row per entity it names). */
async function putArticleIn(tx: WriteTx, article: ReadArticle): Promise<void> {
  await deleteArticleIn(tx, article.url);
  const byEntity = new Map<string, string[]>();
  for (const s of article.sentences) for (const e of s.entities) byEntity.set(e, [...(byEntity.get(e) ?? []), s.text]);
  const { sentences, ...head } = article;
  // Each mention row holds the article's link, title and site too.
  const headChars = article.url.length + article.title.length + article.site.length;
  const bytes = 2 * (headChars * (1 + byEntity.size) + sentences.reduce((n, x) => n + x.text.length * x.entities.length, 0));
  await tx.objectStore('articles').put({ ...head, sentences: sentences.length, bytes });
  for (const [entity, texts] of byEntity) {
    await tx.objectStore('mentions').put(mentionRow(entity, article, texts));
    await addCount(tx, entity, 1);
  }
  // Read for new names later, off this transaction's path (lib/reading/learn-job.ts).
  await tx.objectStore('pending').put({ url: article.url });
}

export async function saveArticle(article: ReadArticle): Promise<void> {
  await importArticles([article]);
}

/**
 * The newest sentences about an entity from articles other than `exceptUrl`, and how many articles mention it.
 * A card asks this on every hover: three requests in flight at once and one wait. The newest `limit + 1` rows
 * come in one getAll (one of them may be the page itself), each with its article's head.
 */
export async function youRead(entity: string, exceptUrl: string, limit: number): Promise<YouRead> {
  const db = await open();
  const tx = db.transaction(['mentions', 'counts'], 'readonly');
  const mentions = tx.objectStore('mentions');
  // The kept count, not a count of the index (which walks it).
  const [rows, count, inPage] = await Promise.all([
    mentions.index('byNewest').getAll(visitsOf(entity), limit + 1),
    tx.objectStore('counts').get(entity),
    mentions.count(mentionId(entity, exceptUrl)),
  ]);
  const items = rows.filter((row) => row.url !== exceptUrl).slice(0, limit).map((row) => youReadItem(row, row));
  return { articles: (count?.articles ?? 0) - inPage, items };
}

export interface ReadingStats {
  articles: number;
  entities: number;
  sentences: number;
  bytes: number;
}

export async function readingStats(): Promise<ReadingStats> {
  const db = await open();
  const tx = db.transaction(['articles', 'counts'], 'readonly');
  let articles = 0;
  let sentences = 0;
  let bytes = 0;
  for (let c = await tx.objectStore('articles').openCursor(); c; c = await c.continue()) {
    articles++;
    sentences += c.value.sentences;
    bytes += c.value.bytes ?? 0;
  }
  // One count row per entity mentioned: the number of entities without walking every mention.
  const entities = await tx.objectStore('counts').count();
  return { articles, entities, sentences, bytes };
}

/** Every entity the reading mentions, with how many articles do, most read first. */
export async function readEntities(): Promise<Array<{ entity: string; articles: number }>> {
  const db = await open();
  return (await db.getAll('counts')).map(({ entity, articles }) => ({ entity, articles })).sort((a, b) => b.articles - a.articles || (a.entity < b.entity ? -1 : 1));
}

/** The articles read, newest first (those mentioning `entity` when given). */
export async function readArticles(entity?: string, limit = 100): Promise<Array<Omit<ArticleRow, 'bytes'>>> {
  const db = await open();
  const tx = db.transaction(['articles', 'mentions'], 'readonly');
  const out: Array<Omit<ArticleRow, 'bytes'>> = [];
  if (entity) {
    const range = visitsOf(entity);
    for (let c = await tx.objectStore('mentions').index('byEntity').openCursor(range, 'prev'); c && out.length < limit; c = await c.continue()) {
      const a = await tx.objectStore('articles').get(c.value.url);
      if (a) out.push(a);
    }
    return out;
  }
  for (let c = await tx.objectStore('articles').index('byVisit').openCursor(null, 'prev'); c && out.length < limit; c = await c.continue()) out.push(c.value);
  return out;
}

export async function deleteArticle(url: string): Promise<void> {
  await writeReading((tx) => deleteArticleIn(tx, url));
}

/** Everything about an entity: its sentences go from every article, and articles left with nothing go too. */
export async function forgetEntity(entity: string): Promise<void> {
  await writeReading(async (tx) => {
    const mentions = tx.objectStore('mentions');
    const range = visitsOf(entity);
    const urls = new Set<string>();
    for (let c = await mentions.index('byEntity').openCursor(range); c; c = await c.continue()) {
      urls.add(c.value.url);
      await c.delete();
    }
    // Through the one way an article goes, so its queue entry and the names found in it go with it.
    for (const url of urls) if ((await mentions.index('byUrl').count(url)) === 0) await deleteArticleIn(tx, url);
    await tx.objectStore('counts').delete(entity);
  });
}

/** Keeps the store under `maxBytes` by deleting the oldest articles first; returns how many went. */
export async function evictOldest(maxBytes: number): Promise<number> {
  return writeReading(async (tx) => {
    let total = 0;
    for (let c = await tx.objectStore('articles').openCursor(); c; c = await c.continue()) total += c.value.bytes ?? 0;
    let gone = 0;
    for (let c = await tx.objectStore('articles').index('byVisit').openCursor(); c && total > maxBytes; c = await c.continue()) {
      total -= c.value.bytes ?? 0;
      await deleteArticleIn(tx, c.value.url);
      gone++;
    }
    return gone;
  });
}

/** Every article with its sentences and their entities, for export (the import format). */
export async function exportArticles(): Promise<ReadArticle[]> {
  const db = await open();
  const tx = db.transaction(['articles', 'mentions'], 'readonly');
  const out: ReadArticle[] = [];
  for (const a of await tx.objectStore('articles').index('byVisit').getAll()) {
    const bySentence = new Map<string, string[]>();
    for (const m of await tx.objectStore('mentions').index('byUrl').getAll(a.url)) for (const t of m.texts) bySentence.set(t, [...(bySentence.get(t) ?? []), m.entity]);
    out.push({ url: a.url, title: a.title, site: a.site, published: a.published, visited: a.visited, sentences: [...bySentence].map(([text, entities]) => ({ text, entities: entities.sort() })) });
  }
  return out;
}

/** Stores checked articles in one transaction: all of them, or (on any failure) none. */
export async function importArticles(articles: readonly ReadArticle[]): Promise<void> {
  await writeReading(async (tx) => {
    for (const article of articles) await putArticleIn(tx, article);
  });
}

/** Deletes articles read before `before` (ms), oldest first; returns how many went. */
export async function forgetOlderThan(before: number): Promise<number> {
  return writeReading(async (tx) => {
    const urls = await tx.objectStore('articles').index('byVisit').getAllKeys(IDBKeyRange.upperBound(before, true));
    for (const url of urls) await deleteArticleIn(tx, url);
    return urls.length;
  });
}

/** "Forget everything": every store emptied in one transaction. */
export async function forgetEverything(): Promise<void> {
  await writeReading(async (tx) => {
    await Promise.all(STORES.map((name) => tx.objectStore(name).clear()));
  });
}
