/**
 * Names learned from reading, in the reading database: each article's sightings of names no pack knows, and
 * a learned row once a name is read in enough articles on enough sites. A learned row's counts are recounted
 * from its sightings in the transaction that changes them, so deleting an article, retention or the cap can
 * never leave a name counted for reading that is gone. The reader's choices live on the row: a dismissed name
 * keeps its row (and loses its sentences) so it never comes back.
 */
import { openReadingDb, visitsOf, writeReading, youReadItem, type LearnedRow, type LearnedType, type WriteTx, type YouRead } from './reading-schema';

/** A name becomes learned when read in at least this many articles from at least this many sites. */
export const LEARN_RULE = { articles: 2, sites: 2 } as const;

export interface NameInArticle {
  key: string;
  name: string;
  type: LearnedType;
  texts: string[];
}

export interface PendingArticle {
  url: string;
  site: string;
  visited: number;
  texts: string[];
}

function mostCommon(values: readonly string[]): string {
  const tally = new Map<string, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let best = values[0] ?? '';
  for (const [v, n] of tally) if (n > (tally.get(best) ?? 0)) best = v;
  return best;
}

/** Brings a name's row in line with its sightings: made when it passes the rule, dropped when a new one no longer does. */
async function recount(tx: WriteTx, key: string): Promise<void> {
  const range = visitsOf(key);
  const rows = await tx.objectStore('sightings').index('byKey').getAll(range);
  const learned = tx.objectStore('learned');
  const row = await learned.get(key);
  const sites = new Set(rows.map((r) => r.site)).size;
  const passes = rows.length >= LEARN_RULE.articles && sites >= LEARN_RULE.sites;
  if (!row && !passes) return;
  if (row && row.status === 'new' && !passes) {
    await learned.delete(key);
    return;
  }
  const forms = [...new Set(rows.map((r) => r.name))];
  const types = rows.map((r) => r.type);
  const next: LearnedRow = {
    status: 'new',
    ...row,
    key,
    name: rows.length > 0 ? mostCommon(rows.map((r) => r.name)) : (row?.name ?? key),
    type: (mostCommon(types) || row?.type || 'person') as LearnedType,
    forms: [...new Set([...(row?.forms ?? []), ...forms])],
    articles: rows.length,
    sites,
    firstRead: rows[0]?.visited ?? row?.firstRead ?? 0,
    lastRead: rows.at(-1)?.visited ?? row?.lastRead ?? 0,
  };
  await learned.put(next);
}

/** Removes an article's sightings (the article is being deleted or read again) and recounts their names. */
export async function forgetSightingsOf(tx: WriteTx, url: string): Promise<void> {
  const sightings = tx.objectStore('sightings');
  const keys = new Set<string>();
  for (let c = await sightings.index('byUrl').openCursor(url); c; c = await c.continue()) {
    keys.add(c.value.key);
    await c.delete();
  }
  for (const key of keys) await recount(tx, key);
}

/** Whether some kept article waits to be read for names (a run was cut short: the worker or browser stopped). */
export async function hasPendingArticles(): Promise<boolean> {
  return (await (await openReadingDb()).count('pending')) > 0;
}

/** Articles kept but not yet read for names, with their site and their kept sentences (at most `limit`). */
export async function pendingArticles(limit: number): Promise<PendingArticle[]> {
  const db = await openReadingDb();
  const tx = db.transaction(['pending', 'articles', 'mentions'], 'readonly');
  const out: PendingArticle[] = [];
  for (const url of await tx.objectStore('pending').getAllKeys(null, limit)) {
    const article = await tx.objectStore('articles').get(url);
    const texts = new Set<string>();
    for (const m of await tx.objectStore('mentions').index('byUrl').getAll(url)) for (const t of m.texts) texts.add(t);
    out.push({ url, site: article?.site ?? '', visited: article?.visited ?? 0, texts: [...texts] });
  }
  return out;
}

/**
 * What one article was found to name, written in one transaction with the article taken off the queue. An
 * article deleted meanwhile stays deleted; names the reader dismissed are not kept.
 */
export async function saveSightings(article: PendingArticle, names: readonly NameInArticle[]): Promise<void> {
  await writeReading(async (tx) => {
    await tx.objectStore('pending').delete(article.url);
    const stored = await tx.objectStore('articles').get(article.url);
    if (stored) {
      await forgetSightingsOf(tx, article.url);
      const touched = new Set<string>();
      for (const n of names) {
        const row = await tx.objectStore('learned').get(n.key);
        if (row?.status === 'dismissed') continue;
        await tx.objectStore('sightings').put({ id: `${n.key}\u0000${article.url}`, key: n.key, name: n.name, type: n.type, url: article.url, site: stored.site, visited: stored.visited, texts: n.texts });
        touched.add(n.key);
      }
      for (const key of touched) await recount(tx, key);
    }
  });
}

/** Every learned row (dismissed ones too: the options page lists them so a dismissal can be undone). */
export async function learnedNames(): Promise<LearnedRow[]> {
  const db = await openReadingDb();
  return (await db.getAll('learned')).sort((a, b) => b.lastRead - a.lastRead || (a.key < b.key ? -1 : 1));
}

export async function learnedName(key: string): Promise<LearnedRow | undefined> {
  return (await openReadingDb()).get('learned', key);
}

export type LearnedChoice =
  | { kind: 'keep' }
  | { kind: 'rename'; name: string }
  | { kind: 'merge'; into: string; intoName: string }
  | { kind: 'dismiss' }
  | { kind: 'restore' };

/** The reader's choice about a learned name. Dismissing drops its sentences; its row stays, so it never returns. */
export async function chooseLearned(key: string, choice: LearnedChoice): Promise<void> {
  await writeReading(async (tx) => {
    const row = await tx.objectStore('learned').get(key);
    if (!row) throw new Error(`no learned name "${key}"`);
    let next: LearnedRow = row;
    if (choice.kind === 'keep') next = { ...row, status: 'kept' };
    if (choice.kind === 'rename') {
      const name = choice.name.replace(/\p{Cc}/gu, ' ').trim().slice(0, 120);
      if (name === '') throw new Error('a name cannot be empty');
      next = { ...row, renamed: name, status: row.status === 'new' ? 'kept' : row.status };
    }
    if (choice.kind === 'merge') next = { ...row, status: 'merged', mergedInto: choice.into, mergedName: choice.intoName };
    if (choice.kind === 'restore') next = { ...row, status: 'kept', mergedInto: undefined, mergedName: undefined };
    if (choice.kind === 'dismiss') {
      next = { ...row, status: 'dismissed', mergedInto: undefined, mergedName: undefined, articles: 0, sites: 0 };
      const range = visitsOf(key);
      for (let c = await tx.objectStore('sightings').index('byKey').openCursor(range); c; c = await c.continue()) await c.delete();
    }
    await tx.objectStore('learned').put(next);
  });
}

/** Where and when a learned name was read, newest first, as a card's "You read" (`exceptUrl` left out). */
export async function learnedReading(key: string, exceptUrl: string, limit: number): Promise<YouRead> {
  const db = await openReadingDb();
  const tx = db.transaction(['sightings', 'articles'], 'readonly');
  const range = visitsOf(key);
  let articles = 0;
  const items: YouRead['items'] = [];
  for (let c = await tx.objectStore('sightings').index('byKey').openCursor(range, 'prev'); c; c = await c.continue()) {
    const row = c.value;
    if (row.url === exceptUrl) continue;
    articles++;
    if (items.length >= limit) continue;
    items.push(youReadItem(row, await tx.objectStore('articles').get(row.url)));
  }
  return { articles, items };
}
