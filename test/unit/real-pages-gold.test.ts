import { readFileSync, readdirSync } from 'node:fs';
import { expect, test } from 'vitest';
import { LOADED } from './helpers';
import { scanDocument } from '../../lib/spot/scan-document';
import { staticIsHidden } from '../../lib/spot/static-visibility';
import { locateMentions, score, type Gold } from '../../support/gold';
import { parseSavedPage } from '../../support/saved-page';

/**
 * The precision harness: every mention on every saved real page judged by hand (right entity, where a reader
 * reads, with the reason) in test/fixtures/gold/real-pages.gold.json. Mentions any version of the engine
 * found were judged; recall is over all the mentions judged right. A mention nobody judged fails the test:
 * judge it, then it counts.
 */
const GOLD = JSON.parse(readFileSync('test/fixtures/gold/real-pages.gold.json', 'utf8')) as Gold;
const PAGES = readdirSync('test/fixtures/pages').filter((f) => f.endsWith('.html')).sort();

test('precision at least 0.97 and recall at least 0.95 on the judged real pages, and every mention judged', () => {
  let found = 0;
  let right = 0;
  let expected = 0;
  const unjudged: string[] = [];
  const wrong: string[] = [];
  const lines: string[] = [];
  for (const file of PAGES) {
    const page = file.replace(/\.html$/, '');
    const { doc, close } = parseSavedPage(readFileSync(`test/fixtures/pages/${file}`, 'utf8'));
    const located = locateMentions(doc, scanDocument(doc.body, [LOADED], { isHidden: staticIsHidden }));
    close();
    const gold = GOLD[page] ?? {};
    const s = score(gold, located);
    found += s.found;
    right += s.right;
    expected += s.expected;
    for (const m of s.unjudged) unjudged.push(`${page} ${m.key} ${m.id} "${m.before} [[${m.text}]] ${m.after}"`);
    for (const m of located) if (gold[m.key]?.verdict === 'wrong') wrong.push(`${page}: ${m.text} -> ${m.id} (${gold[m.key]?.reason ?? ''})`);
    lines.push(`${page.padEnd(15)} found ${String(s.found).padStart(3)}, right ${String(s.right).padStart(3)} of ${String(s.expected).padStart(3)}`);
  }
  const precision = found === 0 ? 1 : right / found;
  const recall = expected === 0 ? 1 : right / expected;
  console.log(`${lines.join('\n')}\nreal pages: ${found} found, ${right} right, ${expected} judged right: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  if (wrong.length > 0) console.log(`wrong:\n  ${wrong.join('\n  ')}`);
  expect(unjudged, 'mentions no one has judged yet').toEqual([]);
  expect(precision).toBeGreaterThanOrEqual(0.97);
  expect(recall).toBeGreaterThanOrEqual(0.95);
});
