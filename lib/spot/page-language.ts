/**
 * The language a page is written in, as packs name languages: the primary subtag of `<html lang>`, else of a
 * `<meta http-equiv="content-language">` (the HTTP header itself is not visible to a page), else what a
 * detector made of its text (`rememberDetectedLanguage`). Null when none of them says; then every language's
 * names match (see LoadedPack.languageFilter).
 */
import { getAttribute, queryFirst, queryList, textContent } from '../dom/safe-dom';

function primary(tag: string | null | undefined): string | null {
  const code = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*\s*(?:,|$)/i.exec(tag ?? '')?.[1];
  return code ? code.toLowerCase() : null;
}

const detected = new WeakMap<Document, string>();

/** What a detector found for a page that declares no language (the background runs it: see languageSample). */
export function rememberDetectedLanguage(doc: Document, language: string | null): void {
  const code = primary(language);
  if (code) detected.set(doc, code);
}

/** The language the page declares, or null (then a caller may have it detected). */
export function declaredLanguage(doc: Document): string | null {
  const root = doc.documentElement as Element | null;
  const declared = root ? primary(getAttribute(root, 'lang') ?? getAttribute(root, 'xml:lang')) : null;
  if (declared) return declared;
  for (const meta of Array.from(queryList(doc, 'meta[http-equiv]'))) {
    if (getAttribute(meta, 'http-equiv')?.toLowerCase() === 'content-language') return primary(getAttribute(meta, 'content'));
  }
  return null;
}

export function pageLanguage(doc: Document): string | null {
  return declaredLanguage(doc) ?? detected.get(doc) ?? null;
}

const SAMPLE_CHARS = 1_000;

/** A sample of the page's running text for a detector: its first paragraphs, read natively, at most 1,000 characters. */
export function languageSample(doc: Document): string {
  let sample = '';
  for (const p of queryFirst(doc, 'p', 30)) {
    sample += `${textContent(p)} `;
    if (sample.length >= SAMPLE_CHARS) break;
  }
  return sample.replace(/\s+/g, ' ').trim().slice(0, SAMPLE_CHARS);
}
