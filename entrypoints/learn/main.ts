// Chromium's offscreen document for learning: one worker, kept while the document lives, does each run and
// answers with its numbers.
import { browser } from 'wxt/browser';
import { isMessage } from '../../lib/messages';
import type { LearnReply, LearnRequest } from './learn-worker';

let worker: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();

function runInWorker(request: LearnRequest): Promise<LearnReply> {
  worker ??= new Worker(new URL('./learn-worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  return new Promise<LearnReply>((resolve) => {
    const done = (reply: LearnReply): void => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(reply);
    };
    const onMessage = (event: MessageEvent<LearnReply>): void => done(event.data);
    const onError = (event: ErrorEvent): void => {
      worker = null;
      w.terminate();
      done({ error: `the learning worker failed: ${event.message}` });
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage(request);
  });
}

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id || !isMessage(message, 'learn-run')) return undefined;
  const request: LearnRequest = {
    indexes: Array.isArray(message.indexes) ? message.indexes.filter((i) => typeof i === 'string') : [],
    limit: typeof message.limit === 'number' && message.limit > 0 ? message.limit : 1,
  };
  // One run at a time in the one worker.
  const answer = queue.then(() => runInWorker(request));
  queue = answer;
  return answer;
});
