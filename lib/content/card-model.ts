/** What a card shows, built from a pack entity and the page's mentions; rendered by components/Card.tsx. */
import { i18n } from '../i18n/t';
import { titleIn, uiLocale } from '../i18n/ui-locale';
import { factValueIn } from '../i18n/fact-value';
import type { EntityMap, EntityType, KeyFact } from '../pack-format/types';
import type { NewsGroup } from '../pack-format/news-groups';
import { entityKey } from '../pack-format/entity-key';
import type { MentionRecord } from './mention-store';
import type { EntityHead } from '../spot/loaded-pack';
import type { CardPack } from './remote-packs';
import type { DetailsState } from './details-cache';
import type { YouRead } from '../reading/reading-db';
import type { RelatedHead } from '../pack-store/entity-record';
import { isLanguageCode } from '../pack-format/language-code';

export interface CardModel {
  name: string;
  type: EntityType;
  /** Whether the details below have arrived from the background. */
  details: DetailsState['status'];
  /** Why they could not be read, when they could not. */
  detailsError: string;
  summary: string;
  /** An http(s) link for more: the pack's, else Wikipedia's search in the page's language, or ''. */
  url: string;
  /** Where `url` goes when the pack gave none ("Wikipedia"), else ''. */
  urlSite: string;
  facts: readonly KeyFact[];
  /** A locator map to draw, or null. */
  map: EntityMap | null;
  /** "In the news": quotes grouped by their document. */
  news: readonly NewsGroup[];
  related: readonly EntityHead[];
  /** "You read": the reader's own reading memory about this entity (other articles), or null. */
  youRead: YouRead | null;
  /** The corpus's month ("Dec 2025") when it is far from the page's date, else ''. */
  asOf: string;
  /** The card became a notice that the entity was muted (with Undo). */
  muted: boolean;
  /** A short status line read out to screen readers ("Copied"), or ''. */
  status: string;
  /** Mentions of this entity on the page, and which one the card belongs to (0-based; -1 when none). */
  onPage: { count: number; index: number };
  provenance: string;
  dark: boolean;
  pinned: boolean;
  canGoBack: boolean;
}

export interface CardActions {
  onPin: () => void;
  onClose: () => void;
  onBack: () => void;
  onRelated: (id: string) => void;
  onStep: (delta: 1 | -1) => void;
  onMute: () => void;
  onUndoMute: () => void;
  onManageMuted: () => void;
  onCopy: () => void;
}

/** The card's footer line: the pack's name and its corpus date. */
export function provenanceOf(loaded: CardPack): string {
  const { meta } = loaded;
  return meta.corpusDate ? i18n.t('card.corpus', { pack: meta.name, date: meta.corpusDate }) : meta.name;
}

export interface EntityCardInput {
  loaded: CardPack;
  entity: EntityHead;
  details: DetailsState;
  /** The mention the card belongs to (null for a related entity's or a looked-up card). */
  record: MentionRecord | null;
  /** Every mention of the entity on the page, in order. */
  records: readonly MentionRecord[];
  /** Muted "packId/entityId" keys: they are left out of Related. */
  muted: ReadonlySet<string>;
  asOf: string;
  /** The page's language ("fr"), or null: a "Read more" link goes to Wikipedia in it. */
  language: string | null;
  state: Pick<CardModel, 'muted' | 'status' | 'dark' | 'pinned' | 'canGoBack'>;
}

/** Entities Wikipedia is sure to have an article on, under the name a page writes. */
const WIKIPEDIA_TYPES: ReadonlySet<EntityType> = new Set(['country', 'city', 'region', 'organization']);

/**
 * The pack's link, else, for a country, city, region or body, Wikipedia in the page's language, searched for
 * the name as the page writes it ("Allemagne" on a French page goes to the French article). Only a link: it is
 * followed when the reader clicks it.
 */
function readMore(url: string, input: EntityCardInput): { url: string; urlSite: string } {
  if (url !== '' || input.details.status !== 'ready' || !WIKIPEDIA_TYPES.has(input.entity.type)) return { url, urlSite: '' };
  const language = isLanguageCode(input.language) ? input.language : 'en';
  const name = input.record?.mention.text ?? input.entity.name;
  return { url: `https://${language}.wikipedia.org/wiki/Special:Search?search=${encodeURIComponent(name)}&go=Go`, urlSite: 'Wikipedia' };
}

/** A related entity's chip, named in the UI's language when the pack names it there. */
export function relatedIn(locale: string, related: RelatedHead): EntityHead {
  return { id: related.id, name: titleIn(locale, related.name, related.names), type: related.type };
}

/**
 * What a card shows for one entity of one pack. Quotes, facts and relations arrive from the background
 * (details-cache.ts); until then the card shows the name and says it is loading.
 */
export function entityCardModel(input: EntityCardInput): CardModel {
  const { loaded, entity, record, records } = input;
  const details = input.details.status === 'ready' ? input.details.details : null;
  return {
    name: titleIn(uiLocale(), entity.name, details?.names),
    type: entity.type,
    details: input.details.status,
    detailsError: input.details.status === 'failed' ? input.details.message : '',
    summary: details?.summary ?? '',
    ...readMore(details?.url ?? '', input),
    facts: (details?.facts ?? []).map((f) => ({ label: f.label, value: factValueIn(uiLocale(), f) })),
    map: details?.map ?? null,
    news: details?.news ?? [],
    related: (details?.related ?? []).filter((r) => !input.muted.has(entityKey(loaded.id, r.id))).map((r) => relatedIn(uiLocale(), r)),
    youRead: details?.youRead ?? null,
    asOf: input.asOf,
    onPage: { count: records.length, index: record ? records.indexOf(record) : -1 },
    provenance: provenanceOf(loaded),
    ...input.state,
  };
}
