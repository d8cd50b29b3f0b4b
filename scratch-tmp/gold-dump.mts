// usage: tsx gold-dump.mts TREE OUT.json [--all]   (dumps located mentions of every real page, engine of TREE)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { locateMentions } from '/work/main/support/gold';
const [tree, out, mode] = process.argv.slice(2) as [string, string, string | undefined];
const { scanDocument } = await import(join(tree, 'lib/spot/scan-document.ts'));
const { loadPack } = await import(join(tree, 'lib/pack-store/load.ts'));
const pack = JSON.parse(readFileSync(join(tree, 'generated/backstory-news.pack.json'), 'utf8'));
const { staticIsHidden } = await import('/work/main/lib/spot/static-visibility.ts');
const dir = '/work/shared/fixtures/real-pages';
const result: Record<string, unknown> = {};
for (const f of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
  const w = new Window({ url: 'https://example.invalid/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const doc = new w.DOMParser().parseFromString(readFileSync(join(dir, f), 'utf8'), 'text/html') as unknown as Document;
  const mentions = scanDocument(doc.body, [loadPack(pack)], { isHidden: staticIsHidden, readingRegion: mode !== '--all' });
  result[f.replace('.html', '')] = locateMentions(doc, mentions);
}
writeFileSync(out, JSON.stringify(result, null, 1));
