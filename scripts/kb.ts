/**
 * npm run kb [-- --corpus DIR] [--entities DIR] [--out FILE] [--report FILE.html] [--workers N] [--strict]
 *            [--min-docs N] [--min-mentions N]
 * npm run kb -- --corpus DIR --shard i/N --out part-i.jsonl      (the map step of a sharded build)
 * npm run kb -- --merge part-*.jsonl --out pack.json [--entities DIR]   (its merge step)
 * Builds a knowledge pack from a folder of news text (.txt, .md, .html, .jsonl) and curated entries.
 */
import { PackError } from '../lib/pack-format/validate';
import { runKb, UsageError } from '../support/kb-run';

try {
  const args = process.argv.slice(2);
  console.log(await runKb(args, (line) => console.error(line)));
  // Without arguments this is the extension's own build: the World pack too. Its sources (138,000 cities, the
  // atlas, every country's names) load only then: a reader's own corpus run does not pay for them.
  if (args.length === 0) console.log((await import('../support/world-build')).buildWorld());
  // Worker threads share the process, so this is the whole build's peak.
  console.error(`kb: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} catch (error) {
  if (error instanceof UsageError || error instanceof PackError || (error instanceof Error && /option|needs a value/.test(error.message))) {
    console.error(`kb: error: ${error.message}\nkb: nothing was written.`);
    process.exit(1);
  }
  throw error;
}
