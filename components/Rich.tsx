import type { ComponentChildren, JSX } from 'preact';

/**
 * A translated sentence with elements inside it (a key, a bold word): the message marks their places with
 * named slots, and they are put in as elements between text, never as markup.
 */
const MARK = '\u0001';

/** Substitutions that leave a recognisable mark where each named element goes. */
export function slots<N extends string>(...names: N[]): Record<N, string> {
  return Object.fromEntries(names.map((n) => [n, `${MARK}${n}${MARK}`])) as Record<N, string>;
}

export function Rich({ text, parts }: { text: string; parts: Record<string, ComponentChildren> }): JSX.Element {
  const pieces = text.split(new RegExp(`${MARK}(\\w+)${MARK}`));
  return <>{pieces.map((piece, i) => (i % 2 === 1 ? parts[piece] : piece))}</>;
}
