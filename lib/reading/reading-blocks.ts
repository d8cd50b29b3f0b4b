/**
 * Sentences from the blocks a page sends: each block is cut into sentences, and a sentence is kept with the
 * entities whose names, as the page wrote them, it contains. Runs in the background, so the page only reads
 * text. Everything a page sends is bounded here first (READ_LIMITS), whatever the content script claims.
 */
import { READ_LIMITS, type ReadSentence } from './reading-record';

/**
 * Sentence spans of a text: a sentence ends at . ! or ? (and any closing quotes or brackets) before white
 * space. A plain scan: news prose, not a linguistic model.
 */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]+["'”’)\]]*\s+/g)) {
    const end = m.index + m[0].length;
    spans.push([start, end]);
    start = end;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

const MAX_NAME_CHARS = 200;

function names(value: unknown): Array<[string, string]> {
  if (!Array.isArray(value)) return [];
  const out: Array<[string, string]> = [];
  for (const pair of value.slice(0, READ_LIMITS.namesPerBlock)) {
    // A name longer than a name is not one (and would make every search through the block long).
    if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string' && pair[0].trim() !== '' && pair[0].length <= MAX_NAME_CHARS) out.push([pair[0], pair[1]]);
  }
  return out;
}

export function sentencesOfBlocks(blocks: readonly unknown[]): ReadSentence[] {
  const bySentence = new Map<string, Set<string>>();
  for (const raw of blocks.slice(0, READ_LIMITS.blocks)) {
    const block = raw as { text?: unknown; names?: unknown } | null;
    if (typeof block?.text !== 'string') continue;
    const text = block.text.slice(0, READ_LIMITS.blockChars);
    const named = names(block.names);
    for (const [from, to] of sentenceSpans(text)) {
      const raw = text.slice(from, to);
      const keys = named.filter(([name]) => raw.includes(name)).map(([, key]) => key);
      if (keys.length === 0) continue;
      const sentence = raw.replace(/\s+/g, ' ').trim().slice(0, READ_LIMITS.sentenceChars);
      if (sentence === '') continue;
      const set = bySentence.get(sentence) ?? new Set<string>();
      for (const k of keys) set.add(k);
      bySentence.set(sentence, set);
      if (bySentence.size >= READ_LIMITS.sentences) break;
    }
    if (bySentence.size >= READ_LIMITS.sentences) break;
  }
  return [...bySentence].map(([text, keys]) => ({ text, entities: [...keys] }));
}
