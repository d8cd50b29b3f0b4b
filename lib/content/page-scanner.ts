/**
 * Scans the page and keeps its highlights right while it changes. Every scan belongs to a lifetime of its own
 * (joined to the page's): `dispose()` and `restart()` end the scan in progress, so no highlight is painted
 * after either. The MutationObserver is connected before the first pass, so changes made during it are
 * rescanned after it; all passes run one at a time, in time slices bounded by work done.
 */
import type { PageWindow } from '../dom/page-window';
import type { MentionStore, MentionRecord, ScanPass } from './mention-store';
import type { Painter } from './painter';
import type { VisibleRanges } from './visible-ranges';
import { contains, isConnected } from '../dom/safe-dom';
import { ChangeQueue, EXCLUDING_ATTRIBUTES } from './change-queue';
import { Lifetime } from '../lifecycle';
import { isInsideExcluded, TextCollector, type CollectOptions } from '../spot/extract';
import { findReadingRegion } from '../spot/reading-region';
import { createScanState, mentionsIn, resolveOverlaps, stillReads, type HeadMatch, type Mention, type ScanState } from '../spot/scan';
import type { TextChunk } from '../spot/extract';
import { TEXT_MATCH_LIMITS } from '../spot/text-match';
import type { PagePacks, RemotePacks } from './remote-packs';
import type { LocalPacks } from '../spot/local-packs';
import type { Settings } from '../settings/schema';
import { entityKey } from '../pack-format/entity-key';
import { STORM_COOLDOWN_MS, STORM_FLUSHES_PER_SECOND, StormGuard } from './storm-guard';
import { visibleBlock } from './visible-block';
import { pageLanguage } from '../spot/page-language';
import { yieldToMain } from './yield';

export const SLICE_BUDGET_MS = 6;
const CHUNK_CHARS = 4_000;
const VISIBLE_CHARS = 8_000;

export interface ScanTimings {
  firstHighlightMs: number;
  allHighlightsMs: number;
  longestSliceMs: number;
  totalWorkMs: number;
  /** Finding the reading region (which blocks a reader reads), part of the work. */
  regionMs: number;
}

export interface PageScannerOptions {
  win: PageWindow;
  /** Packs matched on the page (tests and tools); the extension has none. */
  readonly local?: LocalPacks | null;
  /** Packs matched in the background; null when none is enabled. */
  readonly remote?: RemotePacks | null;
  readonly settings: Settings;
  painter: Painter;
  /** Which of the mentions are registered with the browser (all, or those near the viewport). */
  ranges: VisibleRanges;
  store: MentionStore;
  collect: CollectOptions;
  /** The extension's own UI, whose mutations are ignored. */
  isOwnNode: (node: Node) => boolean;
  /** The page's lifetime; each scan also has its own. */
  signal: AbortSignal;
  onChange: () => void;
  /** The document's own children changed (`document.open()`, a new `<html>`). */
  onDocumentChildren: () => void;
  /** A slice of scanning ended (its highlights are registered); a promise returned delays the next slice. */
  onSliceEnd?: () => Promise<void> | undefined;
  log: (message: string) => void;
}

/** A chunk collected and matched with the page's own packs (if any), waiting for the background's matches. */
interface WaitingChunk {
  chunk: TextChunk;
  local: HeadMatch[];
}

/** Whether one more chunk could take a request past what the background accepts (a chunk is at most 32,000 characters). */
function fullRequest(waiting: readonly WaitingChunk[]): boolean {
  let chars = 0;
  for (const w of waiting) chars += w.chunk.text.length;
  return waiting.length >= TEXT_MATCH_LIMITS.texts || chars >= TEXT_MATCH_LIMITS.chars / 2;
}

/**
 * The mentions in a chunk matched here with the page's own packs and by the background: overlaps resolved
 * over both as one, and only those the page still reads as they were (it may have changed during the wait).
 */
function mentionsOf({ chunk, local }: WaitingChunk, remote: readonly HeadMatch[] = []): Mention[] {
  return mentionsIn(chunk, resolveOverlaps([...local, ...remote])).filter(stillReads);
}

const noTimings = (): ScanTimings => ({ firstHighlightMs: -1, allHighlightsMs: -1, longestSliceMs: 0, totalWorkMs: 0, regionMs: 0 });

