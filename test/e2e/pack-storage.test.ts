/**
 * Imported packs in storage: a large valid pack fits (unlimitedStorage), imports from two options tabs at once
 * both land, and nothing is left unlisted.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from '../../support/browser';

let browser: ExtensionBrowser;
const dir = mkdtempSync(join(tmpdir(), 'backstory-packs-'));

/** A pack like one built from a real archive: entities with summaries, sentences and dated documents. */
function writePack(id: string, entities: number): string {
  const documents = Array.from({ length: 500 }, (_, i) => ({ id: `d${i}`, title: `Article ${i} about the region`, kind: 'article', date: '2025-11-02', source: 'archive.txt' }));
  const list = Array.from({ length: entities }, (_, i) => {
    const name = `Archive Person ${i.toString(36)}q${(i * 7919).toString(36)}`;
    const sentence = `${name} told reporters on Tuesday that the talks in the capital would go on for another week.`;
    return {
      id: `p${i}`, name, type: 'person',
      summary: `A person named in the archive, entry ${i}: long enough to read like a real summary line on a card.`,
      sentences: [0, 1, 2].map((k) => ({ doc: `d${(i + k) % 500}`, text: sentence, marks: [[0, name.length]] })),
    };
  });
  const file = join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify({ format: 'backstory-pack', formatVersion: 1, id, name: `Pack ${id}`, version: '1', documents, entities: list }));
  return file;
}

async function storageState(page: Awaited<ReturnType<typeof openExtensionPage>>): Promise<{ keys: string[]; listed: string[]; bytes: number }> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>>; getBytesInUse(k: null): Promise<number> } } } }).chrome;
    const all = await api.storage.local.get(null);
    const listed = Array.isArray(all.packs) ? (all.packs as Array<{ id: string }>).map((p) => p.id) : [];
    return { keys: Object.keys(all).filter((k) => k.startsWith('pack:')).sort(), listed: listed.sort(), bytes: await api.storage.local.getBytesInUse(null) };
  });
}

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('imported packs in storage', () => {
  test('a valid 14,000-entity pack of several megabytes imports (no 10 MB storage cap)', async () => {
    const file = writePack('archive', 14_000);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(3_500_000);
    const options = await openExtensionPage(browser, 'options.html');
    await options.waitForSelector('table.packs tbody tr');
    await options.locator('#pack-file').setInputFiles(file);
    await expect.poll(() => options.locator('#import-message').textContent(), { timeout: 60_000 }).toMatch(/Imported "Pack archive" with 14000 entities/);
    const state = await storageState(options);
    console.log(`14,000-entity pack: file ${(size / 1048576).toFixed(1)} MB, storage.local in use ${(state.bytes / 1048576).toFixed(1)} MB`);
    expect(state.listed).toEqual(['archive']);
    expect(state.keys).toEqual(['pack:archive']);
    options.once('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: 'Remove Pack archive' }).click();
    await expect.poll(async () => (await storageState(options)).keys).toEqual([]);
    await options.close();
  });

  test('a stored pack that no list entry names (left by a crash) is removed when the options page opens', async () => {
    await browser.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await api.storage.local.set({ 'pack:ghost': '{"id":"ghost"}' });
    });
    const options = await openExtensionPage(browser, 'options.html');
    await options.waitForSelector('table.packs tbody tr');
    await expect.poll(async () => (await storageState(options)).keys, { timeout: 5000 }).not.toContain('pack:ghost');
    await options.close();
  });

  test('two options tabs importing at once: both packs are listed, none is left unlisted', async () => {
    const a = writePack('tab-a', 2_000);
    const b = writePack('tab-b', 2_000);
    const [first, second] = await Promise.all([openExtensionPage(browser, 'options.html'), openExtensionPage(browser, 'options.html')]);
    if (!first || !second) throw new Error('options pages did not open');
    await Promise.all([first.waitForSelector('table.packs tbody tr'), second.waitForSelector('table.packs tbody tr')]);
    await Promise.all([first.locator('#pack-file').setInputFiles(a), second.locator('#pack-file').setInputFiles(b)]);
    await expect.poll(() => first.locator('#import-message').textContent(), { timeout: 30_000 }).toMatch(/Imported/);
    await expect.poll(() => second.locator('#import-message').textContent(), { timeout: 30_000 }).toMatch(/Imported/);
    const state = await storageState(first);
    expect(state.listed).toEqual(['tab-a', 'tab-b']);
    expect(state.keys).toEqual(['pack:tab-a', 'pack:tab-b']);
    await first.close();
    await second.close();
  });
});
