/**
 * Messages between the options page and the worker that prepares and installs an imported pack off the main
 * thread. The worker keeps the prepared pack between the two steps, so the reader can decline a replacement
 * before anything is written.
 */
import type { PackSummary } from '../pack-store/summary';

export type WorkerRequest =
  | { type: 'prepare'; name: string; text: string; size: number }
  /** Write the prepared pack's details to IndexedDB and return its page-side index. */
  | { type: 'install' };

export type WorkerReply =
  | { type: 'progress'; stage: string; fraction: number }
  | { type: 'prepared'; summary: PackSummary }
  /** The pack's index (lib/spot/pack-index.ts) as base64, for storage.local. */
  | { type: 'installed'; index: string }
  | { type: 'error'; message: string };
