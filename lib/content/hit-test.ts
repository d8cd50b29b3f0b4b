/** Which mention is under a point: the caret API finds the text node, our own index finds the mention. */
import { isText } from '../dom/safe-dom';
import type { MentionRecord, MentionStore } from './mention-store';

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** A live Range for a record, made on demand and never registered, so it costs nothing after use. */
export function liveRange(doc: Document, record: MentionRecord): Range {
  const range = doc.createRange();
  range.setStart(record.mention.start.node, record.mention.start.offset);
  range.setEnd(record.mention.end.node, record.mention.end.offset);
  return range;
}

const SLOP = 1;

export function hitTest(doc: Document, store: MentionStore, x: number, y: number): { record: MentionRecord; rect: DOMRect } | null {
  const caret = caretAt(doc, x, y);
  if (!caret || !isText(caret.node)) return null;
  for (const record of store.around(caret.node, caret.offset)) {
    // The caret lands beside the nearest character even when the pointer is past the end of a line,
    // so the point must also be inside one of the mention's line boxes.
    for (const rect of liveRange(doc, record).getClientRects()) {
      if (x >= rect.left - SLOP && x <= rect.right + SLOP && y >= rect.top - SLOP && y <= rect.bottom + SLOP) {
        return { record, rect };
      }
    }
  }
  return null;
}
