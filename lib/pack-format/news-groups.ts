/**
 * "In the news" on a card: the entity's corpus sentences grouped by the document they come from, so each
 * document's title, site and date are said once. A headline is its own quote, so it is never repeated as the
 * source of itself.
 */
import { uiLocale } from '../i18n/ui-locale';
import type { EntitySentence, PackDocument } from '../pack-format/types';

export interface NewsGroup {
  /** The document's title; '' for an untitled article and for a headline (the quote is the headline). */
  title: string;
  /** What the document is when it has no title of its own ('' when it has one); the card names it in the UI language. */
  kind: '' | 'headline' | 'article';
  site: string;
  /** Human-readable date ("15 Dec 2025", "Dec 2025") or ''. */
  date: string;
  /** An http(s) link to the document, or ''. */
  url: string;
  quotes: EntitySentence[];
}

/** "2025-12" → "Dec 2025"; "2025-12-15" → "15 Dec 2025" (en-GB), "15 déc. 2025" (fr): in the UI language, whatever the page's. */
export function formatPackDate(date: string, locale: string = uiLocale()): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y) return date;
  const when = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  return when.toLocaleDateString(locale, { timeZone: 'UTC', year: 'numeric', month: m ? 'short' : undefined, day: d ? 'numeric' : undefined });
}

const isWebLink = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);

/** Up to `maxQuotes` sentences, in the pack's order, grouped by document in order of first appearance. */
export function groupNews(sentences: readonly EntitySentence[], documents: ReadonlyMap<string, PackDocument>, maxQuotes: number): NewsGroup[] {
  const groups = new Map<string, NewsGroup>();
  const seen = new Set<string>();
  let taken = 0;
  for (const sentence of sentences) {
    if (taken >= maxQuotes) break;
    // The same sentence from two documents (a syndicated story) is said once.
    if (seen.has(sentence.text)) continue;
    seen.add(sentence.text);
    taken++;
    const doc = documents.get(sentence.doc);
    const key = doc ? doc.id : `?${sentence.doc}`;
    let group = groups.get(key);
    if (!group) {
      const headline = doc?.kind === 'headline';
      const title = doc && !headline && doc.title.trim() !== sentence.text.trim() ? doc.title : '';
      group = {
        title,
        kind: title ? '' : headline ? 'headline' : 'article',
        site: doc?.site ?? '',
        date: doc?.date ? formatPackDate(doc.date) : '',
        url: isWebLink(doc?.url) ? doc.url : '',
        quotes: [],
      };
      groups.set(key, group);
    }
    group.quotes.push(sentence);
  }
  return [...groups.values()];
}
