/**
 * Earlier designs, built once and kept for benchmarks that compare against them in the same run: version
 * 0.1 as it was before packs were split into page-side indexes and on-demand details, and the build before
 * highlights were added to the registry in paced batches, the build before long pages watched runs of
 * blocks instead of each block, and the build before imported packs were matched in the background. Built from git (a
 * detached worktree outside the project, sharing its node_modules) into node_modules/.cache, so nothing of
 * it is linted, type-checked or committed.
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The last commit of the 0.1 design: each page parsed every pack whole. */
export const BASELINE_COMMIT = '67cb214ac552162be87f06a1caaba993264e5143';
export const BASELINE_DIR = buildDir(BASELINE_COMMIT);

/** The last commit that added every slice's highlights to the registry at once (no paint pacing). */
export const UNPACED_COMMIT = 'd305950676ba27a349f97d0a52c2cd989629e76d';

/** The last commit whose pages read and decoded every imported pack's index (before imported packs were matched in the background). */
export const PAGE_SIDE_IMPORTS_COMMIT = '9eaefce027b71643aa0ffb88f1447ab6ed164d85';

/** The last commit whose long pages watched every block with a mention for nearness (not runs of blocks). */
export const EVERY_BLOCK_COMMIT = 'c255303409707e47d5f3a5bc712ebf73110810a6';

function buildDir(commit: string): string {
  return resolve(`node_modules/.cache/backstory-${commit === BASELINE_COMMIT ? 'baseline' : commit.slice(0, 7)}/chrome-mv3`);
}

/**
 * The Chromium build of `commit` (the 0.1 design unless told), built once from git and kept. A later commit is
 * built with its own `npm run build`, which first generates the packs it does not track.
 */
export function ensureBaselineBuild(log: (line: string) => void, commit = BASELINE_COMMIT): string {
  const dir = buildDir(commit);
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  const src = join(tmpdir(), `backstory-baseline-${commit.slice(0, 7)}`);
  log(`building ${commit.slice(0, 7)} for comparison in ${src}`);
  rmSync(src, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'prune']);
  execFileSync('git', ['worktree', 'add', '--detach', '--force', src, commit], { stdio: 'ignore' });
  try {
    symlinkSync(resolve('node_modules'), join(src, 'node_modules'), 'dir');
    if (commit === BASELINE_COMMIT) execFileSync('npx', ['wxt', 'build'], { cwd: src, stdio: 'ignore' });
    else execFileSync('npm', ['run', 'build'], { cwd: src, stdio: 'ignore' });
    mkdirSync(resolve(dir, '..'), { recursive: true });
    cpSync(join(src, '.output/chrome-mv3'), dir, { recursive: true });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', src], { stdio: 'ignore' });
  }
  return dir;
}
