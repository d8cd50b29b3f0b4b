/**
 * The card: which entity it shows, the Back history, where it sits, focus in and out. Rendering is injected
 * (`renderCard`), so this file knows nothing of Preact; hover timing lives in HoverIntent.
 */
import { i18n } from '../i18n/t';
import type { PageWindow } from '../dom/page-window';
import { entityKey } from '../pack-format/entity-key';
import type { Settings } from '../settings/schema';
import type { EntityHead } from '../spot/loaded-pack';
import type { LocalPacks } from '../spot/local-packs';
import type { CardHost } from './card-host';
import { entityCardModel, type CardActions, type CardModel } from './card-model';
import { DetailsCache, type FetchDetails } from './details-cache';
import { liveRange } from './hit-test';
import { HoverIntent } from './hover-intent';
import type { MentionRecord, MentionStore } from './mention-store';
import type { Painter } from './painter';
import { cardIsDark } from './theme';
import { placeCard } from './card-position';
import { cardCopyText, copyToClipboard } from './card-copy';
import { mergeLookUps, type FoundEntity } from '../spot/entity-lookup';
import type { CardPack, PagePacks, RemotePacks } from './remote-packs';
import { pageLanguage } from '../spot/page-language';
import { asOfLabel, pageDate } from './page-date';

/** One frame at 60 Hz, for counting frames between two frame start times. */
const FRAME_MS = 1000 / 60;
/** How long a status line ("Copied") stays. */
const STATUS_MS = 2_500;
/** Where a looked-up card opens: this far from the viewport's right edge (the card is about 26em wide). */
const CARD_LOOKUP_INSET_PX = 440;


export type RenderCard = (mount: HTMLElement, props: (CardModel & CardActions) | null) => void;

export interface CardControllerOptions {
  win: PageWindow;
  host: CardHost;
  store: MentionStore;
  painter: Painter;
  settings: () => Settings;
  renderCard: RenderCard;
  openOptions: (hash: string) => void;
  /** Mutes or unmutes "packId/entityId" in the settings (the page then rescans). */
  setMuted: (key: string, muted: boolean) => void;
  /** Asks the background for an entity's details (summary, quotes, facts, related). */
  fetchDetails: FetchDetails;
  log: (message: string) => void;
}

interface CardTarget {
  packId: string;
  entity: EntityHead;
  record: MentionRecord | null;
}

/** The card for a mention: its pack, its entity, and the mention itself. */
const targetOf = (record: MentionRecord): CardTarget => ({ packId: record.mention.packId, entity: record.mention.entity, record });


export class CardController {
  readonly intent: HoverIntent<MentionRecord>;
  private packs = new Map<string, CardPack>();
  private local: LocalPacks | null = null;
  private remote: RemotePacks | null = null;
  private readonly details: DetailsCache;
  private target: CardTarget | null = null;
  private history: CardTarget[] = [];
  private anchorRect: DOMRect | null = null;
  /**
   * After prev/next the card stays where it is (its buttons under the pointer) and the mention it shows is
   * marked on the page instead; it follows a mention again once one is hovered or gone to.
   */
  private stayPut = false;
  private returnFocus: Element | null = null;
  /** The entity just muted from this card: the card says so and offers Undo until it closes. */
  private mutedNotice: CardTarget | null = null;
  private status = '';
  private statusTimer = 0;
  private publishedAt: Date | null | undefined;
  /** The page's language, read when a card is first drawn (a "Read more" link goes to Wikipedia in it). */
  private language: { code: string | null } | undefined;
  /** When the last dwell ended, until the card it opened is drawn with its details (for the diagnostics log). */
  private dwellEndedAt = -1;
  /** The start time of the first frame after that dwell ended (-1 until it begins). */
  private firstFrameAfterDwell = -1;
  /** The off-page render's timer: 0 before the first hover intent, -1 once it ran. */
  private warmTimer = 0;
  /** The pinned card under a peek (see HoverIntent), as it was. */
  private held: { target: CardTarget | null; history: CardTarget[]; anchorRect: DOMRect | null; stayPut: boolean } | null = null;

