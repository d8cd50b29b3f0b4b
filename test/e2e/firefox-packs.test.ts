/**
 * Firefox ESR: cards fetch their details from the event page, also after Firefox suspended it (the idle
 * timeout is shortened to one second so a test can wait it out), and an imported pack lives in IndexedDB
 * (details) and storage.local (the index the page reads).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedArticlePage } from '../../support/sample-pages';
import { firefoxPath, launchFirefox, type Firefox } from '../../support/firefox';
import { poll } from '../../support/poll';
import { startServer, type PageServer } from '../../support/server';
import { syntheticPack } from '../../support/synthetic-pack';

const available = firefoxPath() !== null;
if (!available) console.warn('Firefox ESR not found: skipping the Firefox pack suite (apt-get install -y firefox-esr).');

let ff: Firefox;
let server: PageServer;
/** An extension page (the first-run tab), where the test runs extension code. */
let extensionTab = '';

const COUNT = `(() => { let n = 0; CSS.highlights.forEach((h, name) => { if (name.startsWith('backstory-') && name !== 'backstory-active') n += h.size; }); return n; })()`;
const IDLE_MS = 1000;

function locate(text: string): string {
  return `(() => {
    const w = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const at = n.data.indexOf(${JSON.stringify(text)});
      if (at < 0) continue;
      const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + ${text.length});
      n.parentElement.scrollIntoView({ block: 'center' });
      const b = r.getClientRects()[0];
      return [b.left + b.width / 2, b.top + b.height / 2];
    }
    return null;
  })()`;
}

/** The card's height as a page could measure it: the rows where some point hits the card's host element. */
const CARD_HEIGHT = `(() => {
  let t = Infinity, b = -1;
  for (let y = 0; y < innerHeight; y += 4) for (let x = 0; x < innerWidth; x += 8) {
    const el = document.elementFromPoint(x, y);
    if (el && el.matches(':root > div[style*="2147483647"]')) { t = Math.min(t, y); b = Math.max(b, y); }
  }
  return b < 0 ? 0 : b - t;
})()`;

const askDetails = (packId: string, id: string): string =>
  `browser.runtime.sendMessage({ type: 'entity-details', packId: ${JSON.stringify(packId)}, id: ${JSON.stringify(id)} }).then((a) => a.details ? a.details.summary : (a.error ?? 'none'))`;

describe.skipIf(!available)('Firefox ESR: details on demand from the event page', () => {
  beforeAll(async () => {
    server = await startServer();
    server.route('/seed.html', seedArticlePage());
    ff = await launchFirefox({ prefs: [['extensions.background.idle.timeout', IDLE_MS]], keepWelcome: true });
    extensionTab = ff.welcome ?? '';
    await ff.navigate(server.url('/seed.html'));
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  test('after the event page was suspended, a hover wakes it and the card fills with its details', async () => {
    expect(await poll(() => ff.evaluate<number>(COUNT), (n) => n > 20, 15_000)).toBeGreaterThan(20);
    await ff.evaluate(`browser.runtime.getBackgroundPage().then((bg) => { bg.coldMark = 1; })`, extensionTab);
    expect(await ff.evaluate(`browser.runtime.getBackgroundPage().then((bg) => bg.coldMark)`, extensionTab)).toBe(1);
    // Idle for three timeouts: Firefox suspends the event page.
    await new Promise((r) => setTimeout(r, IDLE_MS * 3));
    const at = await ff.evaluate<[number, number]>(locate('drone wall'));
    await ff.pointerMove(at[0] - 30, at[1] + 40);
    await ff.pointerMove(at[0], at[1]);
    // The card opens at once (name and "Loading…"), then grows when the summary, quotes and related arrive.
    const height = await poll(() => ff.evaluate<number>(CARD_HEIGHT), (h) => h > 300, 5000);
    expect(height).toBeGreaterThan(300);
    // A new event page answered: the mark set on the suspended one is gone.
    expect(await ff.evaluate(`browser.runtime.getBackgroundPage().then((bg) => bg.coldMark === undefined)`, extensionTab)).toBe(true);
    await ff.press('Escape');
  });

  test('an imported pack: details in IndexedDB answer a card, its index highlights a page', async () => {
    const pack = syntheticPack(2_000, 'ff-archive');
    const entity = pack.entities[1999];
    if (!entity) throw new Error('empty pack');
    await ff.evaluate(`location.href = 'options.html'`, extensionTab);
    await poll(() => ff.evaluate<boolean>(`document.querySelector('#pack-file') !== null`, extensionTab).catch(() => false), Boolean, 10_000);
    // The options page's own file input, given a file the way a drop would.
    await ff.evaluate(`(() => {
      const input = document.querySelector('#pack-file');
      const files = new DataTransfer();
      files.items.add(new File([${JSON.stringify(JSON.stringify(pack))}], 'ff-archive.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    })()`, extensionTab);
    const message = await poll(() => ff.evaluate<string>(`document.querySelector('#import-message')?.textContent ?? ''`, extensionTab), (m) => /Imported/.test(m), 30_000);
    expect(message).toMatch(/with 2000 entities/);
    expect(await ff.evaluate<string>(askDetails('ff-archive', entity.id), extensionTab)).toBe(entity.summary);
    const stored = await ff.evaluate<string[]>(`browser.storage.local.get(null).then((all) => Object.keys(all).filter((k) => k.startsWith('pack')).sort())`, extensionTab);
    expect(stored).toEqual(['packindex:ff-archive', 'packs']);

    server.route('/names.html', `<!doctype html><html lang="en"><head><title>Names</title></head><body><main><article><h1>Talks</h1><p>Reporters heard from ${entity.name} in the capital, where the talks will go on for another week and more meetings are planned.</p></article></main></body></html>`);
    await ff.navigate(server.url('/names.html'));
    expect(await poll(() => ff.evaluate<number>(COUNT), (n) => n >= 1, 10_000)).toBe(1);
    expect(await ff.evaluate(askDetails('ff-archive', 'no-such-entity'), extensionTab)).toBe('none');
  });
});
