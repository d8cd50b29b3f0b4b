/* global chrome, BACKSTORY_FLOOR_PACKS, BACKSTORY_FLOOR_KEEP_AFTER_MS */
/**
 * The floor for the page's work, as a content script (support/floor-build.ts puts it in place of Backstory's
 * in a copy of the build): the least any script doing Backstory's job does on a page. One plain SHOW_TEXT walk
 * of the body, leaving out only script and style text; the text sent to the same background in the same
 * protocol ("match-text"); every answer's matches made into StaticRanges in one Highlight. No reading region,
 * no exclusions, no settings, no card, no polyfill, no observers. It logs its own count as Backstory does, so
 * the benchmark reads both the same way.
 *
 * With BACKSTORY_FLOOR_KEEP_AFTER_MS (reading memory's dwell) it is also the floor for the keep: after that
 * dwell, at the next idle moment, it reads the head's title, site, canonical link and date with one selector,
 * the text of each element that holds a painted mention inside the page's <article> or <main> (no article
 * model, no block search), and sends them to the background in one "reading-save" message, with its own
 * clock around that work, logged as Backstory logs it. Without it, nothing of the keep runs or is collected.
 */
(() => {
  const started = performance.now();
  const doc = document;
  if (!doc.body || typeof Highlight === 'undefined') return;
  let work = 0;
  let longest = 0;
  const slice = (from) => {
    const ms = performance.now() - from;
    work += ms;
    longest = Math.max(longest, ms);
  };
  // Texts of about 4,000 characters, each a run of text nodes joined by newlines (a word boundary).
  const groups = [];
  let group = { text: '', nodes: [], starts: [] };
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentNode.nodeName;
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT' || parent === 'TEXTAREA') continue;
    group.starts.push(group.text.length);
    group.nodes.push(node);
    group.text += `${node.data}\n`;
    if (group.text.length >= 4_000) {
      groups.push(group);
      group = { text: '', nodes: [], starts: [] };
    }
  }
  if (group.nodes.length > 0) groups.push(group);
  const batches = [];
  for (let i = 0; i < groups.length; i += 64) batches.push(groups.slice(i, i + 64));
  const highlight = new Highlight();
  CSS.highlights.set('backstory-floor', highlight);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('::highlight(backstory-floor) { text-decoration: underline dotted 1px; }');
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const language = (doc.documentElement.lang || '').slice(0, 2).toLowerCase() || null;
  /** The group's node holding `offset` (binary search over the nodes' starts). */
  const nodeAt = (g, offset) => {
    let lo = 0;
    let hi = g.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (g.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let painted = 0;
  const keeps = typeof BACKSTORY_FLOOR_KEEP_AFTER_MS === 'number';
  /** Per painted mention (the first 200, when it keeps): its text node, its name as written and its entity key. */
  const kept = [];
  /** The keep's work; the number of blocks sent. */
  const keepNow = () => {
    const head = doc.head;
    const found = head ? head.querySelectorAll('meta[property="og:title"],meta[property="og:site_name"],meta[property="article:published_time"],link[rel="canonical"]') : [];
    const meta = {};
    for (const el of found) meta[el.getAttribute('property') || 'canonical'] = el.getAttribute('content') || el.getAttribute('href') || '';
    // The article, as cheaply as a page allows: its <article> or <main> element, else the whole page.
    const scope = doc.querySelector('article') || doc.querySelector('main') || doc.body;
    const byParent = new Map();
    for (const { node, name, key } of kept) {
      const parent = node.parentNode;
      if (!scope.contains(parent)) continue;
      let block = byParent.get(parent);
      if (!block) byParent.set(parent, (block = { text: parent.textContent, names: [] }));
      block.names.push([name, key]);
    }
    const published = meta['article:published_time'];
    const article = { head: { href: location.href, canonical: meta.canonical || '', title: meta['og:title'] || doc.title, site: meta['og:site_name'] || '', dates: { metas: published ? [published] : [], jsonLd: [], itemprop: '', time: '' } }, blocks: [...byParent.values()] };
    chrome.runtime.sendMessage({ type: 'reading-save', article }, () => void chrome.runtime.lastError);
    return article.blocks.length;
  };
  // Timed from outside keepNow, as Backstory's keep is, so the clock covers compiling it.
  const keep = () => {
    const from = performance.now();
    const sent = keepNow();
    console.debug(`[Backstory] floor: reading memory: sent ${sent} blocks of this article (${(performance.now() - from).toFixed(3)} ms on the page)`);
  };
  const send = (b) => {
    const from = performance.now();
    const batch = batches[b];
    if (!batch) {
      console.debug(`[Backstory] floor: first highlights 0 ms, all ${(performance.now() - started).toFixed(1)} ms, longest slice ${longest.toFixed(1)} ms, work ${work.toFixed(1)} ms, ${painted} highlights`);
      if (keeps && kept.length > 0) setTimeout(() => requestIdleCallback(keep, { timeout: 5_000 }), Math.max(0, BACKSTORY_FLOOR_KEEP_AFTER_MS - (performance.now() - started)));
      return;
    }
    const request = { type: 'match-text', packs: BACKSTORY_FLOOR_PACKS, texts: batch.map((g) => g.text), language, demonyms: false, seen: {} };
    chrome.runtime.sendMessage(request, (answer) => {
      const at = performance.now();
      const lists = (answer && answer.matches) || [];
      for (let i = 0; i < lists.length; i++) {
        const g = batch[i];
        const m = lists[i];
        for (let k = 0; g && k + 2 < m.length; k += 3) {
          const a = nodeAt(g, m[k]);
          const z = nodeAt(g, m[k + 1] - 1);
          highlight.add(new StaticRange({ startContainer: g.nodes[a], startOffset: m[k] - g.starts[a], endContainer: g.nodes[z], endOffset: m[k + 1] - g.starts[z] }));
          painted++;
          const head = keeps && kept.length < 200 ? answer.heads[m[k + 2]] : undefined;
          if (head) kept.push({ node: g.nodes[a], name: g.text.slice(m[k], m[k + 1]), key: `${head.packId}/${head.entity.id}` });
        }
      }
      slice(at);
      send(b + 1);
    });
    slice(from);
  };
  slice(started);
  send(0);
})();
