/**
 * Splits corpus files into documents. A file holds articles and headline lists separated by two or more blank
 * lines; a block of short one-line items is a list of headlines, anything else is one article.
 */
import type { PackDocument } from '../pack-format/types';

export interface CorpusFile {
  /** Path relative to the corpus folder, used as the source and in ids. */
  name: string;
  text: string;
  /** Date for documents whose text gives none (from corpus.json), or ''. */
  fallbackDate: string;
}

export interface CorpusDocument extends PackDocument {
  body: string;
}

const HEADLINE_MAX = 200;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_DATE = new RegExp(`\\b(${MONTHS.join('|')})\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2})\\b`, 'i');
const DAY_MONTH_DATE = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+((?:19|20)\\d{2})\\b`, 'i');
const ISO_DATE = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/;

/** The first explicit calendar date written in the text, as YYYY-MM-DD, or ''. */
export function dateInText(text: string): string {
  const iso = ISO_DATE.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const pad = (n: string | undefined): string => (n ?? '').padStart(2, '0');
  const md = MONTH_DATE.exec(text);
  if (md) return `${md[3]}-${pad(String(MONTHS.indexOf((md[1] ?? '').toLowerCase()) + 1))}-${pad(md[2])}`;
  const dm = DAY_MONTH_DATE.exec(text);
  if (dm) return `${dm[3]}-${pad(String(MONTHS.indexOf((dm[2] ?? '').toLowerCase()) + 1))}-${pad(dm[1])}`;
  return '';
}

/** Removes the Markdown syntax that would otherwise end up in sentences. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s{0,3}[-*+]\s+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

function slug(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function isHeadlineBlock(lines: string[]): boolean {
  return lines.length > 1 && lines.every((l) => l.length <= HEADLINE_MAX && !/[.;:]$/.test(l));
}

export function splitCorpusFile(file: CorpusFile): CorpusDocument[] {
  const markdown = /\.(md|markdown)$/i.test(file.name);
  const text = (markdown ? stripMarkdown(file.text) : file.text).replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const blocks = text
    .split(/\n[ \t]*\n(?:[ \t]*\n)+/)
    .map((b) => b.split('\n').map((l) => l.trim()).filter((l) => l !== ''))
    .filter((lines) => lines.length > 0);
  const stem = slug(file.name);
  const docs: CorpusDocument[] = [];
  let articles = 0;
  let headlines = 0;
  for (const lines of blocks) {
    if (isHeadlineBlock(lines)) {
      for (const line of lines) {
        const title = line.replace(/^#+\s*/, '');
        docs.push({
          id: `${stem}-h${String(++headlines).padStart(2, '0')}`,
          title,
          kind: 'headline',
          date: dateInText(title) || file.fallbackDate,
          source: file.name,
          body: title,
        });
      }
      continue;
    }
    let title = '';
    let bodyLines = lines;
    const heading = /^#{1,3}\s+(.+)$/.exec(lines[0] ?? '');
    if (heading && lines.length > 1) {
      title = heading[1] ?? '';
      bodyLines = lines.slice(1);
    } else if (lines.length > 1 && (lines[0] ?? '').length <= HEADLINE_MAX && !/[.!?;:]$/.test(lines[0] ?? '')) {
      title = lines[0] ?? '';
      bodyLines = lines.slice(1);
    }
    const body = bodyLines.join('\n');
    docs.push({
      id: `${stem}-a${++articles}`,
      // No made-up title: a card labels an untitled article "Article" with its date, not its first words.
      title,
      kind: 'article',
      date: dateInText(body) || file.fallbackDate,
      source: file.name,
      body,
    });
  }
  return docs;
}
