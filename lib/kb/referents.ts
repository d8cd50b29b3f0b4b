/**
 * One entity per referent. Candidate names (keyed by their folded spelling) are joined when they name the same
 * thing: a person's name with and without a middle initial ("Donald J. Trump", "Donald Trump"); an acronym the
 * text defines ("North Atlantic Treaty Organization (NATO)"); spelling variants one letter apart that share a
 * type and the company they keep ("Zelensky", "Zelenskiy", "Zelenskyy"). A surname alone ("Trump", also what is
 * left of "President Trump") becomes the short form of the one full name it belongs to, or is dropped as
 * ambiguous when several full names share it.
 */
import type { EntityType } from '../pack-format/types';

export interface CandidateStats {
  key: string;
  forms: Map<string, number>;
  types: Map<EntityType, number>;
  mentions: number;
  documents: number;
}

export interface Referent {
  /** Keys of the joined candidates; the first is the main one. */
  keys: string[];
  /** Keys that became short forms (surnames). */
  shortKeys: string[];
  mentions: number;
  documents: number;
  types: Map<EntityType, number>;
  forms: Map<string, number>;
}

export interface ReferentInput {
  candidates: ReadonlyMap<string, CandidateStats>;
  /** Acronym key to the key of the name the text defines it as. */
  acronyms: ReadonlyMap<string, string>;
  /** Per key, the other candidate keys in documents that mention it (for spelling variants). */
  company: (key: string) => ReadonlySet<string> | undefined;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function majority<K>(map: ReadonlyMap<K, number>, order: (a: K, b: K) => number): K | undefined {
  let best: K | undefined;
  let count = -1;
  for (const [k, n] of map) {
    if (n > count || (n === count && best !== undefined && order(k, best) < 0)) {
      best = k;
      count = n;
    }
  }
  return best;
}

/** "donald j trump" → "donald trump": a person's key without middle initials. */
export function withoutInitials(key: string): string {
  const words = key.split(' ');
  if (words.length < 3) return key;
  return [words[0], ...words.slice(1, -1).filter((w) => w.replace(/\./g, '').length > 1), words[words.length - 1]].join(' ');
}

/** Whether two spellings differ by one inserted, deleted or replaced letter. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const VARIANT_MIN_LENGTH = 6;

export function joinReferents(o: ReferentInput): Referent[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(k, root);
    return root;
  };
  const weight = (k: string): number => o.candidates.get(k)?.mentions ?? 0;
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The root is the more mentioned side, so a group's main key is its most used name.
    if (weight(ra) > weight(rb) || (weight(ra) === weight(rb) && byText(ra, rb) < 0)) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  const keys = [...o.candidates.keys()].sort(byText);
  for (const k of keys) parent.set(k, k);
  const typeOf = (k: string): EntityType | undefined => majority(o.candidates.get(k)?.types ?? new Map<EntityType, number>(), byText);

  // Middle initials.
  const plain = new Map<string, string>();
  for (const k of keys) {
    if (typeOf(k) !== 'person') continue;
    const bare = withoutInitials(k);
    if (bare === k && !plain.has(k)) plain.set(k, k);
    const other = plain.get(bare);
    if (other === undefined) plain.set(bare, k);
    else union(other, k);
  }
  // Dotted and plain acronyms: "U.S." and "US", "U.K." and "UK".
  for (const k of keys) {
    const plainKey = k.replace(/\./g, '');
    if (plainKey !== k && /^[a-z]{2,5}$/.test(plainKey) && o.candidates.has(plainKey)) union(plainKey, k);
  }
  // Acronyms the text defines.
  for (const [acronym, long] of o.acronyms) if (o.candidates.has(acronym) && o.candidates.has(long)) union(acronym, long);
  // Spelling variants: one edit apart, same type, same first letter, and at least one shared companion.
  const byType = new Map<string, string[]>();
  for (const k of keys) {
    if (k.length < VARIANT_MIN_LENGTH) continue;
    const t = typeOf(k) ?? '';
    byType.set(t, [...(byType.get(t) ?? []), k]);
  }
  for (const list of byType.values()) {
    // Delete-one neighbourhoods find the pairs without comparing every key with every other.
    const buckets = new Map<string, string[]>();
    for (const k of list) {
      const variants = new Set([k]);
      for (let i = 0; i < k.length; i++) variants.add(k.slice(0, i) + k.slice(i + 1));
      for (const v of variants) buckets.set(v, [...(buckets.get(v) ?? []), k]);
    }
    for (const group of buckets.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i] as string;
          const b = group[j] as string;
          if (a[0] !== b[0] || !oneEditApart(a, b) || find(a) === find(b)) continue;
          const ca = o.company(a);
          const cb = o.company(b);
          if (ca && cb && [...ca].some((x) => x !== a && x !== b && cb.has(x))) union(a, b);
        }
      }
    }
  }
  // Surnames: a one-word name that ends exactly one multi-word person's name.
  const fullBySurname = new Map<string, Set<string>>();
  for (const k of keys) {
    const words = k.split(' ');
    if (words.length < 2 || typeOf(find(k)) !== 'person') continue;
    const last = words[words.length - 1] as string;
    fullBySurname.set(last, (fullBySurname.get(last) ?? new Set()).add(find(k)));
  }
  const shortOf = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const k of keys) {
    if (k.includes(' ') || find(k) !== k) continue;
    const owners = fullBySurname.get(k);
    // A one-word person with no full name anywhere in the corpus is nobody in particular ("Wilson").
    if (!owners && typeOf(k) === 'person') ambiguous.add(k);
    if (!owners || owners.has(k)) continue;
    if (owners.size === 1) shortOf.set(k, [...owners][0] as string);
    else ambiguous.add(k);
  }

  const groups = new Map<string, Referent>();
  for (const k of keys) {
    if (ambiguous.has(k)) continue;
    const short = shortOf.get(k);
    const root = short !== undefined ? find(short) : find(k);
    const c = o.candidates.get(k) as CandidateStats;
    const g: Referent = groups.get(root) ?? { keys: [], shortKeys: [], mentions: 0, documents: 0, types: new Map<EntityType, number>(), forms: new Map<string, number>() };
    groups.set(root, g);
    if (short !== undefined) g.shortKeys.push(k);
    else if (k === root) g.keys.unshift(k);
    else g.keys.push(k);
    g.mentions += c.mentions;
    // Documents can overlap between spellings; the most any one spelling reached is a safe lower bound.
    g.documents = Math.max(g.documents, c.documents);
    for (const [t, n] of c.types) g.types.set(t, (g.types.get(t) ?? 0) + n);
    if (short === undefined) for (const [f, n] of c.forms) g.forms.set(f, (g.forms.get(f) ?? 0) + n);
  }
  return [...groups.values()].filter((g) => g.keys.length > 0);
}

/** The keys dropped as ambiguous surnames (for the report). */
export function ambiguousShortKeys(all: readonly string[], referents: readonly Referent[]): string[] {
  const used = new Set(referents.flatMap((r) => [...r.keys, ...r.shortKeys]));
  return all.filter((k) => !used.has(k));
}
