// Chromium's offscreen document for learning: it hands each run to a worker and answers with the run's numbers.
import { browser } from 'wxt/browser';
import { isMessage } from '../../lib/messages';
import type { LearnReply } from './learn-worker';

function runInWorker(indexes: string[]): Promise<LearnReply> {
  const worker = new Worker(new URL('./learn-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<LearnReply>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<LearnReply>) => resolve(event.data));
    worker.addEventListener('error', (event) => resolve({ error: `the learning worker failed: ${event.message}` }));
    worker.postMessage(indexes);
  }).finally(() => worker.terminate());
}

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id || !isMessage(message, 'learn-run')) return undefined;
  return runInWorker(Array.isArray(message.indexes) ? message.indexes.filter((i) => typeof i === 'string') : []);
});
