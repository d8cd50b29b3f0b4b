/**
 * Paints mentions with the CSS Custom Highlight API: one Highlight per entity type, registered under the
 * extension's own names, with rules in a constructed stylesheet. The page's DOM is never touched, and a page
 * with no mention gets no highlight. The registry and `adoptedStyleSheets` belong to
 * the page too, so ordinary page code can drop ours; `restore()` puts them back.
 */
import type { PageWindow } from '../dom/page-window';
import { ENTITY_TYPES, type EntityType } from '../pack-format/types';
import type { Settings } from '../settings/schema';
import { LEARNED_PACK_ID } from '../reading/learned-keys';
import { PaintPacer } from './paint-pacer';

export const HIGHLIGHT_PREFIX = 'backstory-';
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}active`;

/** Names learned from reading have a style of their own: they come from the reader, not from a pack. */
export const LEARNED_KIND = 'learned';
export type HighlightKind = EntityType | typeof LEARNED_KIND;
/** A learned name's highlight: a dashed line in a colour no entity type uses by default. */
const LEARNED_COLOR = '#7c3aed';

export function highlightName(kind: HighlightKind): string {
  return `${HIGHLIGHT_PREFIX}${kind}`;
}

export function highlightKind(mention: { packId: string; entity: { type: EntityType } }): HighlightKind {
  return mention.packId === LEARNED_PACK_ID ? LEARNED_KIND : mention.entity.type;
}

type HighlightWindow = Window & { CSS?: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight; StaticRange?: unknown };

export function highlightSupported(win: PageWindow): boolean {
  const w = win as HighlightWindow;
  return typeof w.Highlight === 'function' && typeof w.StaticRange === 'function' && w.CSS?.highlights !== undefined;
}

export function highlightCss(settings: Settings): string {
  const rules: string[] = [];
  for (const type of ENTITY_TYPES) {
    const color = settings.colors[type];
    const name = highlightName(type);
    if (settings.highlightStyle === 'underline') {
      rules.push(`::highlight(${name}){text-decoration:underline 2px ${color};text-underline-offset:0.2em;text-decoration-skip-ink:none}`);
    } else if (settings.highlightStyle === 'background') {
      rules.push(`::highlight(${name}){background-color:${color}29}`);
    } else {
      rules.push(`::highlight(${name}){}`);
    }
  }
  const learned = highlightName(LEARNED_KIND);
  if (settings.highlightStyle === 'underline') rules.push(`::highlight(${learned}){text-decoration:underline 2px dashed ${LEARNED_COLOR};text-underline-offset:0.2em;text-decoration-skip-ink:none}`);
  else if (settings.highlightStyle === 'background') rules.push(`::highlight(${learned}){background-color:${LEARNED_COLOR}1f;text-decoration:underline 1px dashed ${LEARNED_COLOR}}`);
  else rules.push(`::highlight(${learned}){}`);
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}){background-color:#facc1580;color:inherit}`);
  return rules.join('\n');
}

export class Painter {
  private readonly registered = new Map<string, Highlight>();
  private readonly sheet: CSSStyleSheet | null;
  private readonly registry: HighlightRegistry;
  private readonly HighlightClass: typeof Highlight;
  private fallbackStyle: HTMLStyleElement | null = null;
  private css = '';
  private styled = false;
  /** Ranges to paint with the next batch. */
  private readonly pending = new Map<StaticRange, HighlightKind>();
  private readonly pacer: PaintPacer;

