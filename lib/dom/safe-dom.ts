/**
 * DOM reads that a page cannot clobber. A form's named controls shadow its properties, in the extension's
 * isolated world too: `<form><input name="nextSibling"></form>` makes `form.nextSibling` the input, and a
 * walk that trusts it cycles forever. Every traversal in lib/ reads through these accessors, taken once from
 * the prototypes, where named properties cannot reach.
 */
type Getter<T> = (this: Node) => T;

function getter<T>(proto: object, name: string): Getter<T> {
  for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(p, name);
    // Taking the getter off its descriptor unbound is the point: it is called on each node explicitly.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    if (descriptor?.get) return descriptor.get as Getter<T>;
  }
  throw new Error(`no ${name} getter on the DOM prototypes`);
}

function method<F>(proto: object, name: string): F {
  for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    const value = Object.getOwnPropertyDescriptor(p, name)?.value as unknown;
    if (typeof value === 'function') return value as F;
  }
  throw new Error(`no ${name} method on the DOM prototypes`);
}

interface Accessors {
  firstChild: Getter<Node | null>;
  nextSibling: Getter<Node | null>;
  parentNode: Getter<Node | null>;
  nodeType: Getter<number>;
  isConnected: Getter<boolean>;
  localName: Getter<string>;
  attributes: Getter<NamedNodeMap>;
  contains: (this: Node, other: Node | null) => boolean;
  compare: (this: Node, other: Node) => number;
  getRootNode: (this: Node) => Node;
  getAttribute: (this: Element, name: string) => string | null;
  hasAttribute: (this: Element, name: string) => boolean;
  closest: (this: Element, selector: string) => Element | null;
  textContent: Getter<string | null>;
  querySelectorAll: (this: Element, selector: string) => NodeListOf<Element>;
  documentQuerySelectorAll: (this: Document, selector: string) => NodeListOf<Element>;
}

let cached: Accessors | null = null;

/**
 * Taken from the realm's own prototypes on first use: the page's (the browser, happy-dom's globals in
 * tests) or, in Node tools where no DOM is global, the realm of the first node seen.
 */
function accessors(node: Node): Accessors {
  if (cached) return cached;
  const realm = (typeof Node === 'function' ? globalThis : (node.ownerDocument ?? (node as Document)).defaultView);
  if (!realm) throw new Error('no DOM realm for this node');
  const N = realm.Node.prototype;
  const E = realm.Element.prototype;
  cached = {
    firstChild: getter(N, 'firstChild'),
    nextSibling: getter(N, 'nextSibling'),
    parentNode: getter(N, 'parentNode'),
    nodeType: getter(N, 'nodeType'),
    isConnected: getter(N, 'isConnected'),
    localName: getter(E, 'localName'),
    attributes: getter(E, 'attributes'),
    contains: method(N, 'contains'),
    compare: method(N, 'compareDocumentPosition'),
    getRootNode: method(N, 'getRootNode'),
    getAttribute: method(E, 'getAttribute'),
    hasAttribute: method(E, 'hasAttribute'),
    closest: method(E, 'closest'),
    // From Element up: DOM implementations may override it there (happy-dom does); browsers define it on Node.
    textContent: getter(E, 'textContent'),
    querySelectorAll: method(E, 'querySelectorAll'),
    documentQuerySelectorAll: method(realm.Document.prototype, 'querySelectorAll'),
  };
  return cached;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export const firstChild = (node: Node): Node | null => accessors(node).firstChild.call(node);
export const nextSibling = (node: Node): Node | null => accessors(node).nextSibling.call(node);
export const parentNode = (node: Node): Node | null => accessors(node).parentNode.call(node);
export const nodeType = (node: Node): number => accessors(node).nodeType.call(node);
export const isConnected = (node: Node): boolean => accessors(node).isConnected.call(node);
export const localName = (element: Element): string => accessors(element).localName.call(element);
export const attributeCount = (element: Element): number => accessors(element).attributes.call(element).length;
export const getAttribute = (element: Element, name: string): string | null => accessors(element).getAttribute.call(element, name);
export const hasAttribute = (element: Element, name: string): boolean => accessors(element).hasAttribute.call(element, name);
export const contains = (node: Node, other: Node | null): boolean => accessors(node).contains.call(node, other);
export const compareDocumentPosition = (node: Node, other: Node): number => accessors(node).compare.call(node, other);
export const rootNode = (node: Node): Node => accessors(node).getRootNode.call(node);
export const closest = (element: Element, selector: string): Element | null => accessors(element).closest.call(element, selector);

export function isElement(node: Node): node is Element {
  return nodeType(node) === ELEMENT_NODE;
}

export function isText(node: Node): node is Text {
  return nodeType(node) === TEXT_NODE;
}

/** The parent, when it is an element (the document and fragments are not). */
export function parentElement(node: Node): Element | null {
  const parent = parentNode(node);
  return parent !== null && isElement(parent) ? parent : null;
}

/** The element itself (for an element) or its parent element (for text and other nodes). */
export function elementOf(node: Node): Element | null {
  return isElement(node) ? node : parentElement(node);
}

/** The nearest inclusive ancestor element for which `test` holds, up to (not including) `stop`. */
export function closestWhere(node: Node, test: (el: Element) => boolean, stop: Node | null = null): Element | null {
  for (let el = elementOf(node); el && el !== stop; el = parentElement(el)) if (test(el)) return el;
  return null;
}

/** True when `node` comes after `reference` in document order and is not inside it. */
export function follows(reference: Node, node: Node): boolean {
  const pos = compareDocumentPosition(reference, node);
  return (pos & 4) !== 0 && (pos & 16) === 0;
}
export const textContent = (element: Element): string => accessors(element).textContent.call(element) ?? '';
/** The static list of matches under `root` (an element or a document), in document order. */
export const queryList = (root: Element | Document, selector: string): NodeListOf<Element> =>
  nodeType(root) === 9 ? accessors(root).documentQuerySelectorAll.call(root as Document, selector) : accessors(root).querySelectorAll.call(root as Element, selector);
/** The first `limit` matches under `root`, without copying the rest. */
export function queryFirst(root: Element | Document, selector: string, limit: number): Element[] {
  const list = queryList(root, selector);
  const out: Element[] = [];
  for (let i = 0; i < list.length && i < limit; i++) out.push(list[i] as Element);
  return out;
}
