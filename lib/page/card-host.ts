/**
 * The only element Backstory adds to a page: a host with a closed shadow root for the card, so the page
 * can neither style nor read the card. Attached on first use, removed on cleanup.
 */
export const HOST_TAG = 'backstory-card-host';

export interface CardHost {
  host: HTMLElement;
  mount: HTMLElement;
  attach(): void;
  contains(node: Node | null): boolean;
  /** The focused element inside the card (the page only ever sees the host). */
  activeElement(): Element | null;
  remove(): void;
}

export function createCardHost(doc: Document, css: string): CardHost {
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const win = doc.defaultView;
  let adopted = false;
  try {
    if (win) {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      adopted = true;
    }
  } catch {
    adopted = false;
  }
  if (!adopted) {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  const mount = doc.createElement('div');
  shadow.append(mount);
  return {
    host,
    mount,
    attach() {
      if (!host.isConnected) doc.documentElement.append(host);
    },
    contains(node) {
      if (!node) return false;
      if (node === host) return true;
      const root = node.getRootNode();
      return root === shadow || host.contains(node);
    },
    activeElement() {
      return shadow.activeElement;
    },
    remove() {
      host.remove();
    },
  };
}
