/** What a card shows, built from a pack entity and the page's mentions; rendered by components/Card.tsx. */
import type { EntityType, KeyFact, PackDocument, PackEntity } from '../pack-format/types';
import { groupNews, type NewsGroup } from './news-groups';
import { entityKey } from '../pack-format/entity-key';
import type { MentionRecord } from './mention-store';
import type { LoadedPack } from '../spot/loaded-pack';

export interface CardRelated {
  id: string;
  name: string;
  type: EntityType;
}

export interface CardModel {
  name: string;
  type: EntityType;
  summary: string;
  /** An http(s) link for more, from the pack, or ''. */
  url: string;
  facts: readonly KeyFact[];
  /** "In the news": quotes grouped by their document. */
  news: readonly NewsGroup[];
  related: readonly CardRelated[];
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

/** Entity lookups for one pack, keyed with Maps so ids such as "__proto__" behave like any other. */
export class PackLookup {
  readonly entities = new Map<string, PackEntity>();
  readonly documents = new Map<string, PackDocument>();

  constructor(readonly loaded: LoadedPack) {
    for (const e of loaded.pack.entities) this.entities.set(e.id, e);
    for (const d of loaded.pack.documents) this.documents.set(d.id, d);
  }

  /** The related entities the pack knows, without those the reader muted (`isMuted` gets "packId/entityId"). */
  related(entity: PackEntity, isMuted: (id: string) => boolean): CardRelated[] {
    const out: CardRelated[] = [];
    for (const r of entity.related) {
      const e = this.entities.get(r.id);
      if (e && !isMuted(e.id)) out.push({ id: e.id, name: e.name, type: e.type });
    }
    return out;
  }

  provenance(): string {
    const { pack } = this.loaded;
    return pack.corpusDate ? `${pack.name} · corpus ${pack.corpusDate}` : pack.name;
  }
}

/** Quotes under "In the news"; the pack may hold hundreds. */
const MAX_QUOTES = 3;

export interface EntityCardInput {
  lookup: PackLookup;
  entity: PackEntity;
  /** The mention the card belongs to (null for a related entity's or a looked-up card). */
  record: MentionRecord | null;
  /** Every mention of the entity on the page, in order. */
  records: readonly MentionRecord[];
  /** Muted "packId/entityId" keys: they are left out of Related. */
  muted: ReadonlySet<string>;
  asOf: string;
  state: Pick<CardModel, 'muted' | 'status' | 'dark' | 'pinned' | 'canGoBack'>;
}

/** What a card shows for one entity of one pack. */
export function entityCardModel(input: EntityCardInput): CardModel {
  const { lookup, entity, record, records } = input;
  const packId = lookup.loaded.pack.id;
  return {
    name: entity.name,
    type: entity.type,
    summary: entity.summary,
    url: /^https?:\/\//i.test(entity.url) ? entity.url : '',
    facts: entity.facts,
    news: groupNews(entity.sentences, lookup.documents, MAX_QUOTES),
    related: lookup.related(entity, (id) => input.muted.has(entityKey(packId, id))),
    asOf: input.asOf,
    onPage: { count: records.length, index: record ? records.indexOf(record) : -1 },
    provenance: lookup.provenance(),
    ...input.state,
  };
}
