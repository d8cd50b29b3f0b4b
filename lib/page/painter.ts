/**
 * Paints mentions with the CSS Custom Highlight API: one Highlight per entity type, registered under the
 * extension's own names, with rules in a constructed stylesheet. The page's DOM is never touched.
 */
import { ENTITY_TYPES, type EntityType } from '../pack/types';
import type { Settings } from '../settings/schema';

export const HIGHLIGHT_PREFIX = 'backstory-';
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}active`;

export function highlightName(type: EntityType): string {
  return `${HIGHLIGHT_PREFIX}${type}`;
}

export function highlightSupported(win: Window): boolean {
  const w = win as Window & { CSS?: { highlights?: unknown }; Highlight?: unknown; StaticRange?: unknown };
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
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}){background-color:#facc1580;color:inherit}`);
  return rules.join('\n');
}

export class Painter {
  private readonly registered = new Map<string, Highlight>();
  private readonly sheet: CSSStyleSheet | null;
  private fallbackStyle: HTMLStyleElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly styleParent: () => Element,
  ) {
    const win = doc.defaultView;
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = win ? new win.CSSStyleSheet() : null;
    } catch {
      sheet = null;
    }
    this.sheet = sheet;
  }

  private highlight(name: string): Highlight {
    let h = this.registered.get(name);
    if (!h) {
      h = new Highlight();
      // Mentions paint under page selections and other highlights.
      h.priority = name === ACTIVE_HIGHLIGHT ? 1 : 0;
      this.registered.set(name, h);
      CSS.highlights.set(name, h);
    }
    return h;
  }

  add(type: EntityType, range: StaticRange): void {
    this.highlight(highlightName(type)).add(range);
  }

  remove(type: EntityType, range: StaticRange): void {
    this.registered.get(highlightName(type))?.delete(range);
  }

  /** Marks one range as the active mention (flashed when navigating), or none. */
  setActive(range: AbstractRange | null): void {
    const h = this.highlight(ACTIVE_HIGHLIGHT);
    h.clear();
    if (range) h.add(range);
  }

  count(): number {
    let n = 0;
    for (const [name, h] of this.registered) if (name !== ACTIVE_HIGHLIGHT) n += h.size;
    return n;
  }

  applyStyle(settings: Settings): void {
    const css = highlightCss(settings);
    if (this.sheet) {
      try {
        this.sheet.replaceSync(css);
        if (!this.doc.adoptedStyleSheets.includes(this.sheet)) {
          this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
        }
        return;
      } catch {
        // Some engines refuse constructed sheets from an extension world; use a style element in our host.
      }
    }
    if (!this.fallbackStyle) {
      this.fallbackStyle = this.doc.createElement('style');
      this.styleParent().append(this.fallbackStyle);
    }
    this.fallbackStyle.textContent = css;
  }

  /** Drops every range but keeps the registration. */
  clearRanges(): void {
    for (const h of this.registered.values()) h.clear();
  }

  dispose(): void {
    for (const name of this.registered.keys()) {
      // Only our own names: the registry is shared with the page and other extensions.
      if (CSS.highlights.get(name) === this.registered.get(name)) CSS.highlights.delete(name);
    }
    this.registered.clear();
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.fallbackStyle?.remove();
    this.fallbackStyle = null;
  }
}