export class PageScanner {
  private state: ScanState;
  private scan: Lifetime;
  private readonly changes: ChangeQueue;
  private flushScheduled = false;
  private running: Promise<unknown> = Promise.resolve();
  private readonly storm = new StormGuard();
  private timings = noTimings();
  private readonly firstByEntity = new Set<string>();
  private observer: MutationObserver | null = null;
  /** What the collector reads: the caller's options plus this scan's reading region. */
  private collect: CollectOptions;

  /** What is matched now: given at construction, replaced by `restart()`. */
  private settings: Settings;
  private local: LocalPacks | null;
  private remote: RemotePacks | null;

  constructor(private readonly o: PageScannerOptions) {
    this.collect = o.collect;
    this.settings = o.settings;
    this.local = o.local ?? null;
    this.remote = o.remote ?? null;
    this.state = createScanState(o.settings.demonyms, pageLanguage(o.win.document));
    this.scan = new Lifetime(o.signal);
    this.changes = new ChangeQueue({
      doc: o.win.document,
      isOwnNode: o.isOwnNode,
      onDocumentChildren: o.onDocumentChildren,
      onExcludingAttribute: (target) => this.sweepInside(target),
    });
  }

  /** The article the reading-region model found, or null (a section front, a list page). */
  get article(): Element | null {
    return this.collect.region?.root ?? null;
  }

  get lastTimings(): ScanTimings {
    return this.timings;
  }

  private get doc(): Document {
    return this.o.win.document;
  }

  /** Watches for changes, then makes the first pass over the whole page. */
  start(): Promise<ScanTimings> {
    const scan = this.scan;
    this.observe(scan.signal);
    const run = this.running.then(() => this.firstPass(scan));
    this.running = run;
    return run;
  }

  private async firstPass(scan: Lifetime): Promise<ScanTimings> {
    const startedAt = performance.now();
    this.timings = noTimings();
    const root = this.doc.body ?? this.doc.documentElement;
    if (!root || scan.ended) return this.timings;
    const regionStart = performance.now();
    this.findRegion();
    this.timings.regionMs = performance.now() - regionStart;
    this.timings.totalWorkMs += this.timings.regionMs;
    this.timings.longestSliceMs = Math.max(this.timings.longestSliceMs, this.timings.regionMs);
    // At the top of the page, document order already starts with what the reader sees; only a page opened
    // scrolled down (a restored position, an anchor) needs the block in view first.
    if (!this.settings.firstMentionOnly) await this.scanVisible(root, startedAt, scan);
    await this.scanRoot(root, startedAt, scan);
    if (!scan.ended) this.timings.allHighlightsMs = performance.now() - startedAt;
    return this.timings;
  }

  /** Forgets every mention and scans again (settings or packs changed, or the app navigated). */
  restart(settings: Settings, packs?: PagePacks): Promise<ScanTimings> {
    this.settings = settings;
    if (packs) {
      this.local = packs.local;
      this.remote = packs.remote;
    }
    this.scan.dispose();
    this.scan = new Lifetime(this.o.signal);
    this.reset();
    return this.start();
  }

  private reset(): void {
    this.changes.clear();
    this.o.store.clear();
    this.o.ranges.clear();
    this.firstByEntity.clear();
    this.state = createScanState(this.settings.demonyms, pageLanguage(this.doc));
    this.o.onChange();
  }

  /** The app replaced the article (hydration, a client-side render): find the reading region again. */
  private refreshRegion(): void {
    const article = this.collect.region?.root;
    if (article && !isConnected(article)) this.findRegion();
  }

  private findRegion(): void {
    this.collect = { ...this.o.collect, region: findReadingRegion(this.doc) };
  }

  /** Ends the scan in progress and stops watching; nothing is painted after this. */
  dispose(): void {
    this.scan.dispose();
    this.observer?.disconnect();
    this.observer = null;
    this.changes.clear();
  }

  private accepts(mention: Mention): boolean {
    const { settings } = this;
    if (!settings.enabledTypes.includes(mention.entity.type)) return false;
    const key = entityKey(mention.packId, mention.entity.id);
    if (settings.mutedEntities.includes(key)) return false;
    if (settings.firstMentionOnly) {
      if (this.firstByEntity.has(key)) return false;
      this.firstByEntity.add(key);
    }
    return true;
  }