  constructor(private readonly o: CardControllerOptions) {
    this.details = new DetailsCache(o.fetchDetails, (packId, entityId, ms) => {
      o.log(`details of "${entityId}" arrived ${ms.toFixed(1)} ms after they were asked for`);
      if (this.target?.packId === packId && this.target.entity.id === entityId) this.render({ focus: false });
    });
    this.intent = new HoverIntent<MentionRecord>({
      dwellMs: () => this.o.settings().hoverDelayMs,
      same: (a, b) => a.mention.entity === b.mention.entity && a.key === b.key,
      show: (record) => {
        this.dwellEndedAt = performance.now();
        this.firstFrameAfterDwell = -1;
        o.win.requestAnimationFrame((frame) => {
          if (this.firstFrameAfterDwell < 0) this.firstFrameAfterDwell = frame;
        });
        this.showFor(record, { focus: false });
      },
      hide: () => this.render({ focus: false }),
      hold: () => {
        this.held = { target: this.target, history: this.history, anchorRect: this.anchorRect, stayPut: this.stayPut };
      },
      restore: () => {
        const held = this.held;
        this.held = null;
        if (!held) return;
        ({ target: this.target, history: this.history, anchorRect: this.anchorRect, stayPut: this.stayPut } = held);
        this.render({ focus: false });
      },
      setTimer: (fn, ms) => o.win.setTimeout(fn, ms),
      clearTimer: (id) => o.win.clearTimeout(id),
    });
  }

  get isOpen(): boolean {
    return this.target !== null;
  }

  setPacks({ local, remote }: PagePacks): void {
    this.local = local;
    this.remote = remote;
    this.packs = new Map<string, CardPack>([...(local?.packs ?? []), ...(remote?.packs ?? [])].map((p) => [p.id, p]));
    this.details.clear();
    this.intent.close();
  }

  /** Where the card points: the mention's first line box. */
  anchorAt(rect: DOMRect): void {
    this.anchorRect = rect;
    this.stayPut = false;
  }

  /**
   * Hover intent started on a mention: ask for its details now, so they arrive during the dwell, and the first
   * time on this page render its card once off-page, so the real card after the dwell does not pay for
   * compiling the card's code (paid only on pages where the reader hovers, not on every page at idle).
   */
  prefetch(record: MentionRecord): void {
    this.details.prefetch(record.mention.packId, record.mention.entity.id);
    if (this.warmTimer !== 0) return;
    this.warmTimer = this.o.win.setTimeout(() => {
      this.warmTimer = -1;
      if (this.target !== null) return;
      this.target = targetOf(record);
      this.renderModel(false, true);
      this.target = null;
      this.clearCard();
    }, 0);
  }

  /** The popup's look-up: the page's own packs here, the imported ones by the background, ranked as one. */
  async lookUp(query: string): Promise<FoundEntity[]> {
    const here = this.local?.lookUp(query) ?? [];
    const found = this.remote ? mergeLookUps([here, await this.remote.lookUp(query)]) : here;
    return found.map(({ packId, id, name, type }) => ({ packId, id, name, type }));
  }

  /** Opens an entity's card with no mention behind it (a look-up), pinned, at the top right, with focus. */
  showEntity(packId: string, entityId: string): boolean {
    const entity = this.packs.get(packId)?.entityById(entityId);
    if (!entity) return false;
    const { win } = this.o;
    this.intent.close();
    this.rememberFocus();
    this.target = { packId, entity, record: null };
    this.history = [];
    this.stayPut = true;
    this.anchorRect = new DOMRect(Math.max(8, win.innerWidth - CARD_LOOKUP_INSET_PX), 8, 0, 0);
    this.intent.pin(true);
    this.render({ focus: true });
    return true;
  }

