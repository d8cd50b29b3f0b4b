/**
 * A pack's context rules (see ContextRule in the pack format), compiled once per loaded pack into per-entity
 * lists, and the precision check every match goes through: the pack's rules, then the general rule that a
 * name inside a longer name is not a mention (name-context.ts).
 */
import { ENTITY_TYPES, type AliasField } from '../pack-format/types';
import { foldText, isWordCode } from './fold';
import type { LoadedPack } from './loaded-pack';
import type { RawMatch } from './match';
import { partOfLongerName } from './name-context';
import { ALIAS_DEMONYM, ALIAS_EXACT_CASE, ALIAS_SHORT_FORM } from './trie-index';

interface CompiledRule {
  /** Which alias kinds it covers, as FIELD_BITS. */
  fields: number;
  notAfter: string[];
  notBefore: string[];
}

const FIELD_BITS: Readonly<Record<AliasField, number>> = { aliases: 1, acronyms: 2, shortForms: 4, demonyms: 8 };
const ALL_FIELDS = 15;
/** How much text around a match a phrase may take. */
const REACH = 64;

function fieldBit(flags: number): number {
  if (flags & ALIAS_DEMONYM) return FIELD_BITS.demonyms;
  if (flags & ALIAS_SHORT_FORM) return FIELD_BITS.shortForms;
  if (flags & ALIAS_EXACT_CASE) return FIELD_BITS.acronyms;
  return FIELD_BITS.aliases;
}

interface CompiledRules {
  byEntity: Map<number, CompiledRule[]>;
  /** Rules that name no entities, by the type they cover. */
  byType: Map<string, CompiledRule[]>;
}

const compiled = new WeakMap<LoadedPack, CompiledRules>();
const phrases = (list: unknown): string[] =>
  Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string').map((p) => foldText(p).trim()).filter(Boolean) : [];

/** Linear in the rules and the entities they name, not in the pack: a page never walks every entity. */
function compile(loaded: LoadedPack): CompiledRules {
  const out: CompiledRules = { byEntity: new Map(), byType: new Map() };
  const add = <K>(map: Map<K, CompiledRule[]>, key: K, rule: CompiledRule): void => {
    const list = map.get(key);
    if (list) list.push(rule);
    else map.set(key, [rule]);
  };
  for (const rule of loaded.meta.rules) {
    const c: CompiledRule = {
      fields: rule.fields ? rule.fields.reduce((bits, f) => bits | (FIELD_BITS[f] ?? 0), 0) : ALL_FIELDS,
      notAfter: phrases(rule.notAfter),
      notBefore: phrases(rule.notBefore),
    };
    if (rule.entities) {
      for (const i of rule.entities) {
        const type = loaded.typeOf(i);
        if (type !== undefined && (!rule.types || rule.types.includes(type))) add(out.byEntity, i, c);
      }
    } else {
      for (const type of rule.types ?? ENTITY_TYPES) add(out.byType, type, c);
    }
  }
  return out;
}

function rulesFor(loaded: LoadedPack, entity: number, type: string): CompiledRule[] | undefined {
  let rules = compiled.get(loaded);
  if (!rules) {
    rules = compile(loaded);
    compiled.set(loaded, rules);
  }
  const own = rules.byEntity.get(entity);
  const typed = rules.byType.get(type);
  return own && typed ? [...own, ...typed] : (own ?? typed);
}

/** The folded text right before `start` in the same block, and right after `end`. */
function around(text: string, start: number, end: number): { before: string; after: string } {
  let from = start;
  while (from > 0 && start - from < REACH && text.charCodeAt(from - 1) !== 0) from--;
  let to = end;
  while (to < text.length && to - end < REACH && text.charCodeAt(to) !== 0) to++;
  return { before: foldText(text.slice(from, start)).trimEnd(), after: foldText(text.slice(end, to)).trimStart() };
}

/** A phrase that ends (or starts) in a word character must end at a word boundary in the text. */
function endsWithPhrase(text: string, phrase: string): boolean {
  if (!text.endsWith(phrase)) return false;
  const at = text.length - phrase.length;
  return at === 0 || !isWordCode(phrase.charCodeAt(0)) || !isWordCode(text.charCodeAt(at - 1));
}

function startsWithPhrase(text: string, phrase: string): boolean {
  if (!text.startsWith(phrase)) return false;
  return text.length === phrase.length || !isWordCode(phrase.charCodeAt(phrase.length - 1)) || !isWordCode(text.charCodeAt(phrase.length));
}

/** True when the match is not a mention of its entity here. */
export function rejectMatch(loaded: LoadedPack, match: RawMatch, text: string): boolean {
  const type = loaded.typeOf(match.entity);
  if (type === undefined) return true;
  const rules = rulesFor(loaded, match.entity, type);
  if (rules) {
    const bit = fieldBit(loaded.index.aliasFlags[match.alias] ?? 0);
    const { before, after } = around(text, match.start, match.end);
    for (const rule of rules) {
      if (!(rule.fields & bit)) continue;
      if (rule.notAfter.some((p) => endsWithPhrase(before, p)) || rule.notBefore.some((p) => startsWithPhrase(after, p))) return true;
    }
  }
  return partOfLongerName(text, match.start, match.end, { country: type === 'country' });
}