  private register(mention: Mention, pass: ScanPass): MentionRecord | null {
    const known = this.o.store.at(mention.start.node, mention.start.offset);
    if (known && known.mention.text === mention.text && known.mention.entity === mention.entity) {
      this.o.store.meet(pass, known);
      return null;
    }
    if (known) this.forget([known]);
    if (!this.accepts(mention)) return null;
    const record = this.o.store.add(mention, this.makeRange);
    this.o.store.meet(pass, record);
    this.o.ranges.add(record);
    return record;
  }

  private readonly makeRange = (mention: Mention): StaticRange =>
    new this.o.win.StaticRange({
      startContainer: mention.start.node,
      startOffset: mention.start.offset,
      endContainer: mention.end.node,
      endOffset: mention.end.offset,
    });

  private forget(records: readonly MentionRecord[]): void {
    this.o.ranges.remove(records);
    this.o.store.remove(records);
  }

  /**
   * One slice over what the viewport shows when the page did not open at its top. It has its own short-form
   * state: a full name seen there must not license a surname that comes earlier in the document.
   */
  private async scanVisible(root: Node, startedAt: number, scan: Lifetime): Promise<void> {
    const first = await visibleBlock(this.doc, scan.signal);
    if (!first || scan.ended || isInsideExcluded(first, this.collect)) return;
    let sliceStart = performance.now();
    const state = createScanState(this.settings.demonyms, pageLanguage(this.doc));
    const collector = new TextCollector(root, this.collect, first);
    const pass = this.o.store.beginPass(first);
    let added = 0;
    const waiting: WaitingChunk[] = [];
    // About a screenful of text; no layout is read, so nothing is forced.
    for (let chars = 0; chars < VISIBLE_CHARS && performance.now() - sliceStart < SLICE_BUDGET_MS; ) {
      const chunk = collector.next(2_000, () => performance.now() - sliceStart > SLICE_BUDGET_MS);
      if (!chunk || chunk.nodes.length === 0) break;
      chars += chunk.text.length;
      added += this.take(chunk, state, waiting, pass);
    }
    if (waiting.length > 0) {
      void this.endSlice(sliceStart, 0);
      const answers = await this.remoteMatches(waiting, state);
      if (scan.ended) return;
      sliceStart = performance.now();
      waiting.forEach((w, i) => {
        added += this.registerAll(mentionsOf(w, answers[i]), pass);
      });
    }
    this.o.store.commit(pass);
    this.noteFirstHighlights(added, startedAt);
    void this.endSlice(sliceStart, added);
  }

  /** Scans one subtree in slices. When the page removes the node the walk stood on, it goes on from an ancestor. */
  private async scanRoot(root: Node, startedAt: number, scan: Lifetime): Promise<void> {
    let collector = new TextCollector(root, this.collect);
    let pass = this.o.store.beginPass(root);
    let sliceStart = performance.now();
    const shouldYield = (): boolean => performance.now() - sliceStart > SLICE_BUDGET_MS;
    let added = 0;
    const noteFirst = (): void => this.noteFirstHighlights(added, startedAt);
    /** Ends the slice, its highlights placed and registered; what to wait for before the next (if anything). */
    const closeSlice = (): Promise<void> | undefined => {
      noteFirst();
      this.o.store.commit(pass);
      const wait = this.endSlice(sliceStart, added);
      added = 0;
      return wait;
    };
    /** Ends the slice and waits for the next one. */
    const pause = async (): Promise<void> => {
      await (closeSlice() ?? yieldToMain(this.o.win, scan.signal));
      sliceStart = performance.now();
    };
    const waiting: WaitingChunk[] = [];
    while (!scan.ended) {
      const chunk = collector.next(CHUNK_CHARS, shouldYield);
      if (chunk) added += this.take(chunk, this.state, waiting, pass);
      const done = !chunk || collector.finished;
      if (waiting.length > 0 && (done || shouldYield() || fullRequest(waiting))) {
        // The slice ends while the background matches its text. Its answer is placed in slices of their own:
        // a full request names thousands of mentions on a long page, too many for one slice.
        const wait = closeSlice();
        const sent = waiting.splice(0);
        const [answers] = await Promise.all([this.remoteMatches(sent, this.state), wait]);
        if (scan.ended) return;
        sliceStart = performance.now();
        for (const [i, w] of sent.entries()) {
          added += this.registerAll(mentionsOf(w, answers[i]), pass);
          if (i + 1 < sent.length && shouldYield()) {
            await pause();
            if (scan.ended) return;
          }
        }
      }
      noteFirst();
      if (done) break;
      if (shouldYield()) await pause();
      if (collector.lost) {
        // The page replaced what the walk stood on (hydration). The mutation queue rescans the new nodes;
        // the rest of the root is walked again, and mentions met before are only found again.
        if (!isConnected(root)) break;
        this.refreshRegion();
        collector = new TextCollector(root, this.collect);
        pass = this.o.store.beginPass(root);
      }
    }
    if (scan.ended) return;
    this.o.store.commit(pass);
    void this.endSlice(sliceStart, added);
  }

