import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PageWindow } from '../../lib/dom/page-window';
import { BackstoryPage } from '../../lib/content/backstory-page';
import { MentionStore } from '../../lib/content/mention-store';
import { PageScanner } from '../../lib/content/page-scanner';
import { PageSession } from '../../lib/content/page-session';
import { Painter } from '../../lib/content/painter';
import { VisibleRanges, type VisibleRangesOptions } from '../../lib/content/visible-ranges';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { LOADED } from './helpers';
import { highlightWindow, paintedCount, type PaintLog } from './page-window';
import { localPacks } from '../../lib/spot/local-packs';

let win: PageWindow;
let paint: PaintLog;
let life: AbortController;

beforeEach(() => {
  ({ win, paint } = highlightWindow());
  life = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => life.abort());

const frames = (n = 3): Promise<void> => new Promise((resolve) => {
  const step = (left: number): void => {
    if (left === 0) resolve();
    else win.requestAnimationFrame(() => win.setTimeout(() => step(left - 1), 0));
  };
  step(n);
});

/** Until highlights added now are in the registry: they go out in batches paced by frames (paint-pacer.ts). */
const batches = async (): Promise<void> => {
  await frames();
  await new Promise((resolve) => win.setTimeout(resolve, 100));
};

function page(settings: Settings = defaultSettings()): BackstoryPage {
  return new BackstoryPage({
    win, packs: { local: localPacks([LOADED]), remote: null }, settings, cardCss: '', renderCard: () => undefined, signal: life.signal,
    onEntityCount: () => undefined, onDocumentReplaced: () => undefined, openOptions: () => undefined, setMuted: () => undefined, fetchDetails: () => Promise.resolve(null), log: () => undefined,
  });
}

function scanner(store = new MentionStore()): { scanner: PageScanner; store: MentionStore } {
  const painter = new Painter(win, () => document.documentElement);
  // Its paint pacer's timers end with the test, not after the test's window is gone.
  life.signal.addEventListener('abort', () => painter.dispose());
  painter.applyStyle(defaultSettings());
  const ranges = new VisibleRanges({ win, painter, limit: 100_000, marginPx: 0, run: { blocks: 16, mentions: 1_000 }, farRunsKept: 0 });
  const s = new PageScanner({
    win, local: localPacks([LOADED]), settings: defaultSettings(), painter, ranges, store, collect: {}, isOwnNode: () => false,
    signal: life.signal, onChange: () => undefined, onDocumentChildren: () => undefined, log: () => undefined,
  });
  return { scanner: s, store };
}

const names = (store: MentionStore): string[] => store.ordered().map((r) => r.mention.text);

describe('dispose stops the work in progress', () => {
  test('switched off mid-scan on a 20,000-paragraph page: nothing is painted after dispose(), nor on later changes', async () => {
    const html = Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i}: Romania and NATO met in Bucharest.</p>`).join('');
    document.body.innerHTML = html; // eslint-disable-line no-restricted-properties -- a test fixture, not page data
    const p = page();
    const started = p.start();
    await frames(2);
    const before = paint.adds;
    expect(before).toBeGreaterThan(0);
    p.dispose();
    const addsAtDispose = paint.adds;
    await started;
    const added = document.createElement('p');
    added.textContent = 'Kyiv and Warsaw';
    document.body.append(added);
    await frames(4);
    expect(paint.adds).toBe(addsAtDispose);
    expect(paintedCount(paint)).toBe(0);
    expect(paint.registry.size).toBe(0);
  });

  test('ten off/on cycles leave one set of listeners', async () => {
    document.body.innerHTML = '<p>Romania and NATO.</p>'; // eslint-disable-line no-restricted-properties -- fixture
    const live = new Set<{ type: string; signal?: AbortSignal }>();
    const add = document.addEventListener.bind(document);
    document.addEventListener = ((type: string, fn: EventListener, options?: AddEventListenerOptions) => {
      const entry = { type, signal: options?.signal };
      live.add(entry);
      options?.signal?.addEventListener('abort', () => live.delete(entry));
      add(type, fn, options);
    }) as typeof document.addEventListener;
    try {
      let settings = defaultSettings();
      const session = new PageSession({
        win, signal: life.signal, settings, loadPacks: () => Promise.resolve({ local: localPacks([LOADED]), remote: null }), cardCss: '', renderCard: () => undefined,
        send: () => undefined, fetchDetails: () => Promise.resolve(null), log: () => undefined, inPrivate: false,
    startedAt: 0,
      });
      await session.start();
      const once = live.size;
      expect(once).toBeGreaterThan(0);
      for (let i = 0; i < 10; i++) {
        settings = { ...settings, enabled: false };
        await session.settingsChanged(settings);
        expect(session.active).toBe(false);
        settings = { ...settings, enabled: true };
        await session.settingsChanged(settings);
      }
      expect(live.size).toBe(once);
      expect(paintedCount(paint)).toBeGreaterThan(0);
    } finally {
      document.addEventListener = add;
    }
  });
});

describe('document order survives changes', () => {
  async function scanned(html: string): Promise<MentionStore> {
    document.body.innerHTML = html; // eslint-disable-line no-restricted-properties -- fixture
    const { scanner: s, store } = scanner();
    await s.start();
    return store;
  }

  test('editing the first block keeps it first', async () => {
    const store = await scanned('<p id="a">Romania</p><p>Estonia</p><p>Poland</p>');
    expect(names(store)).toEqual(['Romania', 'Estonia', 'Poland']);
    (document.getElementById('a') as HTMLElement).textContent = 'Romania again';
    await frames();
    expect(names(store)).toEqual(['Romania', 'Estonia', 'Poland']);
  });

  test('a block inserted in the middle takes its place; a removed block leaves', async () => {
    const store = await scanned('<p>Romania</p><p id="b">Estonia</p><p id="c">Poland</p>');
    const inserted = document.createElement('p');
    inserted.textContent = 'Kyiv';
    document.getElementById('c')?.before(inserted);
    await frames();
    expect(names(store)).toEqual(['Romania', 'Estonia', 'Kyiv', 'Poland']);
    document.getElementById('b')?.remove();
    await frames();
    expect(names(store)).toEqual(['Romania', 'Kyiv', 'Poland']);
    const first = document.createElement('p');
    first.textContent = 'Ukraine';
    document.body.prepend(first);
    await frames();
    expect(names(store)).toEqual(['Ukraine', 'Romania', 'Kyiv', 'Poland']);
  });

  test('a text change leaves no highlight on the wrong text', async () => {
    const store = await scanned('<p id="a">The first NATO summit</p>');
    const text = document.getElementById('a')?.firstChild as Text;
    text.data = 'The fir';
    await frames();
    expect(names(store)).toEqual([]);
    expect(paintedCount(paint)).toBe(0);
  });

  test('changes made during the first scan are scanned after it', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p>${i} Romania</p>`).join(''); // eslint-disable-line no-restricted-properties -- fixture
    const { scanner: s, store } = scanner();
    const done = s.start();
    await frames(1);
    const late = document.createElement('p');
    late.textContent = 'Kyiv';
    document.body.prepend(late);
    await done;
    await frames();
    expect(names(store)[0]).toBe('Kyiv');
    expect(store.ordered()).toHaveLength(3001);
  });
});

