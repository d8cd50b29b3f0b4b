/**
 * npm run scan -- FILE [--pack FILE] [--context] [--all] [--url URL]
 * Runs the content script's text collection and matching over an .html or .txt file with a standard DOM
 * (happy-dom), as the extension sees the page: the same reading region, and hidden text skipped by its
 * class names where there is no layout to ask. Prints one JSON object per mention, in document order;
 * --context adds about 40 characters on each side, --all scans the page chrome too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import bundled from '../generated/backstory-news.pack.json';
import type { KnowledgePack } from '../lib/pack-format/types';
import { validatePack } from '../lib/pack-format/validate';
import { loadPack } from '../lib/spot/pack-index';
import { scanDocumentWithContext } from '../lib/spot/scan-document';
import { staticIsHidden } from '../lib/spot/static-visibility';
import { parseArgs } from '../support/cli-args';
import { parseSavedPage } from '../support/saved-page';

const CONTEXT_CHARS = 40;

function fail(message: string): never {
  console.error(`scan: ${message}`);
  process.exit(1);
}

function read(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Plain text becomes one paragraph per line, so lines stay separate like blocks on a page. */
function textToHtml(text: string): string {
  const escape = (s: string): string => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><body>${text.split(/\r?\n/).map((line) => `<p>${escape(line)}</p>`).join('')}</body>`;
}

function main(): void {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), ['pack', 'url'], ['context', 'all']);
  } catch (error) {
    fail((error as Error).message);
  }
  const file = args.positional[0];
  if (!file) fail('usage: npm run scan -- FILE.html|FILE.txt [--pack PACK.json] [--context] [--all] [--url URL]');
  const packPath = args.flags.get('pack');
  let pack: KnowledgePack;
  if (packPath) {
    let raw: unknown;
    try {
      raw = JSON.parse(read(packPath, 'knowledge pack'));
    } catch (error) {
      fail(`${packPath}: not valid JSON (${(error as Error).message})`);
    }
    try {
      pack = validatePack(raw, packPath);
    } catch (error) {
      fail((error as Error).message);
    }
  } else {
    pack = bundled as unknown as KnowledgePack;
  }
  const content = read(file, 'file');
  const html = /\.html?$/i.test(file) ? content : textToHtml(content);
  // A document URL, so relative links and base elements resolve as on the web (nothing is fetched).
  const url = args.flags.get('url') ?? pathToFileURL(resolve(file)).href;
  const { doc, close } = parseSavedPage(html, url);
  const root = doc.body ?? doc.documentElement;
  const context = args.flags.has('context') ? CONTEXT_CHARS : 0;
  const mentions = scanDocumentWithContext(root, [loadPack(pack)], { isHidden: staticIsHidden, readingRegion: !args.flags.has('all') }, context);
  const lines = mentions.map((m) =>
    JSON.stringify({ id: m.entity.id, text: m.text.replace(/\s+/g, ' '), type: m.entity.type, pack: m.packId, ...(context > 0 ? { before: m.before, after: m.after } : {}) }),
  );
  process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  close();
}

main();
