/**
 * Backstory on one page: wires the scanner (highlights), the card controller, page input and upkeep, and
 * answers the popup. One instance per "on" period: its lifetime is joined to the content script's, and
 * `dispose()` ends everything it started (the scan in progress, listeners, timers, the card).
 */
import type { PageWindow } from '../dom/page-window';
import { Lifetime } from '../lifecycle';
import type { PageEntity } from '../messages';
import type { ReadBlock } from '../reading/reading-record';
import { readBlocks } from './reading-snapshot';
import type { Settings } from '../settings/schema';
import { matchingChanged } from '../settings/matching';
import type { PagePacks } from './remote-packs';
import { createCardHost, type CardHost } from './card-host';
import { CardController, type RenderCard } from './card-controller';
import { afterFrame } from './after-frame';
import type { FetchDetails } from './details-cache';
import { hitTest, liveRange } from './hit-test';
import { listenForInput } from './page-input';
import { MentionStore, type MentionRecord } from './mention-store';
import { pageEntities } from './page-entities';
import { PageScanner, type ScanTimings } from './page-scanner';
import { Painter } from './painter';
import { VisibleRanges } from './visible-ranges';
import { browserIsHidden, browserRendersAsBlock } from './visibility';

export type { RenderCard };

export interface BackstoryPageOptions {
  win: PageWindow;
  packs: PagePacks;
  settings: Settings;
  cardCss: string;
  renderCard: RenderCard;
  /** The content script's lifetime; the page's own ends with it or with `dispose()`. */
  signal: AbortSignal;
  onEntityCount: (count: number) => void;
  /** The page replaced its whole document (`document.open()`, a new `<html>`): start over on the new one. */
  onDocumentReplaced: () => void;
  openOptions: (hash: string) => void;
  setMuted: (key: string, muted: boolean) => void;
  fetchDetails: FetchDetails;
  log: (message: string) => void;
}

/** How often upkeep checks what page code may have undone (highlights, stylesheet, design mode). */
const UPKEEP_MS = 1_000;
const COUNT_DELAY_MS = 100;
/** Up to this many mentions every one is registered; past it, those near the viewport (see visible-ranges). */
const REGISTER_ALL_UP_TO = 2_000;
const VIEWPORT_MARGIN_PX = 2_000;
/**
 * Past that limit, blocks are watched in runs of at most this many blocks or mentions (see block-runs), and a
 * run gone far keeps its highlights until one more has gone. Each registry change costs the next frame a
 * repaint of the whole page, so a scroll should cross few run boundaries: long runs, few mentions each.
 */
const RUN_SIZE = { blocks: 400, mentions: REGISTER_ALL_UP_TO / 4 };
const FAR_RUNS_KEPT = 1;
/** How long a scan may run before its highlights are styled anyway (see styleHighlights). */
const STYLE_WAIT_MS = 100;
/** How long a scan waits for that frame in a tab that draws none. */
const FRAME_WAIT_MS = 100;

export class BackstoryPage {
  private readonly life: Lifetime;
  private readonly store = new MentionStore();
  private readonly painter: Painter;
  private readonly ranges: VisibleRanges;
  private readonly scanner: PageScanner;
  private readonly host: CardHost;
  private readonly card: CardController;
  private settings: Settings;
  private countTimer = 0;
  /** The mention the keyboard command or the popup went to last. */
  private lastVisited: MentionRecord | null = null;
  private designMode = false;
  private scanStartedAt = 0;
  private readonly root: Element | null;

