/**
 * The one runtime validator for knowledge packs, used by the build (`npm run kb`) and by import in the
 * options page. Plain code, no schema compiler: extension pages forbid eval.
 */
import { foldText } from '../spot/fold';
import {
  ALIAS_FIELDS,
  DOCUMENT_KINDS,
  ENTITY_TYPES,
  FACT_DATA_CODES,
  LIMITS,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type ContextRule,
  type FactData,
  type KnowledgePack,
  type PackDocument,
  type PackEntity,
  type PackIndex,
} from './types';
import { LANGUAGE_CODE } from './language-code';

export class PackError extends Error {
  constructor(
    readonly source: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${source}: ${where}: ${problem}`);
    this.name = 'PackError';
  }
}

type Obj = Record<string, unknown>;

const ID_PATTERN = /^[\p{L}\p{N}_.:-]+$/u;
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

export class Checker {
  constructor(readonly source: string) {}

  fail(where: string, problem: string): never {
    throw new PackError(this.source, where, problem);
  }

  object(value: unknown, where: string, allowed: readonly string[], required: readonly string[]): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(where, 'must be an object');
    const obj = value as Obj;
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.fail(where, `unknown field "${key}"`);
    }
    for (const key of required) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) this.fail(where, `missing field "${key}"`);
    }
    return obj;
  }

  string(value: unknown, where: string, max: number, options: { nonEmpty?: boolean } = {}): string {
    if (typeof value !== 'string') this.fail(where, `must be a string, got ${describe(value)}`);
    if (value.length > max) this.fail(where, `is ${value.length} characters long; the limit is ${max}`);
    if (options.nonEmpty && value.trim() === '') this.fail(where, 'must not be empty');
    if (hasControlCharacter(value)) this.fail(where, 'contains control characters');
    return value;
  }

  id(value: unknown, where: string): string {
    const id = this.string(value, where, LIMITS.idLength, { nonEmpty: true });
    if (!ID_PATTERN.test(id)) this.fail(where, `"${id}" is not a valid id (letters, digits, _ . : - only)`);
    return id;
  }

  array(value: unknown, where: string, max: number): unknown[] {
    if (!Array.isArray(value)) this.fail(where, `must be an array, got ${describe(value)}`);
    if (value.length > max) this.fail(where, `has ${value.length} items; the limit is ${max}`);
    return value;
  }

  strings(value: unknown, where: string, maxItems: number, maxLength: number): string[] {
    return this.array(value, where, maxItems).map((item, i) =>
      this.string(item, `${where}[${i}]`, maxLength, { nonEmpty: true }),
    );
  }

  oneOf<T extends string>(value: unknown, where: string, options: readonly T[]): T {
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      this.fail(where, `must be one of ${options.join(', ')}; got ${describe(value)}`);
    }
    return value as T;
  }

  url(value: unknown, where: string): string {
    const url = this.string(value, where, LIMITS.urlLength);
    if (url === '') return url;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      this.fail(where, `"${url.slice(0, 80)}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      this.fail(where, `only http and https links are allowed, got "${parsed.protocol}"`);
    }
    return url;
  }

  number(value: unknown, where: string, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      this.fail(where, `must be a number from ${min} to ${max}, got ${describe(value)}`);
    }
    return value;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

const ENTITY_FIELDS = [
  'id', 'name', 'type', ...ALIAS_FIELDS, 'summary', 'facts', 'url', 'sentences',
  'related', 'headlines', 'languages', 'sameAs', 'map',
] as const;
const SAME_AS = /^[a-z]+:[A-Za-z0-9._-]{1,40}$/;
/** SVG path data: commands and numbers only, so nothing else can ride along in a map. */
const PATH_DATA = /^[MLHVCSQTAZmlhvcsqtaz0-9.,\s-]*$/;
const MAP_PATH_LENGTH = 20_000;
const PACK_FIELDS = [
  'format', 'formatVersion', 'id', 'name', 'version', 'corpusDate', 'description', 'documents', 'entities', 'stopPhrases', 'contextRules', 'index',
] as const;
const INDEX_FIELDS = [
  'version', 'nodes', 'edgeStart', 'edgeChar', 'edgeTarget', 'termStart', 'termAlias', 'aliasEntity', 'aliasFlags',
  'aliasForms',
] as const;

