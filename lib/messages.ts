/** The one typed message map between the extension's parts. Each message names who may send it. */
import { browser } from 'wxt/browser';
import type { EntityType } from './pack-format/types';
import type { EntityDetails } from './pack-store/entity-record';
import type { YouRead } from './reading/reading-db';
import type { ReadBlock } from './reading/reading-record';
import type { ArticleHeadSources } from './content/page-head';
import type { LearnRun } from './reading/learn-job';
import type { TextMatchAnswer, TextMatchRequest } from './spot/text-match';
import type { PackFailure, PackLabel } from './pack-store/pack-matcher';
import type { ScoredEntity } from './spot/entity-lookup';

export interface PageEntity {
  packId: string;
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

export interface MessageMap {
  /** popup -> content script: what was found on this page. */
  'get-page-entities': { request: Record<never, never>; response: { active: boolean; host: string; entities: PageEntity[] } };
  /** popup -> content script: scroll to an entity's first mention and open its card. */
  'reveal-entity': { request: { packId: string; id: string }; response: { ok: boolean } };
  /** background (keyboard command) -> content script: go to the next mention and open its card. */
  'next-mention': { request: Record<never, never>; response: { ok: boolean } };
  /** content script -> background: how many entities the page has, for the toolbar badge. */
  'page-count': { request: { count: number }; response: { ok: boolean } };
  /** A page that does not say its language: the background guesses it from a sample of its text. */
  'detect-language': { request: { sample: string }; response: { language: string | null } };
  /** popup -> content script: entities of every loaded pack whose name or alias matches the query. */
  'look-up': { request: { query: string }; response: { entities: Array<Omit<PageEntity, 'count'>> } };
  /** popup -> content script: open an entity's card by name lookup, whether or not the page mentions it. */
  'show-entity': { request: { packId: string; id: string }; response: { ok: boolean } };
  /**
   * content script -> background: match collected text with the packs named (pages are matched in the
   * background, lib/pack-store/pack-matcher.ts). `labels` name the packs that answered, for cards; `failed`
   * names packs that could not be read; `error` says why nothing was matched.
   */
  'match-text': { request: TextMatchRequest & { packs: string[] }; response: TextMatchAnswer & { failed: PackFailure[]; labels: Record<string, PackLabel>; error?: string } };
  /** content script -> background: the popup's look-up over the packs named, for a page in `language`. */
  'look-up-packs': { request: { packs: string[]; query: string; language: string | null }; response: { entities: ScoredEntity[] } };
  /** popup -> background: each listed entity's names by language (null: none), so the list speaks the UI's. */
  'entity-names': { request: { entities: Array<{ packId: string; id: string }> }; response: { names: Array<Record<string, string> | null> } };
  /** content script -> background: mute or unmute an entity ("packId/entityId") from its card. */
  'set-muted': { request: { key: string; muted: boolean }; response: { ok: boolean } };
  /**
   * content script -> background: what a card shows beyond the entity's name (asked when hover intent
   * starts). `details` is null when the pack has no such entity; `error` says why details could not be read.
   */
  'entity-details': { request: { packId: string; id: string }; response: { details: EntityDetails | null; error?: string; youRead?: YouRead } };
  /**
   * content script -> background, once per article read (reading memory on): the article's blocks that
   * mention known entities (the background keeps only the sentences that do) and its title, site, link and date. The background checks the shape and the settings
   * (memory on, not private, site not excluded) before it writes anything.
   */
  'reading-save': { request: { article: { head: ArticleHeadSources; blocks: ReadBlock[] } }; response: { ok: boolean; reason?: string } };
  /**
   * background -> learning host (Chromium's offscreen document): read the articles waiting to be read for new
   * names, at most `limit` of them. `indexes` are the imported packs' indexes (base64), so names a pack knows
   * are not learned.
   */
  'learn-run': { request: { indexes: string[]; limit: number }; response: { run?: LearnRun; error?: string } };
  /** content script -> background: open the options page (the card's "mute" and "settings" links). */
  'open-options': { request: { hash: string }; response: { ok: boolean } };
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T } & MessageMap[T]['request'];
export type Response<T extends MessageType> = MessageMap[T]['response'];

export function isMessage<T extends MessageType>(value: unknown, type: T): value is Message<T> {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}

/** Sends a message of the map to a tab's content script; the answer is typed by the map. */
export function sendToTab<T extends MessageType>(tabId: number, message: Message<T>): Promise<Response<T>> {
  // The content script answers with exactly the map's response for this type (see PageSession.answer).
  return browser.tabs.sendMessage<Message<T>, Response<T>>(tabId, message);
}

/** Sends a message of the map from a content script or an extension page to the background. */
export function sendToBackground<T extends MessageType>(message: Message<T>): Promise<Response<T>> {
  return browser.runtime.sendMessage<Message<T>, Response<T>>(message);
}
