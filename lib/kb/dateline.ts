/**
 * A document's date from its dateline ("WASHINGTON, Dec. 3, 2025 —", "Tuesday 2 December 2025"), read by
 * compromise-dates, for text that gives no date any other way. Only a date written with its year counts: a
 * weekday or "yesterday" would be dated from the day the pack is built, which says nothing about the story.
 * Used by the merge step, never by the map workers: the plugin changes how compromise tags every text, and
 * names are mined without it.
 */
import { nlp as nlpUntyped } from './nlp';
import datesPlugin from 'compromise-dates';

interface DatesView {
  dates(options: { timezone: string }): { json(): Array<{ text?: string; dates?: { start?: unknown } }> };
}
interface Nlp {
  (text: string): DatesView;
  plugin(plugin: unknown): void;
}
const nlp = nlpUntyped as unknown as Nlp;

const DATELINE_CHARS = 300;
const YEAR = /\b(?:19|20)\d{2}\b/;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s|$)/i;
let extended = false;

export function datelineDate(text: string): string {
  const head = text.slice(0, DATELINE_CHARS);
  if (!YEAR.test(head)) return '';
  if (!extended) {
    nlp.plugin(datesPlugin);
    extended = true;
  }
  // compromise-dates misreads a date run into the story ("Dec. 3, 2025 — The Senate"): read the dateline's
  // parts, cut at dashes, bars and line breaks, one by one.
  const parts = head.split(/\s+[—–-]+\s+|\s*\|\s*|\n/).filter((p) => YEAR.test(p)).slice(0, 4);
  for (const part of parts) {
    const date = dateIn(part);
    if (date !== '') return date;
  }
  return '';
}

function dateIn(text: string): string {
  for (const found of nlp(text).dates({ timezone: 'UTC' }).json()) {
    const start = found.dates?.start;
    const said = found.text ?? '';
    if (typeof start !== 'string' || !YEAR.test(said) || !/^\d{4}-\d{2}-\d{2}/.test(start)) continue;
    // "In 2019" is a year, not a dateline: a day makes a date, a month alone makes a month.
    if (/(?:^|\D)(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\D|$)/.test(said.replace(YEAR, ''))) return start.slice(0, 10);
    if (MONTH.test(said)) return start.slice(0, 7);
  }
  return '';
}
