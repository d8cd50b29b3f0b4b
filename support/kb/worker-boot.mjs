// A worker thread runs TypeScript through tsx, whatever started the parent (tsx, vitest).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
// workerData is whatever map-run.ts passed: { module: the worker's file URL }. Plain JS has no type to give it.
// eslint-disable-next-line @typescript-eslint/no-unsafe-member-access
await import(workerData.module);
