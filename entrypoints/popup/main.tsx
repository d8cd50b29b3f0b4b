import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import '../../components/ui.css';
import type { PageEntity } from '../../lib/messages';
import { activeTab, pageEntities, revealEntity, type ActiveTab } from '../../lib/popup/active-tab';
import type { Settings } from '../../lib/settings/schema';
import { createSettingsWriter, loadSettings, watchSettings } from '../../lib/settings/store';

const root = document.getElementById('app') as HTMLElement;
const writer = createSettingsWriter(0);
const lifetime = new AbortController();
addEventListener('pagehide', () => {
  void writer.flush();
  lifetime.abort();
});

let settings: Settings;
let tab: ActiveTab | null = null;
let entities: PageEntity[] | null = null;

function draw(): void {
  render(
    <Popup
      settings={settings}
      tab={tab}
      entities={entities}
      onChange={(next) => {
        settings = next;
        writer.save(next);
        draw();
      }}
      onReveal={(entity) => {
        if (tab) void revealEntity(tab.id, entity).then(() => window.close());
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />,
    root,
  );
}

async function refresh(): Promise<void> {
  if (tab && tab.blockedReason === '') entities = (await pageEntities(tab.id))?.entities ?? null;
  draw();
}

async function main(): Promise<void> {
  settings = await loadSettings();
  tab = await activeTab();
  watchSettings((next) => {
  settings = next;
  // The page rescans after a settings change; ask again once it had a moment.
  setTimeout(() => void refresh(), 150);
  draw();
  }, lifetime.signal);
  await refresh();
}

void main();
