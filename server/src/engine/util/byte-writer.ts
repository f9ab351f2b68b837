// Text written as bytes into one growing buffer and made into a string (or handed out as bytes) at the end,
// for reports of many thousands of rows (`systemd-analyze calendar`'s elapses, `schedlint cron`'s runs):
// as strings (a label, a date, a time, joined) each row costs more in allocation and garbage collection than
// the search that finds it (issue #20). Subclasses write their rows with room/put/digits and direct stores.

/** The number of decimal digits of a non-negative integer (1 for 0). */
export function decimalLength(value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  return digits;
}

/** A non-negative integer in ASCII decimal into `bytes` at `at`; where it ends. */
export function writeDecimal(bytes: Uint8Array, at: number, value: number): number {
  const end = at + decimalLength(value);
  for (let i = end - 1, rest = value; i >= at; i--, rest = Math.floor(rest / 10)) bytes[i] = 0x30 + (rest % 10);
  return end;
}

export class ByteWriter {
  protected bytes: Buffer;
  protected length = 0;
  /** Text written as it is (text()), with what was written before it, as strings. */
  private readonly pieces: string[] = [];

  constructor(
    /** Room from the start: growing the buffer mid-report costs a copy (and V8 the code it compiled for it). */
    private readonly capacity: number,
    /** What the bytes are: Latin-1 (one byte a character) or UTF-8. */
    private readonly encoding: 'latin1' | 'utf8',
  ) {
    this.bytes = Buffer.alloc(capacity);
  }

  /** Bytes written since the last take, not counting text pieces. */
  get size(): number {
    return this.length;
  }

  /** Room for `extra` more bytes. */
  protected room(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const bigger = Buffer.alloc(Math.max(this.capacity, this.bytes.length * 2, this.length + extra));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }

  /** Bytes, after room() for them. */
  protected put(part: Uint8Array): void {
    this.bytes.set(part, this.length);
    this.length += part.length;
  }

  /** A non-negative integer in ASCII decimal, after room() for it. */
  protected digits(value: number): void {
    this.length = writeDecimal(this.bytes, this.length, value);
  }

  /**
   * Text in UTF-8, for a UTF-8 writer. A lone UTF-16 surrogate becomes U+FFFD, as it does when a string is
   * written to a stream, so the bytes are those a `stdout.write` of the text would give.
   */
  utf8(text: string): void {
    this.room(text.length * 3);
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  /** Any text, kept as a string piece: what is written so far becomes one too. */
  text(text: string): void {
    this.pieces.push(this.decode(), text);
  }

  /** Everything written since the last take, as a string; the writer is empty again. */
  takeString(): string {
    const last = this.decode();
    if (this.pieces.length === 0) return last;
    const text = this.pieces.join('') + last;
    this.pieces.length = 0;
    return text;
  }

  /**
   * Everything written since the last take as UTF-8 bytes; the writer is empty again. The bytes are handed
   * out, not copied: the writer goes on in a buffer of its own.
   */
  takeBytes(): Uint8Array {
    if (this.encoding !== 'utf8' || this.pieces.length > 0) return Buffer.from(this.takeString(), 'utf8');
    const bytes = this.bytes.subarray(0, this.length);
    this.bytes = Buffer.alloc(0);
    this.length = 0;
    return bytes;
  }

  private decode(): string {
    const text = this.bytes.toString(this.encoding, 0, this.length);
    this.length = 0;
    return text;
  }
}
