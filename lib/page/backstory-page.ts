/**
 * Backstory on one page: highlights (through PageScanner), hover and keyboard access to cards, and the
 * answers the popup asks for. Rendering is injected (`renderCard`), so this file knows nothing of Preact.
 */
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { PageEntity } from '../messages';
import type { Settings } from '../settings/schema';
import type { LoadedPack } from '../spot/scan';
import { createCardHost, HOST_TAG, type CardHost } from './card-host';
import { PackLookup, type CardActions, type CardModel } from './card-model';
import { hitTest, liveRange } from './hit-test';
import { HoverIntent } from './hover-intent';
import { listenForInput } from './page-input';
import { entityKey, MentionStore, type MentionRecord } from './mention-store';
import { PageScanner, type ScanTimings } from './page-scanner';
import { Painter } from './painter';
import { cardIsDark } from './theme';

export type RenderCard = (mount: HTMLElement, props: (CardModel & CardActions) | null) => void;

export interface BackstoryPageOptions {
  doc: Document;
  packs: readonly LoadedPack[];
  settings: Settings;
  cardCss: string;
  renderCard: RenderCard;
  signal: AbortSignal;
  onEntityCount: (count: number) => void;
  openOptions: (hash: string) => void;
  log: (message: string, level?: 'info' | 'debug') => void;
}

interface CardTarget {
  packId: string;
  entityId: string;
  record: MentionRecord | null;
}

const FLASH_MS = 1_200;

export class BackstoryPage {
  private readonly store = new MentionStore();
  private readonly painter: Painter;
  private readonly scanner: PageScanner;
  private readonly host: CardHost;
  private readonly intent: HoverIntent<MentionRecord>;
  private lookups = new Map<string, PackLookup>();
  private target: CardTarget | null = null;
  private history: CardTarget[] = [];
  private anchorRect: DOMRect | null = null;
  private returnFocus: Element | null = null;
  private flashTimer = 0;
  private countTimer = 0;
  private cursor = -1;

  constructor(private readonly o: BackstoryPageOptions) {
    const { doc } = o;
    this.host = createCardHost(doc, o.cardCss);
    this.painter = new Painter(doc, () => {
      this.host.attach();
      return this.host.host;
    });
    this.setPacks(o.packs);
    this.scanner = new PageScanner({
      doc,
      packs: o.packs,
      settings: o.settings,
      painter: this.painter,
      store: this.store,
      collect: { ownHostName: HOST_TAG, isHidden: browserIsHidden },
      isOwnNode: (node) => this.host.contains(node),
      signal: o.signal,
      onChange: () => this.scheduleCount(),
      log: o.log,
    });
    this.intent = new HoverIntent<MentionRecord>({
      dwellMs: () => this.o.settings.hoverDelayMs,
      same: (a, b) => a.mention.entity === b.mention.entity && a.key === b.key,
      show: (record) => this.showFor(record, false),
      hide: () => this.render(),
    });
  }

  private setPacks(packs: readonly LoadedPack[]): void {
    this.lookups = new Map(packs.map((p) => [p.pack.id, new PackLookup(p)]));
  }

  async start(): Promise<ScanTimings> {
    this.painter.applyStyle(this.o.settings);
    this.listen();
    const timings = await this.scanner.start();
    this.warmUp();
    return timings;
  }

  /**
   * Renders one card off-page while the browser is idle, so that the first real hover does not pay for
   * compiling the card's code and the card is drawn in the frame after the dwell.
   */
  private warmUp(): void {
    const win = this.o.doc.defaultView as (Window & { requestIdleCallback?: (cb: () => void, o?: object) => number }) | null;
    const first = this.store.records().next();
    if (!win || first.done === true) return;
    const run = (): void => {
      if (this.o.signal.aborted || this.target !== null) return;
      const record = first.value;
      this.target = { packId: record.mention.packId, entityId: record.mention.entity.id, record };
      this.renderModel(false, true);
      this.target = null;
      this.o.renderCard(this.host.mount, null);
    };
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(run, { timeout: 2000 });
    else win.setTimeout(run, 200);
  }

