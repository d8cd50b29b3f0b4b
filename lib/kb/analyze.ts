/**
 * The map step: one compromise parse per document gives its sentences and the people, places, organisations
 * and quoted terms in them, each with its sentence and the words around it. Parsing once (not once for
 * sentences and again for names), leaving out the parse's phrase chunking that names do not use (nlp.ts),
 * and reading compromise's term pointers instead of its offset output makes the step faster than
 * compromise alone.
 */
import { parseForNames } from './nlp';
import type { EntityType } from '../pack-format/types';
import { cleanCandidate } from './candidates';
import type { DocInput, DocRecord, Mined } from './doc-record';
import { fitSentence } from './sentence-fit';
import { languageOf } from './language';

interface Term {
  pre: string;
  text: string;
  post: string;
  index: [number, number];
}
interface Selection {
  docs: Term[][];
}
interface ParsedDoc {
  document: Term[][];
  people(): Selection;
  places(): Selection;
  organizations(): Selection;
  quotations(): Selection;
}
const parse = parseForNames as unknown as (text: string, tag: boolean) => ParsedDoc;

const BEFORE_CHARS = 80;
const AFTER_CHARS = 120;
/** A quoted phrase of a few words is a coined term ("drone wall"); a longer one is a quote. */
const QUOTED_MAX_WORDS = 4;
/** Control characters other than line breaks and tabs are not text; NFC so one name has one spelling. */
export function cleanText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) {
      out += `${text.slice(from, i)} `;
      from = i + 1;
    }
  }
  return (from === 0 ? text : out + text.slice(from)).normalize('NFC');
}

interface Span {
  sentence: number;
  start: number;
  end: number;
}

/** `fileLanguage`: the language of the whole file, for a document too short to tell (a headline). */
export function analyzeDocument(input: DocInput, fileLanguage = ''): DocRecord {
  const body = cleanText(input.body);
  const language = languageOf(body) || fileLanguage || 'en';
  // compromise parses English; names in other languages come only from curated entries.
  const parsed = language === 'en';
  const doc = parse(body, parsed);
  // Each parsed sentence, split at line breaks (one line is one block of the source) and cut to fit a card.
  const sentences: string[] = [];
  const starts: number[][] = [];
  const pieceOf: Array<Array<{ index: number; from: number; to: number; lead: number; trim: number }>> = [];
  let cut = 0;
  doc.document.forEach((terms, n) => {
    const offsets: number[] = [];
    let text = '';
    for (const t of terms) {
      offsets.push(text.length);
      text += t.pre + t.text + t.post;
    }
    starts[n] = offsets;
    const pieces: Array<{ index: number; from: number; to: number; lead: number; trim: number }> = [];
    let lineStart = 0;
    for (const line of text.split('\n')) {
      const trim = line.length - line.trimStart().length;
      const clean = line.trim();
      if (clean !== '') {
        const fitted = fitSentence(clean);
        if (fitted.length > 1) cut++;
        fitted.forEach((p, i) => {
          const to = i + 1 < fitted.length ? (fitted[i + 1] as { from: number }).from : clean.length;
          pieces.push({ index: sentences.length, from: lineStart + trim + p.from, to: lineStart + trim + to, lead: p.lead, trim });
          sentences.push(p.text);
        });
      }
      lineStart += line.length + 1;
    }
    pieceOf[n] = pieces;
  });
  const place = (match: Term[]): Span | null => {
    const first = match[0];
    const last = match[match.length - 1];
    if (!first || !last) return null;
    const n = first.index[0];
    const offsets = starts[n];
    const lastTerm = doc.document[n]?.[last.index[1]];
    if (!offsets || last.index[0] !== n || !lastTerm) return null;
    const start = (offsets[first.index[1]] ?? 0) + first.pre.length;
    const end = (offsets[last.index[1]] ?? 0) + lastTerm.pre.length + lastTerm.text.length;
    return { sentence: n, start, end };
  };
  const mined: Mined[] = [];
  const add = (span: Span | null, raw: string, type: EntityType): void => {
    if (!span || !parsed) return;
    let clean = type === 'concept' ? raw.replace(/^["“”'‘’]+|["“”'‘’,.]+$/g, '').trim() : cleanCandidate(raw);
    // compromise can run a name into the acronym after it: "North Atlantic Treaty Organization (NATO".
    if (/\([^)]*$/.test(clean)) clean = clean.replace(/\s*\([^)]*$/, '');
    if (clean.length < 2) return;
    const at = span.start + raw.indexOf(clean);
    const piece = pieceOf[span.sentence]?.find((p) => at >= p.from && at + clean.length <= p.to);
    if (!piece || raw.indexOf(clean) < 0) return;
    const text = sentences[piece.index] ?? '';
    const local = at - piece.from + piece.lead;
    mined.push({ text: clean, type, s: piece.index, before: text.slice(Math.max(0, local - BEFORE_CHARS), local), after: text.slice(local + clean.length, local + clean.length + AFTER_CHARS) });
  };
  const sentenceText = (span: Span): string => {
    const terms = doc.document[span.sentence] ?? [];
    return terms.map((t) => t.pre + t.text + t.post).join('').slice(span.start, span.end);
  };
  const take = (selection: Selection, type: EntityType): void => {
    for (const match of selection.docs) {
      const span = place(match);
      if (span) add(span, sentenceText(span), type);
    }
  };
  if (parsed) {
    take(doc.people(), 'person');
    take(doc.places(), 'place');
    take(doc.organizations(), 'organization');
    for (const match of doc.quotations().docs) {
      const span = place(match);
      if (!span) continue;
      const raw = sentenceText(span);
      if (raw.split(/\s+/).length <= QUOTED_MAX_WORDS) add(span, raw, 'concept');
    }
  }
  return {
    key: input.key,
    id: input.id,
    title: cleanText(input.title).replace(/\s+/g, ' ').trim(),
    kind: input.kind,
    date: input.date,
    source: input.source,
    site: input.site,
    url: input.url,
    sentences,
    mined,
    language,
    parsed,
    cut,
  };
}
