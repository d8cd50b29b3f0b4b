/**
 * What reading memory reads of an article's text: each block that mentions a known entity, with the names it
 * mentions as written. The head is page-head.ts's; nothing else of the page is read, and cutting sentences
 * is the background's (reading-blocks.ts), off the page's main thread.
 *
 * One function, for the reason page-head.ts gives: it runs once, cold, when the article is kept.
 */
import { entityKey } from '../pack-format/entity-key';
import { READ_LIMITS, type ReadBlock } from '../reading/reading-record';
import type { MentionRecord } from './mention-store';
import { contains, localName, parentElement, textContent } from '../dom/safe-dom';
import { TEXT_BLOCK_TAGS } from '../spot/blocks';

const BLOCKS = new Set(TEXT_BLOCK_TAGS);

/**
 * The article's blocks that mention known entities (mentions outside `article`, in the page's chrome, are
 * left out). A mention's block is its nearest block element inside the article, else its parent element;
 * found once per parent element (a paragraph's mentions share the answer), walking up through the
 * prototypes' accessors (safe-dom.ts), so a page's named form fields cannot stand in for them.
 */
export function readBlocks(records: readonly MentionRecord[], article: Element): ReadBlock[] {
  const byBlock = new Map<Element, ReadBlock>();
  const blockOf = new Map<Element, Element | null>();
  for (const { mention } of records) {
    const node = mention.start.node;
    const parent = parentElement(node);
    if (!parent) continue;
    let element = blockOf.get(parent);
    if (element === undefined) {
      element = null;
      if (contains(article, parent)) {
        element = parent;
        for (let el: Element | null = parent; el; el = el === article ? null : parentElement(el)) {
          if (BLOCKS.has(localName(el))) {
            element = el;
            break;
          }
        }
      }
      blockOf.set(parent, element);
    }
    if (!element) continue;
    let block = byBlock.get(element);
    if (!block) {
      if (byBlock.size >= READ_LIMITS.blocks) break;
      const text = textContent(element);
      // A block longer than a paragraph (a layout cell holding the page): the mention's own text node.
      block = { text: text.length <= READ_LIMITS.blockChars ? text : node.data.slice(0, READ_LIMITS.blockChars), names: [] };
      byBlock.set(element, block);
    }
    if (block.names.length < READ_LIMITS.namesPerBlock) block.names.push([mention.text, entityKey(mention.packId, mention.entity.id)]);
  }
  return [...byBlock.values()];
}
