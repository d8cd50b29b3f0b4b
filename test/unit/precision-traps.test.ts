import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { spotHtml } from './helpers';

/** One synthetic page per class of error the precision issue found; each lists what a reader would accept. */
const TRAPS = JSON.parse(readFileSync('test/fixtures/gold/traps.json', 'utf8')) as Array<{ class: string; html: string; expected: Array<[string, string]> }>;

describe('precision traps', () => {
  test.each(TRAPS.map((t) => [t.class, t] as const))('%s', (_, trap) => {
    expect(spotHtml(trap.html)).toEqual(trap.expected);
  });
});

test('an article written in divs, not paragraphs, is still the article (a footer of paragraphs is not)', () => {
  const text = (n: number): string => `Officials in Romania said on day ${n} that the drone plan, agreed with Ukraine, would go ahead, and that allies were told.`;
  const html = `<div class="story">${[1, 2, 3, 4, 5, 6].map((n) => `<div>${text(n)}</div>`).join('')}</div>
    <div class="site-info">${[1, 2, 3, 4, 5, 6].map(() => '<p>Our journalism about Estonia, Poland and the region is funded by readers, advertisers, and partners.</p>').join('')}</div>`;
  const ids = spotHtml(html).map(([id]) => id);
  expect(ids.filter((id) => id === 'romania')).toHaveLength(6);
  expect(ids).not.toContain('estonia');
});
