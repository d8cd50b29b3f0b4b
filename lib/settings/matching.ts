/**
 * Which settings change what is found on a page (a rescan), which change the set of packs (a reload of
 * packs, then a rescan), and which only restyle. One home, read by the content script and the page.
 */
import type { Settings } from './schema';

const MATCHING_FIELDS = ['enabledTypes', 'firstMentionOnly', 'demonyms', 'mutedEntities'] as const;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function matchingChanged(a: Settings, b: Settings): boolean {
  return MATCHING_FIELDS.some((f) => !same(a[f], b[f]));
}

export function packSetChanged(a: Settings, b: Settings): boolean {
  // Learned names are matched only where reading memory is on (lib/pack-store/page-packs.ts).
  return !same(a.disabledPacks, b.disabledPacks) || a.readingMemory !== b.readingMemory || !same(a.readingExcludedSites, b.readingExcludedSites);
}
