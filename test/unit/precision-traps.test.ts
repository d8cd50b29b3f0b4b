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
