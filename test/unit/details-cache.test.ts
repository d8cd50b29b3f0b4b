import { describe, expect, test } from 'vitest';
import { DetailsCache } from '../../lib/content/details-cache';
import type { EntityDetails } from '../../lib/pack-store/entity-record';

const details = (summary: string): EntityDetails => ({ summary, url: '', facts: [], news: [], related: [] });

function setup(answer: (packId: string, id: string) => Promise<EntityDetails | null>): { cache: DetailsCache; asked: string[]; arrived: string[] } {
  const asked: string[] = [];
  const arrived: string[] = [];
  const cache = new DetailsCache(
    (packId, id) => {
      asked.push(`${packId}/${id}`);
      return answer(packId, id);
    },
    (packId, id) => arrived.push(`${packId}/${id}`),
  );
  return { cache, asked, arrived };
}

const settled = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('card details asked of the background', () => {
  test('asked once per entity per page, whatever the number of hovers and renders', async () => {
    const { cache, asked, arrived } = setup((_, id) => Promise.resolve(details(`about ${id}`)));
    cache.prefetch('p', 'a');
    cache.prefetch('p', 'a');
    expect(cache.get('p', 'a')).toEqual({ status: 'loading' });
    await settled();
    expect(cache.get('p', 'a')).toEqual({ status: 'ready', details: details('about a') });
    cache.prefetch('p', 'a');
    expect(asked).toEqual(['p/a']);
    expect(arrived).toEqual(['p/a']);
  });

  test('a failure is shown with its reason; rendering it asks nothing more; the next hover asks again', async () => {
    let fail = true;
    const { cache, asked } = setup(() => (fail ? Promise.reject(new Error('the store is damaged')) : Promise.resolve(details('ok'))));
    cache.prefetch('p', 'a');
    await settled();
    expect(cache.get('p', 'a')).toEqual({ status: 'failed', message: 'the store is damaged' });
    cache.get('p', 'a');
    expect(asked).toHaveLength(1);
    fail = false;
    cache.prefetch('p', 'a');
    await settled();
    expect(cache.get('p', 'a')).toEqual({ status: 'ready', details: details('ok') });
    expect(asked).toHaveLength(2);
  });

  test('no details for an entity the pack lacks; an answer that lands after the packs changed is dropped', async () => {
    let release: (v: EntityDetails | null) => void = () => undefined;
    const { cache, arrived } = setup((_, id) => (id === 'late' ? new Promise((r) => (release = r)) : Promise.resolve(null)));
    cache.prefetch('p', 'gone');
    await settled();
    expect(cache.get('p', 'gone')).toEqual({ status: 'failed', message: 'this knowledge pack has no details for it' });
    cache.prefetch('p', 'late');
    cache.clear();
    release(details('stale'));
    await settled();
    expect(arrived).toEqual(['p/gone']);
  });
});
