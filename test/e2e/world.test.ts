/**
 * The bundled World pack in Chromium: a French and a Spanish article get their countries and capitals
 * highlighted by the names of their own language (and not by another language's), a card shows the place on
 * a map with a text alternative, Romania is one card whichever pack's name matched it (the news pack's facts
 * and the World pack's map), and the pack can be switched off in the options page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cardHtml, highlightedTexts, hoverText, launchExtension, openExtensionPage, openPage, readCardWithDetails, type ExtensionBrowser } from '../../support/browser';
import { startServer, type PageServer } from '../../support/server';
import { WORLD_PAGES } from '../../support/sample-pages';

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/fr.html', WORLD_PAGES.fr);
  server.route('/es.html', WORLD_PAGES.es);
  server.route('/en.html', WORLD_PAGES.en);
  server.route('/fr-unsaid.html', WORLD_PAGES.fr.replace(' lang="fr"', ''));
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const texts = async (page: Page): Promise<string[]> => (await highlightedTexts(page)).map((h) => h.text);

async function waitForText(page: Page, text: string): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const found = await texts(page);
    if (found.includes(text)) return found;
    await page.waitForTimeout(100);
  }
  return texts(page);
}

describe('the World pack in Chromium', () => {
  test('a French page: its countries by their French names, not by English or Spanish ones; a card with a map', async () => {
    const page = await openPage(browser, server.url('/fr.html'));
    const found = await waitForText(page, 'Allemagne');
    for (const name of ['Roumanie', 'Allemagne', 'Brésil', 'Japon', 'OTAN']) expect(found, name).toContain(name);
    expect(found).not.toContain('Germany');
    expect(found).not.toContain('Spain');

    await hoverText(page, 'Allemagne');
    const card = await readCardWithDetails(page);
    expect(card.name).toBe('Germany');
    expect(card.text).toMatch(/Germany is a country in Western Europe; its capital is Berlin/);
    expect(card.text).toMatch(/Area357,114 km²/);
    expect(card.map).toBe('Map: Germany in Western Europe, Berlin marked.');
    // "Read more" goes to Wikipedia in the page's language, for the name as the page writes it (a link only).
    expect(card.text).toMatch(/Read more about Germany on Wikipedia/);
    expect(await cardHtml(page)).toContain('href="https://fr.wikipedia.org/wiki/Special:Search?search=Allemagne&amp;go=Go"');
    await page.close();
  });

  test('a French page that does not say its language: the background detects it, and French names match', async () => {
    const page = await openPage(browser, server.url('/fr-unsaid.html'));
    const found = await waitForText(page, 'Allemagne');
    expect(found).toContain('Allemagne');
    expect(found).toContain('Roumanie');
    expect(found).not.toContain('Germany');
    await page.close();
  });

  test('a Spanish page: Spanish names match and French ones do not', async () => {
    const page = await openPage(browser, server.url('/es.html'));
    const found = await waitForText(page, 'Alemania');
    for (const name of ['Alemania', 'Brasil', 'Japón', 'Marruecos']) expect(found, name).toContain(name);
    expect(found).not.toContain('Allemagne');
    await hoverText(page, 'Marruecos');
    expect((await readCardWithDetails(page)).map).toMatch(/^Map: Morocco in Northern Africa/);
    await page.close();
  });

  test('Romania is one card: the French name shows the news pack\'s facts, the English one the World pack\'s map', async () => {
    const fr = await openPage(browser, server.url('/fr.html'));
    await waitForText(fr, 'Roumanie');
    await hoverText(fr, 'Roumanie');
    const fromWorld = await readCardWithDetails(fr);
    expect(fromWorld.name).toBe('Romania');
    expect(fromWorld.map).toMatch(/^Map: Romania in Southeast Europe, Bucharest marked/);
    expect(fromWorld.text).toMatch(/NATO member since2004/);
    await fr.close();

    const en = await openPage(browser, server.url('/en.html'));
    await waitForText(en, 'Romania');
    await hoverText(en, 'Romania');
    const fromNews = await readCardWithDetails(en);
    expect(fromNews.text).toMatch(/NATO member since2004/);
    expect(fromNews.map).toMatch(/^Map: Romania in Southeast Europe/);
    expect(fromNews.text).toMatch(/Area238,391 km²/);

    // An international body too: the news pack's NATO gets the World pack's founding year and seat.
    await hoverText(en, 'NATO');
    const nato = await readCardWithDetails(en);
    expect(nato.name).toBe('NATO');
    expect(nato.text).toMatch(/Founded1949/);
    expect(nato.text).toMatch(/HeadquartersBrussels/);
    await en.close();
  });

  test('switched off in the options page, the World pack highlights nothing', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    const box = options.getByLabel('Use World');
    await box.uncheck();
    await options.waitForTimeout(600);
    const page = await openPage(browser, server.url('/es.html'));
    await page.waitForTimeout(1500);
    expect(await texts(page)).not.toContain('Alemania');
    await box.check();
    await options.waitForTimeout(600);
    expect(await waitForText(page, 'Alemania')).toContain('Alemania');
    await options.close();
    await page.close();
  });
});
