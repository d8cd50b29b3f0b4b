import bundled from '../../generated/backstory-news.pack.json';
import type { KnowledgePack } from '../../lib/pack-format/types';
import { loadPack } from '../../lib/spot/pack-index';
import type { LoadedPack } from '../../lib/spot/loaded-pack';
import { scanDocument } from '../../lib/spot/scan-document';

export const PACK = bundled as unknown as KnowledgePack;
export const LOADED: LoadedPack = loadPack(PACK);

export function parse(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

/** Mentions in an HTML fragment, as [entity id, text as written]. */
export function spotHtml(html: string, options: { demonyms?: boolean; packs?: LoadedPack[] } = {}): Array<[string, string]> {
  const doc = parse(html);
  // An element with this id stands for the extension's own card host.
  const ownHost = doc.getElementById('backstory-own-host') ?? undefined;
  return scanDocument(doc.body, options.packs ?? [LOADED], { demonyms: options.demonyms ?? true, isOwnHost: (element) => element === ownHost }).map((m) => [m.entity.id, m.text]);
}

/** Mentions in plain text (one paragraph). */
export function spot(text: string, options: { demonyms?: boolean } = {}): Array<[string, string]> {
  const doc = parse('<p></p>');
  doc.querySelector('p')?.append(doc.createTextNode(text));
  return scanDocument(doc.body, [LOADED], { demonyms: options.demonyms ?? true }).map((m) => [m.entity.id, m.text]);
}

export const ids = (mentions: Array<[string, string]>): string[] => mentions.map(([id]) => id);
