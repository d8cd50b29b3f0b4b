/**
 * Firefox in French (its French language pack installed, French asked for in its preferences): the extension's
 * first-run and options pages speak French, with counts written the French way, as they do in Chromium
 * (ui-language.test.ts). The card's text sits in a closed shadow root that nothing outside the content script
 * can read in Firefox; it draws its words through the same browser.i18n as these pages.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_UUID, firefoxPath, launchFirefox, type Firefox } from '../../support/firefox';
import { poll } from '../../support/poll';
import { HIGHLIGHT_COUNT } from '../../support/firefox-page';
import { seedArticlePage } from '../../support/sample-pages';
import { startServer, type PageServer } from '../../support/server';

/** Debian's firefox-esr-l10n-fr (.ci/run installs it): without a language pack Firefox has only English. */
const LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-fr@firefox-esr.mozilla.org.xpi';
const available = firefoxPath() !== null && existsSync(LANGPACK);
if (!available) console.warn('Firefox ESR or its French language pack not found: skipping the French Firefox suite (apt-get install -y firefox-esr firefox-esr-l10n-fr).');

let ff: Firefox;
let server: PageServer;

describe.skipIf(!available)('Firefox ESR in French', () => {
  beforeAll(async () => {
    server = await startServer();
    server.route('/seed.html', seedArticlePage());
    ff = await launchFirefox({ prefs: [['intl.locale.requested', 'fr']], keepWelcome: true });
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  test('the first-run page speaks French, its counts written the French way', async () => {
    const welcome = ff.welcome;
    expect(welcome).toBeDefined();
    const title = await poll(() => ff.evaluate<string>(`document.querySelector('h1')?.textContent ?? ''`, welcome), (t) => t !== '', 10_000);
    expect(title).toBe('Bienvenue dans Backstory');
    expect(await ff.evaluate<string>('document.documentElement.lang', welcome)).toBe('fr');
    const text = await ff.evaluate<string>('document.body.innerText', welcome);
    expect(text).toContain('Comment l\'utiliser');
    expect(text).toMatch(/Il est livré avec Backstory news.* et World \((\d|\s|\u202f)+ personnes, lieux et idées\)/);
  });

  test('the options page: its sections in French, and a refused value explained in French', async () => {
    // BiDi may not navigate a tab to an extension page: the first-run page opens it, as its own link would.
    await ff.evaluate('browser.runtime.openOptionsPage()', ff.welcome);
    const found = await poll(
      async () => (await ff.send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {})).contexts.find((c) => c.url === `moz-extension://${EXTENSION_UUID}/options.html`),
      Boolean,
      5000,
    );
    const tab = found?.context ?? '';
    await poll(() => ff.evaluate<boolean>(`document.querySelector('tr[data-pack="backstory-world"]') !== null && document.querySelector('#reading-stats') !== null`, tab), Boolean, 10_000);
    expect(await ff.evaluate<string>(`document.querySelector('h1').textContent`, tab)).toBe('Options de Backstory');
    const text = await ff.evaluate<string>('document.body.innerText', tab);
    for (const words of ['Surlignage', 'Style de surlignage', 'Fiches', 'Vos lectures', 'Retenir ce que je lis', 'Packs de connaissances', 'Vos réglages']) expect(text).toContain(words);
    expect(await ff.evaluate<string>(`document.querySelector('tr[data-pack="backstory-world"] td[data-label="Entrées"]').textContent`, tab)).toMatch(/^\d+$|^\d{1,3}(\s|\u202f)\d{3}$/);
  });

  test('the popup lists an English page\'s entities by their French names, asked of the event page', async () => {
    await ff.navigate(server.url('/seed.html'));
    await poll(() => ff.evaluate<number>(HIGHLIGHT_COUNT), (n) => n > 40, 15_000);
    // The options tab the previous test opened becomes this page's popup (BiDi may not open extension pages).
    const options = (await ff.send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {})).contexts.find((c) => c.url.startsWith(`moz-extension://${EXTENSION_UUID}/`));
    const ctx = options?.context ?? '';
    const pageTab = await ff.evaluate<number>(`(async () => {
      const tabs = await browser.tabs.query({});
      return tabs.find((t) => (t.url ?? '').endsWith('/seed.html')).id;
    })()`, ctx);
    await ff.evaluate(`location.href = 'popup.html?tab=${pageTab}'`, ctx);
    const names = await poll(() => ff.evaluate<string[]>(`[...document.querySelectorAll('.entity .name')].map((e) => e.textContent)`, ctx).catch((): string[] => []), (n) => n.includes('OTAN'), 10_000);
    expect(names).toEqual(expect.arrayContaining(['OTAN', 'Roumanie', 'États-Unis', 'Union européenne']));
    expect(names).not.toContain('NATO');
    expect(names).not.toContain('Romania');
  });
});
