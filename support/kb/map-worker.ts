/** A map worker: parses the tasks it is sent and answers each with its record or the problem that stopped it. */
import { parentPort } from 'node:worker_threads';
import { analyzeDocument } from '../../lib/kb/analyze';
import { dateInText } from '../../lib/kb/corpus';
import type { DocRecord } from '../../lib/kb/doc-record';
import type { HtmlArticle } from '../../lib/kb/html-article';
import type { MapTask, Problem } from './sources';

export type MapAnswer = { k: number; record: DocRecord } | { k: number; problem: Problem };

// HTML extraction (linkedom, Readability) loads only in a worker that is sent a page.
let extract: ((html: string) => HtmlArticle | null) | null = null;

export async function runTask(task: MapTask): Promise<MapAnswer> {
  if (task.kind === 'doc') return { k: task.k, record: analyzeDocument(task.input, task.fileLanguage) };
  let article;
  try {
    extract ??= (await import('../../lib/kb/html-article')).htmlArticle;
    article = extract(task.html);
  } catch (error) {
    return { k: task.k, problem: { where: task.source, reason: `could not be read as HTML (${(error as Error).message})` } };
  }
  if (!article) return { k: task.k, problem: { where: task.source, reason: 'holds no article text' } };
  const record = analyzeDocument({
    key: task.key,
    id: task.id,
    title: article.title,
    kind: 'article',
    date: article.date || task.fallbackDate || dateInText(article.text.slice(0, 500)),
    source: task.source,
    site: article.site.slice(0, 200),
    url: article.url.length <= 2000 ? article.url : '',
    body: article.text,
  });
  return { k: task.k, record };
}

parentPort?.on('message', async (task: MapTask) => {
  let answer: MapAnswer;
  try {
    answer = await runTask(task);
  } catch (error) {
    // One odd document never costs the pack: it is reported and skipped.
    const where = task.kind === 'doc' ? task.input.source : task.source;
    answer = { k: task.k, problem: { where, reason: `could not be parsed (${(error as Error).message})` } };
  }
  parentPort?.postMessage(answer);
});
