/**
 * What reading memory keeps of this page: each sentence that mentions a known entity, with the entities it
 * mentions, and the article's title, site, link and published date. Sentences come from the text of the block
 * each mention sits in; nothing else of the page is read.
 */
import { entityKey } from '../pack-format/entity-key';
import type { ReadSentence } from '../reading/reading-record';
import type { MentionRecord } from './mention-store';
import { pageDate } from './page-date';
import { closestWhere, localName, parentElement } from '../dom/safe-dom';

const BLOCKS = new Set(['p', 'li', 'blockquote', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dd', 'dt', 'pre']);
const MAX_SENTENCES = 200;
const MAX_CHARS = 600;

/**
 * Sentence spans of a block's text: a sentence ends at . ! or ? (and any closing quotes or brackets) before
 * white space. A plain scan, not Intl.Segmenter: building a segmenter costs milliseconds on a page, and this
 * runs on the page's main thread.
 */
function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]+["'”’)\]]*\s+/g)) {
    const end = m.index + m[0].length;
    spans.push([start, end]);
    start = end;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

interface Block {
  text: string;
  spans: Array<[number, number]>;
  /** Where each of its text nodes starts in its text. */
  starts: Map<Text, number>;
}

function readBlock(block: Element): Block {
  const starts = new Map<Text, number>();
  let text = '';
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    starts.set(n as Text, text.length);
    text += (n as Text).data;
  }
  return { text, spans: sentenceSpans(text), starts };
}

export function readSentences(records: readonly MentionRecord[]): ReadSentence[] {
  const bySentence = new Map<string, Set<string>>();
  const blocks = new Map<Element, Block>();
  for (const r of records) {
    if (bySentence.size >= MAX_SENTENCES) break;
    const node = r.mention.start.node;
    // Through the prototypes (safe-dom.ts): a page's named form fields cannot stand in for these properties.
    const element = closestWhere(node, (el) => BLOCKS.has(localName(el))) ?? parentElement(node);
    if (!element) continue;
    let block = blocks.get(element);
    if (!block) {
      block = readBlock(element);
      blocks.set(element, block);
    }
    const at = (block.starts.get(node) ?? -1) + r.mention.start.offset;
    const span = block.spans.find(([from, to]) => at >= from && at < to);
    if (!span || at < 0) continue;
    const sentence = block.text.slice(span[0], span[1]).replace(/\s+/g, ' ').trim().slice(0, MAX_CHARS);
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
