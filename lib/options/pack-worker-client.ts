/** The options page's side of the import worker: one request at a time, each answered by one reply. */
import type { PackSummary } from '../pack-store/summary';
import type { WorkerReply, WorkerRequest } from './pack-worker-protocol';

export class PackWorker {
  private pending: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | null = null;

  constructor(
    private readonly worker: Worker,
    progress: (stage: string, fraction: number) => void,
  ) {
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') progress(reply.stage, reply.fraction);
      else this.settle((p) => (reply.type === 'error' ? p.reject(new Error(reply.message)) : p.resolve(reply)));
    });
    worker.addEventListener('error', (event) => this.settle((p) => p.reject(new Error(`the import worker failed: ${event.message}`))));
  }

  async prepare(request: Omit<Extract<WorkerRequest, { type: 'prepare' }>, 'type'>): Promise<PackSummary> {
    const reply = await this.ask({ type: 'prepare', ...request });
    if (reply.type !== 'prepared') throw new Error(`the import worker answered "${reply.type}"`);
    return reply.summary;
  }

  /** Stores the prepared pack's details; resolves to its index (base64). */
  async install(): Promise<string> {
    const reply = await this.ask({ type: 'install' });
    if (reply.type !== 'installed') throw new Error(`the import worker answered "${reply.type}"`);
    return reply.index;
  }

  terminate(): void {
    this.worker.terminate();
    this.settle((p) => p.reject(new Error('the import was stopped')));
  }

  private ask(request: WorkerRequest): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(request);
    });
  }

  private settle(action: (p: NonNullable<PackWorker['pending']>) => void): void {
    const p = this.pending;
    this.pending = null;
    if (p) action(p);
  }
}
