/**
 * The only element Backstory adds to a page: a host with a closed shadow root for the card, so the page
 * can neither style nor read the card. It is a plain `div`: a page can define or upgrade any custom element
 * name (ours is in the public source), and a page-defined constructor that calls `attachInternals()` would
 * hold the closed root. No page code runs when a `div` is created. Inline `!important` rules keep page CSS
 * for `div` from moving, hiding or transforming it. Attached on first use, removed on cleanup.
 */
import { contains, rootNode } from '../dom/safe-dom';

const HOST_STYLE = [
  'all: initial', 'position: fixed', 'top: 0', 'left: 0', 'width: 0', 'height: 0', 'margin: 0', 'padding: 0',
  'border: 0', 'display: block', 'overflow: visible', 'z-index: 2147483647', 'transform: none', 'filter: none',
  'opacity: 1', 'visibility: visible', 'pointer-events: auto', 'contain: none',
].map((rule) => `${rule} !important`).join('; ');

export interface CardHost {
  /** The host once made (by the first card, or the highlights' fallback style), else null: most pages never need it. */
  readonly element: HTMLElement | null;
  /** Where the card is drawn (the host is made if need be); its style sheet is installed the first time. */
  readonly mount: HTMLElement;
  /** Makes the host if need be and puts it in the document. */
  attach(): HTMLElement;
  /** A listener on the host: added now, or when the host is made. */
  listen<K extends keyof HTMLElementEventMap>(type: K, listener: (e: HTMLElementEventMap[K]) => void, options: AddEventListenerOptions): void;
  contains(node: Node | null): boolean;
  /** The focused element inside the card (the page only ever sees the host). */
  activeElement(): Element | null;
  remove(): void;
}

interface Made {
  host: HTMLElement;
  shadow: ShadowRoot;
  mount: HTMLElement;
}

/**
 * The host is made on first use, not when the page starts: making it (two elements, the inline style's
 * parse, a shadow root) cost a page 0.6-0.8 ms of the content script's start in a Chromium trace, on pages
 * where most readers never open a card.
 */
export function createCardHost(doc: Document, css: string): CardHost {
  let made: Made | null = null;
  const listeners: Array<(host: HTMLElement) => void> = [];
  const make = (): Made => {
    if (made) return made;
    const host = doc.createElement('div');
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    const mount = doc.createElement('div');
    shadow.appendChild(mount);
    made = { host, shadow, mount };
    for (const add of listeners.splice(0)) add(host);
    return made;
  };
  const win = doc.defaultView;
  // The card's style sheet is parsed when a card is first drawn.
  let styled = false;
  const style = (shadow: ShadowRoot, mount: HTMLElement): void => {
    if (styled) return;
    styled = true;
    try {
      if (win) {
        const sheet = new win.CSSStyleSheet();
        sheet.replaceSync(css);
        shadow.adoptedStyleSheets = [sheet];
        return;
      }
    } catch {
      // A page that broke constructable sheets gets a <style> element instead.
    }
    const element = doc.createElement('style');
    element.textContent = css;
    shadow.insertBefore(element, mount);
  };
  return {
    get element() {
      return made?.host ?? null;
    },
    get mount() {
      const { shadow, mount } = make();
      style(shadow, mount);
      return mount;
    },
    attach() {
      const { host } = make();
      const root = doc.documentElement;
      if (root && !contains(root, host)) root.appendChild(host);
      return host;
    },
    listen(type, listener, options) {
      const add = (host: HTMLElement): void => host.addEventListener(type, listener, options);
      if (made) add(made.host);
      else listeners.push(add);
    },
    contains(node) {
      if (!node || !made) return false;
      if (node === made.host) return true;
      return rootNode(node) === made.shadow || contains(made.host, node);
    },
    activeElement() {
      return made?.shadow.activeElement ?? null;
    },
    remove() {
      made?.host.remove();
    },
  };
}
