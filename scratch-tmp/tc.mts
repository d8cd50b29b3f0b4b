import { Window } from 'happy-dom';
import { textContent, queryList } from '../lib/dom/safe-dom';
const w = new Window({ url: 'https://example.invalid/' });
const doc = new w.DOMParser().parseFromString('<body><article><p>Hello there, this is a long paragraph, with commas, ok.</p></article></body>', 'text/html') as unknown as Document;
const ps = queryList(doc, 'p'); console.log(ps.length, JSON.stringify(textContent(ps[0] as Element)), (ps[0] as Element).textContent);
