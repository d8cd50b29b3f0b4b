import { describe, expect, it } from 'vitest';
import { caseShape, findReadingRegion } from '../../lib/spot/reading-region';

const STORY = 'Ministers from the alliance met on Tuesday to discuss the new air defence plan, which would link radars along the eastern border and share what they see with every member state. ';

/** An article whose fourth paragraph is `block`; whether the reading region leaves that paragraph out. */
function leavesOut(block: string): boolean {
  document.body.replaceChildren();
  const article = document.createElement('article');
  for (const text of [STORY.repeat(3), STORY.repeat(2), STORY.repeat(3), block, STORY.repeat(2)]) {
    const p = document.createElement('p');
    p.textContent = text;
    article.append(p);
  }
  document.body.append(article);
  const region = findReadingRegion(document);
  expect(region.root).toBe(article);
  return region.excludes(article.children[3] as Element);
}

describe('short credit blocks inside the article', () => {
  it('bylines are left out, in any script and with any diacritics', () => {
    expect(leavesOut('By Jane Doe')).toBe(true);
    expect(leavesOut('By Zoë Łoś and José García, Reuters')).toBe(true);
    expect(leavesOut('By Jose\u0301 Garci\u0301a')).toBe(true);
    expect(leavesOut('by Ана Петрова')).toBe(true);
  });

  it('a sentence that starts with "By" is read', () => {
    expect(leavesOut('By the time the talks ended, Romania had agreed to host the radars.')).toBe(false);
    expect(leavesOut('By Tuesday evening the ministers had left.')).toBe(false);
    expect(leavesOut('By écrit ceci')).toBe(false);
  });

  it('datelines and labelled bylines are left out; the story is read', () => {
    expect(leavesOut('Published 3 March 2026')).toBe(true);
    expect(leavesOut('Updated: Mär 3, 2026')).toBe(true);
    expect(leavesOut('Analysis: Zoë Łoś, Reuters')).toBe(true);
    expect(leavesOut('Published by the ministry, the plan links radars along the border.')).toBe(false);
    expect(leavesOut('Analysis: what the plan means')).toBe(false);
  });

  it('the case shape writes letters outside ASCII as ASCII letters of their case and keeps the rest', () => {
    expect(caseShape('Zoë Łoś, 3 — ’s')).toBe('Zoa Aoa, 3 — ’s');
    expect(caseShape('Ана')).toBe('Aaa');
  });
});
