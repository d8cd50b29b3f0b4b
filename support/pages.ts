/** Pages built for the browser tests: hostile, dynamic and huge pages that real sites resemble. */

/** Captures the page's own serialization at DOMContentLoaded, before the content script (document_idle) runs. */
export const CAPTURE_BEFORE = `<script>document.addEventListener('DOMContentLoaded', () => { window.__before = new XMLSerializer().serializeToString(document); });</script>`;

export function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title>${CAPTURE_BEFORE}${head}</head><body>${body}</body></html>`;
}

export const EXCLUDED_PAGE = page(`
  <nav><a href="#">NATO</a> <a href="#">Romania</a></nav>
  <main>
    <p>Romania and Ukraine spoke.</p>
    <input value="NATO Romania"> <textarea>NATO and Kyiv</textarea>
    <div contenteditable="true"><p>Estonia and Poland</p></div>
    <p>Run <code>Belarus</code> and see</p><pre>Syria</pre>
    <button>Israel</button><select><option>Iran</option></select>
    <div hidden>Tunisia</div><div style="display:none">Bolivia</div><div aria-hidden="true">Moscow</div>
    <p class="gone">Berlin</p>
  </main>
  <style>.gone { visibility: hidden; }</style>
`);

/** Re-renders its paragraphs every 100 ms with fresh elements, as a React page does. */
export const RERENDER_PAGE = page(`
  <main id="root"></main>
  <script>
    const texts = ['Romania and Ukraine build drones.', 'NATO allies in Eastern Europe watch Russia.', 'Oana Toiu met officials in Kyiv.'];
    let tick = 0;
    function render() {
      const root = document.getElementById('root');
      const fresh = texts.map((t) => { const p = document.createElement('p'); p.textContent = t + (tick % 2 ? '' : ' '); return p; });
      root.replaceChildren(...fresh);
      window.__renderedAt = performance.now();
      tick++;
    }
    render();
    setInterval(render, 100);
  </script>
`);

/** Appends a new paragraph with entity names when asked (window.__more()), like infinite scroll. */
export const INFINITE_PAGE = page(`
  <main id="feed"><p>First story about Romania.</p></main>
  <script>
    const names = ['Estonia', 'Poland', 'Belarus', 'Syria', 'Israel'];
    let n = 0;
    window.__more = () => {
      const p = document.createElement('p');
      p.textContent = 'Story ' + n + ' mentions ' + names[n % names.length] + ' and NATO.';
      document.getElementById('feed').append(p);
      n++;
    };
  </script>
`);

/** Mutates itself on every animation frame, forever. */
export const STORM_PAGE = page(`
  <main><p>Romania and NATO.</p><p id="ticker">0</p></main>
  <script>
    let i = 0;
    (function spin() { document.getElementById('ticker').textContent = 'Tick ' + (i++) + ' NATO'; requestAnimationFrame(spin); })();
  </script>
`);

/** About `megabytes` MB of article text with entity names sprinkled through it. */
export function hugePage(megabytes: number): string {
  const sentences = [
    'Officials in Romania and Ukraine discussed defensive drones along NATO’s eastern flank.',
    'The European Union has supported the concept of a regional drone wall to bolster security.',
    'Analysts said the talks in Berlin could change little for Estonia, Poland or Belarus.',
    'Markets were calm as traders waited for figures that could move prices in either direction.',
    'The committee met again on Tuesday and agreed to publish its findings later this year.',
  ];
  const paragraphs: string[] = [];
  let size = 0;
  let i = 0;
  while (size < megabytes * 1_000_000) {
    const text = `${sentences[i % 5]} ${sentences[(i + 3) % 5]} ${sentences[(i + 4) % 5]} Paragraph ${i}.`;
    paragraphs.push(`<p>${text}</p>`);
    size += text.length;
    i++;
  }
  return page(`<article><h1>A very long report</h1>${paragraphs.join('\n')}</article>`);
}

/**
 * `hugePage(megabytes)` that replaces one paragraph every 100 ms (a live page), and records for each click the
 * time from the click to the frame after it (window.__latency, ms): what a reader feels as lag.
 */
export function changingPage(megabytes: number): string {
  return hugePage(megabytes).replace('</body>', `<script>
    window.__latency = [];
    const ps = document.getElementsByTagName('p');
    let k = 0;
    setInterval(() => {
      const old = ps[(k++ * 7919) % ps.length];
      const fresh = document.createElement('p');
      fresh.textContent = old.textContent;
      old.replaceWith(fresh);
    }, 100);
    addEventListener('click', (e) => {
      const t = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__latency.push(performance.now() - t), 0));
    }, true);
  </script></body>`);
}

/**
 * A page that re-renders its whole app (as hydration does) the moment Backstory's first highlights appear,
 * while the first scan is still going: every one of its `count` paragraphs names Romania once.
 */
export function hydratingPage(count: number): string {
  const paragraphs = Array.from({ length: count }, (_, i) => `<p>Paragraph ${i}: Romania said the talks went on.</p>`).join('');
  return page(`<div id="app"><article>${paragraphs}</article></div>`, `<script>
    addEventListener('load', () => {
      const app = () => document.getElementById('app');
      const check = () => {
        let n = 0;
        CSS.highlights.forEach((h, name) => { if (name.startsWith('backstory-')) n += h.size; });
        if (n === 0) return requestAnimationFrame(check);
        const fresh = app().cloneNode(true);
        app().replaceWith(fresh);
        window.__rerenderedAt = n;
      };
      check();
    });
  </script>`);
}

/** Defines every custom element name Backstory could use, with constructors that grab its internals. */
export const CUSTOM_ELEMENT_TRAP = `<script>
  window.__stolen = [];
  const grab = (name) => customElements.define(name, class extends HTMLElement {
    constructor() { super(); try { const i = this.attachInternals(); window.__stolen.push(i.shadowRoot); } catch (e) { window.__stolen.push(String(e)); } }
  });
  ['backstory-card-host', 'backstory-card', 'backstory-host'].forEach(grab);
</script>`;

export const SHORT_ARTICLE = '<article><h1>Romania and NATO</h1><p>Romania hosts NATO troops near Constanța, and Poland and Estonia watch.</p><p>Ukraine said Kyiv needs more air defence.</p></article>';
