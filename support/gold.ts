/**
 * The precision harness's view of a saved page: every mention keyed by where it sits in the document (the
 * text node's ordinal and the offset in it), so judgements survive engine changes that alter what text is
 * collected around a mention; and the text around it, from the whole document, for a person to judge.
 */
import type { Mention } from '../lib/spot/scan';

export interface LocatedMention {
  key: string;
  id: string;
  text: string;
  before: string;
  after: string;
}

export interface Verdict {
  id: string;
  text: string;
  /** "right": the right entity where a reader reads; "wrong": anything else, with the reason. */
  verdict: 'right' | 'wrong';
  reason: string;
  context: string;
}

/** page name -> mention key -> verdict. */
export type Gold = Record<string, Record<string, Verdict>>;

export function locateMentions(doc: Document, mentions: readonly Pick<Mention, 'entity' | 'text' | 'start'>[], contextChars = 40): LocatedMention[] {
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  const ordinal = new Map<Node, number>();
  const starts: number[] = [];
  let text = '';
  for (let node = walker.nextNode(), i = 0; node; node = walker.nextNode(), i++) {
    ordinal.set(node, i);
    starts.push(text.length);
    text += `${(node as Text).data} `;
  }
  const tidy = (s: string): string => s.replace(/\s+/g, ' ');
  return mentions.map((m) => {
    const n = ordinal.get(m.start.node) ?? -1;
    const at = (starts[n] ?? 0) + m.start.offset;
    return {
      key: `${n}:${m.start.offset}:${m.entity.id}`,
      id: m.entity.id,
      text: tidy(m.text),
      before: tidy(text.slice(Math.max(0, at - contextChars * 3), at)).slice(-contextChars),
      after: tidy(text.slice(at + m.text.length, at + m.text.length + contextChars * 3)).slice(0, contextChars),
    };
  });
}

export interface Score {
  found: number;
  right: number;
  expected: number;
  precision: number;
  recall: number;
  unjudged: LocatedMention[];
}

/** Precision over what was found; recall over every mention judged right (pooled over the engines judged). */
export function score(gold: Record<string, Verdict>, found: readonly LocatedMention[]): Score {
  const expected = Object.values(gold).filter((v) => v.verdict === 'right').length;
  let right = 0;
  const unjudged: LocatedMention[] = [];
  for (const m of found) {
    const v = gold[m.key];
    if (!v) unjudged.push(m);
    else if (v.verdict === 'right') right++;
  }
  return { found: found.length, right, expected, precision: found.length === 0 ? 1 : right / found.length, recall: expected === 0 ? 1 : right / expected, unjudged };
}
