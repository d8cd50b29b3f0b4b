/**
 * Cuts a sentence that is too long to quote into pieces that fit. A card quotes sentences, and real text has
 * "sentences" of thousands of characters (a list, a table row, a paragraph without full stops, a language
 * without spaces): one of them must never cost the pack. Pieces end at clause boundaries where there are any
 * (; : — ,), else between words, marked with an ellipsis; text without spaces is cut at the limit. Nothing is
 * dropped, and every piece says where it starts in the sentence, so mention offsets carry over.
 */
export const QUOTE_MAX = 400;

export interface Piece {
  text: string;
  /** Offset in the sentence of the piece's first character of sentence text. */
  from: number;
  /** Characters added before the sentence text (an ellipsis), so a sentence offset o is piece offset o - from + lead. */
  lead: number;
}

const ELLIPSIS = '…';
/** Boundaries in order of preference; each match's end is where the next piece starts. */
const BOUNDARIES = [/[;:]\s+/g, /\s+[—–]\s+/g, /,\s+/g];

function lastBoundary(text: string, min: number, max: number): number {
  for (const pattern of BOUNDARIES) {
    let best = -1;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m && m.index + m[0].length <= max; m = pattern.exec(text)) {
      if (m.index >= min) best = m.index + m[0].length;
    }
    if (best > 0) return best;
  }
  return -1;
}

export function fitSentence(sentence: string, max = QUOTE_MAX): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  let lead = 0;
  while (sentence.length - from + lead > max) {
    const rest = sentence.slice(from);
    const room = max - lead - 1;
    const clause = lastBoundary(rest, Math.floor(room * 0.3), room + 1);
    let cut = clause;
    let marked = false;
    if (cut <= 0) {
      const space = rest.lastIndexOf(' ', room);
      cut = space > room * 0.3 ? space + 1 : room;
      marked = true;
    }
    const text = rest.slice(0, cut).trimEnd();
    pieces.push({ text: (lead ? ELLIPSIS : '') + text + (marked ? ELLIPSIS : ''), from, lead });
    from += cut;
    while (from < sentence.length && /\s/.test(sentence.charAt(from))) from++;
    lead = marked ? 1 : 0;
  }
  const tail = sentence.slice(from).trimEnd();
  if (tail !== '') pieces.push({ text: (lead ? ELLIPSIS : '') + tail, from, lead });
  return pieces;
}
