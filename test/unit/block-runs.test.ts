import { describe, expect, test } from 'vitest';
import { BlockRuns } from '../../lib/content/block-runs';
import { parse } from './helpers';

function page(count: number): { blocks: Element[]; watched: Set<Element>; runs: BlockRuns } {
  const document = parse(Array.from({ length: count }, (_, i) => `<p id="p${i}">${i}</p>`).join(''));
  const blocks = Array.from(document.querySelectorAll('p'));
  const watched = new Set<Element>();
  const runs = new BlockRuns({ blocks: 4, mentions: 1_000 }, { watch: (b) => watched.add(b), unwatch: (b) => watched.delete(b) });
  return { blocks, watched, runs };
}

const ids = (set: Iterable<Element>): string[] => [...set].map((e) => e.id).sort();

describe('runs of blocks watched at their ends', () => {
  test('blocks in document order make runs of the given length; a block placed above the last run starts its own', () => {
    const { blocks, watched, runs } = page(12);
    for (const b of blocks.slice(2, 11)) runs.place(b);
    expect(ids(watched)).toEqual(['p10', 'p2', 'p5', 'p6', 'p9'].sort());
    // An edit near the top of the page: its block does not join the last run.
    runs.place(blocks[0] as Element);
    expect(runs.runOf(blocks[0] as Element)?.blocks).toEqual([blocks[0]]);
    expect(watched.has(blocks[0] as Element)).toBe(true);
  });

  test('a run is far only when both its ends are known to be on one side; the viewport inside it keeps it near', () => {
    const { blocks, runs } = page(8);
    for (const b of blocks) runs.place(b);
    const [a0, , , a3, b4, , , b7] = blocks as [Element, Element, Element, Element, Element, Element, Element, Element];
    // First answers report every run whose state they settle.
    expect(runs.update([[a0, 'near'], [a3, 'below'], [b4, 'below'], [b7, 'below']]).map((r) => r.blocks[0]?.id)).toEqual(['p0', 'p4']);
    expect(runs.runOf(b4)?.far).toBe(true);
    expect(runs.update([[a0, 'above'], [a3, 'below'], [b4, 'below']])).toEqual([]);
    expect(runs.runOf(a0)?.far).toBe(false);
    const changed = runs.update([[a3, 'above'], [b4, 'above'], [b7, 'below']]);
    expect(changed.map((r) => [r.blocks[0]?.id, r.far])).toEqual([['p0', true], ['p4', false]]);
  });

  test('an end that loses its mentions hands the watch to the next block, whose side is unknown until answered', () => {
    const { blocks, watched, runs } = page(4);
    for (const b of blocks) runs.place(b);
    const [p0, p1, p2, p3] = blocks as [Element, Element, Element, Element];
    runs.update([[p0, 'below'], [p3, 'below']]);
    expect(runs.runOf(p1)?.far).toBe(true);
    runs.drop(p3);
    expect(ids(watched)).toEqual(['p0', 'p2']);
    // One end unknown: the run keeps its state until the new end is answered.
    expect(runs.update([[p0, 'above']])).toEqual([]);
    expect(runs.runOf(p1)?.far).toBe(true);
    expect(runs.update([[p2, 'below']]).map((r) => r.far)).toEqual([false]);
    runs.drop(p1);
    expect(ids(watched)).toEqual(['p0', 'p2']);
    runs.drop(p0);
    runs.drop(p2);
    expect(watched.size).toBe(0);
    // The emptied run is gone: the next block starts a new one.
    runs.place(p3);
    expect(runs.runOf(p3)?.blocks).toEqual([p3]);
  });
});
