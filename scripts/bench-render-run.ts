/** npm run bench:render: only the long-page rendering part of npm run bench:browser (see bench-render.ts). */
import { benchRender } from './bench-render';

benchRender().catch((error: unknown) => {
  console.error(`bench:render: ${(error as Error).message}`);
  process.exit(1);
});
