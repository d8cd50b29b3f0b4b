import type { JSX } from 'preact';
import type { ShortcutInfo } from '../lib/extension/shortcut';

/** The keyboard command's real binding (read from the browser), or that none is set, and where to change it. */
export function ShortcutNote({ info, id }: { info: ShortcutInfo | null; id?: string }): JSX.Element | null {
  if (info === null) return null;
  return (
    <p class="note shortcut" id={id}>
      {info.key ? (
        <>Keyboard: <kbd>{info.key}</kbd> goes to the next highlighted mention and opens its card. </>
      ) : (
        <>Keyboard: no shortcut is set for "next mention" in this browser. </>
      )}
      {info.howToChange}
    </p>
  );
}
