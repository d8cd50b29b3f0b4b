/**
 * When the page was published, from what news pages carry for search engines and social cards: Open Graph
 * and schema.org meta tags, JSON-LD, or the article's <time>. Null when the page says nothing parseable.
 */
import { formatPackDate } from '../pack-format/news-groups';
import { readPageHead, type DateSources } from './page-head';

function parse(text: string | null | undefined): Date | null {
  if (!text) return null;
  const match = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text);
  if (!match) return null;
  const when = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? 1)));
  return Number.isNaN(when.getTime()) ? null : when;
}

/** The first datePublished anywhere in a JSON-LD value (it may be an array or an @graph). */
function jsonLdDate(value: unknown, depth = 0): string | null {
  if (depth > 4 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) {
      const found = jsonLdDate(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return record.datePublished;
  return jsonLdDate(record['@graph'], depth + 1);
}

/** The published date the sources give, or null: metas, then JSON-LD, then the body meta, then the <time>. */
export function dateFromSources(sources: DateSources): Date | null {
  for (const value of sources.metas) {
    const found = parse(value);
    if (found) return found;
  }
  for (const text of sources.jsonLd) {
    try {
      const found = parse(jsonLdDate(JSON.parse(text)));
      if (found) return found;
    } catch {
      // A page's broken JSON-LD is its own business.
    }
  }
  return parse(sources.itemprop) ?? parse(sources.time);
}

/** The page's published date (the card's "as of"): its sources read and parsed at once. */
export function pageDate(doc: Document): Date | null {
  return dateFromSources(readPageHead(doc).dates);
}

/** Days beyond which a card says "as of" its corpus date. */
export const AS_OF_AFTER_DAYS = 120;

/**
 * "Dec 2025" when the pack's corpus date is more than AS_OF_AFTER_DAYS from the page's date (or from today,
 * when the page gives none), else ''. A corpus date is the month or day its news was written.
 */
export function asOfLabel(corpusDate: string, page: Date | null, now: Date): string {
  const corpus = parse(corpusDate.length === 4 ? `${corpusDate}-07` : corpusDate);
  if (!corpus) return '';
  const reference = page ?? now;
  const days = Math.abs(reference.getTime() - corpus.getTime()) / 86_400_000;
  if (days <= AS_OF_AFTER_DAYS) return '';
  // The corpus's month (or year), as cards write pack dates.
  return formatPackDate(corpusDate.slice(0, 7));
}