describe('scanner', () => {
  test('a restart applies the new settings: a type switched off is no longer highlighted, and comes back', async () => {
    document.body.innerHTML = '<p>Romania and NATO</p>'; // eslint-disable-line no-restricted-properties -- fixture
    const { scanner: s, store } = scanner();
    await s.start();
    expect(names(store)).toEqual(['Romania', 'NATO']);
    const noCountries = { ...defaultSettings(), enabledTypes: defaultSettings().enabledTypes.filter((t) => t !== 'country') };
    await s.restart(noCountries);
    expect(names(store)).toEqual(['NATO']);
    await batches();
    expect(paintedCount(paint)).toBe(1);
    await s.restart(defaultSettings());
    expect(names(store)).toEqual(['Romania', 'NATO']);
  });
});

describe('mention store', () => {
  test('finds a mention by its start and by a caret inside it', async () => {
    document.body.innerHTML = '<p>Romania and NATO</p>'; // eslint-disable-line no-restricted-properties -- fixture
    const { scanner: s, store } = scanner();
    await s.start();
    const text = document.querySelector('p')?.firstChild as Text;
    expect(store.at(text, 12)?.mention.text).toBe('NATO');
    expect(store.around(text, 14).map((r) => r.mention.text)).toEqual(['NATO']);
    expect(store.around(text, 9)).toEqual([]);
    expect(store.entityCount()).toBe(2);
  });
});

describe('painter', () => {
  test('no stylesheet or highlight until something is painted; restores what page code removed', async () => {
    document.body.innerHTML = '<p>Romania</p>'; // eslint-disable-line no-restricted-properties -- fixture
    const painter = new Painter(win, () => document.documentElement);
    painter.applyStyle(defaultSettings());
    expect(paint.registry.size).toBe(0);
    const { scanner: s } = scanner();
    await s.start();
    const names = [...paint.registry.keys()];
    expect(names.length).toBeGreaterThan(0);
    paint.registry.clear();
    await frames();
    const p2 = new Painter(win, () => document.documentElement);
    p2.applyStyle(defaultSettings());
    p2.setActive(null);
    paint.registry.clear();
    expect(p2.restore()).toBe(true);
    expect(paint.registry.size).toBe(1);
  });
});