  /**
   * A collected chunk matched with the page's own packs: queued in `waiting` for the background's matches when
   * packs are matched there, else registered at once. Returns how many mentions it added.
   */
  private take(chunk: TextChunk, state: ScanState, waiting: WaitingChunk[], pass: ScanPass): number {
    if (chunk.nodes.length === 0) return 0;
    const waited = { chunk, local: this.local?.match(chunk.text, state) ?? [] };
    if (!this.remote) return this.registerAll(mentionsOf(waited), pass);
    waiting.push(waited);
    return 0;
  }

  /** Registers the mentions in the pass; returns how many were added. */
  private registerAll(mentions: readonly Mention[], pass: ScanPass): number {
    let added = 0;
    for (const mention of mentions) if (this.register(mention, pass)) added++;
    return added;
  }

  /** The background's matches for each waiting chunk, in order (none when it cannot answer). */
  private async remoteMatches(waiting: readonly WaitingChunk[], state: ScanState): Promise<HeadMatch[][]> {
    const remote = this.remote;
    return remote ? remote.match(waiting.map((w) => w.chunk.text), state) : [];
  }

  /** When the scan's first highlights were added (once), counted from `startedAt`. */
  private noteFirstHighlights(added: number, startedAt: number): void {
    if (added > 0 && this.timings.firstHighlightMs < 0) this.timings.firstHighlightMs = performance.now() - startedAt;
  }

  private endSlice(sliceStart: number, added: number): Promise<void> | undefined {
    const ms = performance.now() - sliceStart;
    this.timings.longestSliceMs = Math.max(this.timings.longestSliceMs, ms);
    this.timings.totalWorkMs += ms;
    if (added > 0) this.o.onChange();
    return this.o.onSliceEnd?.();
  }

  private observe(signal: AbortSignal): void {
    if (signal.aborted) return;
    this.observer ??= new this.o.win.MutationObserver((records) => {
      this.changes.take(records);
      this.scheduleFlush();
    });
    // The document itself, not the body: apps replace <body>, and document.open() replaces <html>.
    this.observer.observe(this.doc, {
      childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: EXCLUDING_ATTRIBUTES,
    });
  }

  /** An attribute may have made a subtree excluded (an editor, hidden): forget what is inside it. */
  private sweepInside(target: Node): void {
    const inside = [...this.o.store.records()].filter((r) => contains(target, r.mention.start.node));
    if (inside.length > 0) {
      this.forget(inside);
      this.o.onChange();
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || !this.changes.pending) return;
    const scan = this.scan;
    this.flushScheduled = true;
    const run = (): void => {
      this.flushScheduled = false;
      if (scan.ended) return;
      this.running = this.running.then(() => this.flush(scan));
    };
    const delay = this.storm.delay(performance.now());
    if (delay > 0) this.o.win.setTimeout(run, delay);
    else this.o.win.requestAnimationFrame(run);
  }

  private async flush(scan: Lifetime): Promise<void> {
    if (scan.ended) return;
    const started = performance.now();
    if (this.storm.note(started)) {
      this.o.log(`this page changes its text more than ${STORM_FLUSHES_PER_SECOND} times a second; rescanning at most once a second for ${STORM_COOLDOWN_MS / 1000} s`);
    }
    let changed = false;
    const { roots, sweep } = this.changes.drain();
    if (sweep) {
      const stale = this.o.store.stale();
      if (stale.length > 0) {
        this.forget(stale);
        changed = true;
      }
    }
    this.refreshRegion();
    for (const root of roots) {
      if (scan.ended) return;
      if (!isConnected(root) || this.o.isOwnNode(root) || isInsideExcluded(root, this.collect)) continue;
      await this.scanRoot(root, started, scan);
    }
    this.o.painter.restore();
    if (changed) this.o.onChange();
  }
}
