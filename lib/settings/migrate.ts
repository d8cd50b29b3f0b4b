/**
 * Migrations from older stored settings. Version 1 (the first release) had `disabledSites` and `hoverDelay`
 * (seconds); version 2 renamed them to `blockedSites` and `hoverDelayMs`;
 * version 3 added `siteExceptions`; version 4 added `showBadge` and `diagnostics`; version 5 added reading
 * memory (`readingMemory`, off; `readingExcludedSites`; `readingRetentionDays`; `readingCapMB`).
 */
import { SETTINGS_VERSION, validateSettings, type Settings } from './schema';

type Obj = Record<string, unknown>;

const MIGRATIONS: Record<number, (o: Obj) => Obj> = {
  1: (o) => {
    const { disabledSites, hoverDelay, ...rest } = o;
    return {
      ...rest,
      blockedSites: disabledSites,
      hoverDelayMs: typeof hoverDelay === 'number' ? Math.round(hoverDelay * 1000) : undefined,
      version: 2,
    };
  },
  2: (o) => ({ ...o, siteExceptions: [], version: 3 }),
  3: (o) => ({ ...o, showBadge: true, diagnostics: false, version: 4 }),
  4: (o) => ({ ...o, readingMemory: false, readingExcludedSites: [], readingRetentionDays: 90, readingCapMB: 50, version: 5 }),
};

export function migrateSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return validateSettings(undefined);
  let o = raw as Obj;
  let version = typeof o.version === 'number' && Number.isInteger(o.version) ? o.version : SETTINGS_VERSION;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    o = step(o);
    version++;
  }
  return validateSettings(o);
}
