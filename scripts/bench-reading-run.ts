/** npm run bench:reading: only the reading memory part of npm run bench:browser (see bench-reading.ts). */
import { benchReading } from './bench-reading';

benchReading().catch((error: unknown) => {
  console.error(`bench:reading: ${(error as Error).message}`);
  process.exit(1);
});
