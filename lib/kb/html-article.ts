/**
 * An HTML file's article, as Firefox Reader View extracts it (@mozilla/readability over a linkedom DOM):
 * title, text with one line per block, and the publication date and canonical URL from the page's metadata.
 * Markup in the text stays text; nothing of the page runs.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { TEXT_BLOCK_TAGS } from '../spot/blocks';

export interface HtmlArticle {
  title: string;
  text: string;
  /** YYYY-MM-DD, or ''. */
  date: string;
  url: string;
  site: string;
}

const BLOCKS = TEXT_BLOCK_TAGS.join(', ');

function meta(doc: Document, selectors: readonly string[]): string {
  for (const selector of selectors) {
    const el = doc.querySelector(selector);
    const value = el?.getAttribute('content') ?? el?.getAttribute('href') ?? el?.getAttribute('datetime') ?? '';
    if (value.trim() !== '') return value.trim();
  }
  return '';
}

/** A date at the start of an ISO timestamp or a plain date, as YYYY-MM-DD. */
export function isoDay(value: string): string {
  const m = /^\s*((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

const httpUrl = (value: string): string => (/^https?:\/\/[^\s]+$/i.test(value) ? value : '');

/** Text of the blocks of an HTML fragment, one per line; text outside any block is kept as its own line. */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: string[] = [];
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((el) => !el.parentElement?.closest(BLOCKS));
  for (const el of blocks) {
    const line = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (line !== '') lines.push(line);
  }
  if (lines.length === 0) lines.push((document.body?.textContent ?? '').replace(/\s+/g, ' ').trim());
  return lines.join('\n');
}

/** Null when the page holds no article Readability can find. */
export function htmlArticle(html: string): HtmlArticle | null {
  const { document } = parseHTML(html);
  const date = isoDay(meta(document, ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]', 'meta[name="parsely-pub-date"]', 'time[datetime]']));
  const url = httpUrl(meta(document, ['link[rel="canonical"]', 'meta[property="og:url"]']));
  const site = meta(document, ['meta[property="og:site_name"]']);
  const article = new Readability(document, { charThreshold: 200 }).parse();
  if (!article?.content) return null;
  const text = blockText(article.content);
  if (text === '') return null;
  return { title: (article.title ?? '').replace(/\s+/g, ' ').trim(), text, date: date || isoDay(article.publishedTime ?? ''), url, site: site || (article.siteName ?? '') };
}
