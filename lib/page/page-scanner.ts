/**
 * Scans the page and keeps its highlights right while it changes: time-sliced passes (visible part first),
 * a MutationObserver that rescans only changed blocks once per frame, and a full rescan on in-app navigation.
 */
import type { PackEntity } from '../pack/types';
import type { MentionStore} from './mention-store';
import { entityKey, nodesBetween, type MentionRecord } from './mention-store';
import type { Painter } from './painter';
import { isExcluded, TextCollector, type CollectOptions } from '../spot/extract';
import { createScanState, scanChunk, type LoadedPack, type Mention, type ScanState } from '../spot/scan';
import type { Settings } from '../settings/schema';
import { caretAt } from './hit-test';
import { yieldToMain } from './yield';

export const SLICE_BUDGET_MS = 6;
const CHUNK_CHARS = 4_000;
/** More mutation flushes than this in one second means the page rewrites itself endlessly. */
const STORM_FLUSHES_PER_SECOND = 30;
const STORM_INTERVAL_MS = 1_000;
const STORM_COOLDOWN_MS = 10_000;

export interface ScanTimings {
  firstHighlightMs: number;
  allHighlightsMs: number;
  longestSliceMs: number;
  totalWorkMs: number;
}

export interface PageScannerOptions {
  doc: Document;
  packs: readonly LoadedPack[];
  settings: Settings;
  painter: Painter;
  store: MentionStore;
  collect: CollectOptions;
  /** The extension's own UI, whose mutations are ignored. */
  isOwnNode: (node: Node) => boolean;
  signal: AbortSignal;
  onChange: () => void;
  log: (message: string) => void;
}

export class PageScanner {
  private state: ScanState;
  private readonly queue = new Set<Node>();
  private sweepNeeded = false;
  private flushScheduled = false;
  private running: Promise<void> | null = null;
  private url: string;
  private flushTimes: number[] = [];
  private stormUntil = 0;
  private timings: ScanTimings = { firstHighlightMs: -1, allHighlightsMs: -1, longestSliceMs: 0, totalWorkMs: 0 };
  private readonly firstByEntity = new Set<string>();
  private observer: MutationObserver | null = null;

  constructor(private readonly o: PageScannerOptions) {
    this.state = createScanState(o.settings.demonyms);
    this.url = pageUrl(o.doc);
  }

  get lastTimings(): ScanTimings {
    return this.timings;
  }

  /** First pass over the whole page, then watch for changes. */
  async start(): Promise<ScanTimings> {
    const startedAt = performance.now();
    this.timings = { firstHighlightMs: -1, allHighlightsMs: -1, longestSliceMs: 0, totalWorkMs: 0 };
    const body = this.o.doc.body;
    if (!body) return this.timings;
    // At the top of the page, document order already starts with what the reader sees; only a page opened
    // scrolled down (a restored position, an anchor) needs a hit test, which forces a layout.
    if (!this.o.settings.firstMentionOnly) await this.scanVisible(body, startedAt);
    await this.scanRoot(body, startedAt, this.state);
    this.timings.allHighlightsMs = performance.now() - startedAt;
    this.observe();
    return this.timings;
  }

  /** Forgets every mention and scans again (settings or packs changed, or the app navigated). */
  async restart(settings: Settings, packs?: readonly LoadedPack[]): Promise<ScanTimings> {
    this.o.settings = settings;
    if (packs) this.o.packs = packs;
    this.reset();
    return this.start();
  }

  private reset(): void {
    this.observer?.disconnect();
    this.queue.clear();
    this.o.store.clear();
    this.o.painter.clearRanges();
    this.firstByEntity.clear();
    this.state = createScanState(this.o.settings.demonyms);
    this.o.onChange();
  }

  dispose(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.queue.clear();
  }

  private accepts(mention: Mention): boolean {
    const { settings } = this.o;
    if (!settings.enabledTypes.includes(mention.entity.type)) return false;
    const key = entityKey(mention.packId, mention.entity.id);
    if (settings.mutedEntities.includes(key)) return false;
    if (settings.firstMentionOnly) {
      if (this.firstByEntity.has(key)) return false;
      this.firstByEntity.add(key);
    }
    return true;
  }