export function entityWhere(raw: unknown, i: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as Obj).id : undefined;
  return typeof id === 'string' ? `entity "${id.slice(0, LIMITS.idLength)}"` : `entity #${i + 1}`;
}

/** Checks one entity's descriptive fields; `docIds` (when given) must contain every referenced document. */
export function checkEntity(c: Checker, raw: unknown, where: string, docIds?: ReadonlySet<string>): PackEntity {
  const o = c.object(raw, where, ENTITY_FIELDS, ['id', 'name', 'type']);
  const entity: PackEntity = {
    id: c.id(o.id, `${where}, field "id"`),
    name: c.string(o.name, `${where}, field "name"`, LIMITS.nameLength, { nonEmpty: true }),
    type: c.oneOf(o.type, `${where}, field "type"`, ENTITY_TYPES),
    aliases: [],
    acronyms: [],
    shortForms: [],
    demonyms: [],
    summary: o.summary === undefined ? '' : c.string(o.summary, `${where}, field "summary"`, LIMITS.summaryLength),
    facts: [],
    url: o.url === undefined ? '' : c.url(o.url, `${where}, field "url"`),
    sentences: [],
    related: [],
    headlines: [],
  };
  for (const key of ALIAS_FIELDS) {
    if (o[key] !== undefined) {
      entity[key] = c.strings(o[key], `${where}, field "${key}"`, LIMITS.aliasesPerEntity, LIMITS.aliasLength);
    }
  }
  if (o.languages !== undefined) {
    const at = `${where}, field "languages"`;
    const byLanguage = c.object(o.languages, at, Object.keys(o.languages as object), []);
    const languages: Record<string, { aliases?: string[]; demonyms?: string[] }> = {};
    for (const [code, names] of Object.entries(byLanguage)) {
      if (!LANGUAGE_CODE.test(code)) c.fail(at, `"${code.slice(0, 20)}" is not a language code (two or three lowercase letters, such as "fr")`);
      const local = c.object(names, `${at}.${code}`, ['aliases', 'demonyms'], []);
      languages[code] = {
        ...(local.aliases !== undefined ? { aliases: c.strings(local.aliases, `${at}.${code}.aliases`, LIMITS.aliasesPerEntity, LIMITS.aliasLength) } : {}),
        ...(local.demonyms !== undefined ? { demonyms: c.strings(local.demonyms, `${at}.${code}.demonyms`, LIMITS.aliasesPerEntity, LIMITS.aliasLength) } : {}),
      };
    }
    if (Object.keys(languages).length > 60) c.fail(at, 'names more than 60 languages');
    entity.languages = languages;
  }
  if (o.sameAs !== undefined) {
    entity.sameAs = c.strings(o.sameAs, `${where}, field "sameAs"`, 10, 50).map((key, i) => {
      if (!SAME_AS.test(key)) c.fail(`${where}, field "sameAs[${i}]"`, `"${key}" is not an identity such as "iso:ROU"`);
      return key;
    });
  }
  if (o.map !== undefined) {
    const at = `${where}, field "map"`;
    const m = c.object(o.map, at, ['viewBox', 'land', 'focus', 'dot', 'alt'], ['viewBox', 'land', 'focus', 'alt']);
    const path = (value: unknown, field: string): string => {
      const d = c.string(value, `${at}.${field}`, MAP_PATH_LENGTH);
      if (!PATH_DATA.test(d)) c.fail(`${at}.${field}`, 'is not SVG path data');
      return d;
    };
    const viewBox = c.string(m.viewBox, `${at}.viewBox`, 40);
    if (!/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/.test(viewBox)) c.fail(`${at}.viewBox`, 'must be four numbers');
    entity.map = {
      viewBox,
      land: path(m.land, 'land'),
      focus: path(m.focus, 'focus'),
      alt: c.string(m.alt, `${at}.alt`, 300, { nonEmpty: true }),
      ...(m.dot !== undefined ? { dot: c.array(m.dot, `${at}.dot`, 2).map((n, i) => c.number(n, `${at}.dot[${i}]`, -10_000, 10_000)) as [number, number] } : {}),
    };
  }
  if (o.facts !== undefined) {
    entity.facts = c.array(o.facts, `${where}, field "facts"`, LIMITS.factsPerEntity).map((f, i) => {
      const at = `${where}, field "facts[${i}]"`;
      const fact = c.object(f, at, ['label', 'value', 'data'], ['label', 'value']);
      return {
        label: c.string(fact.label, `${at}.label`, LIMITS.factLength, { nonEmpty: true }),
        value: c.string(fact.value, `${at}.value`, LIMITS.factLength, { nonEmpty: true }),
        ...(fact.data !== undefined ? { data: factData(c, fact.data, `${at}.data`) } : {}),
      };
    });
  }
  if (o.sentences !== undefined) {
    entity.sentences = c.array(o.sentences, `${where}, field "sentences"`, LIMITS.sentencesPerEntity).map((s, i) => {
      const at = `${where}, field "sentences[${i}]"`;
      const sentence = c.object(s, at, ['doc', 'text', 'marks'], ['doc', 'text', 'marks']);
      const doc = c.id(sentence.doc, `${at}.doc`);
      if (docIds && !docIds.has(doc)) c.fail(`${at}.doc`, `refers to unknown document "${doc}"`);
      const text = c.string(sentence.text, `${at}.text`, LIMITS.sentenceLength, { nonEmpty: true });
      const marks = c.array(sentence.marks, `${at}.marks`, 50).map((m, k): [number, number] => {
        const pair = c.array(m, `${at}.marks[${k}]`, 2);
        const start = c.number(pair[0], `${at}.marks[${k}][0]`, 0, text.length);
        const end = c.number(pair[1], `${at}.marks[${k}][1]`, start, text.length);
        return [Math.floor(start), Math.floor(end)];
      });
      return { doc, text, marks };
    });
  }
  if (o.related !== undefined) {
    entity.related = c.array(o.related, `${where}, field "related"`, LIMITS.relatedPerEntity).map((r, i) => {
      const at = `${where}, field "related[${i}]"`;
      const rel = c.object(r, at, ['id', 'weight'], ['id', 'weight']);
      return { id: c.id(rel.id, `${at}.id`), weight: c.number(rel.weight, `${at}.weight`, 0, 1_000_000) };
    });
  }
  if (o.headlines !== undefined) {
    entity.headlines = c.array(o.headlines, `${where}, field "headlines"`, LIMITS.documents).map((h, i) => {
      const id = c.id(h, `${where}, field "headlines[${i}]"`);
      if (docIds && !docIds.has(id)) c.fail(`${where}, field "headlines[${i}]"`, `refers to unknown document "${id}"`);
      return id;
    });
  }
  return entity;
}

