/** What the popup needs to know about the current tab, and the questions it asks the page. */
import { browser } from 'wxt/browser';
import { i18n } from '../i18n/t';
import { sendToBackground, sendToTab, type PageEntity, type Response } from '../messages';
import { titleIn } from '../i18n/ui-locale';

export interface ActiveTab {
  id: number;
  /** Empty when the browser does not tell (no host access to the tab). */
  url: string;
}

const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/** Why Backstory cannot run on a page that did not answer, as far as its URL tells. */
export function whyNotHere(url: string): string {
  if (!url) return i18n.t('popup.cannotRun');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return i18n.t('popup.cannotRead');
  }
  if (parsed.protocol === 'file:') return i18n.t('popup.fileUrls');
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return i18n.t('popup.browserPage');
  if (STORE_HOSTS.some((h) => parsed.host === h) && (parsed.host !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'))) {
    return i18n.t('popup.store');
  }
  return i18n.t('popup.notYet');
}

/** The current tab, or the one named by `?tab=<id>` (how the popup is opened as a tab for a given page). */
export async function activeTab(search = ''): Promise<ActiveTab | null> {
  const named = Number(new URLSearchParams(search).get('tab'));
  const tab = Number.isInteger(named) && named > 0
    ? await browser.tabs.get(named).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return null;
  const url = tab.url ?? '';
  return { id: tab.id, url };
}

export async function pageEntities(tabId: number): Promise<Response<'get-page-entities'> | null> {
  try {
    return await sendToTab(tabId, { type: 'get-page-entities' });
  } catch {
    // No content script in the tab: opened before the extension was installed, or a page it cannot run on.
    return null;
  }
}

/**
 * The page's entities named in the UI's language where their packs name them in it (the background holds
 * the names; the page holds only the names it matched by). The page's own names when it cannot answer.
 */
export async function inUiLanguage<T extends Omit<PageEntity, 'count'>>(entities: T[], locale: string): Promise<T[]> {
  if (entities.length === 0) return entities;
  const reply = await sendToBackground({ type: 'entity-names', entities: entities.map(({ packId, id }) => ({ packId, id })) }).catch(() => null);
  return entities.map((e, i) => ({ ...e, name: titleIn(locale, e.name, reply?.names[i]) }));
}

export async function revealEntity(tabId: number, entity: PageEntity): Promise<void> {
  await sendToTab(tabId, { type: 'reveal-entity', packId: entity.packId, id: entity.id }).catch(() => undefined);
}

export async function lookUpEntities(tabId: number, query: string): Promise<Array<Omit<PageEntity, 'count'>>> {
  const reply = await sendToTab(tabId, { type: 'look-up', query }).catch(() => null);
  return reply?.entities ?? [];
}

export async function showEntity(tabId: number, entity: Omit<PageEntity, 'count'>): Promise<void> {
  await sendToTab(tabId, { type: 'show-entity', packId: entity.packId, id: entity.id }).catch(() => undefined);
}
