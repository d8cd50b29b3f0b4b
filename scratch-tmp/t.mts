import { Window } from 'happy-dom';
import { hugePage } from '../support/pages';
import { scanDocument } from '../lib/spot/scan-document';
import { loadPack } from '../lib/pack-store/load';
import { BUNDLED_PACK } from '../lib/pack-store/bundled';
import { findReadingRegion } from '../lib/spot/reading-region';
const w = new Window(); const doc = new w.DOMParser().parseFromString(hugePage(1), 'text/html') as unknown as Document;
const L = [loadPack(BUNDLED_PACK)];
for (let k = 0; k < 2; k++) {
let t = performance.now(); const r = findReadingRegion(doc); console.log('region', (performance.now() - t).toFixed(1));
t = performance.now(); const a = scanDocument(doc.body, L, { region: r }); console.log('with region', a.length, (performance.now() - t).toFixed(1));
t = performance.now(); const b = scanDocument(doc.body, L, { readingRegion: false }); console.log('without', b.length, (performance.now() - t).toFixed(1));
}
