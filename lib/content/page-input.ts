/**
 * The page-wide input a card listens to: pointer movement (one hit test per frame at most), clicks, Esc and
 * Tab, scrolling. Only trusted events count: a page script cannot open, move or close a card.
 */
import { closest } from '../dom/safe-dom';
import type { CardHost } from './card-host';
import type { MentionRecord } from './mention-store';
import type { Settings } from '../settings/schema';

export interface Hit {
  record: MentionRecord;
  rect: DOMRect;
}

export interface PageInputOptions {
  doc: Document;
  host: CardHost;
  signal: AbortSignal;
  trigger: () => Settings['trigger'];
  cardOpen: () => boolean;
  hitTest: (x: number, y: number) => Hit | null;
  /** The pointer rests over this mention, or over none. */
  point: (hit: Hit | null) => void;
  /** A click on a mention (the click trigger). */
  open: (hit: Hit) => void;
  enterCard: () => void;
  leaveCard: () => void;
  /** Esc. */
  close: () => void;
  /** A press on the page outside the card. */
  clickOutside: () => void;
  /** A key pressed while focus is inside the card (see CARD_KEYS). */
  cardKey: (action: CardKeyAction) => void;
  onScroll: () => void;
}

export type CardKeyAction = 'next' | 'previous' | 'pin' | 'copy';

/** Keys inside the card (10ten and Yomitan style); the card's help line lists them. Plain keys only. */
export const CARD_KEYS: Readonly<Record<string, CardKeyAction>> = { n: 'next', N: 'previous', p: 'pin', c: 'copy' };

const INTERACTIVE = 'a[href], button, input, select, textarea, label';

export function listenForInput(o: PageInputOptions): void {
  const { doc, host, signal } = o;
  const win = doc.defaultView as Window;
  const pointer = { x: -1, y: -1, shift: false, pending: false };

  const onPointerMove = (e: PointerEvent): void => {
    if (!e.isTrusted || o.trigger() === 'click') return;
    pointer.x = e.clientX;
    pointer.y = e.clientY;
    pointer.shift = e.shiftKey;
    if (pointer.pending) return;
    pointer.pending = true;
    win.requestAnimationFrame(() => {
      pointer.pending = false;
      if (signal.aborted || host.contains(doc.elementFromPoint(pointer.x, pointer.y))) return;
      if (o.trigger() === 'modifier' && !pointer.shift) o.point(null);
      else o.point(o.hitTest(pointer.x, pointer.y));
    });
  };

  const onPointerDown = (e: PointerEvent): void => {
    if (e.isTrusted && o.cardOpen() && !e.composedPath().some((target) => target === host.element)) o.clickOutside();
  };

  const onClick = (e: MouseEvent): void => {
    if (!e.isTrusted || o.trigger() !== 'click') return;
    if (e.target instanceof Element && closest(e.target, INTERACTIVE)) return;
    const hit = o.hitTest(e.clientX, e.clientY);
    if (hit) o.open(hit);
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (!e.isTrusted || !o.cardOpen()) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      o.close();
    } else if (e.key === 'Tab' && host.activeElement() !== null) {
      trapTab(host, e);
    } else if (host.activeElement() !== null && !e.ctrlKey && !e.metaKey && !e.altKey && Object.hasOwn(CARD_KEYS, e.key)) {
      e.preventDefault();
      e.stopPropagation();
      o.cardKey(CARD_KEYS[e.key] as CardKeyAction);
    }
  };

  // Scrolling over the card scrolls the card, never the article behind it (which would also carry the card's
  // term away from the pointer): at the card's ends, or when it has nothing to scroll, the wheel does nothing.
  const onWheel = (e: WheelEvent): void => {
    if (!e.isTrusted) return;
    const card = host.mount.firstElementChild as HTMLElement | null;
    if (!card) return;
    const canScroll = e.deltaY > 0
      ? card.scrollTop + card.clientHeight < card.scrollHeight - 1
      : e.deltaY < 0 && card.scrollTop > 0;
    if (!canScroll) e.preventDefault();
  };

  const passive = { capture: true, passive: true, signal };
  doc.addEventListener('pointermove', onPointerMove, passive);
  doc.addEventListener('pointerdown', onPointerDown, { capture: true, signal });
  doc.addEventListener('click', onClick, { capture: true, signal });
  doc.addEventListener('keydown', onKeyDown, { capture: true, signal });
  doc.addEventListener('scroll', () => o.onScroll(), passive);
  host.listen('pointerenter', (e) => e.isTrusted && o.enterCard(), { signal });
  host.listen('pointerleave', (e) => e.isTrusted && o.leaveCard(), { signal });
  host.listen('wheel', onWheel, { passive: false, signal });
  host.listen('focusin', (e) => e.isTrusted && o.enterCard(), { signal });
}

/** Keeps Tab inside the card: from the last button to the first, and back with Shift+Tab. */
function trapTab(host: CardHost, e: KeyboardEvent): void {
  const buttons = [...host.mount.querySelectorAll<HTMLElement>('button, a[href]')];
  const first = buttons[0];
  const last = buttons[buttons.length - 1];
  const active = host.activeElement();
  if (!first || !last) return;
  if (e.shiftKey && (active === first || active === host.mount.firstElementChild)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}
