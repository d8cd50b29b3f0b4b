/** npm run bench:packs: only the "packs at scale" comparison of npm run bench:browser (see bench-packs.ts). */
import { benchPacks } from './bench-packs';

benchPacks().catch((error: unknown) => {
  console.error(`bench:packs: ${(error as Error).message}`);
  process.exit(1);
});