/**
 * Rejects duplicate ids and any alias (after folding) that two entities claim. Returns which entity claims
 * each folded alias.
 */
export function checkUniqueness(c: Checker, entities: readonly PackEntity[]): ReadonlyMap<string, string> {
  const ids = new Map<string, number>();
  const claims = new Map<string, string>();
  entities.forEach((entity, i) => {
    const where = `entity "${entity.id}"`;
    if (ids.has(entity.id)) c.fail(where, `duplicate id (also entity #${(ids.get(entity.id) ?? 0) + 1})`);
    ids.set(entity.id, i);
    const own = new Set<string>();
    const forms: Array<[string, string]> = [['name', entity.name]];
    for (const key of ALIAS_FIELDS) {
      entity[key].forEach((alias, k) => forms.push([`${key}[${k}]`, alias]));
    }
    for (const [code, local] of Object.entries(entity.languages ?? {})) {
      for (const key of ['aliases', 'demonyms'] as const) local[key]?.forEach((alias, k) => forms.push([`languages.${code}.${key}[${k}]`, alias]));
    }
    for (const [field, alias] of forms) {
      const key = foldText(alias).trim();
      if (key === '') c.fail(`${where}, field "${field}"`, 'has no matchable text');
      if (own.has(key)) continue;
      own.add(key);
      const owner = claims.get(key);
      if (owner !== undefined && owner !== entity.id) {
        c.fail(`${where}, field "${field}"`, `alias "${alias}" is already claimed by entity "${owner}"`);
      }
      claims.set(key, entity.id);
    }
  });
  return claims;
}

/** A stop phrase may not equal an alias (`claims`, from checkUniqueness): it would hide that entity everywhere. */
export function checkStopPhrases(c: Checker, phrases: readonly string[], claims: ReadonlyMap<string, string>): void {
  phrases.forEach((phrase, i) => {
    const owner = claims.get(foldText(phrase).trim());
    if (owner !== undefined) c.fail(`stop phrase #${i + 1} "${phrase}"`, `is an alias of entity "${owner}"`);
  });
}

