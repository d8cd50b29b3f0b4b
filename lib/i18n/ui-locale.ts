/**
 * The language the extension's own dates and numbers are written in: the browser's, as for its messages
 * (locales/), so they read the same way as the words around them. Taken from Intl's default locale, which
 * browsers set to their own language in every extension context (pages, content scripts, service and
 * web workers alike), where the extension API is not always there to ask. A page's language is another
 * matter (spot/page-language.ts): it decides which names match, not how Backstory speaks.
 */
let locale: string | undefined;

/** Read once per context: a context's default locale does not change while it lives. */
export function uiLocale(): string {
  locale ??= new Intl.DateTimeFormat().resolvedOptions().locale;
  return locale;
}

/** A locale's language subtag, lowercased: "fr-CA" -> "fr". */
export function languageOf(locale: string): string {
  return locale.split('-')[0]?.toLowerCase() ?? '';
}

/** An entity's name in the UI's language when its pack gives one ("Allemagne" in a French browser), else its own. */
export function titleIn(locale: string, name: string, names: Record<string, string> | null | undefined): string {
  return names?.[languageOf(locale)] || name;
}

/** A count in the UI language ("12,345", "12 345", "12.345"). */
export function formatCount(n: number): string {
  return n.toLocaleString(uiLocale());
}