  constructor(private readonly o: BackstoryPageOptions) {
    const { win } = o;
    this.life = new Lifetime(o.signal);
    this.settings = o.settings;
    this.root = win.document.documentElement;
    this.host = createCardHost(win.document, o.cardCss);
    this.painter = new Painter(win, () => this.host.attach());
    this.ranges = new VisibleRanges({ win, painter: this.painter, limit: REGISTER_ALL_UP_TO, marginPx: VIEWPORT_MARGIN_PX, run: RUN_SIZE, farRunsKept: FAR_RUNS_KEPT });
    this.scanner = new PageScanner({
      win,
      local: o.packs.local,
      remote: o.packs.remote,
      settings: o.settings,
      painter: this.painter,
      ranges: this.ranges,
      store: this.store,
      collect: { isOwnHost: (element) => element === this.host.element, isHidden: browserIsHidden, rendersAsBlock: browserRendersAsBlock },
      isOwnNode: (node) => this.host.contains(node),
      signal: this.life.signal,
      onChange: () => this.scheduleCount(),
      onDocumentChildren: () => this.checkDocument(),
      onSliceEnd: () => {
        if (this.painter.isStyled || performance.now() - this.scanStartedAt <= STYLE_WAIT_MS) return undefined;
        this.styleHighlights();
        // Let the browser restyle the page in its own frame before the next slice reads styles again.
        return afterFrame(win, FRAME_WAIT_MS);
      },
      log: o.log,
    });
    this.card = new CardController({
      win,
      host: this.host,
      store: this.store,
      painter: this.painter,
      settings: () => this.settings,
      renderCard: o.renderCard,
      openOptions: o.openOptions,
      setMuted: o.setMuted,
      fetchDetails: o.fetchDetails,
      log: o.log,
    });
    this.card.setPacks(o.packs);
  }

  async start(): Promise<ScanTimings> {
    this.listen();
    this.designMode = this.o.win.document.designMode === 'on';
    this.scanStartedAt = performance.now();
    const timings = this.designMode ? this.scanner.lastTimings : await this.scanner.start();
    this.styleHighlights();
    return timings;
  }

  /**
   * The highlight stylesheet goes in when the scan ends, not before: a new document-level sheet makes the
   * page's whole style stale, and the scan's next style read would then recompute all of it inside
   * Backstory's task. Added after the reads, the recomputation joins the browser's next frame. A long scan
   * (a huge page) does not wait for its end: after STYLE_WAIT_MS its highlights are shown as they come.
   */
  private styleHighlights(): void {
    if (this.painter.isStyled) return;
    this.painter.applyStyle(this.settings);
  }

  /** Applies new settings; only changes to what is matched rescan the page, the rest is restyling. */
  async update(settings: Settings, packs?: PagePacks): Promise<ScanTimings> {
    const rescan = packs !== undefined || matchingChanged(this.settings, settings);
    this.settings = settings;
    this.painter.applyStyle(settings);
    if (!rescan) return this.scanner.lastTimings;
    if (packs) this.card.setPacks(packs);
    this.card.closeAll({ keepNotice: true });
    return this.scanner.restart(settings, packs);
  }

  /** The app changed its URL without loading a page: what was found belongs to the old one. */
  navigated(): Promise<ScanTimings> {
    this.card.navigated();
    this.lastVisited = null;
    return this.scanner.restart(this.settings);
  }

  get timings(): ScanTimings {
    return this.scanner.lastTimings;
  }

  get ended(): boolean {
    return this.life.ended;
  }

  dispose(): void {
    this.life.dispose();
    this.scanner.dispose();
    this.ranges.dispose();
    this.card.dispose();
    this.painter.dispose();
    this.host.remove();
    this.store.clear();
    this.o.win.clearTimeout(this.countTimer);
  }

  /** What reading memory keeps of this page, or null when the reading-region model found no article here. */
  readingSnapshot(): { blocks: ReadBlock[]; article: Element } | null {
    const article = this.scanner.article;
    if (!article || this.life.ended) return null;
    return { blocks: readBlocks(this.store.ordered(), article), article };
  }

  entities(): PageEntity[] {
    return pageEntities(this.store);
  }

  /**
   * Scrolls to an entity's mention and opens its card (from the popup): the first one, and on each later
   * request for the same entity the one after the mention gone to last (wrapping round).
   */
  reveal(packId: string, entityId: string): boolean {
    const mentions = this.store.mentionsOf(packId, entityId);
    if (mentions.length === 0) return false;
    const at = this.lastVisited ? mentions.indexOf(this.lastVisited) : -1;
    this.goTo(mentions[(at + 1) % mentions.length] as MentionRecord, true);
    return true;
  }

