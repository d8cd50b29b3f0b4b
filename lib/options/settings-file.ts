/** Settings export and import files. Import accepts only our own format and never writes a partial result. */
import { migrateSettings } from '../settings/migrate';
import { droppedEntries, type Settings } from '../settings/schema';

export const SETTINGS_FILE_FORMAT = 'backstory-settings';

export function settingsFileText(settings: Settings): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, settings }, null, 2)}\n`;
}

export interface ParsedSettingsFile {
  settings: Settings;
  /** List entries (sites, muted entities, …) that were not valid and were left out, by list. */
  skipped: Array<{ list: string; count: number }>;
}

const LISTS = ['blockedSites', 'allowedSites', 'siteExceptions', 'mutedEntities', 'disabledPacks', 'enabledTypes'] as const;

export function parseSettingsFile(fileName: string, text: string): ParsedSettingsFile {
  if (text.length > 1_000_000) throw new Error(`${fileName}: too large to be a settings file`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== SETTINGS_FILE_FORMAT) {
    throw new Error(`${fileName}: not a Backstory settings file (expected "format": "${SETTINGS_FILE_FORMAT}")`);
  }
  const settings = (raw as { settings?: unknown }).settings;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new Error(`${fileName}: the "settings" field is missing or not an object`);
  }
  const parsed = migrateSettings(settings);
  const skipped = LISTS.map((list) => ({ list, count: droppedEntries((settings as Record<string, unknown>)[list], parsed[list]) })).filter((e) => e.count > 0);
  return { settings: parsed, skipped };
}
