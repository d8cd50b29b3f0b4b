/**
 * The background's side of reading memory: it decides, from the settings and the sender, whether anything
 * may be kept or shown, so a content script (or a page that fools one) cannot write past these rules. Nothing
 * in private windows, nothing from excluded sites, nothing while the switch is off.
 */
import { loadSettings } from '../settings/store';
import type { Settings } from '../settings/schema';
import { readingOnHere } from './reading-scope';
import { checkReadArticle, YOU_READ_ITEMS, YOU_READ_MEASURE } from './reading-record';
import { entityDetails } from '../pack-store/details-source';
import type { EntityDetails } from '../pack-store/entity-record';
import { parseEntityKey } from '../pack-format/entity-key';
import { learnedName, learnedReading } from './learned-db';
import { dayOf } from './reading-schema';
import { evictOldest, forgetOlderThan, saveArticle, youRead, type YouRead } from './reading-db';

interface Sender {
  url?: string;
  tab?: { incognito?: boolean };
}

const DAY_MS = 86_400_000;

const withoutHash = (url: string): string => url.split('#')[0] ?? url;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** Whether reading memory may keep or show anything for this sender now. */
export function readingAllowed(settings: Settings, sender: Sender): boolean {
  // A sender that does not say it is outside a private window is treated as private.
  return sender.tab?.incognito === false && readingOnHere(settings, hostOf(sender.url ?? ''), false);
}

export async function saveReading(raw: unknown, sender: Sender, now = Date.now()): Promise<{ ok: boolean; reason?: string }> {
  const settings = await loadSettings();
  if (!readingAllowed(settings, sender)) return { ok: false, reason: 'reading memory is off here' };
  const article = checkReadArticle(raw, now);
  if (!article) return { ok: false, reason: 'not an article with sentences about known entities' };
  // The article must be the page that sent it.
  if (hostOf(article.url) !== hostOf(sender.url ?? '')) return { ok: false, reason: 'the article is not the sending page' };
  await saveArticle(article);
  await applyReadingLimits(settings, now);
  return { ok: true };
}

/**
 * The reader's retention and storage cap, applied now: after each article kept, after an import, and when
 * either setting changes. The oldest articles go first. Returns how many went.
 */
export async function applyReadingLimits(settings: Settings, now = Date.now()): Promise<number> {
  let gone = 0;
  if (settings.readingRetentionDays > 0) gone += await forgetOlderThan(now - settings.readingRetentionDays * DAY_MS);
  if (settings.readingCapMB > 0) gone += await evictOldest(settings.readingCapMB * 1_048_576);
  return gone;
}

/** "You read" for a card on the sender's page, or null when reading memory may not show anything there. */
export async function readingFor(entity: string, sender: Sender): Promise<YouRead | null> {
  const settings = await loadSettings();
  if (!readingAllowed(settings, sender)) return null;
  try {
    const started = performance.now();
    const found = await youRead(entity, withoutHash(sender.url ?? ''), YOU_READ_ITEMS);
    // One entry at a time: a long-lived background would otherwise keep one per hover.
    performance.clearMeasures(YOU_READ_MEASURE);
    performance.measure(YOU_READ_MEASURE, { start: started });
    return found.articles > 0 ? found : null;
  } catch {
    // Reading memory is an extra: a store that cannot be read leaves the card as it was.
    return null;
  }
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * A learned name's card: where and when it was read, or, when the reader merged it into another entity, that
 * entity's card. Nothing where reading memory may not show anything.
 */
export async function learnedDetails(key: string, sender: Sender): Promise<{ details: EntityDetails | null; youRead?: YouRead }> {
  const settings = await loadSettings();
  if (!readingAllowed(settings, sender)) return { details: null };
  const row = await learnedName(key);
  if (!row || row.status === 'dismissed') return { details: null };
  if (row.status === 'merged' && row.mergedInto) {
    const target = parseEntityKey(row.mergedInto);
    if (target) {
      const [details, youRead] = await Promise.all([entityDetails(target.packId, target.entityId).catch(() => null), readingFor(row.mergedInto, sender)]);
      if (details) return youRead ? { details, youRead } : { details };
    }
  }
  const summary = `A name Backstory learned from your reading: ${plural(row.articles, 'article')} on ${plural(row.sites, 'site')} mention it, first on ${dayOf(row.firstRead)}.`;
  const details: EntityDetails = { summary, url: '', facts: [{ label: 'Last read', value: dayOf(row.lastRead) }], news: [], related: [] };
  const youRead = await learnedReading(key, withoutHash(sender.url ?? ''), YOU_READ_ITEMS);
  return youRead.articles > 0 ? { details, youRead } : { details };
}