  private register(mention: Mention, chunkNodes: readonly Text[]): MentionRecord | null {
    const known = this.o.store.at(mention.start.node, mention.start.offset);
    if (known) {
      this.o.store.renumber(known);
      return null;
    }
    if (!this.accepts(mention)) return null;
    const range = new StaticRange({
      startContainer: mention.start.node,
      startOffset: mention.start.offset,
      endContainer: mention.end.node,
      endOffset: mention.end.offset,
    });
    const record = this.o.store.add(mention, range, nodesBetween(chunkNodes, mention.start.node, mention.end.node));
    this.o.painter.add(mention.entity.type, range);
    return record;
  }

  /**
   * One slice over what the viewport shows when the page did not open at its top. It has its own short-form
   * state: a full name seen there must not license a surname that comes earlier in the document.
   */
  private async scanVisible(body: HTMLElement, startedAt: number): Promise<void> {
    const first = await visibleBlock(this.o.doc, this.o.signal);
    if (!first || this.insideExcluded(first)) return;
    const sliceStart = performance.now();
    const state = createScanState(this.o.settings.demonyms);
    const collector = new TextCollector(body, this.o.collect, first);
    let added = 0;
    // About a screenful of text; no layout is read, so nothing is forced.
    for (let chars = 0; chars < VISIBLE_CHARS && performance.now() - sliceStart < SLICE_BUDGET_MS; ) {
      const chunk = collector.next(2_000, () => performance.now() - sliceStart > SLICE_BUDGET_MS);
      if (!chunk || chunk.nodes.length === 0) break;
      chars += chunk.text.length;
      for (const mention of scanChunk(chunk, this.o.packs, state)) if (this.register(mention, chunk.nodes)) added++;
    }
    if (added > 0 && this.timings.firstHighlightMs < 0) this.timings.firstHighlightMs = performance.now() - startedAt;
    this.endSlice(sliceStart, added);
  }

  private async scanRoot(root: Node, startedAt: number, state: ScanState): Promise<void> {
    const collector = new TextCollector(root, this.o.collect);
    let sliceStart = performance.now();
    const shouldYield = (): boolean => performance.now() - sliceStart > SLICE_BUDGET_MS;
    let added = 0;
    while (!this.o.signal.aborted) {
      const chunk = collector.next(CHUNK_CHARS, shouldYield);
      if (chunk) {
        for (const mention of scanChunk(chunk, this.o.packs, state)) {
          if (this.register(mention, chunk.nodes)) added++;
        }
      }
      if (added > 0 && this.timings.firstHighlightMs < 0) this.timings.firstHighlightMs = performance.now() - startedAt;
      if (!chunk || collector.finished) break;
      if (shouldYield()) {
        this.endSlice(sliceStart, added);
        added = 0;
        await yieldToMain(this.o.signal);
        sliceStart = performance.now();
      }
    }
    this.endSlice(sliceStart, added);
  }

  private endSlice(sliceStart: number, added: number): void {
    const ms = performance.now() - sliceStart;
    this.timings.longestSliceMs = Math.max(this.timings.longestSliceMs, ms);
    this.timings.totalWorkMs += ms;
    if (added > 0) this.o.onChange();
  }

