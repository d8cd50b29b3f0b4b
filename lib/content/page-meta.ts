/**
 * The head's metadata that a card's date and reading memory's article record need: a few <meta> values and
 * the canonical link, found with one selector over the head (matched natively) rather than by reading every
 * meta's attributes in script, or one document scan per key, on the page's main thread. Keys are matched
 * without regard to case; the first value for a key wins.
 */
import { getAttribute, localName, queryList } from '../dom/safe-dom';

export interface PageMeta {
  values: Map<string, string>;
  canonical: string | null;
}

/** Meta keys (property, name or itemprop) that carry the published date, in the order they are trusted. */
export const DATE_KEYS = ['article:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'parsely-pub-date', 'sailthru.date', 'og:article:published_time'];
const KEYS = ['og:title', 'og:site_name', ...DATE_KEYS];
const ATTRIBUTES = ['property', 'name', 'itemprop'];
/**
 * The attribute each key is written in on real pages (Open Graph in property, and in name on some sites; the
 * date keys as their vocabularies define them), matched natively: parsing one selector per key and attribute
 * cost more, on a page's first read, than the whole rest of the read.
 */
const SELECTOR = [
  ...['og:title', 'og:site_name', 'article:published_time', 'og:article:published_time'].flatMap((k) => [`meta[property="${k}" i]`, `meta[name="${k}" i]`]),
  ...['date', 'dc.date', 'dc.date.issued', 'parsely-pub-date', 'sailthru.date'].map((k) => `meta[name="${k}" i]`),
  'meta[itemprop="datePublished" i]',
  'link[rel="canonical" i]',
].join(',');

export function pageMeta(doc: Document): PageMeta {
  const values = new Map<string, string>();
  let canonical: string | null = null;
  // A page's <img name="head"> can stand in for document.head (named properties override it): check it.
  let head: Element | null | undefined = doc.head;
  if (!head || localName(head) !== 'head') head = queryList(doc, 'head')[0];
  if (!head) return { values, canonical };
  for (const el of Array.from(queryList(head, SELECTOR))) {
    if (localName(el) === 'link') {
      canonical ??= getAttribute(el, 'href');
      continue;
    }
    for (const attribute of ATTRIBUTES) {
      const key = getAttribute(el, attribute)?.toLowerCase();
      if (key === undefined || !KEYS.includes(key)) continue;
      if (!values.has(key)) values.set(key, (getAttribute(el, 'content') ?? '').trim());
      break;
    }
  }
  return { values, canonical };
}
