import { describe, expect, test } from 'vitest';
import { describeNonJson, notAPackMessage } from '../../lib/options/file-kind';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('what a non-JSON file is', () => {
  test('images, documents, archives and markup are named', () => {
    expect(describeNonJson(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toBe('a PNG image');
    expect(describeNonJson(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('a JPEG image');
    expect(describeNonJson(text('%PDF-1.7'))).toBe('a PDF document');
    expect(describeNonJson(bytes(0x50, 0x4b, 0x03, 0x04))).toBe('a ZIP archive (or an Office document)');
    expect(describeNonJson(text('\ufeff  <!doctype html>'))).toBe('an HTML or XML file');
    expect(describeNonJson(bytes(0x7b, 0x22, 0x00, 0x01))).toBe('a binary file');
  });
  test('JSON text (with a byte-order mark or leading space) is left to the JSON parser', () => {
    expect(describeNonJson(text('{"format":"backstory-pack"'))).toBeNull();
    expect(describeNonJson(text('\ufeff\n [1, 2]'))).toBeNull();
    expect(describeNonJson(text('not json at all'))).toBeNull();
  });
  test('the message says what the file is and what was expected', () => {
    expect(notAPackMessage('photo.png', 'a PNG image')).toBe('photo.png is a PNG image, not a Backstory knowledge pack (a .json file made by npm run kb, in the format of docs/knowledge-pack.md)');
  });
});