  private observe(): void {
    if (this.o.signal.aborted) return;
    this.observer ??= new MutationObserver((records) => this.onMutations(records));
    // The whole document, not the body: some apps replace <body> itself.
    this.observer.observe(this.o.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (this.o.isOwnNode(r.target)) continue;
      if (r.type === 'characterData') {
        this.sweepNeeded = true;
        if (r.target.parentNode) this.queue.add(r.target.parentNode);
        continue;
      }
      if (r.removedNodes.length > 0) this.sweepNeeded = true;
      for (const node of r.addedNodes) {
        if (!this.o.isOwnNode(node)) this.queue.add(node.nodeType === 3 ? (node.parentNode ?? node) : node);
      }
    }
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || (this.queue.size === 0 && !this.sweepNeeded)) return;
    this.flushScheduled = true;
    const now = performance.now();
    const delay = now < this.stormUntil ? STORM_INTERVAL_MS : 0;
    const run = (): void => {
      this.flushScheduled = false;
      if (!this.o.signal.aborted) void this.flush();
    };
    if (delay > 0) setTimeout(run, delay);
    else requestAnimationFrame(run);
  }

  private async flush(): Promise<void> {
    if (this.running) {
      await this.running;
      this.scheduleFlush();
      return;
    }
    this.running = this.doFlush().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private noteFlush(now: number): void {
    this.flushTimes.push(now);
    while (this.flushTimes.length > 0 && (this.flushTimes[0] as number) < now - 1000) this.flushTimes.shift();
    if (this.flushTimes.length > STORM_FLUSHES_PER_SECOND && now >= this.stormUntil) {
      this.stormUntil = now + STORM_COOLDOWN_MS;
      this.o.log(`this page changes its text more than ${STORM_FLUSHES_PER_SECOND} times a second; rescanning at most once a second for the next ${STORM_COOLDOWN_MS / 1000} s`);
    }
  }

  private async doFlush(): Promise<void> {
    const started = performance.now();
    this.noteFlush(started);
    if (pageUrl(this.o.doc) !== this.url) {
      this.url = pageUrl(this.o.doc);
      this.reset();
      await this.start();
      return;
    }
    let changed = false;
    if (this.sweepNeeded) {
      this.sweepNeeded = false;
      for (const record of this.o.store.stale()) {
        this.o.painter.remove(record.mention.entity.type, record.range);
        this.o.store.delete(record);
        changed = true;
      }
    }
    const roots = blockRoots([...this.queue]);
    this.queue.clear();
    for (const root of roots) {
      if (!root.isConnected || this.insideExcluded(root)) continue;
      await this.scanRoot(root, started, this.state);
    }
    if (changed) this.o.onChange();
  }

  private insideExcluded(node: Node): boolean {
    for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== this.o.doc.documentElement; el = el.parentElement) {
      if (isExcluded(el, this.o.collect)) return true;
    }
    return false;
  }

  /** The page's entities with their mention counts, in order of first appearance. */
  entities(): Array<{ packId: string; entity: PackEntity; count: number }> {
    const map = new Map<string, { packId: string; entity: PackEntity; count: number }>();
    for (const r of this.o.store.ordered()) {
      const key = entityKey(r.mention.packId, r.mention.entity.id);
      const entry = map.get(key) ?? { packId: r.mention.packId, entity: r.mention.entity, count: 0 };
      entry.count++;
      map.set(key, entry);
    }
    return [...map.values()];
  }
}

function pageUrl(doc: Document): string {
  const url = doc.location?.href ?? '';
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

const BLOCKISH = /^(p|div|li|td|th|h[1-6]|article|section|main|blockquote|dd|dt|figcaption|caption|body|ul|ol|table|aside|header|footer)$/;

/** The nearest block around each changed node, without nesting duplicates. */
function blockRoots(nodes: readonly Node[]): Node[] {
  const blocks = new Set<Node>();
  for (const node of nodes) {
    let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    while (el && !BLOCKISH.test(el.localName)) el = el.parentElement;
    blocks.add(el ?? node);
  }
  const list = [...blocks];
  return list.filter((b) => !list.some((other) => other !== b && other.contains(b)));
}

const VISIBLE_CHARS = 8_000;

/**
 * Where the reader's eyes are when the page did not open at its top: the fragment's target, or, on a reload
 * or a back/forward visit (restored scroll), the block at the top of the viewport, read after a frame so
 * that asking for the scroll position forces no layout. Null on an ordinary visit, which opens at the top,
 * where document order already starts with what is visible.
 */
async function visibleBlock(doc: Document, signal: AbortSignal): Promise<Element | null> {
  const win = doc.defaultView;
  if (!win) return null;
  let el: Element | null = null;
  if (doc.location.hash.length > 1) {
    let id = doc.location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Keep the raw fragment.
    }
    el = doc.getElementById(id) ?? doc.getElementsByName(id)[0] ?? null;
  } else {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (nav?.type !== 'reload' && nav?.type !== 'back_forward') return null;
    await new Promise((resolve) => win.requestAnimationFrame(() => win.setTimeout(resolve, 0)));
    if (signal.aborted || win.scrollY === 0) return null;
    // The caret API finds the nearest text even when the point falls in a margin between paragraphs.
    const caret = caretAt(doc, win.innerWidth / 2, Math.min(40, win.innerHeight / 4));
    el = caret ? (caret.node.nodeType === 1 ? (caret.node as Element) : caret.node.parentElement) : null;
  }
  while (el && el !== doc.body && !BLOCKISH.test(el.localName)) el = el.parentElement;
  return el && el !== doc.body && el !== doc.documentElement ? el : null;
}