function checkDocument(c: Checker, raw: unknown, i: number): PackDocument {
  const where = `document #${i + 1}`;
  const o = c.object(raw, where, ['id', 'title', 'kind', 'date', 'source', 'site', 'url'], ['id', 'title', 'kind', 'date', 'source']);
  const date = c.string(o.date, `${where}, field "date"`, 10);
  if (date !== '' && !isCalendarDate(date)) c.fail(`${where}, field "date"`, `"${date}" is not a calendar date: it must be YYYY, YYYY-MM or YYYY-MM-DD, with a real month and day`);
  return {
    id: c.id(o.id, `${where}, field "id"`),
    title: c.string(o.title, `${where}, field "title"`, LIMITS.titleLength),
    kind: c.oneOf(o.kind, `${where}, field "kind"`, DOCUMENT_KINDS),
    date,
    source: c.string(o.source, `${where}, field "source"`, LIMITS.titleLength),
    ...(o.site === undefined ? {} : { site: c.string(o.site, `${where}, field "site"`, LIMITS.titleLength) }),
    ...(o.url === undefined ? {} : { url: c.url(o.url, `${where}, field "url"`) }),
  };
}

function checkIndexShape(c: Checker, raw: unknown): PackIndex {
  const o = c.object(raw, 'index', INDEX_FIELDS, INDEX_FIELDS);
  const b64 = (key: string): string => {
    const v = o[key];
    if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) c.fail(`index, field "${key}"`, 'must be base64 text');
    return v;
  };
  const forms = o.aliasForms;
  if (!Array.isArray(forms) || !forms.every((f) => typeof f === 'string')) c.fail('index, field "aliasForms"', 'must be an array of strings');
  return {
    version: c.number(o.version, 'index, field "version"', 1, 1000),
    nodes: c.number(o.nodes, 'index, field "nodes"', 1, 50_000_000),
    edgeStart: b64('edgeStart'),
    edgeChar: b64('edgeChar'),
    edgeTarget: b64('edgeTarget'),
    termStart: b64('termStart'),
    termAlias: b64('termAlias'),
    aliasEntity: b64('aliasEntity'),
    aliasFlags: b64('aliasFlags'),
    aliasForms: forms,
  };
}

/** YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day ("2025-13-45" and "2025-02-30" are not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

function calendarDate(c: Checker, value: unknown, where: string): string {
  const date = c.string(value, where, 10);
  if (date !== '' && !isCalendarDate(date)) c.fail(where, `"${date}" is not a calendar date: it must be YYYY, YYYY-MM or YYYY-MM-DD, with a real month and day`);
  return date;
}

/** Validates a parsed pack. `source` names the file in every error. */
export function validatePack(raw: unknown, source: string): KnowledgePack {
  const c = new Checker(source);
  const o = c.object(raw, 'pack', PACK_FIELDS, ['format', 'formatVersion', 'id', 'name', 'version', 'entities']);
  if (o.format !== PACK_FORMAT) c.fail('pack, field "format"', `must be "${PACK_FORMAT}"; this is not a Backstory knowledge pack`);
  if (o.formatVersion !== PACK_FORMAT_VERSION) {
    c.fail('pack, field "formatVersion"', `version ${describe(o.formatVersion)} is not supported; this Backstory reads version ${PACK_FORMAT_VERSION}`);
  }
  const documents = o.documents === undefined ? [] : c.array(o.documents, 'pack, field "documents"', LIMITS.documents).map((d, i) => checkDocument(c, d, i));
  const docIds = new Set<string>();
  for (const d of documents) {
    if (docIds.has(d.id)) c.fail(`document "${d.id}"`, 'duplicate id');
    docIds.add(d.id);
  }
  const rawEntities = c.array(o.entities, 'pack, field "entities"', LIMITS.entities);
  const entities = rawEntities.map((e, i) => checkEntity(c, e, entityWhere(e, i), docIds));
  const claims = checkUniqueness(c, entities);
  const ids = new Set(entities.map((e) => e.id));
  for (const e of entities) {
    e.related.forEach((r, i) => {
      if (!ids.has(r.id)) c.fail(`entity "${e.id}", field "related[${i}].id"`, `refers to unknown entity "${r.id}"`);
    });
  }
  const pack: KnowledgePack = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: c.id(o.id, 'pack, field "id"'),
    name: c.string(o.name, 'pack, field "name"', LIMITS.nameLength, { nonEmpty: true }),
    version: c.string(o.version, 'pack, field "version"', 40, { nonEmpty: true }),
    corpusDate: o.corpusDate === undefined ? '' : calendarDate(c, o.corpusDate, 'pack, field "corpusDate"'),
    description: o.description === undefined ? '' : c.string(o.description, 'pack, field "description"', LIMITS.descriptionLength),
    documents,
    entities,
  };
  if (o.stopPhrases !== undefined) {
    pack.stopPhrases = c.strings(o.stopPhrases, 'pack, field "stopPhrases"', LIMITS.stopPhrases, LIMITS.aliasLength);
    checkStopPhrases(c, pack.stopPhrases, claims);
  }
  if (o.contextRules !== undefined) pack.contextRules = checkContextRules(c, o.contextRules, ids);
  if (o.index !== undefined) pack.index = checkIndexShape(c, o.index);
  return pack;
}

