import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HIDE_DELAY_MS, HoverIntent } from '../../lib/content/hover-intent';

let shown: string[];
let hidden: number;
let held: string[];
let intent: HoverIntent<string>;

beforeEach(() => {
  vi.useFakeTimers();
  shown = [];
  hidden = 0;
  held = [];
  intent = new HoverIntent<string>({ dwellMs: () => 350, same: (a, b) => a === b, show: (t) => shown.push(t), hide: () => hidden++,
    hold: (t) => held.push(t), restore: (t) => shown.push(`back to ${t}`),
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
  test('a click elsewhere on the page leaves a pinned card; it closes an unpinned one', () => {
    intent.point('nato');
    vi.advanceTimersByTime(400);
    intent.pin(true);
    intent.clickOutside();
    expect(hidden).toBe(0);
    intent.pin(false);
    intent.clickOutside();
    expect(hidden).toBe(1);
  });
  test('over a pinned card, another mention opens its own card; when it goes, the pinned card comes back', () => {
    intent.point('nato');
    vi.advanceTimersByTime(400);
    intent.pin(true);
    intent.point('romania');
    vi.advanceTimersByTime(400);
    expect(shown).toEqual(['nato', 'romania']);
    expect(held).toEqual(['nato']);
    expect(intent.isPeeking).toBe(true);
    expect(intent.isPinned).toBe(false);
    intent.point(null);
    vi.advanceTimersByTime(HIDE_DELAY_MS + 10);
    expect(shown).toEqual(['nato', 'romania', 'back to nato']);
    expect(intent.isPinned).toBe(true);
    expect(intent.current).toBe('nato');
    expect(hidden).toBe(0);
  });
  test('Esc on a peek brings back the pinned card; Esc again closes it; pinning a peek replaces the pinned card', () => {
    intent.point('nato');
    vi.advanceTimersByTime(400);
    intent.pin(true);
    intent.point('romania');
    vi.advanceTimersByTime(400);
    intent.dismiss();
    expect(intent.current).toBe('nato');
    intent.dismiss();
    expect(hidden).toBe(1);
    intent.point('nato');
    vi.advanceTimersByTime(400);
    intent.pin(true);
    intent.point('romania');
    vi.advanceTimersByTime(400);
    intent.pin(true);
    expect(intent.isPeeking).toBe(false);
    intent.point(null);
    vi.advanceTimersByTime(5000);
    expect(intent.current).toBe('romania');
  });
});
