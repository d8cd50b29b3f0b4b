/** Base64 <-> bytes without eval-like tricks; uses the fastest path the runtime offers. */

interface Base64Uint8Array {
  fromBase64?: (text: string) => Uint8Array;
}
interface NodeBufferLike {
  from(text: string, encoding: 'base64'): Uint8Array;
}

export function bytesFromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Uint8Array).fromBase64;
  if (native) return native(text);
  const nodeBuffer = (globalThis as { Buffer?: NodeBufferLike }).Buffer;
  if (nodeBuffer) {
    const buf = nodeBuffer.from(text, 'base64');
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function base64FromBytes(bytes: Uint8Array): string {
  const nodeBuffer = (globalThis as { Buffer?: { from(b: Uint8Array): { toString(enc: 'base64'): string } } }).Buffer;
  if (nodeBuffer) return nodeBuffer.from(bytes).toString('base64');
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Copies into a fresh, aligned buffer so typed views of any width can be taken. */
export function alignedBytes(text: string): ArrayBuffer {
  const bytes = bytesFromBase64(text);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