  constructor(
    private readonly win: PageWindow,
    /** Where a fallback `<style>` goes when the engine refuses constructed sheets (the card's host). */
    private readonly styleParent: () => Node,
  ) {
    const w = win as HighlightWindow;
    this.registry = (w.CSS as { highlights: HighlightRegistry }).highlights;
    this.HighlightClass = w.Highlight as typeof Highlight;
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new win.CSSStyleSheet();
    } catch {
      sheet = null;
    }
    this.sheet = sheet;
    this.pacer = new PaintPacer({
      flush: () => this.flush(),
      now: () => win.performance.now(),
      setTimer: (fn, ms) => win.setTimeout(fn, ms),
      clearTimer: (id) => win.clearTimeout(id),
      onFrame: (fn) => void win.requestAnimationFrame(fn),
      soon: (fn) => queueMicrotask(fn),
    });
  }

  private highlight(name: string): Highlight {
    let h = this.registered.get(name);
    if (!h) {
      h = new this.HighlightClass();
      // Mentions paint under page selections and other highlights.
      h.priority = name === ACTIVE_HIGHLIGHT ? 1 : 0;
      this.registered.set(name, h);
      this.registry.set(name, h);
    }
    return h;
  }

  /** Paints a range with the next batch (see paint-pacer.ts). */
  add(kind: HighlightKind, range: StaticRange): void {
    this.pending.set(range, kind);
    this.pacer.request();
  }

  /**
   * Stops painting a range at once: a range whose text changed would otherwise paint the wrong words until
   * the next batch. Removals are rare (a change, a mute, a block scrolled far away).
   */
  remove(kind: HighlightKind, range: StaticRange): void {
    this.pending.delete(range);
    this.registered.get(highlightName(kind))?.delete(range);
  }

  /** Paints every pending range (when the pacer says a batch may go). */
  private flush(): void {
    for (const [range, kind] of this.pending) this.highlight(highlightName(kind)).add(range);
    this.pending.clear();
  }

  /** Marks one range as the active mention (flashed when navigating), or none. */
  setActive(range: AbstractRange | null): void {
    const h = this.highlight(ACTIVE_HIGHLIGHT);
    h.clear();
    if (range) h.add(range);
  }


  /**
   * New rules, installed at once. Adopting the sheet before anything is painted costs the page next to
   * nothing; adopting it once highlights exist made Chromium recompute style for the whole document (91 ms
   * on a 5 MB page), so it is not deferred to the first mention.
   */
  /** Whether the highlight stylesheet is in (applyStyle was called and the painter not disposed since). */
  get isStyled(): boolean {
    return this.styled;
  }

  applyStyle(settings: Settings): void {
    this.css = highlightCss(settings);
    this.styled = true;
    this.writeStyle();
  }


  private writeStyle(): void {
    const doc = this.win.document;
    if (this.sheet) {
      try {
        this.sheet.replaceSync(this.css);
        if (!doc.adoptedStyleSheets.includes(this.sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.sheet];
        return;
      } catch {
        // Some engines refuse constructed sheets from an extension world; use a style element in our host.
      }
    }
    if (!this.fallbackStyle) {
      this.fallbackStyle = doc.createElement('style');
      this.styleParent().appendChild(this.fallbackStyle);
    }
    this.fallbackStyle.textContent = this.css;
  }

  /**
   * Puts back what page code took away: `CSS.highlights.clear()` or `delete`, a reassigned
   * `adoptedStyleSheets`. Cheap (a few reads), so it can run on a timer and after every change.
   */
  restore(): boolean {
    let restored = false;
    for (const [name, h] of this.registered) {
      if (this.registry.get(name) !== h) {
        this.registry.set(name, h);
        restored = true;
      }
    }
    if (this.styled && this.sheet && !this.win.document.adoptedStyleSheets.includes(this.sheet)) {
      this.writeStyle();
      restored = true;
    }
    return restored;
  }

  /** Drops every range but keeps the registration. */
  clearRanges(): void {
    this.pending.clear();
    for (const h of this.registered.values()) h.clear();
  }

  dispose(): void {
    this.pacer.dispose();
    this.pending.clear();
    for (const [name, h] of this.registered) {
      // Only our own names: the registry is shared with the page and other extensions.
      if (this.registry.get(name) === h) this.registry.delete(name);
    }
    this.registered.clear();
    const doc = this.win.document;
    if (this.sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.fallbackStyle?.remove();
    this.fallbackStyle = null;
    this.styled = false;
  }
}
