/** What every change to stored packs shares: one Web Lock across tabs and the worker, and listing stored keys. */
import { browser } from 'wxt/browser';
import { PACK_LOCK } from './keys';

/** Runs `work` holding the packs lock (imports, removals, migration never interleave). */
export function withPackLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(PACK_LOCK, work) as Promise<T>) : work();
}

/** The keys in storage.local, without reading the (megabytes of) values where the browser can list keys alone. */
export async function storedKeys(): Promise<string[]> {
  const local = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  return typeof local.getKeys === 'function' ? local.getKeys() : Object.keys(await local.get(null));
}
