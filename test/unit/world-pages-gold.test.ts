import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { LOADED } from './helpers';
import { loadPack } from '../../lib/spot/pack-index';
import type { LoadedPack } from '../../lib/spot/loaded-pack';
import { scanDocument } from '../../lib/spot/scan-document';
import { staticIsHidden } from '../../lib/spot/static-visibility';
import { locateMentions, score, type Gold } from '../../support/gold';
import { parseSavedPage } from '../../support/saved-page';
import { worldPack } from '../../support/world-build';

/**
 * The World pack on the saved real pages, with the news pack beside it as in the extension: every mention it
 * makes judged by hand in test/fixtures/gold/world-pages.gold.json (wikipedia-2, a reference page with 357
 * place names, is left out). A mention nobody judged fails the test. Recall here is over what was judged, so
 * it says nothing of names the pack misses; precision is the measure.
 */
const GOLD = JSON.parse(readFileSync('test/fixtures/gold/world-pages.gold.json', 'utf8')) as Gold;
const PAGES = readdirSync('test/fixtures/pages').filter((f) => f.endsWith('.html') && f !== 'wikipedia-2.html').sort();

let world: LoadedPack;
beforeAll(() => {
  world = loadPack(worldPack().pack);
}, 60_000);

test('the World pack\'s mentions on the judged real pages (English, French, Portuguese, Czech, ...): precision at least 0.95, every mention judged', () => {
  let found = 0;
  let right = 0;
  const unjudged: string[] = [];
  const wrong: string[] = [];
  for (const file of PAGES) {
    const page = file.replace(/\.html$/, '');
    const { doc, close } = parseSavedPage(readFileSync(`test/fixtures/pages/${file}`, 'utf8'));
    const located = locateMentions(doc, scanDocument(doc.body, [LOADED, world], { isHidden: staticIsHidden }).filter((m) => m.packId === world.id));
    close();
    const gold = GOLD[page] ?? {};
    const s = score(gold, located);
    found += s.found;
    right += s.right;
    for (const m of s.unjudged) unjudged.push(`${page} ${m.key} ${m.id} "${m.before} [[${m.text}]] ${m.after}"`);
    for (const m of located) if (gold[m.key]?.verdict === 'wrong') wrong.push(`${page}: ${m.text} -> ${m.id} (${gold[m.key]?.reason ?? ''})`);
  }
  const precision = found === 0 ? 1 : right / found;
  console.log(`World pack on the real pages: ${found} found, ${right} right: precision ${precision.toFixed(3)}\nwrong:\n  ${wrong.join('\n  ')}`);
  expect(unjudged, 'mentions no one has judged yet').toEqual([]);
  expect(found).toBeGreaterThan(50);
  expect(precision).toBeGreaterThanOrEqual(0.95);
});
