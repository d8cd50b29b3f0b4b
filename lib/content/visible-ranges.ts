/**
 * Which mentions are registered with the highlight registry. Chromium re-checks every registered range after
 * each DOM change, so on a big page that changes often tens of thousands of ranges cost every mutation
 * milliseconds (a click on a 2 MB page waited 155–486 ms). Up to `limit` mentions all are registered; past it,
 * only those in blocks near the viewport (an IntersectionObserver with a wide margin), and the rest as the
 * reader scrolls to them. Hit tests and navigation use the mention store, so every mention still opens its
 * card.
 */
import type { PageWindow } from '../dom/page-window';
import { elementOf } from '../dom/safe-dom';
import { nearestBlock } from '../spot/blocks';
import type { MentionRecord } from './mention-store';
import { highlightKind, type Painter } from './painter';

export interface VisibleRangesOptions {
  win: PageWindow;
  painter: Painter;
  /** Mentions registered before only the ones near the viewport are. */
  limit: number;
  /** How far beyond the viewport, above and below, mentions stay registered. */
  marginPx: number;
}

export class VisibleRanges {
  /** Per block, its mentions; each record also notes its block (`record.block`), so nothing else is kept per mention. */
  private readonly byBlock = new Map<Element, MentionRecord[]>();
  private readonly hidden = new Set<Element>();
  private observer: IntersectionObserver | null = null;
  private total = 0;

  constructor(private readonly o: VisibleRangesOptions) {}

  /** Whether only mentions near the viewport are registered now. */
  get limited(): boolean {
    return this.observer !== null;
  }

  add(record: MentionRecord): void {
    const block = nearestBlock(record.mention.start.node) ?? elementOf(record.mention.start.node);
    this.total++;
    if (block) {
      record.block = block;
      const list = this.byBlock.get(block);
      if (list) list.push(record);
      else {
        this.byBlock.set(block, [record]);
        this.observer?.observe(block);
      }
      if (this.hidden.has(block)) return;
    }
    this.o.painter.add(highlightKind(record.mention), record.range);
    if (!this.observer && this.total > this.o.limit) this.limit();
  }

  remove(records: readonly MentionRecord[]): void {
    const gone = new Set(records);
    const blocks = new Set<Element>();
    for (const record of records) {
      this.total--;
      this.o.painter.remove(highlightKind(record.mention), record.range);
      if (record.block) blocks.add(record.block);
    }
    for (const block of blocks) {
      const rest = (this.byBlock.get(block) ?? []).filter((r) => !gone.has(r));
      if (rest.length > 0) {
        this.byBlock.set(block, rest);
        continue;
      }
      this.byBlock.delete(block);
      this.hidden.delete(block);
      this.observer?.unobserve(block);
    }
  }

  clear(): void {
    this.o.painter.clearRanges();
    this.observer?.disconnect();
    this.observer = null;
    this.byBlock.clear();
    this.hidden.clear();
    this.total = 0;
  }

  /** Everything stays registered until the observer's first answer says which blocks are far away. */
  private limit(): void {
    const IO = this.o.win.IntersectionObserver as typeof IntersectionObserver | undefined;
    if (typeof IO !== 'function') return;
    this.observer = new IO((entries) => this.onIntersections(entries), { rootMargin: `${this.o.marginPx}px 0px` });
    for (const block of this.byBlock.keys()) this.observer.observe(block);
  }

  private onIntersections(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const block = entry.target;
      const records = this.byBlock.get(block);
      if (!records) continue;
      if (entry.isIntersecting && this.hidden.delete(block)) {
        for (const r of records) this.o.painter.add(highlightKind(r.mention), r.range);
      } else if (!entry.isIntersecting && !this.hidden.has(block)) {
        this.hidden.add(block);
        for (const r of records) this.o.painter.remove(highlightKind(r.mention), r.range);
      }
    }
  }

  dispose(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}
