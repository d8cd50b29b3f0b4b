import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
const [f, needle] = process.argv.slice(2) as [string, string];
const w = new Window({ url: 'https://example.invalid/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
const doc = new w.DOMParser().parseFromString(readFileSync(f, 'utf8'), 'text/html') as unknown as Document;
const walker = doc.createTreeWalker(doc.body, 4);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if ((n as Text).data.includes(needle)) {
    const chain: string[] = [];
    for (let e = n.parentElement; e; e = e.parentElement) chain.push(`${e.localName}${e.id ? '#' + e.id : ''}${e.getAttribute('class') ? '.' + e.getAttribute('class')!.trim().replace(/\s+/g, '.') : ''}(${e.querySelectorAll('p').length}p)`);
    console.log(chain.join(' < '));
    break;
  }
}
