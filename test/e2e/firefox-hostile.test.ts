/**
 * The hostile-page cases that also broke Firefox: a page defining our element names, a page sending WXT's
 * start-up event, a re-render during the first scan, and document.open().
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firefoxPath, GECKO_ID, launchFirefox, type Firefox } from '../../support/firefox';
import { poll } from '../../support/poll';
import { HIGHLIGHT_COUNT as COUNT, locateText } from '../../support/firefox-page';
import { CUSTOM_ELEMENT_TRAP, hydratingPage, page as htmlPage, SHORT_ARTICLE } from '../../support/pages';
import { startServer, type PageServer } from '../../support/server';

const available = firefoxPath() !== null;
if (!available) console.warn('Firefox ESR not found: skipping the Firefox hostile-page suite (apt-get install -y firefox-esr).');

let ff: Firefox;
let server: PageServer;

const CARD_OPEN = `(() => {
  for (let y = 10; y < innerHeight; y += 20) for (let x = 10; x < innerWidth; x += 40) {
    const el = document.elementFromPoint(x, y);
    if (el && el.parentElement === document.documentElement && el !== document.body && el !== document.head) return true;
  }
  return false;
})()`;

async function hover(text: string): Promise<void> {
  const at = await ff.evaluate<[number, number]>(locateText(text, { root: 'body' }));
  await ff.pointerMove(5, 5);
  await ff.pointerMove(at[0] - 30, at[1] + 40);
  await ff.pointerMove(at[0], at[1]);
}

describe.skipIf(!available)('hostile pages in Firefox ESR', () => {
  beforeAll(async () => {
    server = await startServer();
    server.route('/custom-elements.html', htmlPage(SHORT_ARTICLE, CUSTOM_ELEMENT_TRAP));
    server.route('/plain.html', htmlPage(SHORT_ARTICLE));
    server.route('/hydrating.html', hydratingPage(20000));
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  test('a page that defines our element names cannot reach the card', async () => {
    await ff.navigate(server.url('/custom-elements.html'));
    expect(await poll(() => ff.evaluate<number>(COUNT), (n) => n >= 4, 10_000)).toBeGreaterThanOrEqual(4);
    await hover('Poland');
    expect(await poll(() => ff.evaluate<boolean>(CARD_OPEN), Boolean, 3000)).toBe(true);
    const seen = await ff.evaluate<{ stolen: number; shadows: number; text: string }>(`(() => ({
      stolen: window.__stolen.length,
      shadows: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).length,
      text: document.documentElement.textContent,
    }))()`);
    expect(seen.stolen).toBe(0);
    expect(seen.shadows).toBe(0);
    expect(seen.text).not.toContain('Capital');
  });

  test("a page sending WXT's start-up event does not stop Backstory", async () => {
    await ff.navigate(server.url('/plain.html'));
    const before = await poll(() => ff.evaluate<number>(COUNT), (n) => n >= 4, 10_000);
    await ff.evaluate(`(() => {
      document.dispatchEvent(new CustomEvent('${GECKO_ID}:content:wxt:content-script-started', { detail: { contentScriptName: 'content', messageId: 'page' } }));
      const p = document.createElement('p');
      p.textContent = 'Later, Kyiv and Warsaw spoke.';
      document.querySelector('article').append(p);
    })()`);
    expect(await poll(() => ff.evaluate<number>(COUNT), (n) => n > before, 3000)).toBeGreaterThan(before);
  });

  test('a re-render of the app during the first scan loses no mention', async () => {
    await ff.navigate(server.url('/hydrating.html'));
    expect(await poll(() => ff.evaluate<number | null>('window.__rerenderedAt ?? null'), (n) => n !== null, 10_000)).toBeLessThan(20000);
    // Past 2,000 mentions only those near the viewport are registered: the last one must be, once in view.
    const lastHighlighted = `(() => {
      const last = document.querySelector('article p:last-child');
      last.scrollIntoView();
      let found = false;
      CSS.highlights.forEach((h, name) => { if (name.startsWith('backstory-')) for (const r of h) if (r.startContainer.parentNode === last) found = true; });
      return found;
    })()`;
    expect(await poll(() => ff.evaluate<boolean>(lastHighlighted), Boolean, 15_000)).toBe(true);
  });

  test('document.open()/write(): Backstory runs on the new document', async () => {
    await ff.navigate(server.url('/plain.html'));
    await poll(() => ff.evaluate<number>(COUNT), (n) => n >= 4, 10_000);
    await ff.evaluate(`(() => { document.open(); document.write('<!doctype html><html><body><article><p>Now Ukraine and Estonia.</p></article></body></html>'); document.close(); })()`);
    expect(await poll(() => ff.evaluate<number>(COUNT), (n) => n === 2, 5000)).toBe(2);
    await hover('Estonia');
    expect(await poll(() => ff.evaluate<boolean>(CARD_OPEN), Boolean, 3000)).toBe(true);
  });
});
