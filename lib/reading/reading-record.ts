/**
 * What reading memory keeps of an article a reader read: its title, site, URL, published date, the visit's
 * date, and the sentences that mention known entities, each with the entities it mentions. Nothing else
 * about the page or the reader. The content script sends this once; the background checks it here before
 * anything is written, so a page cannot store more than this shape allows.
 */
import { dateFromSources } from '../content/page-date';
import type { DateSources } from '../content/page-head';
import { sentencesOfBlocks } from './reading-blocks';

export interface ReadSentence {
  text: string;
  /** "packId/entityId" of each entity the sentence mentions. */
  entities: string[];
}

export interface ReadArticle {
  url: string;
  title: string;
  site: string;
  /** YYYY-MM-DD from the page's metadata, or '' (then the visit's date is shown). */
  published: string;
  /** When it was read, ms since the epoch. */
  visited: number;
  sentences: ReadSentence[];
}

/** What a page sends: an article block's text and the names it mentions as written, with their entity keys. */
export interface ReadBlock {
  text: string;
  /** [name as written, "packId/entityId"] */
  names: Array<[string, string]>;
}

/** The last "You read" query's duration, kept as a User Timing measure in the background for npm run bench:reading. */
export const YOU_READ_MEASURE = 'backstory:you-read';

/** Items a card lists under "You read". */
export const YOU_READ_ITEMS = 3;

export const READ_LIMITS = { sentences: 200, sentenceChars: 600, entitiesPerSentence: 20, title: 300, site: 120, url: 2_000, blocks: 200, blockChars: 8_000, namesPerBlock: 50 } as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ENTITY_KEY = /^[^/]{1,120}\/[^/]{1,120}$/;

const clip = (value: unknown, max: number): string => (typeof value === 'string' ? value.replace(/\p{Cc}/gu, ' ').slice(0, max) : '');

const strings = (value: unknown, max: number, each: number): string[] => (Array.isArray(value) ? value.slice(0, max).filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, each)) : []);

/**
 * A page sends what it read of its head (reading-snapshot.ts: its address, canonical link, title, site name
 * and date sources); the link, title, site and date are made of it here, off the page. The canonical link is
 * used when it is on the page's own site.
 */
function fromHeadSources(raw: unknown): Record<string, unknown> {
  const h = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const href = typeof h.href === 'string' ? h.href : '';
  let url = href.split('#')[0] ?? '';
  let host = '';
  try {
    const page = new URL(href);
    host = page.host;
    const canonical = typeof h.canonical === 'string' && h.canonical !== '' ? new URL(h.canonical, href) : null;
    if (canonical && canonical.host === page.host && /^https?:$/.test(canonical.protocol)) url = canonical.href.split('#')[0] ?? canonical.href;
  } catch {
    // A canonical link that is not a URL is ignored; a page address that is not one fails the check below.
  }
  const d = (typeof h.dates === 'object' && h.dates !== null ? h.dates : {}) as Record<string, unknown>;
  const sources: DateSources = { metas: strings(d.metas, 10, 100), jsonLd: strings(d.jsonLd, 10, 200_000), itemprop: typeof d.itemprop === 'string' ? d.itemprop.slice(0, 100) : '', time: typeof d.time === 'string' ? d.time.slice(0, 100) : '' };
  const published = dateFromSources(sources);
  return { url, title: h.title, site: typeof h.site === 'string' && h.site.trim() !== '' ? h.site : host, published: published ? published.toISOString().slice(0, 10) : '' };
}

/** The article as a message carried it, checked and clipped; null when it is not one (a bad URL, no sentences). */
export function checkReadArticle(raw: unknown, now: number): ReadArticle | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const sent = raw as Record<string, unknown>;
  const o = 'head' in sent ? { ...sent, ...fromHeadSources(sent.head) } : sent;
  const url = clip(o.url, READ_LIMITS.url);
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return null;
  const sentences: ReadSentence[] = [];
  // A page sends blocks (cut into sentences here, off the page); a reading file holds sentences.
  const given = Array.isArray(o.blocks) ? sentencesOfBlocks(o.blocks) : o.sentences;
  for (const s of Array.isArray(given) ? given.slice(0, READ_LIMITS.sentences) : []) {
    if (typeof s !== 'object' || s === null) continue;
    const text = clip((s as { text?: unknown }).text, READ_LIMITS.sentenceChars).trim();
    const entities = Array.isArray((s as { entities?: unknown }).entities) ? ((s as { entities: unknown[] }).entities.filter((e) => typeof e === 'string' && ENTITY_KEY.test(e)) as string[]).slice(0, READ_LIMITS.entitiesPerSentence) : [];
    if (text !== '' && entities.length > 0) sentences.push({ text, entities: [...new Set(entities)] });
  }
  if (sentences.length === 0) return null;
  const published = clip(o.published, 10);
  return { url, title: clip(o.title, READ_LIMITS.title).trim(), site: clip(o.site, READ_LIMITS.site).trim(), published: DAY.test(published) ? published : '', visited: now, sentences };
}
