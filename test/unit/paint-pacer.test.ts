import { describe, expect, test } from 'vitest';
import { NO_FRAME_MS, PACE, PaintPacer } from '../../lib/content/paint-pacer';

/** A clock, timers, frames and microtasks the test runs by hand. */
function fakeTime() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const frames: Array<() => void> = [];
  const micro: Array<() => void> = [];
  const runDue = (): void => {
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) return;
      timers.delete(due[0]);
      due[1].fn();
    }
  };
  return {
    options: {
      now: () => now,
      setTimer: (fn: () => void, ms: number) => {
        const id = nextId++;
        timers.set(id, { at: now + ms, fn });
        return id;
      },
      clearTimer: (id: number) => void timers.delete(id),
      onFrame: (fn: () => void) => void frames.push(fn),
      soon: (fn: () => void) => void micro.push(fn),
    },
    /** The current task ends: its microtasks run. */
    endTask: () => micro.splice(0).forEach((fn) => fn()),
    /** A frame whose rendering takes `renderMs`: its callbacks, the rendering, then due timers. */
    frame: (renderMs: number) => {
      frames.splice(0).forEach((fn) => fn());
      now += renderMs;
      runDue();
    },
    advance: (ms: number) => {
      now += ms;
      runDue();
    },
    pendingTimers: () => timers.size,
  };
}

function pacer() {
  const time = fakeTime();
  const flushes: number[] = [];
  const p = new PaintPacer({ ...time.options, flush: () => flushes.push(time.options.now()) });
  return { p, time, flushes };
}

describe('paint pacer', () => {
  test('a first change goes out when the task that made it ends, not at once', () => {
    const { p, time, flushes } = pacer();
    p.request();
    p.request();
    expect(flushes).toEqual([]);
    time.endTask();
    expect(flushes).toEqual([0]);
  });

  test('later changes wait for the batch\'s frame, then PACE times what it cost', () => {
    const { p, time, flushes } = pacer();
    p.request();
    time.endTask();
    p.request();
    time.endTask();
    // Nothing goes while the first batch's frame is not rendered.
    time.advance(50);
    expect(flushes).toHaveLength(1);
    time.frame(300);
    expect(p.lastFrameMs).toBe(300);
    time.advance(300 * PACE - 1);
    expect(flushes).toHaveLength(1);
    time.advance(1);
    expect(flushes).toHaveLength(2);
  });

  test('on a cheap page batches go out frame after frame', () => {
    const { p, time, flushes } = pacer();
    for (let i = 0; i < 5; i++) {
      p.request();
      time.endTask();
      time.frame(2);
      time.advance(2 * PACE);
    }
    expect(flushes).toHaveLength(5);
  });

  test('with nothing pending no batch goes out; a tab that draws no frame gets its batches every NO_FRAME_MS', () => {
    const { p, time, flushes } = pacer();
    p.request();
    time.endTask();
    time.frame(10);
    time.advance(1_000);
    expect(flushes).toHaveLength(1);
    p.request();
    time.endTask();
    expect(flushes).toHaveLength(2);
    p.request();
    time.advance(NO_FRAME_MS - 1);
    expect(flushes).toHaveLength(2);
    time.advance(1);
    time.endTask();
    expect(flushes).toHaveLength(3);
  });

  test('dispose ends it: no batch and no timer afterwards', () => {
    const { p, time, flushes } = pacer();
    p.request();
    time.endTask();
    p.request();
    p.dispose();
    time.frame(5);
    time.advance(10_000);
    time.endTask();
    expect(flushes).toHaveLength(1);
    expect(time.pendingTimers()).toBe(0);
  });
});
