/**
 * Imported packs in storage, and cards that fetch their details: a large pack imports into IndexedDB (details)
 * and storage.local (its index, which the service worker matches pages with); a page highlights its names and
 * a card shows details read by the service worker, also right after the worker was stopped; packs stored by version 0.1 move to the new
 * layout when the worker starts; imports from two options tabs at once both land; nothing is left unlisted.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hoverText, launchExtension, openExtensionPage, openPage, readCard, type ExtensionBrowser } from '../../support/browser';
import { seedArticlePage } from '../../support/sample-pages';
import { startServer, type PageServer } from '../../support/server';
import { syntheticPack } from '../../support/synthetic-pack';

let browser: ExtensionBrowser;
let server: PageServer;
const dir = mkdtempSync(join(tmpdir(), 'backstory-packs-'));

function writePack(id: string, entities: number): { file: string; pack: ReturnType<typeof syntheticPack> } {
  const pack = syntheticPack(entities, id);
  const file = join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify(pack));
  return { file, pack };
}

interface StorageState {
  /** storage.local keys that hold packs (indexes, or version 0.1's whole packs). */
  keys: string[];
  listed: string[];
  bytes: number;
  /** Entity records in IndexedDB, per pack. */
  records: Record<string, number>;
}

async function storageState(page: Page): Promise<StorageState> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>>; getBytesInUse(k: null): Promise<number> } } } }).chrome;
    const all = await api.storage.local.get(null);
    const listed = Array.isArray(all.packs) ? (all.packs as Array<{ id: string }>).map((p) => p.id) : [];
    const records: Record<string, number> = {};
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('backstory-packs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error('IndexedDB did not open'));
    });
    if (db.objectStoreNames.contains('entities')) {
      const packIds = await new Promise<string[]>((resolve) => {
        const req = db.transaction('packs').objectStore('packs').getAllKeys();
        req.onsuccess = () => resolve(req.result.map((k) => (typeof k === 'string' ? k : '?')));
      });
      for (const id of packIds) {
        records[id] = await new Promise<number>((resolve) => {
          const req = db.transaction('entities').objectStore('entities').index('byPack').count(IDBKeyRange.only(id));
          req.onsuccess = () => resolve(req.result);
        });
      }
    }
    db.close();
    return { keys: Object.keys(all).filter((k) => k.startsWith('pack')  && k !== 'packs').sort(), listed: listed.sort(), bytes: await api.storage.local.getBytesInUse(null), records };
  });
}

