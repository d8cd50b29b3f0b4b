/**
 * The keyboard command's real binding, as the browser reports it: a suggested key can be refused (Chromium
 * keeps its own Alt+Shift+B) or changed by the reader, so the manifest is not the truth, `commands.getAll()` is.
 */
import { browser } from 'wxt/browser';
import { i18n } from '../i18n/t';

export const NEXT_MENTION_COMMAND = 'next-mention';

export interface ShortcutInfo {
  /** The key as the browser shows it ("Alt+Shift+K"), or '' when none is set. */
  key: string;
  /** Where the reader changes it, in this browser. */
  howToChange: string;
}

export function howToChangeShortcut(extensionUrl: string): string {
  return extensionUrl.startsWith('moz-extension:')
    ? i18n.t('shortcut.changeFirefox')
    : i18n.t('shortcut.changeChrome');
}

export async function readShortcut(): Promise<ShortcutInfo> {
  const commands = await browser.commands.getAll();
  const key = commands.find((c) => c.name === NEXT_MENTION_COMMAND)?.shortcut ?? '';
  return { key, howToChange: howToChangeShortcut(browser.runtime.getURL('/')) };
}
