/** npm run world: builds the bundled World pack (also part of npm run kb without arguments). */
import { buildWorld } from '../support/world-build';

console.log(buildWorld());
