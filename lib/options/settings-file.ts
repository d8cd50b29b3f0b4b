/** Settings export and import files. Import accepts only our own format and never writes a partial result. */
import { migrateSettings } from '../settings/migrate';
import type { Settings } from '../settings/schema';

export const SETTINGS_FILE_FORMAT = 'backstory-settings';

export function settingsFileText(settings: Settings): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, settings }, null, 2)}\n`;
}

export function parseSettingsFile(fileName: string, text: string): Settings {
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
  return migrateSettings(settings);
}
