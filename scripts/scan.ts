/**
 * npm run scan -- FILE [--pack FILE]
 * Runs the content script's text collection and matching over an .html or .txt file with a standard DOM
 * (happy-dom) and prints one JSON object per mention, in document order.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import bundled from '../generated/backstory-news.pack.json';
import type { KnowledgePack } from '../lib/pack-format/types';
import { validatePack } from '../lib/pack-format/validate';
import { loadPack } from '../lib/pack-store/load';
import { scanDocument } from '../lib/spot/scan-document';
import { parseArgs } from '../support/cli-args';

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
    args = parseArgs(process.argv.slice(2), ['pack']);
  } catch (error) {
    fail((error as Error).message);
  }
  const file = args.positional[0];
  if (!file) fail('usage: npm run scan -- FILE.html|FILE.txt [--pack PACK.json]');
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
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const root = doc.body ?? doc.documentElement;
  const mentions = scanDocument(root as unknown as Node, [loadPack(pack)]);
  const lines = mentions.map((m) => JSON.stringify({ id: m.entity.id, text: m.text, type: m.entity.type, pack: m.packId }));
  process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  void window.happyDOM.close();
}

main();
