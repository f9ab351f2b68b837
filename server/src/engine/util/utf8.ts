// Whether bytes a Host read are UTF-8 (RFC 3629: no overlong forms, no UTF-16 surrogates, nothing above
// U+10FFFF), and their text. text-check.ts turns a failed check into a finding; the Hosts only decode.

/** What a Host found about a file's bytes: valid UTF-8, or the offset of the first byte that is not. */
export type Utf8Check = { valid: true } | { valid: false; byte: number };

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let index = 0; index < length; ) {
    const byte = bytes[index];
    if (byte < 0x80) {
      index++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) need = 1, min = 0x80;
    else if (byte === 0xe0) need = 2, min = 0xa0;
    else if (byte === 0xed) need = 2, min = 0x80, max = 0x9f; // no UTF-16 surrogates
    else if (byte >= 0xe1 && byte <= 0xef) need = 2, min = 0x80;
    else if (byte === 0xf0) need = 3, min = 0x90;
    else if (byte >= 0xf1 && byte <= 0xf3) need = 3, min = 0x80;
    else if (byte === 0xf4) need = 3, min = 0x80, max = 0x8f; // nothing above U+10FFFF
    else return index;
    const second = bytes[index + 1];
    if (second === undefined || second < min || second > max) return index;
    for (let k = 2; k <= need; k++) {
      const next = bytes[index + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return index;
    }
    index += need + 1;
  }
  return -1;
}

/** Decodes bytes a Host read, and says whether they were UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string; utf8: Utf8Check } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // Only text with a replacement character can have come from bad bytes; valid files skip the byte scan.
  if (!text.includes('\uFFFD')) return { text, utf8: { valid: true } };
  const byte = firstInvalidUtf8(bytes);
  return { text, utf8: byte < 0 ? { valid: true } : { valid: false, byte } };
}
