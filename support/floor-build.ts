/**
 * The floor design for the page benchmarks: a copy of this build whose content script is support/floor-content.js
 * (the least a script doing this job does on a page), talking to this build's own background. Kept in
 * node_modules/.cache, so nothing of it is linted, type-checked or committed.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_PACK_ID } from '../lib/pack-store/bundled-id';
import { WORLD_PACK_ID } from '../lib/pack-store/world-indexes';
import { READ_AFTER_MS } from '../lib/reading/read-dwell';

/** With `keep`, the floor also keeps each article after reading memory's own dwell (see floor-content.js), in its own directory. */
export function floorBuild(from = '.output/chrome-mv3', options: { keep?: boolean } = {}): string {
  const dir = resolve(`node_modules/.cache/backstory-floor/${options.keep === true ? 'keep-' : ''}chrome-mv3`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
  const script = readFileSync('support/floor-content.js', 'utf8');
  writeFileSync(join(dir, 'content-scripts/content.js'), `var BACKSTORY_FLOOR_PACKS = ${JSON.stringify([BUNDLED_PACK_ID, WORLD_PACK_ID])};\n${options.keep === true ? `var BACKSTORY_FLOOR_KEEP_AFTER_MS = ${READ_AFTER_MS};\n` : ''}${script}`);
  return dir;
}
