/** The page's mentions: looked up by text node for hit-testing, and by entity for counts and navigation. */
import type { Mention } from '../spot/scan';

export interface MentionRecord {
  key: number;
  /**
   * Position in document order, as far as scanning knows it: passes run in document order and renumber the
   * mentions they meet again, so sorting needs no DOM comparisons (which cost O(siblings) on huge pages).
   */
  order: number;
  mention: Mention;
  range: StaticRange;
  /** Every text node the mention touches (one, unless it spans inline elements). */
  nodes: Text[];
}

export function entityKey(packId: string, entityId: string): string {
  return `${packId}/${entityId}`;
}

export class MentionStore {
  private nextKey = 1;
  private nextOrder = 1;
  private readonly byNode = new Map<Text, MentionRecord[]>();
  private readonly all = new Map<number, MentionRecord>();
  /** Document order is costly on huge pages (compareDocumentPosition per comparison): sorted once per change. */
  private orderCache: MentionRecord[] | null = null;

  get size(): number {
    return this.all.size;
  }

  records(): IterableIterator<MentionRecord> {
    return this.all.values();
  }

  /** The mention that starts at this point, if any. */
  at(node: Text, offset: number): MentionRecord | undefined {
    return this.byNode.get(node)?.find((r) => r.mention.start.node === node && r.mention.start.offset === offset);
  }

  /** A pass met this mention again: it comes after everything the pass met before it. */
  renumber(record: MentionRecord): void {
    record.order = this.nextOrder++;
    this.orderCache = null;
  }

  add(mention: Mention, range: StaticRange, nodes: Text[]): MentionRecord {
    const record: MentionRecord = { key: this.nextKey++, order: this.nextOrder++, mention, range, nodes };
    this.all.set(record.key, record);
    this.orderCache = null;
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(record);
      else this.byNode.set(node, [record]);
    }
    return record;
  }

  atNode(node: Text): readonly MentionRecord[] {
    return this.byNode.get(node) ?? [];
  }

  delete(record: MentionRecord): void {
    if (!this.all.delete(record.key)) return;
    this.orderCache = null;
    for (const node of record.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((r) => r !== record);
      if (rest.length === 0) this.byNode.delete(node);
      else this.byNode.set(node, rest);
    }
  }

  /** Records whose text changed or left the document: their ranges no longer point at the mention. */
  stale(): MentionRecord[] {
    const out: MentionRecord[] = [];
    for (const record of this.all.values()) {
      const { start, end, text } = record.mention;
      if (!record.nodes.every((n) => n.isConnected)) out.push(record);
      else if (start.node === end.node && start.node.data.slice(start.offset, end.offset) !== text) out.push(record);
    }
    return out;
  }

  clear(): void {
    this.orderCache = null;
    this.all.clear();
    this.byNode.clear();
  }

  /** The mentions in document order (see `order`). */
  ordered(): readonly MentionRecord[] {
    this.orderCache ??= [...this.all.values()].sort((a, b) => a.order - b.order);
    return this.orderCache;
  }

  /** Distinct entities, without sorting anything (the badge asks often). */
  entityCount(): number {
    const keys = new Set<string>();
    for (const r of this.all.values()) keys.add(entityKey(r.mention.packId, r.mention.entity.id));
    return keys.size;
  }
}

/** The text nodes between two points of one chunk, in order. */
export function nodesBetween(chunkNodes: readonly Text[], startNode: Text, endNode: Text): Text[] {
  if (startNode === endNode) return [startNode];
  const from = chunkNodes.indexOf(startNode);
  const to = chunkNodes.indexOf(endNode, from);
  return from >= 0 && to >= from ? chunkNodes.slice(from, to + 1) : [startNode, endNode];
}
