/**
 * Which names compromise found are worth a card. A name must look like a proper noun, be whole (balanced
 * quotes and brackets, no glued tokens, no credit or byline fragment, not a list), be short, not be a word the
 * corpus mostly writes in lowercase, and be seen often enough. Each test has a reason, and every rejected
 * candidate is counted under the first reason it fails.
 */
import nameWords from '../../generated/name-words.json';
import { isTitle } from './describe';
export type RejectReason =
  | 'not shaped like a proper noun'
  | 'more than 6 words'
  | 'unbalanced quotes or brackets'
  | 'glued tokens'
  | 'credit or byline fragment'
  | 'a list, not a name'
  | 'a common word (the corpus mostly writes it in lowercase)'
  | 'seen too rarely'
  | 'listed in reject.txt'
  | 'part of a longer name'
  | 'a given name alone'
  | 'a surname with no single full name'
  | 'a curated entry covers it'
  | 'never matched in its own sentences';

export const MAX_NAME_WORDS = 6;
/** Lowercase words allowed inside a name ("Bank of England", "Charles de Gaulle", "Abu Bakr al-Baghdadi"). */
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'de', 'du', 'des', 'del', 'della', 'der', 'den', 'di', 'da', 'do', 'dos', 'la', 'le', 'les', 'van', 'von', 'y', 'e', 'al', 'el', 'bin', 'ibn', 'in', 'at', 'to', '&']);
const CREDIT_WORDS = /^(?:credit|credits|photo|photos|photograph|photographs|photographer|illustration|courtesy|getty|shutterstock|copyright|via)$/i;
const WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.|\p{N}+\p{L}[\p{L}\p{N}-]*|\p{L}+\p{N}[\p{L}\p{N}-]*)$/u;

function balanced(text: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{', '»': '«', '”': '“' };
  const stack: string[] = [];
  for (const ch of text) {
    if ('([{«“'.includes(ch)) stack.push(ch);
    else if (ch in pairs) {
      if (stack.pop() !== pairs[ch]) return false;
    }
  }
  if (stack.length > 0) return false;
  return (text.match(/"/g)?.length ?? 0) % 2 === 0;
}

/** The tests that need only the name itself; null when it passes them. */
export function shapeReason(name: string): RejectReason | null {
  const words = name.split(/\s+/).filter((w) => w !== '');
  if (!balanced(name)) return 'unbalanced quotes or brackets';
  if (/[\p{L}\p{N}][.!?][\p{Lu}][\p{Ll}]/u.test(name) || name.includes('/') || /\p{Ll}{3,}(?:Credit|Photo|Image)/u.test(name)) return 'glued tokens';
  if (/^by\s/i.test(name) || words.some((w) => CREDIT_WORDS.test(w.replace(/[^\p{L}]/gu, '')))) return 'credit or byline fragment';
  if (/[,;]/.test(name.replace(/,\s*(?:Jr|Sr|D\.C)\.?$/, '')) || /\s(?:and|&)\s.*\s(?:and|&)\s/.test(name)) return 'a list, not a name';
  if (words.length > MAX_NAME_WORDS) return 'more than 6 words';
  if (!/^\p{Lu}/u.test(name) || /[^\p{L}\p{M}\p{N}\s.'’&-]/u.test(name)) return 'not shaped like a proper noun';
  for (const w of words) {
    if (CONNECTORS.has(w.toLowerCase()) && w === w.toLowerCase()) continue;
    if (!WORD.test(w)) return 'not shaped like a proper noun';
  }
  if (words.every((w) => CONNECTORS.has(w.toLowerCase()))) return 'not shaped like a proper noun';
  return null;
}

const GIVEN_NAMES = new Set(nameWords.givenNames.map((t) => t.toLowerCase()));

/** A one-word person name that is only a given name ("Michael", "Sally"): nobody in particular. */
export function isGivenNameAlone(name: string, type: string): boolean {
  return type === 'person' && !name.includes(' ') && GIVEN_NAMES.has(name.toLowerCase());
}

/**
 * Whether a mention sits inside a longer name: a capitalised word right before a one-word name that is not a
 * title ("Zealand" in "New Zealand"), a capitalised word right after it, or a hyphen that continues a word
 * ("Economic Co-operation"). Before a name of several words, only a word `leadsName` accepts counts (the build
 * passes the adjectives compromise leaves out of place and organisation names: "New" in "New South Wales").
 */
export function isEmbedded(before: string, after: string, name: string, leadsName?: (word: string) => boolean): boolean {
  if (/^[-‐]\p{L}/u.test(after) || /\p{L}[-‐]$/u.test(before)) return true;
  if (/^\s+\p{Lu}\p{Ll}/u.test(after)) return true;
  const m = /(\S+)\s+(\p{Lu}[\p{L}'’.-]*)\s+$/u.exec(before);
  // The first word of a sentence is capitalised anyway.
  if (m === null || /[.!?:"“]$/.test(m[1] as string) || isTitle(m[2] as string)) return false;
  // Before one word, a capitalised word is more often the rest of the name ("New Zealand", "Denzel
  // Washington"). Before several, it is most often a title compromise left out: only a lead word counts, and
  // not after a title, whose own word it then is ("Secretary General Mark Rutte").
  return !name.includes(' ') || ((leadsName?.(m[2] as string) ?? false) && !isTitle(m[1] as string));
}

/** How a word is written across the corpus: lowercase, or capitalised where a sentence does not start. */
export interface CaseCount {
  lower: number;
  capital: number;
}

/** A name whose every word the corpus mostly writes in lowercase is a common word or phrase ("Weather", "Top Browsers"). */
export function isCommonWords(name: string, counts: ReadonlyMap<string, CaseCount>): boolean {
  const words = name.split(/\s+/).filter((w) => !CONNECTORS.has(w.toLowerCase()) && !/\p{N}/u.test(w));
  if (words.length === 0) return true;
  return words.every((w) => {
    // An acronym or a word with capitals inside is written that way on purpose.
    if (w.length > 1 && w.slice(1) !== w.slice(1).toLowerCase()) return false;
    const c = counts.get(w.toLowerCase());
    return c !== undefined && c.lower > c.capital;
  });
}

export interface Support {
  mentions: number;
  documents: number;
}

export interface SupportRule {
  minDocuments: number;
  minMentions: number;
}

export const DEFAULT_SUPPORT: SupportRule = { minDocuments: 2, minMentions: 3 };

export function supported(s: Support, rule: SupportRule): boolean {
  return s.documents >= rule.minDocuments || s.mentions >= rule.minMentions;
}
