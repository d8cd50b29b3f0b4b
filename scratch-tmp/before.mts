import { readFileSync } from 'node:fs';
import { score, type Gold, type LocatedMention } from '../support/gold';
const gold = JSON.parse(readFileSync('test/fixtures/gold/real-pages.gold.json', 'utf8')) as Gold;
for (const which of ['old', 'new']) {
  const dump = JSON.parse(readFileSync(`/tmp/scratch/judge/${which}.json`, 'utf8')) as Record<string, LocatedMention[]>;
  let f = 0, r = 0, e = 0, u = 0;
  for (const page of Object.keys(gold)) { const s = score(gold[page] ?? {}, dump[page] ?? []); f += s.found; r += s.right; e += s.expected; u += s.unjudged.length; }
  console.log(which, `found ${f} right ${r} expected ${e} unjudged ${u} precision ${(r / f).toFixed(3)} recall ${(r / e).toFixed(3)}`);
}
