/**
 * The extension speaks the browser's language: Chromium started in French shows the card, the popup and the
 * first-run page in French, with dates and numbers written the French way; Spanish, German and Romanian
 * browsers get their own words. The pack's own text (a summary, a quote) stays as the pack wrote it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hoverText, launchExtension, openExtensionPage, openPage, openPopupFor, readCard, type ExtensionBrowser } from '../../support/browser';
import { startServer, type PageServer } from '../../support/server';
import { seedArticlePage, WORLD_PAGES } from '../../support/sample-pages';

let server: PageServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/fr.html', WORLD_PAGES.fr);
  server.route('/seed.html', seedArticlePage());
});

afterAll(async () => {
  await server?.close();
});

describe('a French browser', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchExtension({ uiLanguage: 'fr' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the card: its labels, buttons, keys and dates in French; the pack\'s facts under French labels', async () => {
    const page = await openPage(browser, server.url('/fr.html'));
    await page.waitForFunction(() => CSS.highlights.size > 0);
    await hoverText(page, 'Roumanie');
    // Titled by the World pack's French name once its details are in.
    await expect.poll(async () => (await readCard(page)).name).toBe('Roumanie');
    const card = await readCard(page);
    expect(card.text).toContain('Pays');
    expect(card.text).toMatch(/Capitale\s*Bucharest/);
    // The World pack's facts that carry their data, written by Intl in French.
    expect(card.text).toMatch(/Superficie\s*238\s391 km²/u);
    expect(card.text).toMatch(/Langues\s*roumain/);
    expect(card.text).toMatch(/Monnaie\s*leu roumain \(RON\)/);
    expect(card.text).toMatch(/Frontières\s*Bulgarie, Hongrie, Moldavie, Serbie et Ukraine/);
    expect(card.text).toContain('Dans l\'actualité');
    // The seed article's date, by Intl in French.
    expect(card.text).toMatch(/Article · déc\. 2025/);
    expect(card.text).toContain('Mention 1 sur 1');
    expect(card.text).toMatch(/Touches :\s*n\s*suivante/);
    expect(card.text).not.toMatch(/In the news|Close|Mention 1 of/);
    expect(card.buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Épingler', 'Fermer', 'Copier', 'Masquer']));
    expect(card.text).toMatch(/En savoir plus sur Roumanie sur Wikipedia/);
    // Its related entities' chips by their French names.
    expect(card.buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['Bulgarie', 'Hongrie', 'Moldavie']));

    const popup = await openPopupFor(browser, page);
    await expect.poll(() => popup.locator('#found-heading').textContent()).toBe('Sur cette page');
    const body = await popup.locator('body').innerText();
    expect(body).toMatch(/Filtrer les 5 trouvés/);
    expect(body).toMatch(/PAYS/i);
    expect(body).toContain('Retenir ce que je lis');
    // The entities found, by their French names.
    expect(body).toContain('Roumanie');
    expect(body).not.toMatch(/\bRomania\b/);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
    await popup.close();
    await page.close();
  });

  test('an English page\'s card: the news pack\'s related entities named in French by the World pack', async () => {
    const page = await openPage(browser, server.url('/seed.html'));
    await page.waitForFunction(() => CSS.highlights.size > 0);
    // In the story ("European Union and NATO allies"), past the menu, the search button and the headline.
    await hoverText(page, 'NATO', { occurrence: 3 });
    await expect.poll(async () => (await readCard(page)).name).toBe('OTAN');
    const chips = (await readCard(page)).buttons.map((b) => b.text);
    expect(chips).toEqual(expect.arrayContaining(['Roumanie', 'États-Unis', 'Union européenne']));
    expect(chips).not.toContain('Romania');
    // The popup lists them by their French names too, the news pack's among them.
    const popup = await openPopupFor(browser, page);
    await expect.poll(() => popup.locator('body').innerText()).toMatch(/OTAN/);
    const listed = await popup.locator('body').innerText();
    expect(listed).toMatch(/Roumanie/);
    expect(listed).toMatch(/États-Unis/);
    expect(listed).not.toMatch(/^(?:NATO|Romania)$/m);
    await popup.close();
    await page.close();
  });

  test('the options page: its sections, controls and messages in French', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Options de Backstory');
    // Everything drawn once the settings, the packs and the reading store have been read.
    await options.waitForSelector('tr[data-pack="backstory-world"]');
    await options.waitForSelector('#reading-stats');
    const text = await options.locator('body').innerText();
    for (const words of ['Surlignage', 'Style de surlignage', 'Fiches', 'Vos lectures', 'Retenir ce que je lis', 'Packs de connaissances', 'Vos réglages']) expect(text).toContain(words);
    // A value out of range is refused with a French explanation.
    await options.locator('#delay').fill('-5');
    await options.locator('#delay').press('Enter');
    await options.locator('#delay').blur();
    await expect.poll(() => options.locator('#delay-error').textContent()).toMatch(/« -5 » n'est pas un délai utilisable/);
    // The bundled packs' entry counts, written the French way.
    expect(await options.locator('tr[data-pack="backstory-world"] td[data-label="Entrées"]').textContent()).toMatch(/^\d+$|^\d{1,3}(\s|\u202f)\d{3}$/);
    await options.close();
  });

  test('the first-run page', async () => {
    const welcome = await openExtensionPage(browser, 'welcome.html');
    await expect.poll(() => welcome.locator('h1').textContent()).toBe('Bienvenue dans Backstory');
    const text = await welcome.locator('body').innerText();
    expect(text).toContain('Comment l\'utiliser');
    // The two bundled packs, and their entries counted in French (a narrow no-break space between thousands).
    expect(text).toMatch(/Il est livré avec Backstory news.* et World \((\d|\s|\u202f)+ personnes, lieux et idées\)/);
    await welcome.close();
  });
});

describe.each([
  ['es', 'Te damos la bienvenida a Backstory', 'Cerrar'],
  ['de', 'Willkommen bei Backstory', 'Schließen'],
  ['ro', 'Bun venit în Backstory', 'Închide'],
])('a browser in %s', (language, title, close) => {
  test('its first-run page and its card speak it', async () => {
    const browser = await launchExtension({ uiLanguage: language });
    try {
      const welcome = await openExtensionPage(browser, 'welcome.html');
      await expect.poll(() => welcome.locator('h1').textContent()).toBe(title);
      const page = await openPage(browser, server.url('/fr.html'));
      await page.waitForFunction(() => CSS.highlights.size > 0);
      await hoverText(page, 'Allemagne');
      expect((await readCard(page)).buttons.map((b) => b.label)).toContain(close);
    } finally {
      await browser.close();
    }
  });
});
