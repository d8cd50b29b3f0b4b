/**
 * Learned names as a pack pages can match with: built from the learned rows (never from a page) and stored
 * as one index in storage.local, read by pages only where reading memory may show anything. Dismissed names
 * are left out; a merged name keeps matching and its card is the entity it was merged into.
 */
import { browser } from 'wxt/browser';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type KnowledgePack, type PackEntity } from '../pack-format/types';
import { base64FromBytes } from '../spot/base64';
import { encodePackIndex } from '../spot/pack-index';
import { learnedNames } from './learned-db';
import { LEARNED_INDEX_KEY, LEARNED_PACK_ID } from './learned-keys';
import type { LearnedRow } from './reading-schema';


export function shownName(row: LearnedRow): string {
  return row.status === 'merged' && row.mergedName ? row.mergedName : (row.renamed ?? row.name);
}

export function learnedPack(rows: readonly LearnedRow[], day: string): KnowledgePack {
  const entities: PackEntity[] = rows
    .filter((r) => r.status !== 'dismissed')
    .map((r) => ({
      // The folded name is its id: one per name, and what the card asks the background for.
      id: r.key,
      name: shownName(r),
      type: r.type,
      aliases: [...new Set([...r.forms, ...(r.renamed ? [r.renamed] : [])])],
      acronyms: [],
      shortForms: [],
      demonyms: [],
      summary: '',
      facts: [],
      url: '',
      sentences: [],
      related: [],
      headlines: [],
    }));
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: LEARNED_PACK_ID,
    name: 'Learned from your reading',
    version: day,
    corpusDate: day,
    description: 'Names Backstory found in articles you read, on at least two sites.',
    documents: [],
    entities,
  };
}

/** Rebuilds the learned names' index from the store and puts it where pages read it. */
export async function publishLearnedIndex(): Promise<number> {
  const pack = learnedPack(await learnedNames(), new Date().toISOString().slice(0, 10));
  if (pack.entities.length === 0) await browser.storage.local.remove(LEARNED_INDEX_KEY);
  else await browser.storage.local.set({ [LEARNED_INDEX_KEY]: base64FromBytes(encodePackIndex(pack)) });
  return pack.entities.length;
}
