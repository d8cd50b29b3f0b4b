/** What the popup needs to know about the current tab, and the questions it asks the page. */
import { browser } from 'wxt/browser';
import type { PageEntity, Response } from '../messages';

export interface ActiveTab {
  id: number;
  url: string;
  host: string;
  /** Why Backstory cannot run here, or '' when it can. */
  blockedReason: string;
}

const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

export function whyNotHere(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Backstory cannot read this page.';
  }
  if (parsed.protocol === 'file:') return 'Backstory does not read local files.';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'Browser pages cannot be read by extensions, so Backstory is not available here.';
  if (STORE_HOSTS.some((h) => parsed.host === h) && (parsed.host !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'))) {
    return 'The browser does not let extensions run on its extension store.';
  }
  return '';
}

export async function activeTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const url = tab.url ?? '';
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    host = '';
  }
  return { id: tab.id, url, host, blockedReason: url ? whyNotHere(url) : 'Backstory cannot read this page.' };
}

export async function pageEntities(tabId: number): Promise<Response<'get-page-entities'> | null> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, { type: 'get-page-entities' });
    return reply as Response<'get-page-entities'>;
  } catch {
    // No content script in the tab: opened before the extension was installed, or a page it cannot run on.
    return null;
  }
}

export async function revealEntity(tabId: number, entity: PageEntity): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'reveal-entity', packId: entity.packId, id: entity.id }).catch(() => undefined);
}
