/**
 * The previous design, built once and kept for benchmarks that compare against it in the same run: version
 * 0.1 as it was before packs were split into page-side indexes and on-demand details. Built from git (a
 * detached worktree outside the project, sharing its node_modules) into node_modules/.cache, so nothing of
 * it is linted, type-checked or committed.
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The last commit of the 0.1 design: each page parsed every pack whole. */
export const BASELINE_COMMIT = '67cb214ac552162be87f06a1caaba993264e5143';
export const BASELINE_DIR = resolve('node_modules/.cache/backstory-baseline/chrome-mv3');

export function ensureBaselineBuild(log: (line: string) => void): string {
  if (existsSync(join(BASELINE_DIR, 'manifest.json'))) return BASELINE_DIR;
  const src = join(tmpdir(), `backstory-baseline-${BASELINE_COMMIT.slice(0, 7)}`);
  log(`building the 0.1 design (${BASELINE_COMMIT.slice(0, 7)}) for comparison in ${src}`);
  rmSync(src, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'prune']);
  execFileSync('git', ['worktree', 'add', '--detach', '--force', src, BASELINE_COMMIT], { stdio: 'ignore' });
  try {
    symlinkSync(resolve('node_modules'), join(src, 'node_modules'), 'dir');
    execFileSync('npx', ['wxt', 'build'], { cwd: src, stdio: 'ignore' });
    mkdirSync(resolve(BASELINE_DIR, '..'), { recursive: true });
    cpSync(join(src, '.output/chrome-mv3'), BASELINE_DIR, { recursive: true });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', src], { stdio: 'ignore' });
  }
  return BASELINE_DIR;
}
