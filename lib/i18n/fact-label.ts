/**
 * The World pack writes its facts' labels in English (the pack is data, built once for every reader); the
 * card shows the ones it knows in the UI language. A label not listed here is shown as the pack wrote it.
 */
import { i18n } from './t';

const KEYS = {
  Capital: 'fact.capital',
  Capitals: 'fact.capitals',
  Region: 'fact.region',
  Area: 'fact.area',
  Languages: 'fact.languages',
  Currency: 'fact.currency',
  Borders: 'fact.borders',
  Flag: 'fact.flag',
  'Official name': 'fact.officialName',
  Country: 'fact.country',
  Population: 'fact.population',
  Coordinates: 'fact.coordinates',
  Founded: 'fact.founded',
  Headquarters: 'fact.headquarters',
  Members: 'fact.members',
} as const;

/** The labels shown in the UI language; any other is shown as the pack wrote it. */
export const TRANSLATED_FACT_LABELS: readonly string[] = Object.keys(KEYS);

export function factLabel(label: string): string {
  const key = (KEYS as Record<string, (typeof KEYS)[keyof typeof KEYS] | undefined>)[label];
  return key ? i18n.t(key) : label;
}
