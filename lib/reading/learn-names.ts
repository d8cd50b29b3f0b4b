/**
 * Which names in an article's kept sentences are new: people, organizations and places compromise finds that
 * pass the archive build's shape gates (lib/kb/gates.ts) and that no enabled pack already matches in full. A
 * person needs a given name and a surname (a surname alone is nobody in particular across sites); a one-word
 * organization or place needs three letters. The parser is passed in, so tests and every host share this.
 */
import { candidatesIn, type NlpDoc } from '../kb/name-finder';
import { isGivenNameAlone, shapeReason } from '../kb/gates';
import { isTitle } from '../kb/describe';
import { foldText } from '../spot/fold';
import type { LoadedPack } from '../spot/loaded-pack';
import { matchText } from '../spot/match';
import type { NameInArticle } from './learned-db';
import type { LearnedType } from './reading-schema';

const LEARNED_TYPES = new Set<string>(['person', 'organization', 'place']);
/** Names longer than this are sentences compromise ran together, not names. */
const MAX_NAME_CHARS = 60;

/** The key two spellings of one name share: folded case, accents and spacing, with no '/' (it goes in entity keys). */
export const nameKey = (name: string): string => foldText(name).replace(/[/.]/g, '').trim();

/** Whether some pack already names exactly this (the whole name is one of its aliases). */
export function knownTo(packs: readonly LoadedPack[]): (name: string) => boolean {
  return (name) =>
    packs.some((pack) => matchText(pack.index, name, { demonyms: true, seen: new Set() }).some((m) => m.start === 0 && m.end === name.length));
}

function worthLearning(name: string, type: string): type is LearnedType {
  if (!LEARNED_TYPES.has(type) || name.length > MAX_NAME_CHARS || shapeReason(name) !== null) return false;
  const words = name.split(/\s+/);
  if (words.some((w) => isTitle(w))) return false;
  if (type === 'person') return words.length >= 2 && !isGivenNameAlone(name, type);
  return words.length >= 2 || name.replace(/[^\p{L}]/gu, '').length >= 3;
}

/** New names in one article's sentences, once each, with the sentences that contain them. */
export function namesInArticle(texts: readonly string[], parse: (text: string) => NlpDoc, isKnown: (name: string) => boolean): NameInArticle[] {
  const found = new Map<string, NameInArticle>();
  for (const candidate of candidatesIn(parse(texts.join('\n')))) {
    const { text: name, type } = candidate;
    if (!worthLearning(name, type) || isKnown(name)) continue;
    const key = nameKey(name);
    if (key === '' || found.has(key)) continue;
    const containing = texts.filter((t) => t.includes(name));
    if (containing.length > 0) found.set(key, { key, name, type, texts: containing.slice(0, 3) });
  }
  return [...found.values()];
}
