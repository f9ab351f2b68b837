// Fingerprints that let code scanning match a SARIF result to the same result of an earlier run, so a
// re-upload does not duplicate alerts and a line inserted above a finding does not make it a new one.
// - `primaryLocationLineHash`: the value GitHub's upload (github/codeql-action, src/fingerprints.ts) computes
//   itself when a result has none, and warns about when a result has a different one. It is a polynomial hash
//   (base 37, modulo 2^64) of the first 100 characters from the start of the line on, with spaces and tabs
//   dropped and CR, CRLF and LF all counted as one LF, then `:` and the how-many-th line with that hash it is.
//   It does not depend on the line's number, only on its text and what follows, so lines above can move.
// - `schedlint/v1`: ours, from the rule id, the file's path and the finding's line with its blanks removed,
//   plus `:` and the occurrence index among results with the same three, in file order.
import { nodeCrypto } from '../engine/util/lazy-modules';

const BLOCK_SIZE = 100;
const BASE = 37n;
const MASK = (1n << 64n) - 1n;
// GitHub's hash appends this after the last character (a UTF-16 code unit no text reading produces).
const END_OF_FILE = 0xffff;

/** GitHub's line hash (`hex:n`) of every line of `text`, indexed by 0-based line number. */
export function lineHashes(text: string): string[] {
  // The characters that count, and for each line the index of its first counted character.
  const codes: number[] = [];
  const lineStarts: number[] = [];
  let atLineStart = true;
  let afterCarriageReturn = false;
  const take = (code: number) => {
    if (code === 0x20 || code === 0x09 || (afterCarriageReturn && code === 0x0a)) {
      afterCarriageReturn = false;
      return;
    }
    afterCarriageReturn = code === 0x0d;
    if (code === 0x0d) code = 0x0a;
    if (atLineStart) {
      lineStarts.push(codes.length);
      atLineStart = false;
    }
    if (code === 0x0a) atLineStart = true;
    codes.push(code);
  };
  for (let index = 0; index < text.length; index++) take(text.charCodeAt(index));
  take(END_OF_FILE);
  // Past the end the window reads zeros; a zero adds nothing to the polynomial, so the sum just stops.
  const seen = new Map<string, number>();
  const result: string[] = [];
  for (const start of lineStarts) {
    let hash = 0n;
    for (let offset = 0; offset < BLOCK_SIZE; offset++) hash = (hash * BASE + BigInt(codes[start + offset] ?? 0)) & MASK;
    const hex = hash.toString(16);
    const count = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, count);
    result.push(`${hex}:${count}`);
  }
  return result;
}

/** Our own fingerprints of a file's findings, in order: rule, path, the line without blanks, occurrence. */
export class FingerprintCounter {
  private readonly seen = new Map<string, number>();

  next(ruleId: string, filePath: string, lineText: string): string {
    const digest = nodeCrypto().createHash('sha256').update(`${ruleId}\0${filePath}\0${lineText.replace(/\s+/g, '')}`).digest('hex').slice(0, 32);
    const count = (this.seen.get(digest) ?? 0) + 1;
    this.seen.set(digest, count);
    return `${digest}:${count}`;
  }
}
