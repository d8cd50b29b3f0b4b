/** The page's mentions: looked up by text node for hit-testing, and by entity for counts and navigation. */
import type { Mention } from '../spot/scan';

export interface MentionRecord {
  key: number;
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

  has(node: Text, offset: number): boolean {
    return this.byNode.get(node)?.some((r) => r.mention.start.node === node && r.mention.start.offset === offset) ?? false;
  }

  add(mention: Mention, range: StaticRange, nodes: Text[]): MentionRecord {
    const record: MentionRecord = { key: this.nextKey++, mention, range, nodes };
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

  /** The mentions in document order. */
  ordered(): readonly MentionRecord[] {
    this.orderCache ??= [...this.all.values()].sort((a, b) => comparePoints(a.mention.start, b.mention.start));
    return this.orderCache;
  }
}

function comparePoints(a: { node: Text; offset: number }, b: { node: Text; offset: number }): number {
  if (a.node === b.node) return a.offset - b.offset;
  // DOCUMENT_POSITION_FOLLOWING = 4: b comes after a.
  return a.node.compareDocumentPosition(b.node) & 4 ? -1 : 1;
}

/** The text nodes between two points of one chunk, in order. */
export function nodesBetween(chunkNodes: readonly Text[], startNode: Text, endNode: Text): Text[] {
  if (startNode === endNode) return [startNode];
  const from = chunkNodes.indexOf(startNode);
  const to = chunkNodes.indexOf(endNode, from);
  return from >= 0 && to >= from ? chunkNodes.slice(from, to + 1) : [startNode, endNode];
}
