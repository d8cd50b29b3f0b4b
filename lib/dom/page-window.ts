/** The page's window as lib/ receives it: its constructors (MutationObserver, HTMLElement, …) included. */
export type PageWindow = Window & typeof globalThis;