  /** Scrolls a mention into view, marks it, and opens its card pinned (keyboard, popup, prev/next). */
  goTo(record: MentionRecord, { focus, moveCard = true }: { focus: boolean; moveCard?: boolean }): void {
    const { win } = this.o;
    const doc = win.document;
    const rect = liveRange(doc, record).getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > win.innerHeight) {
      win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    }
    this.stayPut = !moveCard;
    if (moveCard) {
      const range = liveRange(doc, record);
      this.anchorRect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    }
    if (focus) this.rememberFocus();
    this.intent.open(record);
    this.intent.pin(true);
    this.showFor(record, { focus });
  }

  /** Where focus goes back to when a card that took it closes: the page element that had it. */
  private rememberFocus(): void {
    const doc = this.o.win.document;
    if (!this.o.host.contains(doc.activeElement) && doc.activeElement !== doc.body) this.returnFocus = doc.activeElement;
  }

  private showFor(record: MentionRecord, { focus }: { focus: boolean }): void {
    if (!this.target || this.target.record !== record) this.history = [];
    this.target = targetOf(record);
    this.render({ focus });
  }

  render({ focus }: { focus: boolean }): void {
    if (this.intent.current === null && !this.intent.isPinned) {
      this.target = null;
      this.held = null;
      this.mutedNotice = null;
      this.status = '';
      this.history = [];
      this.o.painter.setActive(null);
      this.clearCard();
      return;
    }
    // The mention whose card is open stays marked on the page while it is (none for a related entity's card).
    this.o.painter.setActive(this.target?.record?.range ?? null);
    this.renderModel(focus, false);
  }

  private renderModel(focus: boolean, offPage: boolean): void {
    const target = this.target;
    if (!target) return;
    const loaded = this.packs.get(target.packId);
    if (!loaded) return;
    const { entity } = target;
    const details = this.details.get(target.packId, target.entity.id);
    this.publishedAt ??= pageDate(this.o.win.document);
    const model = entityCardModel({
      loaded,
      entity,
      details,
      record: target.record,
      records: this.o.store.mentionsOf(target.packId, target.entity.id),
      muted: new Set(this.o.settings().mutedEntities),
      asOf: asOfLabel(loaded.meta.corpusDate, this.publishedAt, new Date()),
      language: (this.language ??= { code: pageLanguage(this.o.win.document) }).code,
      state: { muted: this.mutedNotice === target, status: this.status, dark: cardIsDark(this.o.settings(), this.o.win.document), pinned: this.intent.isPinned, canGoBack: this.history.length > 0 },
    });
    const actions: CardActions = {
      onPin: () => this.togglePin(),
      onClose: () => this.close(),
      onBack: () => {
        const previous = this.history.pop();
        if (previous) {
          this.target = previous;
          this.render({ focus: false });
        }
      },
      onRelated: (id) => {
        const related = model.related.find((r) => r.id === id);
        if (!related || !this.target) return;
        this.history.push(this.target);
        this.target = { packId: target.packId, entity: related, record: null };
        this.intent.pin(true);
        this.render({ focus: false });
      },
      onStep: (delta) => this.step(delta),
      onMute: () => {
        // The mute rescans the page; the card stays, as a notice with Undo, until it is closed.
        this.mutedNotice = target;
        this.intent.pin(true);
        this.o.setMuted(entityKey(target.packId, target.entity.id), true);
        this.render({ focus: false });
        this.focusIn('button.undo');
      },
      onUndoMute: () => {
        this.mutedNotice = null;
        this.o.setMuted(entityKey(target.packId, target.entity.id), false);
        this.closeAll();
      },
      onManageMuted: () => this.o.openOptions('muted'),
      onCopy: () => this.copy(),
    };
    if (offPage) {
      this.o.renderCard(this.o.host.mount, { ...model, ...actions });
      return;
    }
    this.o.host.attach();
    this.o.renderCard(this.o.host.mount, { ...model, ...actions });
    const since = this.dwellEndedAt;
    if (since >= 0 && details.status === 'ready') this.dwellEndedAt = -1;
    void this.position().then(() => {
      // Measured to the next frame: what the reader waits for between the dwell and the full card.
      if (since >= 0 && details.status === 'ready') {
        this.o.win.requestAnimationFrame((frame) => {
          // Frames are counted from the first one after the dwell: 1 means the card was in that very frame.
          const first = this.firstFrameAfterDwell < 0 ? frame : this.firstFrameAfterDwell;
          const frames = 1 + Math.round((frame - first) / FRAME_MS);
          this.o.log(`card "${entity.name}" drawn with details in frame ${frames} after the dwell, ${(performance.now() - since).toFixed(1)} ms after it`);
        });
      }
    });
    if (focus) (this.o.host.mount.firstElementChild as HTMLElement | null)?.focus();
  }

  private focusIn(selector: string): void {
    this.o.host.mount.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Copies the entity's name, summary and first quote with its source; the card says whether it worked. */
  copy(): void {
    const target = this.target;
    const state = target && this.details.get(target.packId, target.entity.id);
    const scratch = this.o.host.mount.parentNode;
    if (!target || !scratch) return;
    if (state?.status !== 'ready') {
      this.showStatus(i18n.t('card.stillLoading'));
      return;
    }
    const { summary, news } = state.details;
    const text = cardCopyText(target.entity.name, summary, news.slice(0, 1).map((g) => ({ ...g, quotes: g.quotes.slice(0, 1) })));
    void copyToClipboard(text, this.o.win, scratch).then((ok) => {
      this.showStatus(ok ? i18n.t('card.copied') : i18n.t('card.copyRefused'));
    });
  }

  private showStatus(status: string): void {
    this.status = status;
    if (this.isOpen) this.render({ focus: false });
    this.o.win.clearTimeout(this.statusTimer);
    this.statusTimer = this.o.win.setTimeout(() => {
      this.status = '';
      if (this.isOpen) this.render({ focus: false });
    }, STATUS_MS);
  }

  private async position(): Promise<void> {
    const card = this.o.host.mount.firstElementChild as HTMLElement | null;
    if (card && this.anchorRect) await placeCard(card, this.anchorRect);
  }

  /** Keeps the card open (or lets it close again on leaving). */
  togglePin(): void {
    if (!this.isOpen) return;
    this.intent.pin(!this.intent.isPinned);
    this.render({ focus: false });
  }

  /** The entity's next (1) or previous (-1) mention on the page, wrapping round; focus stays where it is. */
  step(delta: 1 | -1): void {
    const target = this.target;
    if (!target) return;
    const list = this.o.store.mentionsOf(target.packId, target.entity.id);
    if (list.length === 0) return;
    const at = target.record ? list.indexOf(target.record) : -1;
    const next = list[(at + delta + list.length) % list.length] as MentionRecord;
    const history = this.history;
    this.goTo(next, { focus: false, moveCard: false });
    this.history = history;
    this.render({ focus: false });
  }

  /** The page scrolled: the card follows its mention while the mention is still in the page. */
  follow(): void {
    if (this.stayPut) return;
    const record = this.target?.record;
    if (record && record.nodes.every((n) => n.isConnected)) {
      this.anchorRect = liveRange(this.o.win.document, record).getClientRects()[0] ?? this.anchorRect;
      void this.position();
    }
  }

  /** Esc or the close button: a peek gives way to the pinned card under it, otherwise the card closes. */
  close(): void {
    this.intent.dismiss();
    if (this.isOpen) return;
    this.held = null;
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof this.o.win.HTMLElement && back.isConnected) back.focus();
  }

  /** A click on the page, outside the card: only an unpinned card closes. */
  clickOutside(): void {
    if (this.intent.isPinned) return;
    this.close();
  }

  /**
   * Closes the card and any pinned card under it (the page navigated, went into design mode, or rescanned).
   * A mute notice survives a rescan (`keepNotice`): the rescan is what the mute caused.
   */
  /** The app showed another page at a new URL: close everything, and read that page's date anew. */
  navigated(): void {
    this.publishedAt = undefined;
    this.closeAll();
  }

  closeAll({ keepNotice = false }: { keepNotice?: boolean } = {}): void {
    if (keepNotice && this.mutedNotice !== null && this.target === this.mutedNotice) {
      this.held = null;
      return;
    }
    this.intent.close();
    this.held = null;
  }

  /** Draws no card. A page that never showed one has no host to clear, and gets none. */
  private clearCard(): void {
    if (this.o.host.element) this.o.renderCard(this.o.host.mount, null);
  }

  dispose(): void {
    this.o.win.clearTimeout(this.statusTimer);
    if (this.warmTimer > 0) this.o.win.clearTimeout(this.warmTimer);
    this.intent.dispose();
    this.o.painter.setActive(null);
    this.clearCard();
    this.target = null;
  }
}
