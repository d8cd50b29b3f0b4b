/**
 * The packs a page is matched with, as the page holds them: each one's id, its name and corpus date (for a
 * card's footer: from the stored pack list, or from the background's first answer) and the heads of the
 * entities the background has named here. Text is matched in the background (lib/pack-store/pack-matcher.ts):
 * no index is read or decoded on the page.
 */
import type { Message, Response } from '../messages';
import type { PackLabel } from '../pack-store/pack-matcher';
import type { EntityHead } from '../spot/loaded-pack';
import type { HeadMatch, ScanState } from '../spot/scan';
import { decodeMatches, isEntityHead } from '../spot/text-match';
import type { ScoredEntity } from '../spot/entity-lookup';
import type { LocalPacks } from '../spot/local-packs';

/** The packs a page matches with: any decoded on the page (tools and tests), and those matched in the background. */
export interface PagePacks {
  readonly local: LocalPacks | null;
  readonly remote: RemotePacks | null;
}

export type AskBackground = <T extends 'match-text' | 'look-up-packs'>(message: Message<T>) => Promise<Response<T>>;

/** What a card needs of a pack: its name and corpus date, and its entities by id. LoadedPack is one. */
export interface CardPack {
  readonly id: string;
  readonly meta: { readonly name: string; readonly corpusDate: string };
  entityById(id: string): EntityHead | undefined;
}

/** A pack the background matches: its id, and its label when the page knows it before the first answer. */
export interface RemoteSource {
  id: string;
  label?: PackLabel;
}

export class RemotePack implements CardPack {
  readonly id: string;
  meta: PackLabel;
  private readonly heads = new Map<string, EntityHead>();

  constructor(source: RemoteSource) {
    this.id = source.id;
    this.meta = source.label ?? { name: source.id, corpusDate: '' };
  }

  /** The page's one head for this entity: mentions of one entity share it, as they do for a page's own packs. */
  head(head: EntityHead): EntityHead {
    const known = this.heads.get(head.id);
    if (known) return known;
    const own = { id: head.id, name: head.name, type: head.type };
    this.heads.set(own.id, own);
    return own;
  }

  entityById(id: string): EntityHead | undefined {
    return this.heads.get(id);
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class RemotePacks {
  readonly packs: readonly RemotePack[];
  private readonly byId: Map<string, RemotePack>;
  private readonly reported = new Set<string>();

  constructor(
    sources: readonly RemoteSource[],
    private readonly ask: AskBackground,
    private readonly log: (message: string) => void,
    /** The page's language, for the look-up's World names. */
    private readonly language: string | null = null,
  ) {
    this.packs = sources.map((s) => new RemotePack(s));
    this.byId = new Map(this.packs.map((p) => [p.id, p]));
  }

  private get ids(): string[] {
    return this.packs.map((p) => p.id);
  }

  private report(key: string, line: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log(line);
  }

  /**
   * Every pack's matches in each text (overlaps between packs unresolved, as matchPacks gives them).
   * The state's short-form memory goes along and comes back. When the background cannot answer, the texts
   * get no matches from it (said once in the log).
   */
  async match(texts: string[], state: ScanState): Promise<HeadMatch[][]> {
    const seen: Record<string, number[]> = {};
    for (const p of this.packs) seen[p.id] = [...(state.seen.get(p.id) ?? [])];
    let answer: Response<'match-text'>;
    try {
      answer = await this.ask({ type: 'match-text', packs: this.ids, texts, language: state.language, demonyms: state.demonyms, seen });
      if (answer.error) throw new Error(answer.error);
    } catch (error) {
      this.report('*', `this page was not matched: ${messageOf(error)}`);
      return texts.map(() => []);
    }
    for (const f of answer.failed) this.report(f.id, `skipping knowledge pack "${f.id}": ${f.reason}`);
    for (const [id, label] of Object.entries(answer.labels)) {
      const pack = this.byId.get(id);
      if (pack && typeof label.name === 'string' && typeof label.corpusDate === 'string') pack.meta = { name: label.name, corpusDate: label.corpusDate };
    }
    for (const [id, list] of Object.entries(answer.seen)) if (this.byId.has(id)) state.seen.set(id, new Set(list));
    return decodeMatches(answer, texts, new Set(this.byId.keys()), (packId, entity) => (this.byId.get(packId) as RemotePack).head(entity));
  }

  /** The packs' entities whose name or alias matches (the popup's look-up); none when the background cannot answer. */
  async lookUp(query: string): Promise<ScoredEntity[]> {
    try {
      const { entities } = await this.ask({ type: 'look-up-packs', packs: this.ids, query, language: this.language });
      return entities.filter((e) => {
        const pack = this.byId.get(e.packId);
        if (!pack || !isEntityHead(e) || typeof e.score !== 'number') return false;
        pack.head(e);
        return true;
      });
    } catch (error) {
      this.report('look-up', `the packs were not searched: ${messageOf(error)}`);
      return [];
    }
  }
}
