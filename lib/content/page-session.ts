/**
 * The content script's state over time: whether Backstory is on for this site, which packs are loaded, and
 * the one BackstoryPage while it is on. The entrypoint wires browser APIs into it; everything it needs comes
 * in through these options, so tests can drive it with a fixture window.
 */
import type { PageWindow } from '../dom/page-window';
import type { Message, MessageType, Response } from '../messages';
import { isMessage } from '../messages';
import { isActiveOn } from '../settings/sites';
import { readingOnHere } from '../reading/reading-scope';
import { packSetChanged } from '../settings/matching';
import type { Settings } from '../settings/schema';
import type { PagePacks } from './remote-packs';
import { BackstoryPage, type RenderCard } from './backstory-page';
import type { FetchDetails } from './details-cache';
import { readPageHead } from './page-head';
import { watchReading } from '../reading/read-dwell';

export interface PageSessionOptions {
  win: PageWindow;
  signal: AbortSignal;
  settings: Settings;
  loadPacks: (settings: Settings) => Promise<PagePacks>;
  cardCss: string;
  renderCard: RenderCard;
  send: (message: Message) => void;
  fetchDetails: FetchDetails;
  log: (message: string) => void;
  /** When this script started (document idle), for the timings it logs. */
  startedAt: number;
  /** Whether this tab is a private (incognito) window: reading memory keeps nothing there. */
  inPrivate: boolean;
}

export class PageSession {
  private page: BackstoryPage | null = null;
  private packs: PagePacks | null = null;
  private settings: Settings;
  private readonly host: string;
  private url: string;

