/**
 * The UI's messages in every language: the same keys as English, the same slots ({name}, $1) in each, plural
 * forms where English has them, and nothing left empty. A translation that drops a slot would show a raw
 * "{count}" or lose a link's name, so it fails here rather than in front of a reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishMessages } from '../../lib/i18n/english-messages';
import { i18n } from '../../lib/i18n/t';
import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';

const LANGUAGES = ['en', 'fr', 'es', 'de', 'ro'];

async function messages(lang: string): Promise<Map<string, ParsedMessage>> {
  const parsed = await parseMessagesFile(`locales/${lang}.yml`);
  return new Map(parsed.map((m) => [m.key.join('.'), m]));
}

function texts(m: ParsedMessage): string[] {
  if (m.type === 'plural') return Object.values(m.plurals);
  return [m.message];
}

const slotsOf = (text: string): string[] => [...new Set(text.match(/\{\w+\}|\$[1-9]/g) ?? [])].sort();

describe('UI messages', () => {
  test('the five UI languages are there, and no other', () => {
    expect(readdirSync('locales').map((f) => f.replace(/\.yml$/, '')).sort()).toEqual([...LANGUAGES].sort());
  });

  test.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English key, with its slots and plural forms, and nothing empty', async (lang) => {
    const en = await messages('en');
    const other = await messages(lang);
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, source] of en) {
      const translated = other.get(key) as ParsedMessage;
      expect(translated.type, key).toBe(source.type);
      for (const text of texts(translated)) expect(text.trim(), key).not.toBe('');
      // Plural forms may say the count differently ("1 mention" / "Mențiuni: 1"), but each keeps the named slots.
      const union = (m: ParsedMessage): string[] => [...new Set(texts(m).flatMap(slotsOf))].sort();
      expect(union(translated).filter((s) => s.startsWith('{')), key).toEqual(union(source).filter((s) => s.startsWith('{')));
      if (source.type === 'plural') expect(texts(translated).at(-1), key).toContain('$1');
    }
  });
});

describe('when the browser answers no message', () => {
  test('the English table the UI falls back to is the one locales/en.yml writes (npm run build keeps it so)', async () => {
    expect(JSON.parse(readFileSync('generated/ui-messages.en.json', 'utf8'))).toEqual(await englishMessages());
  });

  test('the UI shows English, with its counts, plural forms and names filled in, and warns nobody', () => {
    const warn = vi.spyOn(console, 'warn');
    const spy = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    try {
      expect(i18n.t('card.close')).toBe('Close');
      expect(i18n.t('card.mentions', 1, ['1'])).toBe('1 mention');
      expect(i18n.t('card.mentions', 12, ['12'])).toBe('12 mentions');
      expect(i18n.t('card.youReadCount', 3, ['3'], { name: 'NATO' })).toBe('3 articles you read mention NATO');
      expect(i18n.t('card.readMoreOn', { name: 'Romania', site: 'Wikipedia' })).toBe('Read more about Romania on Wikipedia');
      expect(spy).toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      warn.mockRestore();
    }
    // And the browser's own answer when it gives one.
    expect(i18n.t('card.mentions', 2, ['2'])).toBe('2 mentions');
  });
});
