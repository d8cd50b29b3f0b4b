/**
 * What reading memory keeps of an article a reader read: its title, site, URL, published date, the visit's
 * date, and the sentences that mention known entities, each with the entities it mentions. Nothing else
 * about the page or the reader. The content script sends this once; the background checks it here before
 * anything is written, so a page cannot store more than this shape allows.
 */
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

export const READ_LIMITS = { sentences: 200, sentenceChars: 600, entitiesPerSentence: 20, title: 300, site: 120, url: 2_000 } as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ENTITY_KEY = /^[^/]{1,120}\/[^/]{1,120}$/;

const clip = (value: unknown, max: number): string => (typeof value === 'string' ? value.replace(/\p{Cc}/gu, ' ').slice(0, max) : '');

/** The article as a message carried it, checked and clipped; null when it is not one (a bad URL, no sentences). */
export function checkReadArticle(raw: unknown, now: number): ReadArticle | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const url = clip(o.url, READ_LIMITS.url);
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return null;
  const sentences: ReadSentence[] = [];
  for (const s of Array.isArray(o.sentences) ? o.sentences.slice(0, READ_LIMITS.sentences) : []) {
    if (typeof s !== 'object' || s === null) continue;
    const text = clip((s as { text?: unknown }).text, READ_LIMITS.sentenceChars).trim();
    const entities = Array.isArray((s as { entities?: unknown }).entities) ? ((s as { entities: unknown[] }).entities.filter((e) => typeof e === 'string' && ENTITY_KEY.test(e)) as string[]).slice(0, READ_LIMITS.entitiesPerSentence) : [];
    if (text !== '' && entities.length > 0) sentences.push({ text, entities: [...new Set(entities)] });
  }
  if (sentences.length === 0) return null;
  const published = clip(o.published, 10);
  return { url, title: clip(o.title, READ_LIMITS.title).trim(), site: clip(o.site, READ_LIMITS.site).trim(), published: DAY.test(published) ? published : '', visited: now, sentences };
}