  /** Applies new settings; only changes to what is matched rescan the page, the rest is restyling. */
  async update(settings: Settings, packs?: readonly LoadedPack[]): Promise<ScanTimings> {
    const rescan = packs !== undefined || matchingChanged(this.o.settings, settings);
    this.o.settings = settings;
    this.painter.applyStyle(settings);
    if (!rescan) return this.scanner.lastTimings;
    if (packs) this.setPacks(packs);
    this.intent.close();
    return this.scanner.restart(settings, packs);
  }

  get timings(): ScanTimings {
    return this.scanner.lastTimings;
  }

  dispose(): void {
    this.intent.dispose();
    this.scanner.dispose();
    this.painter.dispose();
    this.o.renderCard(this.host.mount, null);
    this.host.remove();
    this.store.clear();
    clearTimeout(this.flashTimer);
    clearTimeout(this.countTimer);
  }

  entities(): PageEntity[] {
    return this.scanner.entities().map(({ packId, entity, count }) => ({ packId, id: entity.id, name: entity.name, type: entity.type, count }));
  }

  /** Scrolls to an entity's first mention and opens its card (from the popup). */
  reveal(packId: string, entityId: string): boolean {
    const first = this.store.ordered().find((r) => r.mention.packId === packId && r.mention.entity.id === entityId);
    if (!first) return false;
    this.goTo(first, true);
    return true;
  }

  /** The keyboard command: the next mention after the current one (or after the top of the viewport). */
  nextMention(): boolean {
    const ordered = this.store.ordered();
    if (ordered.length === 0) return false;
    let index = this.cursor + 1;
    if (this.cursor < 0 || this.cursor >= ordered.length) {
      index = ordered.findIndex((r) => liveRange(this.o.doc, r).getBoundingClientRect().bottom > 0);
      if (index < 0) index = 0;
    }
    if (index >= ordered.length) index = 0;
    const record = ordered[index] as MentionRecord;
    this.goTo(record, true);
    this.cursor = index;
    return true;
  }

