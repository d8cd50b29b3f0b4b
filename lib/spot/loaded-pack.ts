/**
 * A pack as a page holds it: its matcher index and, per entity, only what highlights, the popup and a card's
 * first line need (id, name, type). Everything else a card shows is fetched on demand (lib/pack-store).
 * Entity heads are made when first asked for and then kept, so mentions of one entity share one object.
 */
import type { ContextRule, EntityType } from '../pack-format/types';
import { ALIAS_STOP, type TrieIndex } from './trie-index';

export interface EntityHead {
  id: string;
  name: string;
  type: EntityType;
}

/** A context rule with its entities given by index in the pack (resolved when the index is built). */
export type IndexedContextRule = Omit<ContextRule, 'entities'> & { entities?: number[] };

export interface PackMeta {
  id: string;
  name: string;
  version: string;
  corpusDate: string;
  description: string;
  rules: IndexedContextRule[];
  /** The languages its aliases are for (alias language k is languages[k - 1]); absent in version 1 indexes. */
  languages?: string[];
}

export interface EntityTable {
  /** All ids, then all names, in one string; entity i's id is strings.slice(idStart[i], idStart[i + 1]). */
  strings: string;
  idStart: Uint32Array;
  nameStart: Uint32Array;
  /** Index into ENTITY_TYPES. */
  types: Uint8Array;
  typeNames: readonly EntityType[];
}

export class LoadedPack {
  private readonly heads = new Map<number, EntityHead>();
  private byId: Map<string, number> | null = null;

  constructor(
    readonly meta: PackMeta,
    readonly index: TrieIndex,
    private readonly table: EntityTable,
  ) {}

  get id(): string {
    return this.meta.id;
  }

  /**
   * Which alias languages a page in `language` matches (by alias language number; 0, every page, always):
   * its own, when the pack names things in it; English, when it does not; all of them on a page that does
   * not say its language. Null: no filter.
   */
  languageFilter(language: string | null): Uint8Array | null {
    const codes = this.meta.languages ?? [];
    if (codes.length === 0 || language === null) return null;
    const own = codes.indexOf(language);
    const pick = own >= 0 ? own : codes.indexOf('en');
    const allowed = new Uint8Array(codes.length + 1);
    allowed[0] = 1;
    if (pick >= 0) allowed[pick + 1] = 1;
    return allowed;
  }

  get entityCount(): number {
    return this.table.types.length;
  }

  typeOf(i: number): EntityType | undefined {
    const t = this.table.types[i];
    return t === undefined ? undefined : this.table.typeNames[t];
  }

  entity(i: number): EntityHead | undefined {
    let head = this.heads.get(i);
    if (head) return head;
    const type = this.typeOf(i);
    if (type === undefined) return undefined;
    const { strings, idStart, nameStart } = this.table;
    head = {
      id: strings.slice(idStart[i], idStart[i + 1]),
      name: strings.slice(nameStart[i], nameStart[i + 1]),
      type,
    };
    this.heads.set(i, head);
    return head;
  }

  /** The entity with this id (the map is built on first use: only the popup and related chips need it). */
  entityById(id: string): EntityHead | undefined {
    if (!this.byId) {
      const { strings, idStart } = this.table;
      this.byId = new Map();
      for (let i = 0; i < this.entityCount; i++) this.byId.set(strings.slice(idStart[i], idStart[i + 1]), i);
    }
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entity(i);
  }

  /** Every alias that names an entity (stop phrases left out), as (entity index, alias folded with its case). */
  *aliasForms(): Generator<[number, string]> {
    const { aliasEntity, aliasFlags, formStart, forms } = this.index;
    for (let a = 0; a < aliasEntity.length; a++) {
      if (!((aliasFlags[a] as number) & ALIAS_STOP)) yield [aliasEntity[a] as number, forms.slice(formStart[a], formStart[a + 1])];
    }
  }

  /** Entity i's name without making its head (for searching every name). */
  nameOf(i: number): string {
    const { strings, nameStart } = this.table;
    return strings.slice(nameStart[i], nameStart[i + 1]);
  }
}
