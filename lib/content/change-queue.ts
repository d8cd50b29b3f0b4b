/**
 * What the page's mutations mean for the scanner: which blocks to rescan, whether mentions may have gone
 * stale (text changed or removed), and which subtrees an attribute switched out of reach (an editor, hidden).
 * Our own UI's mutations are ignored. A change to the document's own children (`document.open()`, a new
 * `<html>`) is reported apart: the whole page starts over.
 */
import { contains, isText, parentNode } from '../dom/safe-dom';
import { nearestBlock } from '../spot/blocks';

export interface ChangeQueueOptions {
  doc: Document;
  isOwnNode: (node: Node) => boolean;
  onDocumentChildren: () => void;
  /** An attribute that can exclude a subtree changed on `target`. */
  onExcludingAttribute: (target: Node) => void;
}

/** Attributes that switch a subtree in or out of what is scanned. */
export const EXCLUDING_ATTRIBUTES = ['contenteditable', 'hidden', 'aria-hidden', 'inert'];

export class ChangeQueue {
  private readonly changed = new Set<Node>();
  private sweep = false;

  constructor(private readonly o: ChangeQueueOptions) {}

  get pending(): boolean {
    return this.changed.size > 0 || this.sweep;
  }

  take(records: readonly MutationRecord[]): void {
    if (records.some((r) => r.target === this.o.doc)) {
      this.o.onDocumentChildren();
      return;
    }
    for (const r of records) {
      if (this.o.isOwnNode(r.target)) continue;
      if (r.type === 'characterData') {
        this.sweep = true;
        const parent = parentNode(r.target);
        if (parent) this.changed.add(parent);
      } else if (r.type === 'attributes') {
        this.o.onExcludingAttribute(r.target);
        this.changed.add(r.target);
      } else {
        if (r.removedNodes.length > 0) this.sweep = true;
        for (const node of r.addedNodes) {
          if (!this.o.isOwnNode(node)) this.changed.add(isText(node) ? (parentNode(node) ?? node) : node);
        }
      }
    }
  }

  /** The blocks to rescan (outermost only) and whether to sweep stale mentions first; empties the queue. */
  drain(): { roots: Node[]; sweep: boolean } {
    const out = { roots: blockRoots([...this.changed]), sweep: this.sweep };
    this.clear();
    return out;
  }

  clear(): void {
    this.changed.clear();
    this.sweep = false;
  }
}

/** The nearest block around each changed node, without nesting duplicates. */
function blockRoots(nodes: readonly Node[]): Node[] {
  const blocks = new Set<Node>();
  for (const node of nodes) blocks.add(nearestBlock(node) ?? node);
  const list = [...blocks];
  return list.filter((b) => !list.some((other) => other !== b && contains(other, b)));
}