/** Stops every service worker through DevTools, as Chrome does to an idle extension, and waits until it is gone. */
async function stopServiceWorker(page: Page): Promise<void> {
  await browser.worker.evaluate(() => ((globalThis as { coldMark?: number }).coldMark = 1));
  const session = await page.context().newCDPSession(page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
}

/** True when the worker now running is a new one (the mark set before the stop is gone). */
const workerIsFresh = (): Promise<boolean> => browser.worker.evaluate(() => (globalThis as { coldMark?: number }).coldMark === undefined);

function namesPage(names: string[]): string {
  return `<!doctype html><html lang="en"><head><title>Archive names</title></head><body><main><article><h1>Talks resume</h1>${names
    .map((n) => `<p>On Tuesday ${n} told reporters in the capital that the talks would go on for another week, and that more meetings were planned.</p>`)
    .join('')}</article></main></body></html>`;
}

beforeAll(async () => {
  browser = await launchExtension();
  server = await startServer();
  server.route('/seed.html', seedArticlePage());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('imported packs in storage', () => {
  test('a 14,000-entity pack: details in IndexedDB, index in storage.local; a card fetches its entity; remove takes both', async () => {
    const { file, pack } = writePack('archive', 14_000);
    const size = statSync(file).size;
    const options = await openExtensionPage(browser, 'options.html');
    await options.waitForSelector('table.packs tbody tr');
    await options.locator('#pack-file').setInputFiles(file);
    await expect.poll(() => options.locator('#import-message').textContent(), { timeout: 60_000 }).toMatch(/Imported "Synthetic archive \(14,000 entities\)" with 14,000 entities/);
    const state = await storageState(options);
    console.log(`14,000-entity pack: file ${(size / 1048576).toFixed(1)} MB; storage.local in use ${(state.bytes / 1048576).toFixed(2)} MB; ${state.records.archive ?? 0} records in IndexedDB`);
    expect(state.listed).toEqual(['archive']);
    expect(state.keys).toEqual(['packindex:archive']);
    expect(state.records).toEqual({ archive: 14_000 });

    const last = pack.entities.at(-1);
    if (!last) throw new Error('empty pack');
    server.route('/archive.html', namesPage([last.name]));
    const page = await openPage(browser, server.url('/archive.html'), 1);
    await hoverText(page, last.name);
    await expect.poll(async () => (await readCard(page)).text, { timeout: 5000 }).toContain(last.summary);
    const card = await readCard(page);
    expect(card.name).toBe(last.name);
    expect(card.text).toContain('Officials said');
    await page.close();

    options.once('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: /Remove Synthetic archive/ }).click();
    await expect.poll(async () => (await storageState(options)).keys).toEqual([]);
    expect((await storageState(options)).records).toEqual({});
    await options.close();
  });

  test('after the service worker was stopped, a hover wakes it and the card gets its details', async () => {
    const page = await openPage(browser, server.url('/seed.html'), 5);
    await stopServiceWorker(page);
    await hoverText(page, 'drone wall');
    await expect.poll(async () => (await readCard(page)).text, { timeout: 5000 }).toContain('layered defence against drones');
    expect(await readCard(page)).toMatchObject({ open: true, name: 'Drone wall' });
    expect(await workerIsFresh()).toBe(true);
    expect(browser.extensionErrors).toEqual([]);
    await page.close();
  });

  test('imported names are matched by the service worker: a page opened after it was stopped wakes it, is highlighted, and its cards open', async () => {
    const { file, pack } = writePack('woken', 3_000);
    const options = await openExtensionPage(browser, 'options.html');
    await options.waitForSelector('table.packs tbody tr');
    await options.locator('#pack-file').setInputFiles(file);
    await expect.poll(() => options.locator('#import-message').textContent(), { timeout: 60_000 }).toMatch(/Imported/);
    const names = [pack.entities[7], pack.entities[2_999]].map((e) => e?.name ?? '');
    server.route('/woken.html', namesPage(names));
    await stopServiceWorker(options);
    const page = await browser.context.newPage();
    await page.goto(server.url('/woken.html'));
    // Only the imported pack names anything on this page: every highlight came from the worker's answer.
    await expect.poll(async () => (await page.evaluate(() => [...(CSS.highlights.values() as Iterable<Set<AbstractRange>>)].reduce((n, h) => n + h.size, 0))), { timeout: 10_000 }).toBe(2);
    expect(await workerIsFresh()).toBe(true);
    await hoverText(page, names[1] ?? '');
    await expect.poll(async () => (await readCard(page)).name, { timeout: 5000 }).toBe(names[1]);
    expect((await readCard(page)).text).toContain('Synthetic archive');
    expect(browser.extensionErrors).toEqual([]);
    await page.close();
    options.once('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: /Remove Synthetic/ }).click();
    await expect.poll(async () => (await storageState(options)).keys).toEqual([]);
    await options.close();
  });

  test('a pack stored by version 0.1 (whole, in storage.local) moves to the new layout when the worker starts', async () => {
    const pack = syntheticPack(3_000, 'legacy');
    const summary = { id: pack.id, name: pack.name, version: pack.version, corpusDate: pack.corpusDate, entities: pack.entities.length, bundled: false };
    await browser.worker.evaluate(async ({ json, summary }) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await api.storage.local.set({ 'pack:legacy': json, packs: [summary] });
    }, { json: JSON.stringify(pack), summary });
    const options = await openExtensionPage(browser, 'options.html');
    // As after an update: the worker starts anew (here woken by a card's request for details).
    await stopServiceWorker(options);
    const first = pack.entities[0];
    if (!first) throw new Error('empty pack');
    const answer = await options.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ details: { summary: string } | null }> } } }).chrome;
      return api.runtime.sendMessage({ type: 'entity-details', packId: 'legacy', id });
    }, first.id);
    expect(answer.details?.summary).toBe(first.summary);
    expect(await workerIsFresh()).toBe(true);
    await expect.poll(async () => (await storageState(options)).keys, { timeout: 20_000 }).toEqual(['packindex:legacy']);
    expect((await storageState(options)).records).toEqual({ legacy: 3_000 });
    server.route('/legacy.html', namesPage([first.name]));
    const page = await openPage(browser, server.url('/legacy.html'), 1);
    await hoverText(page, first.name);
    await expect.poll(async () => (await readCard(page)).text, { timeout: 5000 }).toContain(first.summary);
    await page.close();
    options.once('dialog', (d) => void d.accept());
    await options.reload();
    await options.waitForSelector('table.packs tbody tr');
    await options.getByRole('button', { name: /Remove Synthetic archive/ }).click();
    await expect.poll(async () => (await storageState(options)).keys).toEqual([]);
    await options.close();
  });

  test('a stored index that no list entry names (left by a crash) is removed when the options page opens', async () => {
    await browser.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await api.storage.local.set({ 'packindex:ghost': 'QktTWA==' });
    });
    const options = await openExtensionPage(browser, 'options.html');
    await options.waitForSelector('table.packs tbody tr');
    await expect.poll(async () => (await storageState(options)).keys, { timeout: 5000 }).not.toContain('packindex:ghost');
    await options.close();
  });

  test('two options tabs importing at once: both packs are listed and stored, none is left unlisted', async () => {
    const a = writePack('tab-a', 2_000).file;
    const b = writePack('tab-b', 2_000).file;
    const [first, second] = await Promise.all([openExtensionPage(browser, 'options.html'), openExtensionPage(browser, 'options.html')]);
    if (!first || !second) throw new Error('options pages did not open');
    await Promise.all([first.waitForSelector('table.packs tbody tr'), second.waitForSelector('table.packs tbody tr')]);
    await Promise.all([first.locator('#pack-file').setInputFiles(a), second.locator('#pack-file').setInputFiles(b)]);
    await expect.poll(() => first.locator('#import-message').textContent(), { timeout: 30_000 }).toMatch(/Imported/);
    await expect.poll(() => second.locator('#import-message').textContent(), { timeout: 30_000 }).toMatch(/Imported/);
    const state = await storageState(first);
    expect(state.listed).toEqual(['tab-a', 'tab-b']);
    expect(state.keys).toEqual(['packindex:tab-a', 'packindex:tab-b']);
    expect(state.records).toEqual({ 'tab-a': 2_000, 'tab-b': 2_000 });
    await first.close();
    await second.close();
  });
});
