/**
 * What "Copy" puts on the clipboard, and putting it there from inside someone else's page: the async
 * Clipboard API where the page's permissions policy allows it, else a selection copy inside the card's own
 * shadow root (never the page's DOM).
 */
import type { NewsGroup } from '../pack-format/news-groups';
import { newsKind } from '../i18n/news-kind';

export function cardCopyText(name: string, summary: string, news: readonly NewsGroup[]): string {
  const lines = [name];
  if (summary) lines.push(summary);
  const group = news[0];
  const quote = group?.quotes[0];
  if (group && quote) {
    const source = [group.title || newsKind(group), group.site, group.date].filter(Boolean).join(', ');
    lines.push(`“${quote.text}” (${source}${group.url ? `, ${group.url}` : ''})`);
  }
  return lines.join('\n');
}

export async function copyToClipboard(text: string, win: Window, scratch: ParentNode): Promise<boolean> {
  const doc = win.document;
  try {
    await win.navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;';
    scratch.append(area);
    area.select();
    try {
      // The Clipboard API was refused; the legacy copy command is the one other way a content script has.
      return doc.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}
