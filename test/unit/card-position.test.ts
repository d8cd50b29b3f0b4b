import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { placeCard } from '../../lib/content/card-position';

// happy-dom lays nothing out: the viewport Floating UI reads is the root's client box, given here.
const viewport = 700;
beforeAll(() => {
  Object.defineProperty(document.documentElement, 'clientHeight', { configurable: true, value: viewport });
  Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 1000 });
});

/** A card whose height is its content's, up to its inline max-height, as a browser lays it out. */
function cardOf(contentHeight: () => number): HTMLElement {
  const card = document.createElement('div');
  const height = (): number => {
    const cap = parseFloat(card.style.maxHeight);
    return Number.isNaN(cap) ? contentHeight() : Math.min(cap, contentHeight());
  };
  // Floating UI sizes the floating element by its offset box.
  Object.defineProperty(card, 'offsetHeight', { get: height });
  Object.defineProperty(card, 'offsetWidth', { get: () => 320 });
  document.body.append(card);
  return card;
}

const top = (card: HTMLElement): number => Number(/translate\([-\d.]+px, ([-\d.]+)px\)/.exec(card.style.transform)?.[1]);

describe('placing the card', () => {
  afterEach(() => document.body.replaceChildren());

  test('a card that grew when its details came moves to the side with room instead of staying clipped', async () => {
    // The mention sits a little below the middle: a short card fits below it, a tall one only above.
    const below = Math.round(viewport * 0.55);
    const anchor = DOMRect.fromRect({ x: 100, y: below, width: 80, height: 20 });
    let content = 150;
    const card = cardOf(() => content);
    await placeCard(card, anchor);
    expect(top(card)).toBeGreaterThan(below);
    const roomBelow = viewport - (below + 20) - 6 - 8;
    content = roomBelow + 40;
    await placeCard(card, anchor);
    expect(top(card)).toBeLessThan(below);
    expect(parseFloat(card.style.maxHeight)).toBeGreaterThanOrEqual(content);
  });

  test('where neither side has room it keeps the larger one and caps the card to it', async () => {
    const anchor = DOMRect.fromRect({ x: 100, y: Math.round(viewport * 0.3), width: 80, height: 20 });
    const card = cardOf(() => viewport * 2);
    await placeCard(card, anchor);
    expect(top(card)).toBeGreaterThan(anchor.bottom);
    expect(parseFloat(card.style.maxHeight)).toBeLessThan(viewport - anchor.bottom);
  });
});
