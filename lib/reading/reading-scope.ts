/** Whether reading memory applies on a page: switched on, not a private window, the site not excluded. */
import type { Settings } from '../settings/schema';
import { coversHost } from '../settings/sites';

export function readingOnHere(settings: Settings, host: string, inPrivate: boolean): boolean {
  return settings.readingMemory && !inPrivate && host !== '' && !coversHost(settings.readingExcludedSites, host);
}
