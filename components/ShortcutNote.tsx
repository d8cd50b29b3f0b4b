import type { JSX } from 'preact';
import type { ShortcutInfo } from '../lib/extension/shortcut';
import { i18n } from '../lib/i18n/t';
import { Rich, slots } from './Rich';

/** The keyboard command's real binding (read from the browser), or that none is set, and where to change it. */
export function ShortcutNote({ info, id }: { info: ShortcutInfo | null; id?: string }): JSX.Element | null {
  if (info === null) return null;
  return (
    <p class="note shortcut" id={id}>
      {info.key ? (
        <Rich text={i18n.t('shortcut.key', slots('key'))} parts={{ key: <kbd>{info.key}</kbd> }} />
      ) : (
        i18n.t('shortcut.none')
      )}
      {info.howToChange}
    </p>
  );
}
