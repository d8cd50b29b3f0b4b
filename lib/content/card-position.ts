/**
 * Where the card sits: below the mention's first line box (above when there is no room), kept inside the
 * viewport, and no taller than the space it has (it scrolls inside; see card.css).
 */
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';

const GAP_PX = 6;
const EDGE_PX = 8;
const MIN_HEIGHT_PX = 120;

export async function placeCard(card: HTMLElement, anchor: DOMRect): Promise<void> {
  const reference = { getBoundingClientRect: () => anchor };
  // The last placement's cap goes first: flip must weigh the card's own height. A card first drawn while loading
  // is short and fits below; capped there, its details would never make it flip to the roomier side.
  card.style.maxHeight = '';
  const { x, y } = await computePosition(reference, card, {
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      offset(GAP_PX),
      flip({ fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
      shift({ padding: EDGE_PX }),
      size({
        padding: EDGE_PX,
        apply: ({ availableHeight }) => {
          card.style.maxHeight = `${Math.max(MIN_HEIGHT_PX, Math.floor(availableHeight))}px`;
        },
      }),
    ],
  });
  card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
}