describe('visible ranges', () => {
  /** Block i is drawn from i * 100 to i * 100 + 100 px; the viewport is 300 px tall, its top at `scrollY`. */
  type Entry = { target: Element; isIntersecting: boolean; boundingClientRect: { top: number; bottom: number }; rootBounds: { top: number; bottom: number } };
  const entry = (target: Element, scrollY: number): Entry => {
    const top = Number(target.id.slice(1)) * 100 - scrollY;
    return { target, isIntersecting: top < 300 && top + 100 > 0, boundingClientRect: { top, bottom: top + 100 }, rootBounds: { top: 0, bottom: 300 } };
  };

  class FakeIntersectionObserver {
    static made: FakeIntersectionObserver[] = [];
    readonly targets = new Set<Element>();
    constructor(readonly cb: (entries: Entry[]) => void) {
      FakeIntersectionObserver.made.push(this);
    }
    observe(t: Element): void {
      this.targets.add(t);
    }
    unobserve(t: Element): void {
      this.targets.delete(t);
    }
    disconnect(): void {
      this.targets.clear();
    }
    /** The browser's answer after a scroll: every watched block where it is now. */
    scrollTo(y: number): void {
      this.cb([...this.targets].map((t) => entry(t, y)));
    }
  }

  /** 50 paragraphs, each naming Romania `perBlock` times, scanned past a limit of 10 mentions. */
  async function limitedPage(perBlock: number, options: Pick<VisibleRangesOptions, 'run' | 'farRunsKept'>): Promise<{ observer: FakeIntersectionObserver; store: MentionStore; ranges: VisibleRanges }> {
    FakeIntersectionObserver.made = [];
    Object.assign(win, { IntersectionObserver: FakeIntersectionObserver });
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p id="p${i}">${i}${' Romania'.repeat(perBlock)}</p>`).join(''); // eslint-disable-line no-restricted-properties -- fixture
    const painter = new Painter(win, () => document.documentElement);
    life.signal.addEventListener('abort', () => painter.dispose());
    painter.applyStyle(defaultSettings());
    const ranges = new VisibleRanges({ win, painter, limit: 10, marginPx: 0, ...options });
    const store = new MentionStore();
    const s = new PageScanner({
      win, local: localPacks([LOADED]), settings: defaultSettings(), painter, ranges, store, collect: {}, isOwnNode: () => false,
      signal: life.signal, onChange: () => undefined, onDocumentChildren: () => undefined, log: () => undefined,
    });
    await s.start();
    await batches();
    return { observer: FakeIntersectionObserver.made[0] as FakeIntersectionObserver, store, ranges };
  }

  const watched = (observer: FakeIntersectionObserver): string[] => [...observer.targets].map((t) => t.id).sort();

  test('past the limit only mentions in runs of blocks near the viewport stay registered, each run watched at its two ends; scrolling registers the rest', async () => {
    const { observer, store, ranges } = await limitedPage(1, { run: { blocks: 16, mentions: 1_000 }, farRunsKept: 0 });
    expect(ranges.limited).toBe(true);
    // Until the observer answers: the run made when the limit was passed (blocks 0 to 15); later runs wait.
    expect(paintedCount(paint)).toBe(16);
    // Only mentions painted have a range made (a long page's others would each be a DOM object to collect).
    expect(paint.ranges).toBe(16);
    // Runs 0-15, 16-31, 32-47 and 48-49: their ends only.
    expect(watched(observer)).toEqual(['p0', 'p15', 'p16', 'p31', 'p32', 'p47', 'p48', 'p49'].sort());
    observer.scrollTo(0);
    await batches();
    expect(paintedCount(paint)).toBe(16);
    // The viewport inside the second run, neither of its ends in sight: the run is near all the same.
    observer.scrollTo(2_000);
    await batches();
    expect(paintedCount(paint)).toBe(16);
    const twentieth = store.ordered()[20]?.range;
    expect([...paint.registry.values()].some((h) => h.has(twentieth))).toBe(true);
    observer.scrollTo(4_750);
    await batches();
    expect(paintedCount(paint)).toBe(18);
    expect(store.ordered()).toHaveLength(50);
  });

  test('a run closes at its number of mentions; a run gone far keeps its highlights until one more has gone, then both leave at once', async () => {
    // Three mentions a block, runs of at most 12 mentions: four blocks each.
    const { observer } = await limitedPage(3, { run: { blocks: 100, mentions: 12 }, farRunsKept: 1 });
    const ends = Array.from({ length: 12 }, (_, k) => [`p${4 * k}`, `p${4 * k + 3}`]).flat().concat(['p48', 'p49']);
    expect(watched(observer)).toEqual(ends.sort());
    expect(paintedCount(paint)).toBe(12);
    observer.scrollTo(0);
    await batches();
    // Blocks 0-2 in view: the first run only (12 mentions).
    expect(paintedCount(paint)).toBe(12);
    observer.scrollTo(400);
    await batches();
    // Blocks 4-6: the second run comes; the first, gone far, keeps its highlights.
    expect(paintedCount(paint)).toBe(24);
    observer.scrollTo(800);
    await batches();
    // Blocks 8-10: the third comes, and the two far runs leave together.
    expect(paintedCount(paint)).toBe(12);
  });
});
