/** The one settings item: its shape, defaults, and a validator that replaces each invalid field by its default. */
import { ENTITY_TYPES, type EntityType } from '../pack-format/types';

export const SETTINGS_VERSION = 5;
export const SETTINGS_KEY = 'settings';
/** When each area's copy was written; the newer copy wins, so a sync write that failed never shadows local. */
export const SAVED_AT_KEY = 'settingsSavedAt';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export const TRIGGERS = ['hover', 'modifier', 'click'] as const;
export const THEMES = ['page', 'light', 'dark'] as const;
export const SITE_MODES = ['all', 'allow-only'] as const;
/** How long reading memory keeps an article, in days; 0 keeps it until the reader deletes it. */
export const READING_RETENTION_DAYS = [30, 90, 365, 0] as const;
/** The most reading memory may take, in MB; past it the oldest articles go first. 0: no cap. */
export const READING_CAP_MB = [10, 50, 200, 0] as const;

export interface Settings {
  version: number;
  enabled: boolean;
  siteMode: (typeof SITE_MODES)[number];
  /** Hostnames where Backstory stays off (in "all" mode). */
  blockedSites: string[];
  /** Hostnames where Backstory runs (in "allow-only" mode). */
  allowedSites: string[];
  /** Subdomains the popup's switch set apart from a listed parent domain (see settings/sites.ts). */
  siteExceptions: string[];
  highlightStyle: (typeof HIGHLIGHT_STYLES)[number];
  colors: Record<EntityType, string>;
  enabledTypes: EntityType[];
  firstMentionOnly: boolean;
  demonyms: boolean;
  hoverDelayMs: number;
  trigger: (typeof TRIGGERS)[number];
  theme: (typeof THEMES)[number];
  /** "packId/entityId" of entities never highlighted. */
  mutedEntities: string[];
  /** Ids of installed packs that are switched off. */
  disabledPacks: string[];
  /** The number of entities on the page, on the toolbar button. */
  showBadge: boolean;
  /** Backstory's own lines in the page's console (timings, cards drawn), for bug reports. Off: it writes nothing. */
  diagnostics: boolean;
  /** Reading memory (off by default): sentences about known entities from articles read, kept on this machine. */
  readingMemory: boolean;
  /** Hostnames reading memory never keeps anything from (Backstory may still run there). */
  readingExcludedSites: string[];
  readingRetentionDays: (typeof READING_RETENTION_DAYS)[number];
  readingCapMB: (typeof READING_CAP_MB)[number];
}

export const DEFAULT_COLORS: Readonly<Record<EntityType, string>> = {
  person: '#c2410c',
  country: '#1d4ed8',
  city: '#0e7490',
  region: '#0f766e',
  place: '#047857',
  organization: '#7e22ce',
  concept: '#b45309',
  event: '#be123c',
  thing: '#4d7c0f',
};

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    enabled: true,
    siteMode: 'all',
    blockedSites: [],
    allowedSites: [],
    siteExceptions: [],
    highlightStyle: 'underline',
    colors: { ...DEFAULT_COLORS },
    enabledTypes: [...ENTITY_TYPES],
    firstMentionOnly: false,
    demonyms: true,
    hoverDelayMs: 350,
    trigger: 'hover',
    theme: 'page',
    mutedEntities: [],
    disabledPacks: [],
    showBadge: true,
    diagnostics: false,
    readingMemory: false,
    readingExcludedSites: [],
    readingRetentionDays: 90,
    readingCapMB: 50,
  };
}

/** The hover delay a person can set, in milliseconds: whole numbers in this range. */
export const HOVER_DELAY_MS = { min: 0, max: 5_000 } as const;

export function isValidHoverDelay(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= HOVER_DELAY_MS.min && value <= HOVER_DELAY_MS.max;
}

/** The most entries a list keeps (the options page says so when a list is full). */
export const MAX_LIST = 500;
const COLOR = /^#[0-9a-f]{6}$/i;
const HOST = /^[a-z0-9.-]{1,253}(?::\d{1,5})?$/;

type Obj = Record<string, unknown>;

