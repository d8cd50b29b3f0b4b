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
  /** Whether articles still wait (the run stopped at its limit). */
  more: boolean;
  /** Time spent, measured where the run happened (never a page's main thread). */
  ms: number;
}

/**
 * Reads waiting articles for names, at most `limit` of them: a run is kept short so the background that asked
 * for it (a service worker stopped after 30 s without events) sees it end, and asks for the next.
 */
export async function learnPending(parse: (text: string) => NlpDoc, isKnown: (name: string) => boolean, limit = Infinity, now: () => number = () => performance.now()): Promise<LearnRun> {
  const started = now();
  let articles = 0;
  let names = 0;
  while (articles < limit) {
    const batch = await pendingArticles(Math.min(BATCH, limit - articles));
    if (batch.length === 0) break;
    for (const article of batch) {
      const found = namesInArticle(article.texts, parse, isKnown);
      await saveSightings(article, found);
      articles++;
      names += found.length;
    }
  }
  const more = articles >= limit && (await pendingArticles(1)).length > 0;
  return { articles, names, more, ms: now() - started };
}
