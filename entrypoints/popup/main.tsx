import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import '../../components/ui.css';
import { activeTab, inUiLanguage, lookUpEntities, pageEntities, revealEntity, showEntity, whyNotHere, type ActiveTab } from '../../lib/popup/active-tab';
import type { Settings } from '../../lib/settings/schema';
import type { PageEntity } from '../../lib/messages';
import { readShortcut, type ShortcutInfo } from '../../lib/extension/shortcut';
import { extensionPageSettings } from '../../lib/settings/extension-page';
import { loadSettings } from '../../lib/settings/store';
import { uiLocale } from '../../lib/i18n/ui-locale';
import { ensureMessages } from '../../lib/i18n/t';

// The page speaks the browser's language (locales/); screen readers pronounce it as such.
document.documentElement.lang = uiLocale();

const root = document.getElementById('app') as HTMLElement;
const { writer, watch } = extensionPageSettings(window);

let settings: Settings;
let tab: ActiveTab | null = null;
let page: { host: string; entities: PageEntity[] } | null = null;
let notHere = '';
let shortcut: ShortcutInfo | null = null;

function draw(): void {
  render(
    <Popup
      settings={settings}
      page={page}
      notHere={notHere}
      onChange={(next) => {
        settings = next;
        writer.save(next);
        draw();
      }}
      onReveal={(entity) => {
        if (tab) void revealEntity(tab.id, entity).then(() => window.close());
      }}
      shortcut={shortcut}
      lookUp={(query) => (tab ? lookUpEntities(tab.id, query).then((found) => inUiLanguage(found, uiLocale())) : Promise.resolve([]))}
      onShow={(entity) => {
        if (tab) void showEntity(tab.id, entity).then(() => window.close());
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />,
    root,
  );
}

async function refresh(): Promise<void> {
  const reply = tab ? await pageEntities(tab.id) : null;
  page = reply ? { host: reply.host, entities: await inUiLanguage(reply.entities, uiLocale()) } : null;
  notHere = reply ? '' : whyNotHere(tab?.url ?? '');
  draw();
}

async function main(): Promise<void> {
  await ensureMessages();
  settings = await loadSettings();
  void readShortcut().then((info) => {
    shortcut = info;
    draw();
  });
  tab = await activeTab(location.search);
  watch((next) => {
    settings = next;
    // The page rescans after a settings change; ask again once it had a moment.
    setTimeout(() => void refresh(), 150);
    draw();
  });
  await refresh();
}

void main();
