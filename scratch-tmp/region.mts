import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { findReadingRegion } from '../lib/spot/reading-region';
for (const f of process.argv.slice(2)) {
  const w = new Window({ url: 'https://example.invalid/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const doc = new w.DOMParser().parseFromString(readFileSync(f, 'utf8'), 'text/html') as unknown as Document;
  const r = findReadingRegion(doc);
  const d = (e: Element | null) => e ? `<${e.localName} id=${e.id} class="${e.getAttribute('class') ?? ''}"> ${e.textContent?.length}` : 'null';
  console.log(f.split('/').pop(), 'root', d(r.root), 'headline', d(r.headline));
}
