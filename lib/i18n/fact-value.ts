/**
 * A fact's value in the UI language. A pack writes its facts in its own words (English for the bundled
 * packs); a fact that also carries its data (an area, language, currency or country codes) is written by the
 * browser's own Intl in the reader's language: "238 391 km²", "roumain", "leu roumain (RON)". In English, and
 * wherever Intl cannot name a code, the pack's own words stay.
 */
import type { KeyFact } from '../pack-format/types';
import { languageOf } from './ui-locale';

/** The language the pack's own words are in: the bundled packs write English. */
const PACK_LANGUAGE = 'en';

export function factValueIn(locale: string, fact: KeyFact): string {
  const { data } = fact;
  if (!data || languageOf(locale) === PACK_LANGUAGE) return fact.value;
  try {
    if (data.kind === 'area') return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(data.km2)} km²`;
    const type = data.kind === 'languages' ? 'language' : data.kind === 'currencies' ? 'currency' : 'region';
    const names = new Intl.DisplayNames(locale, { type, fallback: 'none' });
    const named = data.codes.map((code) => {
      const name = names.of(code);
      if (!name) throw new RangeError(`no name for ${code}`);
      return data.kind === 'currencies' ? `${name} (${code})` : name;
    });
    return named.length > 0 ? new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(named) : fact.value;
  } catch {
    // A code this browser's Intl does not know: the pack's own words, rather than half a translation.
    return fact.value;
  }
}
