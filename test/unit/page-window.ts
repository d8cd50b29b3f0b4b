/**
 * happy-dom's window with what it lacks of the Custom Highlight API (StaticRange, Highlight, CSS.highlights),
 * recording every range painted, so tests can see what the painter did and when.
 */
import type { PageWindow } from '../../lib/dom/page-window';

export interface PaintLog {
  adds: number;
  /** StaticRanges made so far. */
  ranges: number;
  registry: Map<string, Set<unknown>>;
}

export function highlightWindow(): { win: PageWindow; paint: PaintLog } {
  const paint: PaintLog = { adds: 0, ranges: 0, registry: new Map() };
  class FakeStaticRange {
    readonly startContainer: Node;
    readonly startOffset: number;
    readonly endContainer: Node;
    readonly endOffset: number;
    constructor(init: StaticRangeInit) {
      this.startContainer = init.startContainer;
      this.startOffset = init.startOffset;
      this.endContainer = init.endContainer;
      this.endOffset = init.endOffset;
      paint.ranges++;
    }
  }
  class FakeHighlight extends Set<unknown> {
    priority = 0;
    override add(value: unknown): this {
      paint.adds++;
      return super.add(value);
    }
  }
  const win = window;
  Object.assign(win, { StaticRange: FakeStaticRange, Highlight: FakeHighlight });
  Object.defineProperty(win, 'CSS', { value: { highlights: paint.registry }, configurable: true, writable: true });
  return { win, paint };
}

/** How many ranges are registered now, over every highlight. */
export function paintedCount(paint: PaintLog): number {
  let n = 0;
  for (const h of paint.registry.values()) n += h.size;
  return n;
}
