/**
 * Names learned from reading: found by compromise in kept sentences, learned once read in two articles on two
 * sites, never a name a pack knows, recounted when reading is deleted, and the reader's choices (keep, rename,
 * merge, dismiss) hold: a dismissed name never returns. The learned pack is what pages match.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import nlp from 'compromise';
import bundledIndex from '../../generated/backstory-news.index.json';
import type { NlpDoc } from '../../lib/kb/name-finder';
import { deleteArticle, evictOldest, forgetEntity, forgetEverything, importArticles, readingStats, saveArticle, youRead } from '../../lib/reading/reading-db';
import { chooseLearned, learnedNames, learnedReading, pendingArticles } from '../../lib/reading/learned-db';
import { learnPending } from '../../lib/reading/learn-job';
import { knownTo, namesInArticle } from '../../lib/reading/learn-names';
import { LEARNED_INDEX_KEY, LEARNED_PACK_ID } from '../../lib/reading/learned-keys';
import { learnedPack, publishLearnedIndex } from '../../lib/reading/learned-pack';
import { learnedDetails } from '../../lib/reading/reading-service';
import { defaultSettings, SETTINGS_KEY } from '../../lib/settings/schema';
import { bytesFromBase64 } from '../../lib/spot/base64';
import { decodePackIndex } from '../../lib/spot/pack-index';
import { scanDocument } from '../../lib/spot/scan-document';
import { parse } from './helpers';

const parseText = nlp as unknown as (text: string) => NlpDoc;
const bundled = decodePackIndex(bytesFromBase64(bundledIndex.base64));
const isKnown = knownTo([bundled]);
const NATO = 'backstory-news/nato';

function article(url: string, visited: number, texts: string[]) {
  return { url, title: `Story at ${url}`, site: new URL(url).host, published: '', visited, sentences: texts.map((text) => ({ text, entities: [NATO] })) };
}

const learn = () => learnPending(parseText, isKnown);
/** The learned rows for the people in these tests (the places in their sentences are learned too). */
const people = async () => (await learnedNames()).filter((r) => r.type === 'person');

beforeEach(async () => {
  fakeBrowser.reset();
  await forgetEverything();
});

describe('finding new names', () => {
  test('people, organizations and places compromise finds, not what the bundled pack knows, not given names alone or titles', () => {
    const texts = [
      'Donald Trump met Ilse Vandermeer, the Dutch envoy to NATO, in Brussels on Monday.',
      'Michael said NATO would meet again, and Vandermeer agreed with Trump.',
    ];
    const names = namesInArticle(texts, parseText, isKnown);
    const byName = new Map(names.map((n) => [n.name, n]));
    expect(byName.get('Ilse Vandermeer')).toMatchObject({ type: 'person', key: 'ilse vandermeer', texts: [texts[0]] });
    // Known to the bundled pack, a given name alone, a surname alone: none is a new name.
    for (const name of ['Donald Trump', 'NATO', 'Michael', 'Vandermeer', 'Trump']) expect(byName.has(name)).toBe(false);
  });

  test('the whole name must be known: a pack alias inside a longer new name does not hide it', () => {
    expect(isKnown('NATO')).toBe(true);
    expect(isKnown('Donald Trump')).toBe(true);
    expect(isKnown('NATO Command Riga')).toBe(false);
    expect(isKnown('Ilse Vandermeer')).toBe(false);
  });
});

