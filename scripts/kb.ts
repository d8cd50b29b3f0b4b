/**
 * npm run kb [-- --corpus DIR] [--entities DIR] [--out FILE]
 * Builds a knowledge pack from a folder of news text files (and curated entries, when given).
 */
import { PackError } from '../lib/pack-format/validate';
import { runKb, UsageError } from '../support/kb-run';

try {
  console.log(runKb(process.argv.slice(2)));
} catch (error) {
  if (error instanceof UsageError || error instanceof PackError || (error instanceof Error && /option|needs a value/.test(error.message))) {
    console.error(`kb: error: ${error.message}\nkb: nothing was written.`);
    process.exit(1);
  }
  throw error;
}
