/**
 * Whether Backstory can run on a document at all: an HTML document (not an RSS feed, a sitemap or an SVG
 * image shown on its own, where shadow roots and highlights do not work) in a browser with the Custom
 * Highlight API.
 */
import { highlightSupported } from './painter';

const XHTML = 'http://www.w3.org/1999/xhtml';

export function canRunOn(doc: Document): boolean {
  const win = doc.defaultView;
  const root = doc.documentElement;
  if (!win || !root || root.namespaceURI !== XHTML || root.localName !== 'html') return false;
  if (doc.contentType !== 'text/html' && doc.contentType !== 'application/xhtml+xml') return false;
  return highlightSupported(win);
}
