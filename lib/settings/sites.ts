/**
 * Where Backstory runs, in one place for the page, the popup and the options page. A listed host covers its
 * subdomains; an exception (from the popup's switch) undoes a listed parent for one subdomain. Where entries
 * of both kinds match, the longest (most specific) wins.
 */
import type { Settings } from './schema';

type SiteLists = Pick<Settings, 'siteMode' | 'blockedSites' | 'allowedSites' | 'siteExceptions'>;

function longestMatch(list: readonly string[], host: string): number {
  let best = -1;
  for (const h of list) if ((host === h || host.endsWith(`.${h}`)) && h.length > best) best = h.length;
  return best;
}

/** Whether a listed host covers this host (itself or a subdomain of it). */
export function coversHost(list: readonly string[], host: string): boolean {
  return longestMatch(list, host) >= 0;
}

function modeList(s: SiteLists): readonly string[] {
  return s.siteMode === 'allow-only' ? s.allowedSites : s.blockedSites;
}

/** Whether the host is on the active list (blocked, or allowed in allow-only mode). */
function isListed(s: SiteLists, host: string): boolean {
  const listed = longestMatch(modeList(s), host);
  return listed >= 0 && listed > longestMatch(s.siteExceptions, host);
}

/** Whether the site switch is on for this host (whatever the master switch says). */
export function siteOn(s: SiteLists, host: string): boolean {
  return s.siteMode === 'allow-only' ? isListed(s, host) : !isListed(s, host);
}

/** Whether Backstory runs on a page of this host under these settings. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && siteOn(settings, host);
}

/** Settings with the site switch for `host` turned on or off; it always takes effect. */
export function withSite<S extends SiteLists>(settings: S, host: string, on: boolean): S {
  const listKey = settings.siteMode === 'allow-only' ? 'allowedSites' : 'blockedSites';
  const wantListed = settings.siteMode === 'allow-only' ? on : !on;
  const next: S = {
    ...settings,
    [listKey]: settings[listKey].filter((h) => h !== host),
    siteExceptions: settings.siteExceptions.filter((h) => h !== host),
  };
  if (isListed(next, host) === wantListed) return next;
  if (wantListed) return { ...next, [listKey]: [...next[listKey], host] };
  return { ...next, siteExceptions: [...next.siteExceptions, host] };
}
