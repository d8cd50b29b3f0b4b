import { describe, expect, it } from 'vitest';
import { textLengthUpTo, textUpTo } from '../../lib/dom/bounded-text';
import { findReadingRegion } from '../../lib/spot/reading-region';
import { parse } from './helpers';

/** A text node that fails the test if its text is read: proves a walk stopped before it. */
function poisoned(doc: Document): Text {
  const node = doc.createTextNode('never read');
  Object.defineProperty(node, 'data', { get: () => { throw new Error('read past the bound'); } });
  return node;
}

describe('text read only as far as the question needs', () => {
  it('gives what textContent gives when the text is short, in document order through nested elements', () => {
    const doc = parse('<li>Photo: <em>Jane <b>Doe</b></em>/Reuters<!-- a comment --><br><span></span>.</li>');
    const li = doc.querySelector('li') as Element;
    expect(textUpTo(li, 300)).toBe(li.textContent);
    expect(textLengthUpTo(li, 300)).toBe(li.textContent?.length);
    expect(textUpTo(doc.createElement('p'), 10)).toBe('');
    expect(textLengthUpTo(doc.createElement('p'), 10)).toBe(0);
  });

  it('stops at the bound and reads no text node after it', () => {
    const doc = parse('<ul><li><a>first link text</a><ul><li><a>second link text</a></li></ul></li></ul>');
    const outer = doc.querySelector('ul') as Element;
    (doc.querySelector('ul ul') as Element).append(poisoned(doc));
    expect(textLengthUpTo(outer, 20)).toBe(20);
    expect(textUpTo(outer, 20)).toBeNull();
  });
});

describe('the reading region judges big containers without reading their whole text', () => {
  const STORY = 'Ministers from the alliance met on Tuesday to discuss the new air defence plan, which would link radars along the eastern border. ';

  /** An article of long paragraphs with `extra` appended inside it. */
  function articleWith(extra: string): { doc: Document; article: Element } {
    const doc = parse(`<article>${[3, 2, 3, 2, 3].map((n) => `<p>${STORY.repeat(n)}</p>`).join('')}${extra}</article>`);
    return { doc, article: doc.querySelector('article') as Element };
  }

  it('a list of links inside the article is a teaser list', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/${i}">Another story about the summit, part ${i}</a></li>`).join('');
    const { doc, article } = articleWith(`<ul id="more">${links}</ul>`);
    const region = findReadingRegion(doc);
    expect(region.root).toBe(article);
    expect(region.excludes(doc.getElementById('more') as Element)).toBe(true);
  });

  it('a section with a few links in long paragraphs is read, judged on about twice its link text', () => {
    const linked = `<p>The plan, <a href="/a">first set out by the ministers in March this year</a>, was ${STORY.repeat(2)}</p>`;
    const { doc } = articleWith(`<section id="linked">${linked}<p>${STORY.repeat(6)}</p></section>`);
    const section = doc.getElementById('linked') as Element;
    section.append(poisoned(doc));
    expect(findReadingRegion(doc).excludes(section)).toBe(false);
  });

  it('a credit whose words sit in nested markup is left out; a long paragraph is judged on its first 300 characters only', () => {
    const { doc } = articleWith(`<p id="credit"><em>Photo:</em> <span>Jane Doe</span>/Reuters</p><p id="long"><b>Ministers</b> ${STORY.repeat(4)}</p>`);
    const long = doc.getElementById('long') as Element;
    long.append(poisoned(doc));
    const region = findReadingRegion(doc);
    expect(region.excludes(doc.getElementById('credit') as Element)).toBe(true);
    expect(region.excludes(long)).toBe(false);
  });
});
