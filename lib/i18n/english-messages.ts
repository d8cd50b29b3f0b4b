/**
 * The English messages as one flat table (the name the browser knows each by, and its text), written from
 * locales/en.yml by `npm run build` into generated/ui-messages.en.json: what the UI falls back to (t.ts).
 */
import { readdirSync } from 'node:fs';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

/** The _locales folders the build writes: one per locales/<code>.yml, "pt-BR" as pt_BR. */
export function shippedLocaleFolders(dir = 'locales'): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, '').replace('-', '_'))
    .sort();
}

export async function englishMessages(file = 'locales/en.yml'): Promise<Record<string, string>> {
  const messages = generateChromeMessages(await parseMessagesFile(file));
  return Object.fromEntries(Object.entries(messages).map(([name, m]) => [name, m.message]));
}
