/**
 * When the browser answers no message at all (seen in Chromium for a whole session in the extension's own
 * process), the extension's pages read the UI language's messages from the extension's own _locales before
 * they draw, along the chain the browser itself follows (fr_CA, fr, en), among the folders it ships.
 */
import { readFileSync } from 'node:fs';
import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureMessages, i18n } from '../../lib/i18n/t';
import { shippedLocaleFolders } from '../../lib/i18n/english-messages';

test('the list of shipped locale folders the pages read from is the one locales/ builds', () => {
  expect(JSON.parse(readFileSync('generated/ui-locales.json', 'utf8'))).toEqual(shippedLocaleFolders());
  expect(shippedLocaleFolders()).toEqual(expect.arrayContaining(['en', 'fr', 'es', 'de', 'ro']));
});

test('the French messages are read from the extension\'s files; a regional folder it does not ship is never asked for', async () => {
  const read = vi.fn((path: string) => {
    if (path === '/_locales/fr/messages.json') return Promise.resolve({ card_close: { message: 'Fermer' }, card_mentions: { message: '1 mention | $1 mentions' } });
    return Promise.reject(new Error(`no ${path}`));
  });
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-CA');
  await ensureMessages(read);
  // fr_CA is not shipped: asking for it would log a failed load in the page's console.
  expect(read.mock.calls.map(([path]) => path)).toEqual(['/_locales/fr/messages.json']);
  expect(i18n.t('card.close')).toBe('Fermer');
  expect(i18n.t('card.mentions', 3, ['3'])).toBe('3 mentions');
  // A message the file lacks: English.
  expect(i18n.t('card.copy')).toBe('Copy');
});

test('nothing is read when the browser answers', async () => {
  vi.restoreAllMocks();
  const read = vi.fn(() => Promise.resolve({}));
  await ensureMessages(read);
  expect(read).not.toHaveBeenCalled();
});
