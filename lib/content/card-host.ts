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
  host: HTMLElement;
  /** Where the card is drawn; the card's style sheet is installed the first time it is asked for. */
  readonly mount: HTMLElement;
  attach(): void;
  contains(node: Node | null): boolean;
  /** The focused element inside the card (the page only ever sees the host). */
  activeElement(): Element | null;
  remove(): void;
}

export function createCardHost(doc: Document, css: string): CardHost {
  const host = doc.createElement('div');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const win = doc.defaultView;
  const mount = doc.createElement('div');
  shadow.appendChild(mount);
  // The card's style sheet is parsed when a card is first drawn: most pages never show one.
  let styled = false;
  const style = (): void => {
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
    host,
    get mount() {
      style();
      return mount;
    },
    attach() {
      const root = doc.documentElement;
      if (root && !contains(root, host)) root.appendChild(host);
    },
    contains(node) {
      if (!node) return false;
      if (node === host) return true;
      return rootNode(node) === shadow || contains(host, node);
    },
    activeElement() {
      return shadow.activeElement;
    },
    remove() {
      host.remove();
    },
  };
}
