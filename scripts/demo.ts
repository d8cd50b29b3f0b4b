/**
 * npm run demo: builds Backstory, serves news pages made from the corpus (and real saved news pages), and
 * opens Chromium with the extension loaded. With a display it leaves a window to use; without one it runs
 * headless, hovers several highlighted terms, saves screenshots of their cards, and prints what it found; then
 * switches reading memory on, reads a second article, and shows a card's "You read" section.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seedArticlePage, WORLD_PAGES } from '../support/sample-pages';
import { cardButtonPoint, clickCardButton, hoverText, highlightedTexts, launchExtension, openExtensionPage, openPopupFor, readCard, waitForHighlights } from '../support/browser';
import { startServer } from '../support/server';

const OUT = resolve(process.env.DEMO_OUT ?? 'demo-output');
const TERMS = ['drone wall', 'Mihail Kogalniceanu Air Base', 'Oana Toiu', 'Estonia', 'Zelenskiy'];

async function main(): Promise<void> {
  const server = await startServer();
  server.route('/seed.html', seedArticlePage());
  server.route('/fr.html', WORLD_PAGES.fr);
  server.route(
    '/read.html',
    `<!doctype html><html lang="en"><head><title>Baltic states ask for more air defence</title><meta property="og:site_name" content="Example News"></head><body><main><article><h1>Baltic states ask for more air defence</h1>${[
      'Estonia asked its NATO allies for more air defence after drones crossed into its airspace twice in one week.',
      'Officials in Tallinn said the request covered radar, interceptors and training, and that talks with allies would go on.',
      'The government said it would also spend more on its own border guard and on shelters, and would report to parliament.',
      'Neighbouring Latvia and Lithuania said they backed the request and would ask for the same help at the next meeting.',
      'Defence ministers from the region, meeting in Riga on Tuesday, said that the incursions, which began in September, had grown more frequent.',
      'Analysts said the drones, which were cheap, slow and hard to track, tested how quickly allies could respond, and how much they would spend.',
      'The alliance said it would decide on the request within weeks, after its military staff had assessed what was needed, where, and at what cost.',
    ].map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`,
  );
  const headed = Boolean(process.env.DISPLAY) && process.env.DEMO_HEADLESS !== '1';
  // Keep the first-run page a new install opens: in a window it is the first thing a reader sees.
  const browser = await launchExtension({ headless: !headed, keepWelcome: true });
  const page = await browser.context.newPage();
  await page.goto(server.url('/seed.html'));
  const count = await waitForHighlights(page, 1);

  if (headed) {
    console.log(`Backstory is running in the Chromium window: ${server.url('/seed.html')}`);
    console.log(`Real news pages: ${server.url('/fixtures/wapo-2.html')}, ${server.url('/fixtures/bbc-1.html')}, ...`);
    console.log('Hover a highlighted term to see its card. Close the window or press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      browser.context.on('close', () => resolve());
      process.on('SIGINT', () => resolve());
    });
    await browser.close();
    await server.close();
    return;
  }

  mkdirSync(OUT, { recursive: true });
  if (browser.welcome) {
    await browser.welcome.setViewportSize({ width: 900, height: 1000 });
    await browser.welcome.screenshot({ path: join(OUT, 'welcome.png') });
    console.log(`First-run page: ${join(OUT, 'welcome.png')}`);
    await browser.welcome.close();
  }
  const texts = await highlightedTexts(page);
  console.log(`Seed article page: ${count} highlights`);
  const byType = new Map<string, Set<string>>();
  for (const h of texts) byType.set(h.type, (byType.get(h.type) ?? new Set()).add(h.text));
  for (const [type, set] of byType) console.log(`  ${type.padEnd(13)} ${[...set].join(', ')}`);

  await page.screenshot({ path: join(OUT, '00-page.png') });
  let n = 1;
  for (const term of TERMS) {
    await hoverText(page, term);
    const card = await readCard(page);
    const file = join(OUT, `${String(n++).padStart(2, '0')}-${term.replace(/\W+/g, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file });
    console.log(`\nHovered "${term}" -> ${card.open ? `card "${card.name}"` : 'no card'}  (${file})`);
    if (card.open) console.log(`  ${card.text.slice(0, 300)}…`);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.waitForTimeout(350);
  }

  await hoverText(page, 'drone wall');
  const related = (await readCard(page)).buttons.find((b) => b.text === 'European Union');
  if (related) {
    await clickCardButton(page, 'European Union');
    await page.waitForTimeout(200);
    const file = join(OUT, `${String(n++).padStart(2, '0')}-related-european-union.png`);
    await page.screenshot({ path: file });
    console.log(`\nFollowed the related entity "European Union" from the drone wall card -> "${(await readCard(page)).name}" (${file})`);
  }
  await page.keyboard.press('Escape');

  const popup = await openPopupFor(browser, page);
  await popup.setViewportSize({ width: 380, height: 700 });
  await popup.waitForSelector('.entity');
  const file = join(OUT, `${String(n++).padStart(2, '0')}-popup.png`);
  await popup.screenshot({ path: file });
  console.log(`\nPopup lists ${await popup.locator('.entity').count()} entities on the page (${file})`);

  const real = await browser.context.newPage();
  await real.goto(server.url('/fixtures/wapo-2.html'));
  const realCount = await waitForHighlights(real, 1).catch(() => 0);
  await real.screenshot({ path: join(OUT, `${String(n++).padStart(2, '0')}-real-page-wapo-2.png`) });
  console.log(`Real saved page wapo-2: ${realCount} highlights`);

  // Reading memory (opt-in): switched on in the options page, an article read for its dwell is remembered, and
  // a card on another article says what was read about the same entity.
  const options = await openExtensionPage(browser, 'options.html');
  await options.getByLabel(/Remember what I read/).check();
  await options.waitForTimeout(600);
  await options.close();
  const before = browser.logs.length;
  const read = await browser.context.newPage();
  await read.goto(server.url('/read.html'));
  for (let waited = 0; waited < 40_000 && !browser.logs.slice(before).some((l) => l.includes('reading memory: sent')); waited += 500) await read.waitForTimeout(500);
  await read.close();
  console.log(`\nReading memory: ${browser.logs.slice(before).find((l) => l.includes('reading memory: sent')) ?? 'the article was not kept'}`);
  const later = await browser.context.newPage();
  await later.setViewportSize({ width: 1100, height: 900 });
  await later.goto(server.url('/seed.html'));
  await waitForHighlights(later, 1);
  await hoverText(later, 'Estonia', { dwellMs: 900 });
  const youRead = await readCard(later);
  // Into the card and down its scroll to "You read" (the card keeps its height and scrolls).
  const inCard = await cardButtonPoint(later, 'Mute');
  await later.mouse.move(inCard.x - 150, inCard.y - 120, { steps: 6 });
  await later.mouse.wheel(0, 400);
  await later.waitForTimeout(300);
  const youReadFile = join(OUT, `${String(n++).padStart(2, '0')}-you-read.png`);
  await later.screenshot({ path: youReadFile });
  console.log(`\nReading memory on: after reading one article, the Estonia card ${/You read/.test(youRead.text) ? 'lists it under "You read"' : 'does not list it'} (${youReadFile})`);

  // The World pack: a French article gets its countries by their French names, and a card shows a map.
  const french = await browser.context.newPage();
  await french.setViewportSize({ width: 1100, height: 700 });
  await french.goto(server.url('/fr.html'));
  await waitForHighlights(french, 3);
  const frenchNames = (await highlightedTexts(french)).map((h) => h.text);
  await hoverText(french, 'Allemagne', { dwellMs: 900 });
  const mapCard = await readCard(french);
  const mapFile = join(OUT, `${String(n++).padStart(2, '0')}-world-map.png`);
  await french.screenshot({ path: mapFile });
  console.log(`\nWorld pack, a French article: highlighted ${frenchNames.join(', ')}; the card for "Allemagne" is ${mapCard.name}, with ${mapCard.map ? `a map ("${mapCard.map}")` : 'no map'} (${mapFile})`);

  if (browser.extensionErrors.length > 0) console.log(`\nExtension errors: ${browser.extensionErrors.join('\n')}`);
  console.log(`\nScreenshots are in ${OUT}`);
  await browser.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
});
