/**
 * What a file that is not JSON text is, from its first bytes, so an import error can say "this is a PNG
 * image" instead of a parser's complaint about an unexpected character.
 */
const SIGNATURES: ReadonlyArray<readonly [readonly number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x52, 0x49, 0x46, 0x46], 'a WebP image or another RIFF media file'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF executable)'],
  [[0x4d, 0x5a], 'a Windows program'],
];

/** A description of the file when its first bytes say it is not JSON text; null when it may be JSON. */
export function describeNonJson(head: Uint8Array): string | null {
  for (const [magic, kind] of SIGNATURES) if (magic.every((b, i) => head[i] === b)) return kind;
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] === 0x3c) return 'an HTML or XML file';
  if (head.subarray(0, 64).some((b) => b === 0)) return 'a binary file';
  return null;
}

/** The import error for a file that is not a pack at all. */
export function notAPackMessage(fileName: string, kind: string): string {
  return `${fileName} is ${kind}, not a Backstory knowledge pack (a .json file made by npm run kb, in the format of docs/knowledge-pack.md)`;
}
