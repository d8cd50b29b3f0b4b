import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from '../../components/Welcome';
import '../../components/ui.css';
import '../../components/welcome.css';
import { readShortcut, type ShortcutInfo } from '../../lib/extension/shortcut';
import { BUNDLED_PACK } from '../../lib/pack-store/bundled';
import { WORLD_SUMMARY } from '../../lib/pack-store/bundled-world';
import { uiLocale } from '../../lib/i18n/ui-locale';
import { ensureMessages } from '../../lib/i18n/t';

// The page speaks the browser's language (locales/); screen readers pronounce it as such.
document.documentElement.lang = uiLocale();

const root = document.getElementById('app') as HTMLElement;
let shortcut: ShortcutInfo | null = null;

function draw(): void {
  render(
    <Welcome
      shortcut={shortcut}
      bundled={[{ name: BUNDLED_PACK.name, entities: BUNDLED_PACK.entities.length }, { name: WORLD_SUMMARY.name, entities: WORLD_SUMMARY.entities }]}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />,
    root,
  );
}

await ensureMessages();
draw();
void readShortcut().then((info) => {
  shortcut = info;
  draw();
});
