/**
 * Backstory's console lines on a page: written only while the reader has turned on diagnostics (options page),
 * so an ordinary page's console shows nothing from Backstory.
 */
export type Log = (message: string) => void;

export function createLogger(enabled: () => boolean): Log {
  return (message) => {
    if (enabled()) console.debug(`[Backstory] ${message}`);
  };
}
