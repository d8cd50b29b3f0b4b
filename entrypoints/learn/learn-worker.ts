// The worker that parses: compromise runs here, off every page and off the offscreen document's own thread.
import type { LearnRun } from '../../lib/reading/learn-job';
import { runLearning } from '../../lib/reading/learn-host';

export interface LearnRequest {
  indexes: string[];
  limit: number;
}

export interface LearnReply {
  run?: LearnRun;
  error?: string;
}

self.addEventListener('message', (event: MessageEvent<LearnRequest>) => {
  runLearning(event.data.indexes, event.data.limit).then(
    (run) => self.postMessage({ run } satisfies LearnReply),
    (error: unknown) => self.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies LearnReply),
  );
});
