/**
 * What reading memory reads of this page: the text of each article block that mentions a known entity, with
 * the names it mentions, and what the page says of its title, site, link and published date. Nothing else of
 * the page is read; the background keeps only the sentences that mention the names and parses the rest.
 */
import { entityKey } from '../pack-format/entity-key';
import { READ_LIMITS, type ReadBlock } from '../reading/reading-record';
import type { MentionRecord } from './mention-store';
import { pageDateSources, type DateSources } from './page-date';
import { pageMeta } from './page-meta';
import { closest, contains, parentElement, textContent } from '../dom/safe-dom';

const BLOCKS = 'p, li, blockquote, figcaption, h1, h2, h3, h4, h5, h6, td, th, dd, dt, pre';

/**
 * The block (paragraph, list item, ...) a mention's text sits in, or null when the mention is outside the
 * article. Matched natively (closest, contains: read through the prototypes, safe-dom.ts, so a page's named
 * form fields cannot stand in for them) and once per parent element: a paragraph's mentions share the answer.
 */
function blockInArticle(node: Node, article: Element, seen: Map<Element, Element | null>): Element | null {
  const parent = parentElement(node);
  if (!parent) return null;
  let block = seen.get(parent);
  if (block !== undefined) return block;
  block = null;
  if (contains(article, parent)) {
    const found = closest(parent, BLOCKS);
    block = found && contains(article, found) ? found : parent;
  }
  seen.set(parent, block);
  return block;
}

/**
 * The article's blocks that mention known entities, each with the names it mentions as written (mentions
 * outside `article`, in the page's chrome, are left out). Only text is read here, natively, once per block:
 * cutting sentences is the background's (reading-blocks.ts), off the page's main thread.
 */
export function readBlocks(records: readonly MentionRecord[], article: Element): ReadBlock[] {
  const byBlock = new Map<Element, ReadBlock>();
  const seen = new Map<Element, Element | null>();
  for (const r of records) {
    const node = r.mention.start.node;
    const element = blockInArticle(node, article, seen);
    if (!element) continue;
    let block = byBlock.get(element);
    if (!block) {
      if (byBlock.size >= READ_LIMITS.blocks) break;
      const text = textContent(element);
      // A block longer than a paragraph (a layout cell holding the page): the mention's own text node.
      block = { text: text.length <= READ_LIMITS.blockChars ? text : node.data.slice(0, READ_LIMITS.blockChars), names: [] };
      byBlock.set(element, block);
    }
    if (block.names.length < READ_LIMITS.namesPerBlock) block.names.push([r.mention.text, entityKey(r.mention.packId, r.mention.entity.id)]);
  }
  return [...byBlock.values()];
}

/**
 * What the page says about the article, read from the DOM and sent as read: the background checks it and
 * makes the article's link, title, site and date of it (reading-record.ts), so nothing is parsed here.
 */
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

export function articleHeadSources(doc: Document, article: Element | null = null): ArticleHeadSources {
  const { location } = doc.defaultView ?? window;
  const meta = pageMeta(doc);
  return {
    href: location.href,
    canonical: meta.canonical ?? '',
    title: meta.values.get('og:title') || doc.title,
    site: meta.values.get('og:site_name') ?? '',
    dates: pageDateSources(doc, article, meta),
  };
}
