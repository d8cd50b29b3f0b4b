import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from '../../components/Welcome';
import '../../components/ui.css';
import '../../components/welcome.css';
import { readShortcut, type ShortcutInfo } from '../../lib/extension/shortcut';
import { BUNDLED_PACK } from '../../lib/pack-store/bundled';

const root = document.getElementById('app') as HTMLElement;
let shortcut: ShortcutInfo | null = null;

function draw(): void {
  render(
    <Welcome
      shortcut={shortcut}
      bundled={{ name: BUNDLED_PACK.name, entities: BUNDLED_PACK.entities.length }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />,
    root,
  );
}

draw();
void readShortcut().then((info) => {
  shortcut = info;
  draw();
});
