import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { LOADED } from './helpers';
import { scanDocument } from '../../lib/spot/scan-document';

test('gold page: every expected mention, nothing else, in order (precision and recall)', () => {
  const html = readFileSync('test/fixtures/gold/gold-article.html', 'utf8');
  const expected = JSON.parse(readFileSync('test/fixtures/gold/gold-article.expected.json', 'utf8')) as Array<[string, string]>;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found = scanDocument(doc.body, [LOADED]).map((m) => [m.entity.id, m.text] as [string, string]);
  const key = ([id, text]: [string, string]): string => `${id}|${text}`;
  const pool = expected.map(key);
  let truePositives = 0;
  for (const f of found) {
    const at = pool.indexOf(key(f));
    if (at >= 0) {
      pool.splice(at, 1);
      truePositives++;
    }
  }
  const precision = truePositives / Math.max(1, found.length);
  const recall = truePositives / expected.length;
  console.log(`gold page: ${found.length} found, ${expected.length} expected, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  expect(found).toEqual(expected);
  expect(precision).toBe(1);
  expect(recall).toBe(1);
});
