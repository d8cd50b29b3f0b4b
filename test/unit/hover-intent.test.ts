import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HIDE_DELAY_MS, HoverIntent } from '../../lib/content/hover-intent';

let shown: string[];
let hidden: number;
let intent: HoverIntent<string>;

beforeEach(() => {
  vi.useFakeTimers();
  shown = [];
  hidden = 0;
  intent = new HoverIntent<string>({ dwellMs: () => 350, same: (a, b) => a === b, show: (t) => shown.push(t), hide: () => hidden++,
    setTimer: (fn, ms) => setTimeout(fn, ms) as unknown as number, clearTimer: (id) => clearTimeout(id) });
});
afterEach(() => vi.useRealTimers());

describe('hover intent', () => {
  test('shows after the dwell, not before', () => {
    intent.point('nato');
    vi.advanceTimersByTime(340);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(shown).toEqual(['nato']);
  });
  test('a fast sweep across several terms shows nothing', () => {
    for (const t of ['a', 'b', 'c', 'd']) {
      intent.point(t);
      vi.advanceTimersByTime(100);
      intent.point(null);
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(1000);
    expect(shown).toEqual([]);
  });
  test('hides 300 ms after leaving term and card; entering the card cancels it', () => {
    intent.point('nato');
    vi.advanceTimersByTime(400);
    intent.point(null);
    vi.advanceTimersByTime(HIDE_DELAY_MS - 50);
    intent.enterCard();
    vi.advanceTimersByTime(1000);
    expect(hidden).toBe(0);
    intent.leaveCard();
    vi.advanceTimersByTime(HIDE_DELAY_MS + 10);
    expect(hidden).toBe(1);
  });
  test('a pinned card stays until closed', () => {
    intent.point('nato');
    vi.advanceTimersByTime(400);
    intent.pin(true);
    intent.point(null);
    vi.advanceTimersByTime(5000);
    expect(hidden).toBe(0);
    intent.close();
    expect(hidden).toBe(1);
    expect(intent.isPinned).toBe(false);
  });
});
