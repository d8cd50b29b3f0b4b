import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedArticlePage } from '../../support/sample-pages';
import { EXTENSION_UUID, firefoxPath, launchFirefox, type Firefox } from '../../support/firefox';
import { poll } from '../../support/poll';
import { CARD_BOX, CARD_OPEN, HIGHLIGHT_COUNT as COUNT, HIGHLIGHT_TEXTS as TEXTS, locateText } from '../../support/firefox-page';
import { startServer, type PageServer } from '../../support/server';

// Firefox ESR is part of the test machine (.ci/run installs it); without it this suite says why it is skipped.
const available = firefoxPath() !== null;
if (!available) console.warn('Firefox ESR not found: skipping the Firefox end-to-end suite (apt-get install -y firefox-esr).');

let ff: Firefox;
let server: PageServer;

describe.skipIf(!available)('Firefox ESR with the Firefox build', () => {
  beforeAll(async () => {
    server = await startServer();
    server.route('/seed.html', seedArticlePage());
    ff = await launchFirefox();
    await ff.navigate(server.url('/seed.html'));
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  test('highlights the seed page', async () => {
    const count = await poll(() => ff.evaluate<number>(COUNT), (n) => n > 40, 15_000);
    expect(count).toBeGreaterThan(40);
    const texts = await ff.evaluate<string[]>(TEXTS);
    expect(texts).toEqual(expect.arrayContaining(['drone wall', 'Oana Toiu', 'Mihail Kogalniceanu Air Base', 'NATO']));
  });

  test('hovering "drone wall" opens a card; Esc closes it', async () => {
    const at = await ff.evaluate<[number, number]>(locateText('drone wall', { scroll: 'center' }));
    await ff.pointerMove(at[0] - 30, at[1] + 40);
    await ff.pointerMove(at[0], at[1]);
    expect(await poll(() => ff.evaluate<boolean>(CARD_OPEN), Boolean, 3000)).toBe(true);
    await ff.press('Escape');
    expect(await poll(() => ff.evaluate<boolean>(CARD_OPEN), (v) => !v, 2000)).toBe(false);
  });

  test('Mute in the card removes the highlights; the options page unmutes; the popup lists the page and its site switch works', async () => {
    // BiDi may not navigate a tab to an extension page, so reach the extension's pages the way a person
    // can: the card's Mute button, then the notice's "Muted entities…" (which opens the options page), and
    // from there the popup page for this tab. The card's box is found as a page could: where
    // elementFromPoint hits its host element.
    const at = await ff.evaluate<[number, number]>(locateText('drone wall', { scroll: 'start' }));
    await ff.pointerMove(5, 5);
    await new Promise((r) => setTimeout(r, 200));
    await ff.pointerMove(at[0], at[1] + 1);
    expect(await poll(() => ff.evaluate<boolean>(CARD_OPEN), Boolean, 3000)).toBe(true);
    const box = await ff.evaluate<[number, number, number, number]>(CARD_BOX);
    await ff.pointerMove(box[2] - 30, box[3] - 20);
    await ff.send('input.performActions', {
      context: ff.context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }],
    });
    expect(await poll(() => ff.evaluate<string[]>(TEXTS), (t) => !t.includes('drone wall'), 3000)).not.toContain('drone wall');
    // The notice's last row is [Undo] [Muted entities…], from its left edge.
    const notice = await ff.evaluate<[number, number, number, number]>(CARD_BOX);
    await ff.pointerMove(notice[0] + 140, notice[3] - 15);
    await ff.send('input.performActions', {
      context: ff.context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }],
    });
    const options = await poll(
      async () => (await ff.send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {})).contexts.find((c) => c.url.startsWith('moz-extension://')),
      Boolean,
      5000,
    );
    expect(options?.url).toBe(`moz-extension://${EXTENSION_UUID}/options.html#muted`);
    const ctx = options?.context ?? '';
    const unmute = `(() => { const b = document.querySelector('button[aria-label="Unmute Drone wall"]'); b?.click(); return b !== null; })()`;
    expect(await poll(() => ff.evaluate<boolean>(unmute, ctx), Boolean, 5000)).toBe(true);
    expect(await poll(() => ff.evaluate<string[]>(TEXTS), (t) => t.includes('drone wall'), 5000)).toContain('drone wall');
    const pageTab = await ff.evaluate<number>(`(async () => {
      const self = await browser.tabs.getCurrent();
      const tabs = await browser.tabs.query({});
      return tabs.find((t) => t.id !== self.id).id;
    })()`, ctx);
    await ff.evaluate(`location.href = 'popup.html?tab=${pageTab}'`, ctx);
    const rows = await poll(() => ff.evaluate<Array<[string, string]>>(`[...document.querySelectorAll('.entity')].map((e) => [e.dataset.entity, e.querySelector('.count').textContent])`, ctx).catch(() => []), (r) => r.length > 20);
    const counts = Object.fromEntries(rows) as Record<string, string>;
    expect(counts['drone-wall']).toBe('1');
    expect(counts['romania']).toBe('6');
    const toggle = `[...document.querySelectorAll('label.toggle')].find((l) => l.textContent.startsWith('On 127.0.0.1')).querySelector('input').click()`;
    await ff.evaluate(toggle, ctx);
    expect(await poll(() => ff.evaluate<number>(COUNT), (n) => n === 0)).toBe(0);
    await ff.evaluate(toggle, ctx);
    expect(await poll(() => ff.evaluate<number>(COUNT), (n) => n > 40)).toBeGreaterThan(40);
  });
});
