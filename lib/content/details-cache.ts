/**
 * A card's details, asked of the background when hover intent starts (the pointer enters a mention) so the
 * answer arrives during the dwell, and kept for the page's lifetime: a second hover, Back, or a related card
 * costs no message. A failed request is remembered with its reason and tried again on the next hover.
 */
import { entityKey } from '../pack-format/entity-key';
import type { EntityDetails } from '../pack-store/entity-record';

export type DetailsState =
  | { status: 'loading' }
  | { status: 'ready'; details: EntityDetails }
  | { status: 'failed'; message: string };

export type FetchDetails = (packId: string, entityId: string) => Promise<EntityDetails | null>;

export class DetailsCache {
  private readonly states = new Map<string, DetailsState>();

  constructor(
    private readonly fetch: FetchDetails,
    /** Called when an answer arrives (the card re-renders if it shows that entity), with how long it took. */
    private readonly arrived: (packId: string, entityId: string, ms: number) => void,
  ) {}

  /** Starts a request unless one is in flight or answered. */
  prefetch(packId: string, entityId: string): void {
    const key = entityKey(packId, entityId);
    const known = this.states.get(key);
    if (known && known.status !== 'failed') return;
    this.states.set(key, { status: 'loading' });
    const asked = performance.now();
    this.fetch(packId, entityId).then(
      (details) => this.settle(key, packId, entityId, asked, details ? { status: 'ready', details } : { status: 'failed', message: 'this knowledge pack has no details for it' }),
      (error: unknown) => this.settle(key, packId, entityId, asked, { status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** What is known now; asks for it when nothing is (a failure stays until the next hover retries). */
  get(packId: string, entityId: string): DetailsState {
    const key = entityKey(packId, entityId);
    if (!this.states.has(key)) this.prefetch(packId, entityId);
    return this.states.get(key) ?? { status: 'loading' };
  }

  clear(): void {
    this.states.clear();
  }

  private settle(key: string, packId: string, entityId: string, asked: number, state: DetailsState): void {
    // A clear() in between (packs changed) means the answer may be for a pack that is gone.
    if (this.states.get(key)?.status !== 'loading') return;
    this.states.set(key, state);
    this.arrived(packId, entityId, performance.now() - asked);
  }
}