describe('learning from the store', () => {
  const A = 'https://one.example/a';
  const B = 'https://two.example/b';
  const C = 'https://one.example/c';
  const sentence = (who: string) => `NATO envoy ${who} visited Constanța with Romanian officials.`;

  test('places and organizations are learned too (Constanța is in no bundled pack)', async () => {
    await saveArticle(article(A, 1_000, [sentence('Ilse Vandermeer')]));
    await saveArticle(article(B, 2_000, [sentence('Ilse Vandermeer')]));
    await learn();
    expect((await learnedNames()).map((r) => [r.name, r.type]).sort()).toEqual([['Constanța', 'place'], ['Ilse Vandermeer', 'person']]);
  });

  test('a name read in two articles on one site is not learned; on a second site it is, with where and when it was read', async () => {
    await saveArticle(article(A, 1_000, [sentence('Ilse Vandermeer')]));
    await saveArticle(article(C, 2_000, [sentence('Ilse Vandermeer')]));
    expect((await learn()).articles).toBe(2);
    expect(await people()).toEqual([]);
    await saveArticle(article(B, 3_000, [sentence('Ilse Vandermeer')]));
    expect(await learn()).toMatchObject({ articles: 1 });
    expect(await pendingArticles(10)).toEqual([]);
    const [row] = await people();
    expect(row).toMatchObject({ key: 'ilse vandermeer', name: 'Ilse Vandermeer', type: 'person', status: 'new', articles: 3, sites: 2, firstRead: 1_000, lastRead: 3_000 });
    const read = await learnedReading('ilse vandermeer', B, 5);
    expect(read.articles).toBe(2);
    expect(read.items.map((i) => i.url)).toEqual([C, A]);
    expect(read.items[0]?.text).toBe(sentence('Ilse Vandermeer'));
  });

  test('deleting reading recounts: a new name that falls below the rule goes; a kept one stays', async () => {
    await saveArticle(article(A, 1_000, [sentence('Ilse Vandermeer'), 'NATO aide Pieter Okonkwo-Lind spoke in Riga.']));
    await saveArticle(article(B, 2_000, [sentence('Ilse Vandermeer'), 'NATO aide Pieter Okonkwo-Lind spoke in Riga.']));
    await learn();
    expect((await people()).map((r) => r.name).sort()).toEqual(['Ilse Vandermeer', 'Pieter Okonkwo-Lind']);
    await chooseLearned('ilse vandermeer', { kind: 'keep' });
    await deleteArticle(B);
    expect(await people()).toEqual([expect.objectContaining({ key: 'ilse vandermeer', status: 'kept', articles: 1, sites: 1 })]);
    // Forgetting the only entity an article mentions deletes the article, and the names found in it with it.
    await saveArticle(article(C, 3_000, [sentence('Pieter Okonkwo-Lind')]));
    await learn();
    await forgetEntity(NATO);
    expect(await pendingArticles(10)).toEqual([]);
    expect((await learnedReading('ilse vandermeer', '', 5)).articles).toBe(0);
    await saveArticle(article(A, 1_000, [sentence('Ilse Vandermeer')]));
    await learn();
    // Eviction goes through the same path.
    await evictOldest(0);
    expect(await people()).toEqual([expect.objectContaining({ key: 'ilse vandermeer', status: 'kept', articles: 0 })]);
  });

  test('a dismissed name loses its sentences and never returns, even when read again on new sites', async () => {
    await saveArticle(article(A, 1_000, [sentence('Ilse Vandermeer')]));
    await saveArticle(article(B, 2_000, [sentence('Ilse Vandermeer')]));
    await learn();
    await chooseLearned('ilse vandermeer', { kind: 'dismiss' });
    expect((await learnedReading('ilse vandermeer', '', 5)).articles).toBe(0);
    await saveArticle(article('https://three.example/x', 3_000, [sentence('Ilse Vandermeer')]));
    await saveArticle(article('https://four.example/y', 4_000, [sentence('Ilse Vandermeer')]));
    await learn();
    expect(await people()).toEqual([expect.objectContaining({ status: 'dismissed', articles: 0 })]);
    expect(learnedPack(await learnedNames(), '2026-11-27').entities.map((e) => e.name)).toEqual(['Constanța']);
  });

  test('rename and merge: the learned pack matches every form read and shows the chosen name; pages find it', async () => {
    await saveArticle(article(A, 1_000, [sentence('Ilse Vandermeer')]));
    await saveArticle(article(B, 2_000, [sentence('Ilse Vandermeer')]));
    await learn();
    await chooseLearned('ilse vandermeer', { kind: 'rename', name: 'Ambassador Ilse Vandermeer' });
    const ilse = async () => learnedPack(await learnedNames(), '2026-11-27').entities.find((e) => e.id === 'ilse vandermeer');
    let entity = await ilse();
    expect(entity).toMatchObject({ id: 'ilse vandermeer', name: 'Ambassador Ilse Vandermeer', type: 'person' });
    expect(entity?.aliases).toContain('Ilse Vandermeer');

    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), readingMemory: true } });
    expect(await publishLearnedIndex()).toBe(2);
    const stored = (await fakeBrowser.storage.local.get(LEARNED_INDEX_KEY))[LEARNED_INDEX_KEY] as string;
    const pack = decodePackIndex(bytesFromBase64(stored));
    expect(scanDocument(parse('<p>Talks with Ilse Vandermeer resumed on Tuesday.</p>').body, [pack]).map((m) => [m.packId, m.text])).toEqual([[LEARNED_PACK_ID, 'Ilse Vandermeer']]);

    const sender = { url: 'https://five.example/z', tab: { incognito: false } };
    const card = await learnedDetails('ilse vandermeer', sender);
    expect(card.details?.summary).toMatch(/learned from your reading: 2 articles on 2 sites/);
    expect(card.youRead?.items.map((i) => i.url)).toEqual([B, A]);
    // Nothing in a private window.
    expect((await learnedDetails('ilse vandermeer', { ...sender, tab: { incognito: true } })).details).toBeNull();

    await chooseLearned('ilse vandermeer', { kind: 'merge', into: NATO, intoName: 'NATO' });
    entity = await ilse();
    expect(entity?.name).toBe('NATO');
    await chooseLearned('ilse vandermeer', { kind: 'dismiss' });
    await chooseLearned('constanta', { kind: 'dismiss' });
    expect(await publishLearnedIndex()).toBe(0);
    expect((await fakeBrowser.storage.local.get(LEARNED_INDEX_KEY))[LEARNED_INDEX_KEY]).toBeUndefined();
  });

  test('a run stopped part way (the parser fails on the second article) keeps what it finished, and the rest stays queued for the next run', async () => {
    await saveArticle(article(A, 1_000, [sentence('Ilse Vandermeer')]));
    await saveArticle(article(B, 2_000, [sentence('Ilse Vandermeer')]));
    let calls = 0;
    const failing = (text: string): NlpDoc => {
      if (++calls === 2) throw new Error('the worker was stopped');
      return parseText(text);
    };
    await expect(learnPending(failing, isKnown)).rejects.toThrow('the worker was stopped');
    expect((await pendingArticles(10)).map((p) => p.url)).toEqual([B]);
    expect(await people()).toEqual([]);
    expect(await learn()).toMatchObject({ articles: 1 });
    expect(await people()).toEqual([expect.objectContaining({ key: 'ilse vandermeer', articles: 2, sites: 2 })]);
  });
});

describe('writes cut short', () => {
  test('a write that fails part way leaves the store as it was: what was acknowledged before is whole, nothing of the failed write is in', async () => {
    await saveArticle(article('https://one.example/a', 1_000, ['NATO met in Brussels.']));
    // The second article cannot be stored (a value IndexedDB cannot clone): its transaction aborts.
    const broken = { ...article('https://two.example/b', 2_000, ['NATO met again.']), title: (() => undefined) as unknown as string };
    await expect(importArticles([article('https://three.example/c', 3_000, ['NATO drills.']), broken])).rejects.toThrow();
    expect((await readingStats()).articles).toBe(1);
    expect(await youRead(NATO, '', 5)).toEqual({ articles: 1, items: [expect.objectContaining({ url: 'https://one.example/a', text: 'NATO met in Brussels.' })] });
    expect((await pendingArticles(10)).map((p) => p.url)).toEqual(['https://one.example/a']);
  });
});