  constructor(private readonly o: PageSessionOptions) {
    this.settings = o.settings;
    this.host = o.win.location.host;
    this.url = pageUrl(o.win);
    o.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  get active(): boolean {
    return this.page !== null;
  }

  start(): Promise<void> {
    return this.sync({ settings: this.settings, packsChanged: true });
  }

  async settingsChanged(settings: Settings): Promise<void> {
    const badgeChanged = settings.showBadge !== this.settings.showBadge;
    const packsChanged = packSetChanged(this.settings, settings);
    await this.sync({ settings, packsChanged });
    // The background shows or clears the badge from the count it is sent; send it again when that changed.
    if (badgeChanged) this.page?.reportCount();
  }

  packsChanged(): Promise<void> {
    return this.sync({ settings: this.settings, packsChanged: true });
  }

  /** The app changed its URL (WXT's location watcher). A same-URL event (a page can fake it) changes nothing. */
  navigated(): void {
    const url = pageUrl(this.o.win);
    if (url === this.url) return;
    this.url = url;
    void this.page?.navigated();
  }

  private stop(): void {
    this.page?.dispose();
    this.page = null;
  }

  private async sync({ settings, packsChanged }: { settings: Settings; packsChanged: boolean }): Promise<void> {
    this.settings = settings;
    if (!isActiveOn(settings, this.host)) {
      this.stop();
      this.o.send({ type: 'page-count', count: 0 });
      return;
    }
    const reload = this.packs === null || packsChanged;
    if (reload) this.packs = await this.o.loadPacks(settings);
    if (this.o.signal.aborted || this.packs === null) return;
    if (this.page) {
      await this.page.update(settings, reload ? this.packs : undefined);
      return;
    }
    await this.open(this.packs);
  }

  private async open(packs: PagePacks): Promise<void> {
    this.stop();
    const page = new BackstoryPage({
      win: this.o.win,
      packs,
      settings: this.settings,
      cardCss: this.o.cardCss,
      renderCard: this.o.renderCard,
      signal: this.o.signal,
      onEntityCount: (count) => this.o.send({ type: 'page-count', count }),
      onDocumentReplaced: () => void this.open(packs),
      openOptions: (hash) => this.o.send({ type: 'open-options', hash }),
      setMuted: (key, muted) => this.o.send({ type: 'set-muted', key, muted }),
      fetchDetails: this.o.fetchDetails,
      log: this.o.log,
    });
    this.page = page;
    this.watchReading(page);
    // Timings count from document idle (this script's start), settings and pack loading included.
    const since = performance.now() - this.o.startedAt;
    const t = await page.start();
    if (page.ended) return;
    const first = t.firstHighlightMs < 0 ? -1 : t.firstHighlightMs + since;
    this.o.log(
      `first highlights ${first.toFixed(1)} ms, all ${(t.allHighlightsMs + since).toFixed(1)} ms, longest slice ${t.longestSliceMs.toFixed(1)} ms, work ${t.totalWorkMs.toFixed(1)} ms, reading region ${t.regionMs.toFixed(2)} ms`,
    );
  }

  /**
   * Reading memory (opt-in): once the reader has stayed on an article (read-dwell.ts), its sentences about
   * known entities go to the background in one message. Checked again there; never in a private window or on
   * an excluded site.
   */
  private watchReading(page: BackstoryPage): void {
    const { settings } = this;
    if (!readingOnHere(settings, this.host, this.o.inPrivate)) return;
    const { win, signal } = this.o;
    const doc = win.document;
    watchReading({
      isVisible: () => doc.visibilityState === 'visible',
      onVisibilityChange: (listener, s) => doc.addEventListener('visibilitychange', listener, { signal: s }),
      setTimer: (fn, ms) => win.setTimeout(fn, ms),
      clearTimer: (id) => win.clearTimeout(id),
      whenIdle: (fn, s) => {
        // Both browsers have requestIdleCallback; the timeout bounds the wait on a page that is never idle.
        const id = win.requestIdleCallback(() => fn(), { timeout: 5_000 });
        s.addEventListener('abort', () => win.cancelIdleCallback(id), { once: true });
      },
      now: () => performance.now(),
      signal,
      onRead: () => {
        if (this.page !== page || !this.settings.readingMemory) return;
        // Timed from here, so the clock covers compiling what the keep runs for the first time on this page.
        const started = performance.now();
        const sent = this.keepArticle(page, doc);
        if (sent > 0) this.o.log(`reading memory: sent ${sent} blocks of this article (${(performance.now() - started).toFixed(3)} ms on the page)`);
      },
    });
  }

  /** Sends the article's blocks and head to the background in one message; the number of blocks sent. */
  private keepArticle(page: BackstoryPage, doc: Document): number {
    const snapshot = page.readingSnapshot();
    if (!snapshot || snapshot.blocks.length === 0) return 0;
    this.o.send({ type: 'reading-save', article: { head: readPageHead(doc, snapshot.article), blocks: snapshot.blocks } });
    return snapshot.blocks.length;
  }

  /** Answers the popup and the keyboard command. */
  answer(message: unknown): Promise<Response<MessageType>> | undefined {
    if (isMessage(message, 'get-page-entities')) {
      return Promise.resolve({ active: this.page !== null, host: this.host, entities: this.page?.entities() ?? [] });
    }
    if (isMessage(message, 'reveal-entity')) return Promise.resolve({ ok: this.page?.reveal(message.packId, message.id) ?? false });
    if (isMessage(message, 'look-up')) return (this.page?.lookUp(String(message.query)) ?? Promise.resolve([])).then((entities) => ({ entities }));
    if (isMessage(message, 'show-entity')) return Promise.resolve({ ok: this.page?.showEntity(String(message.packId), String(message.id)) ?? false });
    if (isMessage(message, 'next-mention')) return Promise.resolve({ ok: this.page?.nextMention() ?? false });
    return undefined;
  }
}

/** The page's URL without its fragment: in-page anchors are not navigation. */
function pageUrl(win: Window): string {
  const { href } = win.location;
  const hash = href.indexOf('#');
  return hash >= 0 ? href.slice(0, hash) : href;
}
