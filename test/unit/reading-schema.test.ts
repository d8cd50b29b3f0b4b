import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { expect, test } from 'vitest';
import { exportArticles, readingStats, youRead } from '../../lib/reading/reading-db';
import { READING_DB } from '../../lib/reading/reading-schema';

const NATO = 'backstory-news/nato';
const ROMANIA = 'backstory-news/romania';
const ARTICLES = 300;

/** A store as version 3 wrote it: mention rows without their article's head or a newest-first key. */
async function storeVersion3(): Promise<void> {
  const db = await openDB(READING_DB, 3, {
    upgrade(up) {
      up.createObjectStore('articles', { keyPath: 'url' }).createIndex('byVisit', 'visited');
      const mentions = up.createObjectStore('mentions', { keyPath: 'id' });
      mentions.createIndex('byEntity', ['entity', 'visited']);
      mentions.createIndex('byUrl', 'url');
      up.createObjectStore('counts', { keyPath: 'entity' });
      up.createObjectStore('pending', { keyPath: 'url' });
      const sightings = up.createObjectStore('sightings', { keyPath: 'id' });
      sightings.createIndex('byKey', ['key', 'visited']);
      sightings.createIndex('byUrl', 'url');
      up.createObjectStore('learned', { keyPath: 'key' });
    },
  });
  const tx = db.transaction(['articles', 'mentions', 'counts'], 'readwrite');
  for (let i = 0; i < ARTICLES; i++) {
    const url = `https://site${i % 7}.example/story-${i}`;
    // Visit times out of order, so "newest first" cannot come from the order of writing.
    const visited = 1_000_000 + ((i * 7919) % ARTICLES) * 1_000;
    void tx.objectStore('articles').put({ url, title: `Story ${i}`, site: `Site ${i % 7}`, published: i % 2 ? '2026-10-01' : '', visited, sentences: 2, bytes: 100 });
    void tx.objectStore('mentions').put({ id: `${NATO}\u0000${url}`, entity: NATO, url, visited, texts: [`NATO sentence ${i}.`] });
    if (i % 3 === 0) void tx.objectStore('mentions').put({ id: `${ROMANIA}\u0000${url}`, entity: ROMANIA, url, visited, texts: [`Romania sentence ${i}.`] });
  }
  void tx.objectStore('counts').put({ entity: NATO, articles: ARTICLES });
  void tx.objectStore('counts').put({ entity: ROMANIA, articles: ARTICLES / 3 });
  await tx.done;
  db.close();
}

test('a version 3 store moves to version 4 with nothing lost: "You read" gives the newest articles with their titles', async () => {
  await storeVersion3();
  // The same article rows, sorted newest first, as the old cursor walk would have given them.
  const newest = Array.from({ length: ARTICLES }, (_, i) => ({ i, visited: 1_000_000 + ((i * 7919) % ARTICLES) * 1_000 })).sort((a, b) => b.visited - a.visited);
  const [first, second, third, fourth] = newest.map((n) => n.i) as [number, number, number, number];
  const found = await youRead(NATO, `https://site${first % 7}.example/story-${first}`, 3);
  expect(found.articles).toBe(ARTICLES - 1);
  expect(found.items).toEqual([second, third, fourth].map((i) => ({
    url: `https://site${i % 7}.example/story-${i}`,
    title: `Story ${i}`,
    site: `Site ${i % 7}`,
    date: i % 2 ? '2026-10-01' : new Date(1_000_000 + ((i * 7919) % ARTICLES) * 1_000).toISOString().slice(0, 10),
    text: `NATO sentence ${i}.`,
  })));
  const romania = await youRead(ROMANIA, '', 2);
  expect(romania.articles).toBe(ARTICLES / 3);
  expect(romania.items.map((item) => item.text)).toEqual(newest.filter((n) => n.i % 3 === 0).slice(0, 2).map((n) => `Romania sentence ${n.i}.`));
  // Every article and sentence is still there.
  expect((await readingStats()).articles).toBe(ARTICLES);
  const exported = await exportArticles();
  expect(exported).toHaveLength(ARTICLES);
  expect(exported.reduce((n, a) => n + a.sentences.length, 0)).toBe(ARTICLES + ARTICLES / 3);
});
