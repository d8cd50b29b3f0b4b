/** What a card shows, built from a pack entity and the page's mentions; rendered by components/Card.tsx. */
import type { EntitySentence, EntityType, KeyFact, PackDocument, PackEntity } from '../pack-format/types';
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
  sentences: readonly EntitySentence[];
  documents: ReadonlyMap<string, PackDocument>;
  related: readonly CardRelated[];
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
}

/** Entity lookups for one pack, keyed with Maps so ids such as "__proto__" behave like any other. */
export class PackLookup {
  readonly entities = new Map<string, PackEntity>();
  readonly documents = new Map<string, PackDocument>();

  constructor(readonly loaded: LoadedPack) {
    for (const e of loaded.pack.entities) this.entities.set(e.id, e);
    for (const d of loaded.pack.documents) this.documents.set(d.id, d);
  }

  related(entity: PackEntity): CardRelated[] {
    const out: CardRelated[] = [];
    for (const r of entity.related) {
      const e = this.entities.get(r.id);
      if (e) out.push({ id: e.id, name: e.name, type: e.type });
    }
    return out;
  }

  provenance(): string {
    const { pack } = this.loaded;
    return pack.corpusDate ? `${pack.name} · corpus ${pack.corpusDate}` : pack.name;
  }
}
