/**
 * One learning run: every article kept but not yet read for names is parsed, and what it names is saved with
 * it taken off the queue, article by article, so a run stopped half way (a closed offscreen document, an event
 * page put to sleep) leaves the rest queued and nothing half written.
 */
import type { NlpDoc } from '../kb/name-finder';
import { pendingArticles, saveSightings } from './learned-db';
import { namesInArticle } from './learn-names';

const BATCH = 20;

export interface LearnRun {
  articles: number;
  names: number;
  /** Time spent, measured where the run happened (never a page's main thread). */
  ms: number;
}

export async function learnPending(parse: (text: string) => NlpDoc, isKnown: (name: string) => boolean, now: () => number = () => performance.now()): Promise<LearnRun> {
  const started = now();
  let articles = 0;
  let names = 0;
  for (;;) {
    const batch = await pendingArticles(BATCH);
    if (batch.length === 0) break;
    for (const article of batch) {
      const found = namesInArticle(article.texts, parse, isKnown);
      await saveSightings(article, found);
      articles++;
      names += found.length;
    }
  }
  return { articles, names, ms: now() - started };
}