const RULE_FIELDS = ['types', 'entities', 'fields', 'notAfter', 'notBefore'] as const;

/** Context rules (see ContextRule): known types, fields and entity ids, and at least one phrase each. */
export function checkContextRules(c: Checker, raw: unknown, ids: ReadonlySet<string>): ContextRule[] {
  return c.array(raw, 'pack, field "contextRules"', LIMITS.contextRules).map((item, i) => {
    const where = `context rule #${i + 1}`;
    const o = c.object(item, where, RULE_FIELDS, []);
    const rule: ContextRule = {};
    if (o.types !== undefined) rule.types = c.array(o.types, `${where}, field "types"`, ENTITY_TYPES.length).map((t, k) => c.oneOf(t, `${where}, field "types[${k}]"`, ENTITY_TYPES));
    if (o.entities !== undefined) {
      rule.entities = c.strings(o.entities, `${where}, field "entities"`, LIMITS.contextPhrases, LIMITS.idLength);
      for (const id of rule.entities) if (!ids.has(id)) c.fail(`${where}, field "entities"`, `refers to unknown entity "${id}"`);
    }
    if (o.fields !== undefined) rule.fields = c.array(o.fields, `${where}, field "fields"`, ALIAS_FIELDS.length).map((f, k) => c.oneOf(f, `${where}, field "fields[${k}]"`, ALIAS_FIELDS));
    if (o.notAfter !== undefined) rule.notAfter = c.strings(o.notAfter, `${where}, field "notAfter"`, LIMITS.contextPhrases, LIMITS.contextPhraseLength);
    if (o.notBefore !== undefined) rule.notBefore = c.strings(o.notBefore, `${where}, field "notBefore"`, LIMITS.contextPhrases, LIMITS.contextPhraseLength);
    if ((rule.notAfter?.length ?? 0) + (rule.notBefore?.length ?? 0) === 0) c.fail(where, 'needs at least one phrase in "notAfter" or "notBefore"');
    return rule;
  });
}

/** A fact's data (FactData): one of its kinds, with an area in range or at most 50 codes of the kind's shape. */
function factData(c: Checker, value: unknown, where: string): FactData {
  const d = c.object(value, where, ['kind', 'km2', 'codes'], ['kind']);
  if (d.kind === 'area') return { kind: 'area', km2: c.number(d.km2, `${where}.km2`, 0, 1e9) };
  if (d.kind !== 'languages' && d.kind !== 'currencies' && d.kind !== 'countries') c.fail(`${where}.kind`, 'must be "area", "languages", "currencies" or "countries"');
  const kind = d.kind;
  const codes = c.array(d.codes, `${where}.codes`, LIMITS.codesPerFact).map((code, i) => {
    const text = c.string(code, `${where}.codes[${i}]`, 3, { nonEmpty: true });
    if (!FACT_DATA_CODES[kind].test(text)) c.fail(`${where}.codes[${i}]`, `is not a ${kind === 'languages' ? 'ISO 639 language' : kind === 'currencies' ? 'ISO 4217 currency' : 'ISO 3166-1 alpha-2 country'} code`);
    return text;
  });
  return { kind, codes };
}
