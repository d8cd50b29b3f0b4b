/**
 * Reading memory as a file, for export and import: JSON with a format name and version and the articles as
 * the store keeps them. An import is checked whole before anything is written; any bad article refuses the
 * file with its position and reason, and the store is left as it was.
 */
import { checkReadArticle, type ReadArticle } from './reading-record';

export const READING_FORMAT = 'backstory-reading';
export const READING_FORMAT_VERSION = 1;
/** A reading file larger than this is refused before it is parsed. */
export const READING_FILE_MAX_BYTES = 200 * 1024 * 1024;

export function readingFileText(articles: readonly ReadArticle[]): string {
  return `${JSON.stringify({ format: READING_FORMAT, formatVersion: READING_FORMAT_VERSION, articles }, null, 1)}\n`;
}

export function parseReadingFile(name: string, text: string, now: number): ReadArticle[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} is not valid JSON (${(error as Error).message})`);
  }
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (o.format !== READING_FORMAT) throw new Error(`${name} is not a Backstory reading file (no "format": "${READING_FORMAT}")`);
  if (o.formatVersion !== READING_FORMAT_VERSION) throw new Error(`${name}: version ${String(o.formatVersion)} is not supported (this Backstory reads version ${READING_FORMAT_VERSION})`);
  if (!Array.isArray(o.articles)) throw new Error(`${name}: "articles" must be a list`);
  return o.articles.map((a: unknown, i) => {
    const visited = (a as { visited?: unknown } | null)?.visited;
    const checked = checkReadArticle(a, typeof visited === 'number' && Number.isFinite(visited) && visited > 0 && visited <= now ? visited : now);
    if (!checked) throw new Error(`${name}: article #${i + 1} is not an http(s) article with sentences about known entities`);
    return checked;
  });
}