  /** Every loaded pack's entities whose name or alias matches (the popup's look-up). */
  lookUp(query: string): ReturnType<CardController['lookUp']> {
    return this.card.lookUp(query);
  }

  /** Opens an entity's card from a look-up: at its next mention when the page has one, else on its own. */
  showEntity(packId: string, entityId: string): boolean {
    if (this.store.mentionsOf(packId, entityId).length > 0) return this.reveal(packId, entityId);
    return this.card.showEntity(packId, entityId);
  }

  /** The keyboard command: the next mention after the one gone to last (or after the top of the viewport). */
  nextMention(): boolean {
    const ordered = this.store.ordered();
    if (ordered.length === 0) return false;
    // A record, not an index: rescans insert and remove mentions, and a removed one is no longer in the order.
    const at = this.lastVisited ? ordered.indexOf(this.lastVisited) : -1;
    let index = at >= 0 ? at + 1 : ordered.findIndex((r) => liveRange(this.o.win.document, r).getBoundingClientRect().bottom > 0);
    if (index < 0 || index >= ordered.length) index = 0;
    this.goTo(ordered[index] as MentionRecord, true);
    return true;
  }

  private goTo(record: MentionRecord, focus: boolean): void {
    this.card.goTo(record, { focus });
    this.lastVisited = record;
  }

  /** Sends the entity count now (the badge setting changed). */
  reportCount(): void {
    if (!this.life.ended) this.o.onEntityCount(this.store.entityCount());
  }

  private scheduleCount(): void {
    const { win } = this.o;
    win.clearTimeout(this.countTimer);
    this.countTimer = win.setTimeout(() => this.reportCount(), COUNT_DELAY_MS);
  }

  /** True (and the owner told) when the page replaced its whole document since this instance started. */
  private checkDocument(): boolean {
    if (this.life.ended || this.o.win.document.documentElement === this.root) return false;
    this.o.onDocumentReplaced();
    return true;
  }

  /**
   * Page code can undo what Backstory set up without touching Backstory: replace the whole document, clear
   * the highlight registry, reassign `adoptedStyleSheets`, switch the document into design mode. A few reads
   * a second put it back (or, in design mode, take the highlights away until it ends).
   */
  private upkeep(): void {
    if (this.checkDocument()) return;
    const designMode = this.o.win.document.designMode === 'on';
    if (designMode !== this.designMode) {
      this.designMode = designMode;
      this.card.closeAll();
      if (designMode) {
        this.scanner.dispose();
        this.store.clear();
        this.ranges.clear();
        this.scheduleCount();
      } else {
        void this.scanner.restart(this.settings);
      }
      return;
    }
    this.painter.restore();
  }

  private listen(): void {
    const { win } = this.o;
    const signal = this.life.signal;
    const upkeep = win.setInterval(() => this.upkeep(), UPKEEP_MS);
    signal.addEventListener('abort', () => win.clearInterval(upkeep), { once: true });
    listenForInput({
      doc: win.document,
      host: this.host,
      signal,
      trigger: () => this.settings.trigger,
      cardOpen: () => this.card.isOpen,
      hitTest: (x, y) => hitTest(win.document, this.store, x, y),
      point: (hit) => {
        if (hit) {
          this.card.anchorAt(hit.rect);
          this.card.prefetch(hit.record);
        }
        this.card.intent.point(hit?.record ?? null);
      },
      open: (hit) => {
        this.card.anchorAt(hit.rect);
        this.card.intent.open(hit.record);
      },
      enterCard: () => this.card.intent.enterCard(),
      leaveCard: () => this.card.intent.leaveCard(),
      close: () => this.card.close(),
      clickOutside: () => this.card.clickOutside(),
      cardKey: (action) => {
        if (action === 'pin') this.card.togglePin();
        else if (action === 'copy') this.card.copy();
        else this.card.step(action === 'next' ? 1 : -1);
      },
      onScroll: () => this.card.follow(),
    });
  }
}
