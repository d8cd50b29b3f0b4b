/**
 * Unit tests run outside a browser: the fake browser answers i18n from locales/en.yml, parsed by the same
 * package that writes the extension's _locales, so components and lib/ show their real English text.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishMessages } from '../../lib/i18n/english-messages';
import { substitute } from '../../lib/i18n/t';
import type * as UiLocale from '../../lib/i18n/ui-locale';

const messages = await englishMessages();

// The tests' browser speaks British English: dates read "15 Dec 2025" whatever the machine's own locale.
fakeBrowser.i18n.getUILanguage = () => 'en-GB';
vi.mock('../../lib/i18n/ui-locale', async (importOriginal) => ({
  ...(await importOriginal<typeof UiLocale>()),
  uiLocale: () => 'en-GB',
  formatCount: (n: number) => n.toLocaleString('en-GB'),
}));
fakeBrowser.i18n.getMessage = (name: string, substitutions?: string | string[]) => {
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return substitute(messages[name] ?? '', subs);
};
