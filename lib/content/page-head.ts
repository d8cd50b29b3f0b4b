/**
 * What a page says about itself that reading memory's article record and a card's "as of" date need: its
 * title, site, canonical link and the sources of its published date (Open Graph and schema.org metas, else
 * JSON-LD, a body meta or the article's <time>). DOM reads only, sent as read: the background checks and
 * parses them (reading-record.ts, page-date.ts), so nothing is parsed on the page.
 *
 * One function on purpose. The keep runs it once, seconds after the page settled, and each function it runs
 * for the first time is compiled then: a debug build timed 0.08 to 0.19 ms for entering a function of a few
 * lines there, about what the head's one query took (0.10 to 0.33 ms).
 */
import { getAttribute, localName, queryList, textContent } from '../dom/safe-dom';

/** What a page says about its published date, read from the DOM but not yet parsed (parsing may happen elsewhere). */
export interface DateSources {
  /** Values of the date metas, in the order they are trusted. */
  metas: string[];
  /** JSON-LD blocks' text (read only when no date meta is there). */
  jsonLd: string[];
  /** A body meta's itemprop="datePublished", then a <time>'s datetime. */
  itemprop: string;
  time: string;
}

/** What the page says about the article, as read. */
export interface ArticleHeadSources {
  /** The page's address (location.href) and its canonical link as written. */
  href: string;
  canonical: string;
  /** og:title, else the document's title. */
  title: string;
  /** og:site_name, or ''. */
  site: string;
  dates: DateSources;
}

/** Meta keys (property, name or itemprop) that carry the published date, in the order they are trusted. */
const DATE_KEYS = ['article:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'parsely-pub-date', 'sailthru.date', 'og:article:published_time'];
const KEYS = new Set(['og:title', 'og:site_name', ...DATE_KEYS]);
const ATTRIBUTES = ['property', 'name', 'itemprop'];
/**
 * The attribute each key is written in on real pages (Open Graph in property, and in name on some sites; the
 * date keys as their vocabularies define them), matched natively and without regard to case: parsing one
 * selector per key and attribute cost more, on a page's first read, than the whole rest of the read.
 */
const HEAD_SELECTOR = [
  ...['og:title', 'og:site_name', 'article:published_time', 'og:article:published_time'].flatMap((k) => [`meta[property="${k}" i]`, `meta[name="${k}" i]`]),
  ...['date', 'dc.date', 'dc.date.issued', 'parsely-pub-date', 'sailthru.date'].map((k) => `meta[name="${k}" i]`),
  'meta[itemprop="datePublished" i]',
  'link[rel="canonical" i]',
].join(',');
/** JSON-LD may sit anywhere, and so may a body's date meta: one pass over the document finds both. */
const FALLBACK_SELECTOR = 'script[type="application/ld+json"], meta[itemprop="datePublished"]';
const JSON_LD_BLOCKS = 10;
const JSON_LD_MAX = 200_000;

/**
 * Reads the head with one native selector (the first value for a key wins), and only when it has no date
 * meta, the document's JSON-LD and body meta, and a <time> (inside `article` when given).
 */
export function readPageHead(doc: Document, article: Element | null = null): ArticleHeadSources {
  const values = new Map<string, string>();
  let canonical: string | null = null;
  // A page's <img name="head"> can stand in for document.head (named properties override it): check it.
  let head: Element | null | undefined = doc.head;
  if (!head || localName(head) !== 'head') head = queryList(doc, 'head')[0];
  const found = head ? queryList(head, HEAD_SELECTOR) : [];
  for (let i = 0; i < found.length; i++) {
    const el = found[i] as Element;
    if (localName(el) === 'link') {
      canonical ??= getAttribute(el, 'href');
      continue;
    }
    for (const attribute of ATTRIBUTES) {
      const key = getAttribute(el, attribute)?.toLowerCase();
      if (key === undefined || !KEYS.has(key)) continue;
      if (!values.has(key)) values.set(key, (getAttribute(el, 'content') ?? '').trim());
      break;
    }
  }
  const dates: DateSources = { metas: [], jsonLd: [], itemprop: '', time: '' };
  for (const key of DATE_KEYS) {
    const value = values.get(key);
    if (value !== undefined) dates.metas.push(value);
  }
  if (dates.metas.length === 0) {
    const fallback = queryList(doc, FALLBACK_SELECTOR);
    for (let i = 0; i < fallback.length; i++) {
      const el = fallback[i] as Element;
      if (localName(el) === 'meta') {
        if (dates.itemprop === '') dates.itemprop = getAttribute(el, 'content') ?? '';
      } else if (dates.jsonLd.length < JSON_LD_BLOCKS) {
        const text = textContent(el);
        if (text.length <= JSON_LD_MAX) dates.jsonLd.push(text);
      }
    }
    const time = article ? queryList(article, 'time[datetime]')[0] : queryList(doc, 'article time[datetime], main time[datetime], time[datetime]')[0];
    dates.time = (time && getAttribute(time, 'datetime')) ?? '';
  }
  const { location } = doc.defaultView ?? window;
  return { href: location.href, canonical: canonical ?? '', title: values.get('og:title') || doc.title, site: values.get('og:site_name') ?? '', dates };
}
