/**
 * Firefox ESR: reading memory through the event page. Switched on in the options page, an article read past
 * the dwell is kept by the content script and the event page (the options page counts it); the event page
 * answers NATO's details with "You read" from it (asked from an extension page: the card's closed shadow root
 * keeps its text from any page script, and Chromium's suite reads the card itself); "Forget everything"
 * empties the store. Then a name read on two sites is learned in the event page, highlighted in the learned
 * style on a third page, and answered with where it was read. Last, in a Firefox where the reader has allowed
 * Backstory in private windows, an article read in one is highlighted but not kept.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firefoxPath, launchFirefox, type Firefox } from '../../support/firefox';
import { poll } from '../../support/poll';
import { CARD_BOX, HIGHLIGHT_COUNT as COUNT, HIGHLIGHT_TEXTS, locateText } from '../../support/firefox-page';
import { oldReadArticle, shortArticlePage } from '../../support/sample-pages';
import { readingFileText } from '../../lib/reading/reading-file';
import type { ReadArticle } from '../../lib/reading/reading-record';
import { startServer, type PageServer } from '../../support/server';

const available = firefoxPath() !== null;
if (!available) console.warn('Firefox ESR not found: skipping the Firefox reading memory suite (apt-get install -y firefox-esr).');

let ff: Firefox;
let server: PageServer;
let extensionTab = '';

const ASK_NATO = `browser.runtime.sendMessage({ type: 'entity-details', packId: 'backstory-news', id: 'nato' }).then((a) => a.youRead ?? null)`;
const NAME = 'Ilse Vandermeer';
const ASK_LEARNED = `browser.runtime.sendMessage({ type: 'entity-details', packId: 'learned-from-reading', id: 'ilse vandermeer' })`;
const LEARNED_HIGHLIGHTS = `(() => { const h = CSS.highlights.get('backstory-learned'); return h ? [...h].map((r) => { const range = document.createRange(); range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset); return range.toString(); }) : []; })()`;
const STATS = `document.querySelector('#reading-stats')?.textContent ?? ''`;

async function openOptions(): Promise<void> {
  await ff.evaluate(`location.href = 'options.html'`, extensionTab);
  await poll(() => ff.evaluate<string>(STATS, extensionTab).catch(() => ''), (t) => /Kept now/.test(t), 10_000);
}

async function natoCardHeight(): Promise<number> {
  await ff.navigate(server.url('/b.html'));
  await ff.send('browsingContext.activate', { context: ff.context });
  await poll(() => ff.evaluate<number>(COUNT), (n) => n >= 1, 10_000);
  const at = await ff.evaluate<[number, number]>(locateText('NATO', { scroll: 'center' }));
  await ff.pointerMove(at[0] - 30, at[1] + 40);
  await ff.pointerMove(at[0], at[1]);
  const height = async (): Promise<number> => {
    const [, top, , bottom] = await ff.evaluate<[number, number, number, number]>(CARD_BOX);
    return bottom - top;
  };
  // Let the details (and "You read") arrive, then read the settled size.
  await poll(height, (h) => h > 150, 5_000);
  await new Promise((r) => setTimeout(r, 800));
  const settled = await height();
  await ff.press('Escape');
  return settled;
}

describe.skipIf(!available)('Firefox ESR: reading memory', () => {
  beforeAll(async () => {
    server = await startServer();
    server.route('/a.html', shortArticlePage('Allies tighten the eastern flank', 'NATO moved more air defences to Romania after the drone incursions.'));
    server.route('/b.html', shortArticlePage('Summit opens in The Hague', 'NATO leaders opened their summit with a pledge on spending.'));
    server.route('/ilse-1.html', shortArticlePage('Envoy tours the Black Sea coast', `NATO envoy ${NAME} visited the port with Romanian officials on Monday.`));
    server.route('/ilse-2.html', shortArticlePage('Allies meet in Bucharest', `${NAME} told NATO ministers that air defences on the coast would grow.`));
    server.route('/ilse-3.html', shortArticlePage('What the envoy said', `In Warsaw, ${NAME} repeated the pledge, and ministers agreed.`));
    ff = await launchFirefox({ keepWelcome: true });
    extensionTab = ff.welcome ?? '';
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  test('an article read is kept; the event page answers NATO\'s details with it; Forget everything empties the store', async () => {
    await openOptions();
    expect(await ff.evaluate<string>(STATS, extensionTab)).toMatch(/Kept now: 0 articles/);
    expect(await natoCardHeight()).toBeGreaterThan(150);

    await ff.evaluate(`(() => { const box = [...document.querySelectorAll('#reading input[type=checkbox]')][0]; box.click(); return box.checked; })()`, extensionTab);
    await new Promise((r) => setTimeout(r, 800));
    await ff.navigate(server.url('/a.html'));
    // The article's tab in front: only visible time counts toward the dwell.
    await ff.send('browsingContext.activate', { context: ff.context });
    const kept = await poll(async () => {
      await ff.evaluate(`location.reload()`, extensionTab).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1_000));
      return ff.evaluate<string>(STATS, extensionTab).catch(() => '');
    }, (t) => /Kept now: 1 article mentioning/.test(t), 40_000);
    expect(kept).toMatch(/Kept now: 1 article mentioning/);

    const youRead = await ff.evaluate<{ articles: number; items: Array<{ url: string; text: string; title: string }> } | null>(ASK_NATO, extensionTab);
    expect(youRead?.articles).toBe(1);
    expect(youRead?.items[0]).toMatchObject({ url: server.url('/a.html'), text: 'NATO moved more air defences to Romania after the drone incursions.', title: 'Allies tighten the eastern flank' });
    expect(await natoCardHeight()).toBeGreaterThan(150);

    await ff.evaluate(`(() => { window.confirm = () => true; [...document.querySelectorAll('button')].find((b) => b.textContent === 'Forget everything I read').click(); })()`, extensionTab);
    expect(await poll(() => ff.evaluate<string>(STATS, extensionTab), (t) => /Kept now: 0 articles/.test(t), 10_000)).toMatch(/Everything you read was forgotten/);
    expect(await ff.evaluate(ASK_NATO, extensionTab)).toBeNull();
    expect(await natoCardHeight()).toBeGreaterThan(150);
  }, 120_000);

  /** Reads a page past the dwell; resolves once the options page counts `articles` kept. */
  async function read(url: string, articles: number): Promise<void> {
    await ff.navigate(url);
    await ff.send('browsingContext.activate', { context: ff.context });
    await poll(async () => {
      await ff.evaluate(`location.reload()`, extensionTab).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1_000));
      return ff.evaluate<string>(STATS, extensionTab).catch(() => '');
    }, (t) => new RegExp(`Kept now: ${articles} articles? mentioning`).test(t), 40_000);
  }

  test('a name read on two sites is learned in the event page, highlighted in its own style, and its details say where it was read', async () => {
    await read(server.url('/ilse-1.html'), 1);
    await read(server.url('/ilse-2.html').replace('127.0.0.1', 'localhost'), 2);
    const learned = await poll(async () => {
      await ff.evaluate(`location.reload()`, extensionTab).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1_000));
      return ff.evaluate<string>(`document.querySelector('.learned')?.textContent ?? ''`, extensionTab).catch(() => '');
    }, (t) => t.includes(`${NAME} (Person, new): read in 2 articles on 2 sites`), 20_000);
    expect(learned).toContain(`${NAME} (Person, new): read in 2 articles on 2 sites`);
    expect(learned).toMatch(/in Backstory's event page, not on the\s+pages you read/);

    await ff.navigate(server.url('/ilse-3.html'));
    expect(await poll(() => ff.evaluate<string[]>(LEARNED_HIGHLIGHTS), (h) => h.length > 0, 10_000)).toEqual([NAME]);
    const answer = await ff.evaluate<{ details: { summary: string } | null; youRead?: { articles: number; items: Array<{ title: string }> } }>(ASK_LEARNED, extensionTab);
    expect(answer.details?.summary).toMatch(/learned from your reading: 2 articles on 2 sites/);
    expect(answer.youRead?.items.map((i) => i.title)).toEqual(['Allies meet in Bucharest', 'Envoy tours the Black Sea coast']);
  }, 150_000);

  test('retention applies at once, oldest first, to imported reading too; a hostile import changes nothing', async () => {
    const article = (n: number, daysAgo: number): ReadArticle => oldReadArticle(server.url(`/old-${n}.html`), n, daysAgo);
    const give = (articles: ReadArticle[]) =>
      ff.evaluate(`(() => {
        const input = document.querySelector('#reading-file');
        const files = new DataTransfer();
        files.items.add(new File([${JSON.stringify(readingFileText(articles))}], 'reading.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      })()`, extensionTab);
    // A fresh options page (another address, so the one already open is surely replaced), then forget everything.
    await ff.evaluate(`location.href = 'options.html?retention'`, extensionTab);
    const FORGET = `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Forget everything I read')`;
    await poll(() => ff.evaluate<boolean>(`location.search === '?retention' && /Kept now/.test(${STATS}) && ${FORGET} !== undefined`, extensionTab).catch(() => false), Boolean, 10_000);
    await ff.evaluate(`(() => { window.confirm = () => true; ${FORGET}.click(); })()`, extensionTab);
    await poll(() => ff.evaluate<string>(STATS, extensionTab).catch(() => ''), (t) => /Kept now: 0 articles/.test(t), 10_000);

    await give([article(1, 200), article(2, 60), article(3, 1)]);
    expect(await poll(() => ff.evaluate<string>(STATS, extensionTab), (t) => /Kept now: 2 articles/.test(t), 10_000)).toMatch(/1 of them were older than you keep/);
    await ff.evaluate(`(() => { const s = document.querySelector('#reading-retention'); s.value = '30'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`, extensionTab);
    expect(await poll(() => ff.evaluate<string>(STATS, extensionTab), (t) => /Kept now: 1 article /.test(t), 10_000)).toMatch(/1 older article was forgotten/);
    expect(await ff.evaluate<string>(`document.querySelector('[aria-label="Articles you read"]')?.textContent ?? ''`, extensionTab)).toMatch(/^Old story 3/);

    await give([article(4, 1), { ...article(5, 1), url: 'javascript:alert(1)' }]);
    const alert = await poll(() => ff.evaluate<string>(`document.querySelector('[role=alert]')?.textContent ?? ''`, extensionTab), (t) => t !== '', 10_000);
    expect(alert).toMatch(/Nothing was changed: reading.json: article #2 is not an http\(s\) article/);
    expect(await ff.evaluate<string>(STATS, extensionTab)).toMatch(/Kept now: 1 article /);
  }, 60_000);
});

