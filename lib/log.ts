/** Backstory's console lines on a page: debug level, prefixed, so a reader's console filters them out by default. */
export type Log = (message: string) => void;

export function createLogger(): Log {
  return (message) => console.debug(`[Backstory] ${message}`);
}
