/**
 * The UI's words: the browser's own messages (locales/ → _locales/, in the browser's language), and English
 * when the browser answers nothing. Chromium has been seen, in some sessions, to answer every message with ''
 * in the extension's own process (the options page and the service worker alike); a reader then gets English
 * rather than blank buttons, and nothing is written to a page's console. Same message format and typed keys
 * as @wxt-dev/i18n, which writes _locales and the types from locales/.
 */
import { browser } from 'wxt/browser';
import type { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '#i18n';
import english from '../../generated/ui-messages.en.json';
import shippedFolders from '../../generated/ui-locales.json';

type TFunction = ReturnType<typeof createI18n<GeneratedI18nStructure>>['t'];

const ENGLISH: Readonly<Record<string, string | undefined>> = english;
/** The UI language's messages read from the extension's own _locales, when the browser answered none. */
let own: Readonly<Record<string, string | undefined>> | null = null;

// Names are checked by the typed keys of `t`; the browser's own signature knows only the predefined ones.
const browserMessage = (name: string, substitutions: readonly string[]): string =>
  browser.i18n.getMessage(name as Parameters<typeof browser.i18n.getMessage>[0], [...substitutions]);

/** The browser's rule for $1…$9 and $$ in a message, for text read anywhere but the browser. */
export function substitute(text: string, substitutions: readonly string[]): string {
  return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}

function message(name: string, substitutions: readonly string[]): string {
  const answer = browserMessage(name, substitutions);
  if (answer) return answer;
  return substitute(own?.[name] ?? ENGLISH[name] ?? '', substitutions);
}

/**
 * "fr-CA" → fr_CA, fr, en: the folders the browser itself would try, of those the extension ships (a folder
 * it does not ship is never asked for: the failed read would be an error in the page's console).
 */
function localeFolders(language: string): string[] {
  const [base = 'en', region] = language.replace('_', '-').split('-');
  const chain = [...new Set([...(region ? [`${base.toLowerCase()}_${region.toUpperCase()}`] : []), base.toLowerCase(), 'en'])];
  return chain.filter((folder) => shippedFolders.includes(folder));
}

/**
 * For the extension's own pages, before their first draw: when the browser answers no message at all, read
 * the UI language's messages from the extension's own files (never the network), so the page still speaks
 * it. Nothing is read when the browser answers, as it does almost always.
 */
export async function ensureMessages(read: (path: string) => Promise<unknown> = (path) => fetch(browser.runtime.getURL(path as '/')).then((r) => r.json())): Promise<void> {
  if (browserMessage('extDescription', []) !== '') return;
  for (const folder of localeFolders(browser.i18n.getUILanguage())) {
    try {
      const file = (await read(`/_locales/${folder}/messages.json`)) as Record<string, { message?: unknown } | undefined>;
      own = Object.fromEntries(Object.entries(file).flatMap(([name, m]) => (typeof m?.message === 'string' ? [[name, m.message]] : [])));
      return;
    } catch {
      // No such folder for this language: the next one in the chain.
    }
  }
}

function pluralForm(text: string, count: number): string {
  const forms = text.split(' | ');
  if (forms.length === 2) return forms[count === 1 ? 0 : 1] ?? '';
  if (forms.length === 3) return forms[count === 0 || count === 1 ? count : 2] ?? '';
  return text;
}

function translate(key: string, ...args: unknown[]): string {
  let substitutions: string[] | undefined;
  let named: Record<string, unknown> | undefined;
  let count: number | undefined;
  for (const arg of args) {
    if (typeof arg === 'number') count = arg;
    else if (Array.isArray(arg)) substitutions = arg.map(String);
    else if (arg !== null && typeof arg === 'object') named = arg as Record<string, unknown>;
  }
  if (count !== undefined && substitutions === undefined) substitutions = [String(count)];
  let text = message(key.replaceAll('.', '_'), substitutions ?? []);
  if (count !== undefined) text = pluralForm(text, count);
  if (!named) return text;
  const values = named;
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (slot, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : slot));
}

export const i18n = { t: translate as TFunction };