describe.skipIf(!available)('Firefox ESR: reading memory in a private window', () => {
  let pff: Firefox;
  let pserver: PageServer;
  let options = '';
  const stats = async (): Promise<string> => {
    await pff.evaluate(`location.reload()`, options).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1_000));
    return pff.evaluate<string>(STATS, options).catch(() => '');
  };
  beforeAll(async () => {
    pserver = await startServer();
    pserver.route('/private.html', shortArticlePage('Allies tighten the eastern flank', 'NATO moved more air defences to Romania after the drone incursions.'));
    pserver.route('/public.html', shortArticlePage('Summit opens in The Hague', 'NATO leaders opened their summit with a pledge on spending.'));
    pff = await launchFirefox({ keepWelcome: true, allowPrivate: true });
    options = pff.welcome ?? '';
  });
  afterAll(async () => {
    await pff?.close();
    await pserver?.close();
  });

  test('an article read in a private window is highlighted but not kept; the same reading in a normal window is', async () => {
    expect(await pff.evaluate<boolean>('browser.extension.isAllowedIncognitoAccess()', options)).toBe(true);
    await pff.evaluate(`location.href = 'options.html'`, options);
    await poll(() => pff.evaluate<string>(STATS, options).catch(() => ''), (t) => /Kept now: 0 articles/.test(t), 10_000);
    await pff.evaluate(`(() => { const box = [...document.querySelectorAll('#reading input[type=checkbox]')][0]; if (!box.checked) box.click(); return box.checked; })()`, options);
    await new Promise((r) => setTimeout(r, 800));

    const tab = await pff.privateTab();
    await pff.navigate(pserver.url('/private.html'), tab);
    await pff.send('browsingContext.activate', { context: tab });
    // Backstory runs there: the private page is highlighted.
    expect(await poll(() => pff.evaluate<string[]>(HIGHLIGHT_TEXTS, tab), (h) => h.includes('NATO'), 10_000)).toContain('NATO');
    // Past the dwell (15 s) with the private tab in front, nothing is kept.
    await new Promise((r) => setTimeout(r, 20_000));
    expect(await stats()).toMatch(/Kept now: 0 articles/);

    // The control: the same reading in a normal window is kept.
    await pff.navigate(pserver.url('/public.html'));
    await pff.send('browsingContext.activate', { context: pff.context });
    expect(await poll(stats, (t) => /Kept now: 1 article /.test(t), 40_000)).toMatch(/Kept now: 1 article /);
  }, 120_000);
});
