// File names as the kernel keeps them (bytes) in JavaScript strings, without loss: bytes that are not UTF-8
// become lone surrogates U+DC80..U+DCFF, as Python's os.fsdecode does (PEP 383 "surrogateescape"), and go back
// to the same bytes for the system call. Node's own string names turn such bytes into U+FFFD, a name no system
// call finds, so a cron.d file named `caf\xE9` (which cronie runs) was left out of every scan without a word.
// A name that is UTF-8 is the same string Node gives; a lone surrogate never comes from UTF-8, so the two
// never clash.
import { firstInvalidUtf8 } from './utf8';

const ESCAPED = /[\uDC80-\uDCFF]/;
const ESCAPED_ALL = /[\uDC80-\uDCFF]/g;

/** A name's bytes as a string: UTF-8 decoded, every other byte as U+DC00 + byte. */
export function decodeFileName(bytes: Uint8Array): string {
  let bad = firstInvalidUtf8(bytes);
  if (bad < 0) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let text = '';
  let start = 0;
  while (bad >= 0) {
    text += Buffer.from(bytes.buffer, bytes.byteOffset + start, bad - start).toString('utf8') + String.fromCharCode(0xdc00 + bytes[start + (bad - start)]);
    start = bad + 1;
    const rest = firstInvalidUtf8(bytes.subarray(start));
    bad = rest < 0 ? -1 : start + rest;
  }
  return text + Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString('utf8');
}

/** The path to give fs: the string itself, or its bytes when it holds escaped bytes (decodeFileName). */
export function fileSystemPath(name: string): string | Buffer {
  if (!ESCAPED.test(name)) return name;
  const parts: Buffer[] = [];
  let start = 0;
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    // A low surrogate after a high one is half of a real character (UTF-8 of a pair), not an escaped byte.
    if (code < 0xdc80 || code > 0xdcff || (index > 0 && name.charCodeAt(index - 1) >= 0xd800 && name.charCodeAt(index - 1) <= 0xdbff)) continue;
    parts.push(Buffer.from(name.slice(start, index), 'utf8'), Buffer.from([code - 0xdc00]));
    start = index + 1;
  }
  parts.push(Buffer.from(name.slice(start), 'utf8'));
  return Buffer.concat(parts);
}

/** Text for a reader: each escaped byte as `\xE9` (a terminal would show U+FFFD, which names no file). */
export function showFileNameBytes(text: string): string {
  return ESCAPED.test(text) ? text.replace(ESCAPED_ALL, (char) => `\\x${(char.charCodeAt(0) - 0xdc00).toString(16).toUpperCase()}`) : text;
}
