/**
 * What reading memory keeps of this page: each sentence that mentions a known entity, with the entities it
 * mentions, and the article's title, site, link and published date. Sentences come from the text of the block
 * each mention sits in, cut with Intl.Segmenter; nothing else of the page is read.
 */
import { entityKey } from '../pack-format/entity-key';
import type { ReadSentence } from '../reading/reading-record';
import type { MentionRecord } from './mention-store';
import { pageDate } from './page-date';
import { closestWhere, localName, parentElement, textContent } from '../dom/safe-dom';

const BLOCKS = new Set(['p', 'li', 'blockquote', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dd', 'dt', 'pre']);
const MAX_SENTENCES = 200;
const MAX_CHARS = 600;

function sentenceAround(text: string, at: number, segmenter: Intl.Segmenter): string {
  for (const s of segmenter.segment(text)) {
    if (at >= s.index && at < s.index + s.segment.length) return s.segment.replace(/\s+/g, ' ').trim();
  }
  return '';
}

export function readSentences(records: readonly MentionRecord[], lang: string): ReadSentence[] {
  const segmenter = new Intl.Segmenter(lang || 'en', { granularity: 'sentence' });
  const bySentence = new Map<string, Set<string>>();
  const blockText = new Map<Element, string>();
  for (const r of records) {
    if (bySentence.size >= MAX_SENTENCES) break;
    const node = r.mention.start.node;
    // Through the prototypes (safe-dom.ts): a page's named form fields cannot stand in for these properties.
    const block = closestWhere(node, (el) => BLOCKS.has(localName(el))) ?? parentElement(node);
    if (!block) continue;
    let text = blockText.get(block);
    if (text === undefined) {
      text = textContent(block);
      blockText.set(block, text);
    }
    // The mention's offset in the block's text: the text before its node, plus its offset in the node.
    const range = node.ownerDocument.createRange();
    range.setStart(block, 0);
    range.setEnd(node, r.mention.start.offset);
    const at = range.toString().length;
    const sentence = sentenceAround(text, at, segmenter).slice(0, MAX_CHARS);
    if (sentence === '') continue;
    const keys = bySentence.get(sentence) ?? new Set<string>();
    keys.add(entityKey(r.mention.packId, r.mention.entity.id));
    bySentence.set(sentence, keys);
  }
  return [...bySentence].map(([text, keys]) => ({ text, entities: [...keys] }));
}

export interface ArticleHead {
  url: string;
  title: string;
  site: string;
  published: string;
}

/** The article's title, site, link (its canonical URL when that is on the same site) and published date. */
export function articleHead(doc: Document): ArticleHead {
  const { location } = doc.defaultView ?? window;
  const meta = (selector: string): string => doc.querySelector(selector)?.getAttribute('content')?.trim() ?? '';
  let url = location.href.split('#')[0] ?? location.href;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical) {
    try {
      const c = new URL(canonical, url);
      if (c.host === location.host && /^https?:$/.test(c.protocol)) url = c.href.split('#')[0] ?? c.href;
    } catch {
      // A canonical link that is not a URL is ignored.
    }
  }
  const published = pageDate(doc);
  return {
    url,
    title: meta('meta[property="og:title"]') || doc.title.trim(),
    site: meta('meta[property="og:site_name"]') || location.host,
    published: published ? published.toISOString().slice(0, 10) : '',
  };
}
