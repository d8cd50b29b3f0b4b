/**
 * The map step over worker threads: tasks from the corpus go to a pool of workers (one per core by default,
 * a bounded number in flight so memory stays flat), and their records are written to a partial table in
 * task order, whatever order they finish in. The same code writes one shard of N for another machine.
 */
import { createWriteStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MapAnswer } from './map-worker';
import { PARTIAL_FORMAT, PARTIAL_VERSION, type PartialHeader } from './partial';
import { Progress } from './progress';
import { mapTasks, type MapTask, type Problem } from './sources';

export interface MapOptions {
  dir: string;
  files: string[];
  dates: Record<string, string>;
  shard: number;
  shards: number;
  workers?: number;
  meta: PartialHeader['meta'];
  out: string;
  /** Show progress on stderr. */
  progress?: boolean;
}

export interface MapSummary {
  tasks: number;
  records: number;
  bytes: number;
  problems: Problem[];
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const WORKER = new URL('./map-worker.ts', import.meta.url).href;

export async function runMap(o: MapOptions): Promise<MapSummary> {
  const size = Math.max(1, o.workers ?? availableParallelism());
  const totalBytes = o.files.reduce((sum, f) => sum + statSync(`${o.dir}/${f}`).size, 0);
  const progress = o.progress ? new Progress(totalBytes * (1 / o.shards), o.shards > 1 ? `kb shard ${o.shard + 1}/${o.shards}` : 'kb') : null;
  const out = createWriteStream(o.out, 'utf8');
  const write = (value: unknown): Promise<void> | void => {
    if (!out.write(`${JSON.stringify(value)}\n`)) return new Promise((resolve) => out.once('drain', () => resolve()));
  };
  const header: PartialHeader = { format: PARTIAL_FORMAT, version: PARTIAL_VERSION, shard: o.shard, shards: o.shards, files: o.files, meta: o.meta };
  await write(header);

  const problems: Problem[] = [];
  const listed: Problem[] = [];
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const pending = new Map<number, MapAnswer>();
  const taken: number[] = [];
  let tasks = 0;
  let records = 0;
  let doneBytes = 0;
  const crashed: { error: Error | null } = { error: null };
  let wake: (() => void) | null = null;
  const settle = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const sizes = new Map<number, number>();

  const flush = async (): Promise<void> => {
    // Answers are written in task order: the lowest outstanding task number goes first.
    while (taken.length > 0 && pending.has(taken[0] as number)) {
      const k = taken.shift() as number;
      const answer = pending.get(k) as MapAnswer;
      pending.delete(k);
      if ('record' in answer) {
        records++;
        await write({ k, doc: answer.record });
      } else {
        problems.push(answer.problem);
        await write({ k, problem: answer.problem });
      }
      doneBytes += sizes.get(k) ?? 0;
      sizes.delete(k);
      progress?.update(doneBytes);
    }
  };

  for (let i = 0; i < size; i++) {
    const worker = new Worker(BOOT, { workerData: { module: WORKER } });
    worker.on('message', (answer: MapAnswer) => {
      pending.set(answer.k, answer);
      idle.push(worker);
      settle();
    });
    worker.on('error', (error) => {
      crashed.error = error;
      settle();
    });
    workers.push(worker);
    idle.push(worker);
  }
  try {
    const source = mapTasks({ dir: o.dir, files: o.files, dates: o.dates, take: (k) => k % o.shards === o.shard, onProblem: (p) => listed.push(p) });
    for await (const task of source) {
      while (idle.length === 0 && !crashed.error) {
        await new Promise<void>((resolve) => (wake = resolve));
        await flush();
      }
      if (crashed.error) throw crashed.error;
      tasks++;
      taken.push(task.k);
      sizes.set(task.k, taskBytes(task));
      (idle.pop() as Worker).postMessage(task);
      await flush();
    }
    while (taken.length > 0 && !crashed.error) {
      if (!pending.has(taken[0] as number)) await new Promise<void>((resolve) => (wake = resolve));
      await flush();
    }
    if (crashed.error) throw crashed.error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // Problems found while listing tasks (an unreadable file, a bad JSON line) go last; every shard sees them,
  // and the merge step lists each once.
  for (const problem of listed) await write({ k: -1, problem });
  problems.push(...listed);
  await write({ end: { tasks, records } });
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  progress?.update(totalBytes / o.shards);
  progress?.done();
  return { tasks, records, bytes: doneBytes, problems };
}

function taskBytes(task: MapTask): number {
  return task.kind === 'doc' ? Buffer.byteLength(task.input.body) : Buffer.byteLength(task.html);
}
