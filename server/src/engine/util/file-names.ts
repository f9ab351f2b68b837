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

// Bytes a URI path keeps as they are: RFC 3986 "unreserved", the sub-delimiters encodeURIComponent also
// leaves alone, and `/`. Every other byte is %XX, so a name's bytes go into the URI whether or not they are
// UTF-8 (encodeURIComponent throws on an escaped byte; pathToFileURL turns it into %EF%BF%BD, another name).
const URI_KEPT = /[A-Za-z0-9\-._~!*'()/]/;

/** A path as a URI path: its bytes (fileSystemPath), each percent-encoded unless URI_KEPT. */
export function percentEncodePath(name: string): string {
  const bytes = fileSystemPath(name);
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  let out = '';
  for (const byte of buffer) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && URI_KEPT.test(char) ? char : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** The `file:` URI of an absolute POSIX path, from its bytes: pathOfFileUri gives the same path back. */
export function fileUriOf(absolute: string): string {
  return 'file://' + percentEncodePath(absolute);
}

/**
 * The path of a `file:` URI, its percent-encoded bytes decoded as decodeFileName does (a byte that is not
 * UTF-8 becomes an escaped byte, where fileURLToPath throws "URI malformed"). Undefined for another scheme,
 * a host other than `localhost`, or an encoded `/` (fileURLToPath refuses those two on POSIX too).
 */
export function pathOfFileUri(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  // The URL parser has already dropped `localhost`, resolved `.`/`..` and percent-encoded other characters.
  if (url.protocol !== 'file:' || url.hostname !== '' || /%2f/i.test(url.pathname)) return undefined;
  const bytes: number[] = [];
  const pathname = url.pathname;
  for (let index = 0; index < pathname.length; index++) {
    if (pathname[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(pathname.slice(index + 1, index + 3))) {
      bytes.push(parseInt(pathname.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(pathname.charCodeAt(index));
  }
  return decodeFileName(Uint8Array.from(bytes));
}