  private goTo(record: MentionRecord, focusCard: boolean): void {
    const { doc } = this.o;
    const win = doc.defaultView;
    const range = liveRange(doc, record);
    const rect = range.getBoundingClientRect();
    if (win && (rect.top < 0 || rect.bottom > win.innerHeight)) {
      win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    }
    this.painter.setActive(record.range);
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => this.painter.setActive(null), FLASH_MS);
    this.cursor = this.store.ordered().indexOf(record);
    this.anchorRect = liveRange(doc, record).getClientRects()[0] ?? liveRange(doc, record).getBoundingClientRect();
    if (focusCard && !this.host.contains(doc.activeElement) && doc.activeElement !== doc.body) this.returnFocus = doc.activeElement;
    this.intent.open(record);
    this.intent.pin(true);
    this.showFor(record, focusCard);
  }

  private showFor(record: MentionRecord, focus: boolean): void {
    if (!this.target || this.target.record !== record) this.history = [];
    this.target = { packId: record.mention.packId, entityId: record.mention.entity.id, record };
    this.render(focus);
  }

  private entityRecords(packId: string, entityId: string): MentionRecord[] {
    return this.store.ordered().filter((r) => r.mention.packId === packId && r.mention.entity.id === entityId);
  }

  private render(focus = false): void {
    if (this.intent.current === null && !this.intent.isPinned) {
      this.target = null;
      this.history = [];
      this.o.renderCard(this.host.mount, null);
      return;
    }
    this.renderModel(focus, false);
  }

  private renderModel(focus: boolean, offPage: boolean): void {
    const target = this.target;
    if (!target) return;
    const lookup = this.lookups.get(target.packId);
    const entity = lookup?.entities.get(target.entityId);
    if (!lookup || !entity) return;
    const records = this.entityRecords(target.packId, target.entityId);
    const model: CardModel = {
      name: entity.name,
      type: entity.type,
      summary: entity.summary,
      url: /^https?:\/\//i.test(entity.url) ? entity.url : '',
      facts: entity.facts,
      sentences: entity.sentences,
      documents: lookup.documents,
      related: lookup.related(entity),
      onPage: { count: records.length, index: target.record ? records.indexOf(target.record) : -1 },
      provenance: lookup.provenance(),
      dark: cardIsDark(this.o.settings, this.o.doc),
      pinned: this.intent.isPinned,
      canGoBack: this.history.length > 0,
    };
    const actions: CardActions = {
      onPin: () => {
        this.intent.pin(!this.intent.isPinned);
        this.render();
      },
      onClose: () => this.close(),
      onBack: () => {
        const previous = this.history.pop();
        if (previous) {
          this.target = previous;
          this.render();
        }
      },
      onRelated: (id) => {
        if (!lookup.entities.has(id) || !this.target) return;
        this.history.push(this.target);
        this.target = { packId: target.packId, entityId: id, record: null };
        this.intent.pin(true);
        this.render();
      },
      onStep: (delta) => {
        const list = this.entityRecords(target.packId, target.entityId);
        if (list.length === 0) return;
        const at = target.record ? list.indexOf(target.record) : -1;
        const next = list[(at + delta + list.length) % list.length] as MentionRecord;
        const history = this.history;
        this.goTo(next, false);
        this.history = history;
        this.render();
      },
      onMute: () => this.o.openOptions(`mute=${encodeURIComponent(entityKey(target.packId, target.entityId))}`),
    };
    if (offPage) {
      this.o.renderCard(this.host.mount, { ...model, ...actions });
      return;
    }
    const drawStart = performance.now();
    this.host.attach();
    this.o.renderCard(this.host.mount, { ...model, ...actions });
    void this.position().then(() => {
      requestAnimationFrame(() => this.o.log(`card "${entity.name}" drawn ${(performance.now() - drawStart).toFixed(1)} ms after it was asked for`, 'debug'));
    });
    if (focus) (this.host.mount.firstElementChild as HTMLElement | null)?.focus();
  }

  private async position(): Promise<void> {
    const card = this.host.mount.firstElementChild as HTMLElement | null;
    const rect = this.anchorRect;
    if (!card || !rect) return;
    const reference = { getBoundingClientRect: () => rect };
    const { x, y } = await computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            card.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
          },
        }),
      ],
    });
    card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  private close(): void {
    this.intent.close();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }

  private scheduleCount(): void {
    clearTimeout(this.countTimer);
    this.countTimer = window.setTimeout(() => this.o.onEntityCount(this.store.entityCount()), 100);
  }

  private listen(): void {
    listenForInput({
      doc: this.o.doc,
      host: this.host,
      signal: this.o.signal,
      trigger: () => this.o.settings.trigger,
      cardOpen: () => this.target !== null,
      hitTest: (x, y) => hitTest(this.o.doc, this.store, x, y),
      point: (hit) => {
        if (hit) this.anchorRect = hit.rect;
        this.intent.point(hit?.record ?? null);
      },
      open: (hit) => {
        this.anchorRect = hit.rect;
        this.intent.open(hit.record);
      },
      enterCard: () => this.intent.enterCard(),
      leaveCard: () => this.intent.leaveCard(),
      close: () => this.close(),
      onScroll: () => this.onScroll(),
    });
  }

  private onScroll(): void {
    if (this.target?.record && this.target.record.nodes.every((n) => n.isConnected)) {
      const rects = liveRange(this.o.doc, this.target.record).getClientRects();
      this.anchorRect = rects[0] ?? this.anchorRect;
      void this.position();
    }
  }
}

const MATCHING_FIELDS = ['enabledTypes', 'firstMentionOnly', 'demonyms', 'mutedEntities'] as const;

function matchingChanged(a: Settings, b: Settings): boolean {
  return MATCHING_FIELDS.some((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

/** Computed-style visibility, where the browser can tell; display:contents elements have no box but show. */
function browserIsHidden(element: Element): boolean {
  const el = element as Element & { checkVisibility?: (o: object) => boolean };
  if (typeof el.checkVisibility !== 'function') return false;
  if (el.checkVisibility({ visibilityProperty: true })) return false;
  const win = element.ownerDocument.defaultView;
  return !win || win.getComputedStyle(element).display !== 'contents';
}
