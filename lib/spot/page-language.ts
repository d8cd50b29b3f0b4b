/**
 * The language a page is written in, as packs name languages: the primary subtag of `<html lang>`, else of a
 * `<meta http-equiv="content-language">` (the HTTP header itself is not visible to a page). Null when the page
 * does not say; then every language's names match (see LoadedPack.languageFilter).
 */
import { getAttribute, queryList } from '../dom/safe-dom';

function primary(tag: string | null | undefined): string | null {
  const code = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*\s*(?:,|$)/i.exec(tag ?? '')?.[1];
  return code ? code.toLowerCase() : null;
}

export function pageLanguage(doc: Document): string | null {
  const root = doc.documentElement as Element | null;
  const declared = root ? primary(getAttribute(root, 'lang') ?? getAttribute(root, 'xml:lang')) : null;
  if (declared) return declared;
  for (const meta of Array.from(queryList(doc, 'meta[http-equiv]'))) {
    if (getAttribute(meta, 'http-equiv')?.toLowerCase() === 'content-language') return primary(getAttribute(meta, 'content'));
  }
  return null;
}
