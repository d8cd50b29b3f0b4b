/** Messages between the options page and the worker that prepares an imported pack off the main thread. */
import type { PackSummary } from '../pack-store/store';

export interface PrepareRequest {
  name: string;
  text: string;
  size: number;
}

export type PrepareReply =
  | { type: 'progress'; stage: string; fraction: number }
  /** The pack as JSON text: one string crosses threads and goes into storage without a costly clone. */
  | { type: 'done'; json: string; summary: PackSummary }
  | { type: 'error'; message: string };
