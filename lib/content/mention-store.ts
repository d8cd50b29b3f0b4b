/**
 * The page's mentions: looked up by text node and offset for hit-testing and de-duplication, and kept in
 * document order for navigation and the popup. Order is kept by placing each scan pass's mentions where the
 * pass's root sits in the document (a binary search with a few DOM comparisons), never by renumbering, so
 * rescanning one edited block leaves everything else where it is.
 */
import { follows, isConnected } from '../dom/safe-dom';
import type { Mention } from '../spot/scan';

export interface MentionRecord {
  key: number;
  mention: Mention;
  readonly range: StaticRange;
  /** Every text node the mention touches (one, unless it spans inline elements). */
  nodes: Text[];
  /** The block it sits in, once the visible-ranges bookkeeping needed it. */
  block?: Element;
  /** Whether it has its place in the document order yet (a pass placed it). */
  placed?: boolean;
}

/** One scan pass over a root: the mentions it met, in text order, placed together when it commits. */
export interface ScanPass {
  readonly root: Node;
  met: MentionRecord[];
  /** The last mention this pass placed; the next batch goes right after it. */
  anchor: MentionRecord | null;
}

/** A record whose range is made on first use; a class, not a closure per record, for a long page's memory. */
class StoredMention implements MentionRecord {
  readonly nodes: Text[];
  block?: Element;
  placed?: boolean;
  private made: StaticRange | undefined;

  constructor(
    readonly key: number,
    readonly mention: Mention,
    private readonly makeRange: (mention: Mention) => StaticRange,
  ) {
    this.nodes = mention.nodes;
  }

  get range(): StaticRange {
    return (this.made ??= this.makeRange(this.mention));
  }
}

/** Where a mention starts inside one of its nodes (0 for the nodes after the first). */
function startIn(record: MentionRecord, node: Text): number {
  return record.mention.start.node === node ? record.mention.start.offset : 0;
}

export class MentionStore {
  private nextKey = 1;
  /** Per text node, its mentions sorted by where they start in it. */
  private readonly byNode = new Map<Text, MentionRecord[]>();
  private readonly all = new Set<MentionRecord>();
  /** Every placed mention, in document order. */
  private list: MentionRecord[] = [];

  records(): IterableIterator<MentionRecord> {
    return this.all.values();
  }

  /** The mention that starts at this point, if any. */
  at(node: Text, offset: number): MentionRecord | undefined {
    const list = this.byNode.get(node);
    if (!list) return undefined;
    const i = lowerBound(list, (r) => startIn(r, node) < offset);
    const found = list[i];
    return found && found.mention.start.node === node && found.mention.start.offset === offset ? found : undefined;
  }

  /** The mentions in a node that cover `offset` (a caret position). */
  around(node: Text, offset: number): MentionRecord[] {
    const list = this.byNode.get(node);
    if (!list) return [];
    const out: MentionRecord[] = [];
    for (let i = lowerBound(list, (r) => startIn(r, node) <= offset) - 1; i >= 0; i--) {
      const r = list[i] as MentionRecord;
      const end = r.mention.end.node === node ? r.mention.end.offset : node.data.length;
      if (end >= offset) out.push(r);
      else if (r.mention.start.node === node) break;
    }
    return out;
  }

  beginPass(root: Node): ScanPass {
    return { root, met: [], anchor: null };
  }

  /** A pass met this mention: a new one (`add`) or one it found again. */
  meet(pass: ScanPass, record: MentionRecord): void {
    pass.met.push(record);
  }

  /**
   * Keeps a new mention. Its range is made when first asked for (to be painted): a long page has tens of
   * thousands of mentions, most never near the viewport, and every range is a DOM object each garbage
   * collection traces (on the 5 MB page their marking and finalisation ran inside the scan's slices).
   */
  add(mention: Mention, makeRange: (mention: Mention) => StaticRange): MentionRecord {
    const record = new StoredMention(this.nextKey++, mention, makeRange);
    this.all.add(record);
    for (const node of record.nodes) {
      const list = this.byNode.get(node);
      if (!list) {
        this.byNode.set(node, [record]);
        continue;
      }
      const at = startIn(record, node);
      // Passes run in text order, so this is almost always an append.
      if (startIn(list[list.length - 1] as MentionRecord, node) <= at) list.push(record);
      else list.splice(lowerBound(list, (r) => startIn(r, node) < at), 0, record);
    }
    return record;
  }

  /** Places what the pass met since its last commit in document order. */
  commit(pass: ScanPass): void {
    const batch = pass.met.filter((r) => this.all.has(r));
    pass.met = [];
    if (batch.length === 0) return;
    const moving = batch.filter((r) => r.placed === true);
    if (moving.length > 0) {
      const set = new Set(moving);
      this.list = this.list.filter((r) => !set.has(r));
    }
    let at = pass.anchor?.placed === true ? this.list.lastIndexOf(pass.anchor) + 1 : -1;
    if (at <= 0) at = lowerBound(this.list, (r) => !follows(pass.root, r.mention.start.node));
    this.list = at === this.list.length ? this.list.concat(batch) : this.list.slice(0, at).concat(batch, this.list.slice(at));
    for (const r of batch) r.placed = true;
    pass.anchor = batch[batch.length - 1] ?? null;
  }

  /** Forgets these mentions (one pass over the order, however many there are). */
  remove(records: readonly MentionRecord[]): void {
    const gone = new Set(records.filter((r) => this.all.delete(r)));
    if (gone.size === 0) return;
    let wasPlaced = false;
    for (const r of gone) {
      wasPlaced ||= r.placed === true;
      r.placed = false;
    }
    if (wasPlaced) this.list = this.list.filter((r) => !gone.has(r));
    for (const record of gone) {
      for (const node of record.nodes) {
        const list = this.byNode.get(node);
        if (!list) continue;
        const rest = list.filter((r) => !gone.has(r));
        if (rest.length === 0) this.byNode.delete(node);
        else this.byNode.set(node, rest);
      }
    }
  }

  /** Records whose text changed or left the document: their ranges no longer point at the mention. */
  stale(): MentionRecord[] {
    const out: MentionRecord[] = [];
    for (const record of this.all) {
      const { start, end, text } = record.mention;
      if (!record.nodes.every(isConnected)) out.push(record);
      else if (textBetween(record.nodes, start.offset, end.offset) !== text) out.push(record);
    }
    return out;
  }

  clear(): void {
    this.all.clear();
    this.byNode.clear();
    for (const r of this.list) r.placed = false;
    this.list = [];
  }

  /** The mentions in document order. */
  ordered(): readonly MentionRecord[] {
    return this.list;
  }

  /** One entity's mentions, in document order. */
  mentionsOf(packId: string, entityId: string): MentionRecord[] {
    return this.list.filter((r) => r.mention.packId === packId && r.mention.entity.id === entityId);
  }

  /** Distinct entities, without sorting anything (the badge asks often). */
  entityCount(): number {
    const keys = new Set<string>();
    for (const r of this.all) keys.add(`${r.mention.packId}\u0000${r.mention.entity.id}`);
    return keys.size;
  }
}

/** The text a mention covers now, across its nodes. */
function textBetween(nodes: readonly Text[], startOffset: number, endOffset: number): string {
  if (nodes.length === 1) return (nodes[0] as Text).data.slice(startOffset, endOffset);
  return nodes.map((n, i) => (i === 0 ? n.data.slice(startOffset) : i === nodes.length - 1 ? n.data.slice(0, endOffset) : n.data)).join('');
}

/** The first index where `before` turns false (it must be true, then false, along the list). */
function lowerBound<T>(list: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
