/**
 * The imported packs as a page holds them: each one's name and corpus date (for a card's footer, from the
 * stored pack list) and the heads of the entities the background has named here. Text is matched with them
 * in the background (lib/pack-store/imported-matcher.ts): no imported index is read on the page.
 */
import type { Message, Response } from '../messages';
import type { PackSummary } from '../pack-store/summary';
import type { EntityHead, LoadedPack } from '../spot/loaded-pack';
import type { HeadMatch, ScanState } from '../spot/scan';
import { isEntityHead, isHeadMatch } from '../spot/text-match';
import type { ScoredEntity } from './entity-lookup';

/** The packs a page matches with: its own (decoded on the page) and the imported ones (matched in the background). */
export interface PagePacks {
  readonly local: readonly LoadedPack[];
  readonly remote: RemotePacks | null;
}

export type AskBackground = <T extends 'match-text' | 'look-up-packs'>(message: Message<T>) => Promise<Response<T>>;

/** What a card needs of a pack: its name and corpus date, and its entities by id. LoadedPack is one. */
export interface CardPack {
  readonly id: string;
  readonly meta: { readonly name: string; readonly corpusDate: string };
  entityById(id: string): EntityHead | undefined;
}

export class RemotePack implements CardPack {
  readonly id: string;
  readonly meta: { name: string; corpusDate: string };
  private readonly heads = new Map<string, EntityHead>();

  constructor(summary: PackSummary) {
    this.id = summary.id;
    this.meta = { name: summary.name, corpusDate: summary.corpusDate };
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
    summaries: readonly PackSummary[],
    private readonly ask: AskBackground,
    private readonly log: (message: string) => void,
  ) {
    this.packs = summaries.map((s) => new RemotePack(s));
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
   * Every imported pack's matches in each text (overlaps between packs unresolved, as matchPacks gives them).
   * The state's short-form memory goes along and comes back. When the background cannot answer, the texts
   * get no imported matches (said once in the log); the page's own packs are not held up by it.
   */
  async match(texts: string[], state: ScanState): Promise<HeadMatch[][]> {
    const seen: Record<string, number[]> = {};
    for (const p of this.packs) seen[p.id] = [...(state.seen.get(p.id) ?? [])];
    let answer: Response<'match-text'>;
    try {
      answer = await this.ask({ type: 'match-text', packs: this.ids, texts, language: state.language, demonyms: state.demonyms, seen });
      if (answer.error) throw new Error(answer.error);
    } catch (error) {
      this.report('*', `imported packs were not matched on this page: ${messageOf(error)}`);
      return texts.map(() => []);
    }
    for (const f of answer.failed) this.report(f.id, `skipping knowledge pack "${f.id}": ${f.reason}`);
    for (const [id, list] of Object.entries(answer.seen)) if (this.byId.has(id)) state.seen.set(id, new Set(list));
    const ids = new Set(this.byId.keys());
    return texts.map((text, i) => {
      const list: unknown = answer.matches[i];
      if (!Array.isArray(list)) return [];
      return list.filter((m): m is HeadMatch => isHeadMatch(m, text.length, ids)).map((m) => ({ ...m, entity: (this.byId.get(m.packId) as RemotePack).head(m.entity) }));
    });
  }

  /** The imported packs' entities whose name or alias matches (the popup's look-up); none when the background cannot answer. */
  async lookUp(query: string): Promise<ScoredEntity[]> {
    try {
      const { entities } = await this.ask({ type: 'look-up-packs', packs: this.ids, query });
      return entities.filter((e) => {
        const pack = this.byId.get(e.packId);
        if (!pack || !isEntityHead(e) || typeof e.score !== 'number') return false;
        pack.head(e);
        return true;
      });
    } catch (error) {
      this.report('look-up', `imported packs were not searched: ${messageOf(error)}`);
      return [];
    }
  }
}