function oneOf<T extends string>(value: unknown, options: readonly T[], fallback: T): T {
  return typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** The valid entries of a stored list, without duplicates, the first MAX_LIST kept; one bad entry costs only itself. */
function stringList(value: unknown, fallback: string[], test: (s: string) => boolean): string[] {
  if (!Array.isArray(value)) return fallback;
  const kept = new Set<string>();
  for (const s of value) {
    if (kept.size >= MAX_LIST) break;
    if (typeof s === 'string' && test(s)) kept.add(s);
  }
  return [...kept];
}

/** Entries of an imported list that were not kept, to say so instead of pretending all went in. */
export function droppedEntries(value: unknown, kept: readonly string[]): number {
  return Array.isArray(value) ? Math.max(0, value.length - kept.length) : 0;
}

/**
 * Reads any stored value as settings: fields of the wrong type or out of range fall back to their defaults,
 * unknown keys are dropped. Never throws.
 */
export function validateSettings(raw: unknown): Settings {
  const d = defaultSettings();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return d;
  const o = raw as Obj;
  const colorsIn = typeof o.colors === 'object' && o.colors !== null ? (o.colors as Obj) : {};
  const colors = { ...d.colors };
  for (const type of ENTITY_TYPES) {
    const c = Object.prototype.hasOwnProperty.call(colorsIn, type) ? colorsIn[type] : undefined;
    if (typeof c === 'string' && COLOR.test(c)) colors[type] = c.toLowerCase();
  }
  const delay = o.hoverDelayMs;
  return {
    version: SETTINGS_VERSION,
    enabled: bool(o.enabled, d.enabled),
    siteMode: oneOf(o.siteMode, SITE_MODES, d.siteMode),
    blockedSites: stringList(o.blockedSites, d.blockedSites, (s) => HOST.test(s)),
    allowedSites: stringList(o.allowedSites, d.allowedSites, (s) => HOST.test(s)),
    siteExceptions: stringList(o.siteExceptions, d.siteExceptions, (s) => HOST.test(s)),
    highlightStyle: oneOf(o.highlightStyle, HIGHLIGHT_STYLES, d.highlightStyle),
    colors,
    enabledTypes: stringList(o.enabledTypes, d.enabledTypes, (s) => (ENTITY_TYPES as readonly string[]).includes(s)) as EntityType[],
    firstMentionOnly: bool(o.firstMentionOnly, d.firstMentionOnly),
    demonyms: bool(o.demonyms, d.demonyms),
    hoverDelayMs: isValidHoverDelay(delay) ? delay : d.hoverDelayMs,
    trigger: oneOf(o.trigger, TRIGGERS, d.trigger),
    theme: oneOf(o.theme, THEMES, d.theme),
    mutedEntities: stringList(o.mutedEntities, d.mutedEntities, (s) => s.length <= 250 && s.includes('/')),
    disabledPacks: stringList(o.disabledPacks, d.disabledPacks, (s) => s.length <= 120),
    showBadge: bool(o.showBadge, d.showBadge),
    diagnostics: bool(o.diagnostics, d.diagnostics),
    readingMemory: bool(o.readingMemory, d.readingMemory),
    readingExcludedSites: stringList(o.readingExcludedSites, d.readingExcludedSites, (s) => HOST.test(s)),
    readingRetentionDays: (READING_RETENTION_DAYS as readonly unknown[]).includes(o.readingRetentionDays) ? (o.readingRetentionDays as Settings['readingRetentionDays']) : d.readingRetentionDays,
    readingCapMB: (READING_CAP_MB as readonly unknown[]).includes(o.readingCapMB) ? (o.readingCapMB as Settings['readingCapMB']) : d.readingCapMB,
  };
}

/** Normalises what a person types into a site list entry: "https://www.Example.com/x" -> "www.example.com". */
export function normalizeHost(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (text === '') return null;
  if (!/^[a-z]+:\/\//.test(text)) text = `https://${text}`;
  try {
    const host = new URL(text).host;
    return HOST.test(host) ? host : null;
  } catch {
    return null;
  }
}
