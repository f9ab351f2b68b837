// A bounded hash table keyed by a run of characters inside a larger string, so a parser can find what it
// knows about `text.slice(start, end)` without making that slice: the caller hashes the characters while it
// scans them (hashStep), then looks the range up. Used for the parse caches, which see the same few field
// texts and user names on every line of a 100,000-line crontab.
// When the table holds `limit` keys it starts over, so memory stays bounded however many texts pass through.

/** The hash of an empty range; feed each character code through hashStep. */
export const HASH_START = 5381;

/** Hashes are kept to 30 bits, so V8 always holds them as small integers (never boxed numbers). */
export const HASH_MASK = 0x3fffffff;

// djb2, xor variant. (Hot loops inline this expression.)
export function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 33) ^ code) & HASH_MASK;
}

export function hashRange(text: string, start: number, end: number, hash = HASH_START): number {
  for (let index = start; index < end; index++) hash = hashStep(hash, text.charCodeAt(index));
  return hash;
}

export function hashText(text: string): number {
  return hashRange(text, 0, text.length);
}

/**
 * `text.slice(start, end)` as a string of its own, for caches. V8 makes a longer slice a view into the whole
 * text, which a cache would then keep alive (a 20-character key holding on to a 6 MB file) and which is
 * slower to read. The copy is also V8's canonical (internalized) string for that text, taken back from an
 * object key: comparing it with a literal (`user === 'root'`) or looking it up in a Map is then quicker.
 */
export function copyOf(text: string, start: number, end: number): string {
  // V8 copies a slice shorter than 13 characters (SlicedString::kMinLength) into a string of its own, which
  // is all a cache needs; the object-key round trip (an internalization) cost more than the parse of a line
  // when every line brings new field texts.
  if (end - start < 13) return text.slice(start, end);
  return Object.keys({ [text.slice(start, end)]: 0 })[0] ?? text.slice(start, end);
}

/** Whether `text.slice(start, end) === key`, without the slice. */
export function sameText(text: string, start: number, end: number, key: string): boolean {
  if (key.length !== end - start) return false;
  for (let index = 0; index < key.length; index++) {
    if (text.charCodeAt(start + index) !== key.charCodeAt(index)) return false;
  }
  return true;
}

const INITIAL_CAPACITY = 64;

export class TextTable<V> {
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private keys: (string | undefined)[] = new Array<string | undefined>(INITIAL_CAPACITY).fill(undefined);
  private values: (V | undefined)[] = new Array<V | undefined>(INITIAL_CAPACITY).fill(undefined);
  private count = 0;

  /**
   * With `trimmedByCaller`, add() never starts over: the caller calls trim() between uses instead, so one
   * use (a whole document) never finds a text it already saw gone and parses it again into a second copy.
   */
  constructor(
    private readonly limit: number,
    private readonly trimmedByCaller = false,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The value stored for `text.slice(start, end)`, whose hash (hashRange) the caller passes. */
  get(text: string, start: number, end: number, hash: number): V | undefined {
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === undefined) return undefined;
      if (this.hashes[slot] === hash && sameText(text, start, end, key)) return this.values[slot];
    }
  }

  /** Stores a value for a key that get() did not find. */
  add(key: string, hash: number, value: V): void {
    if (!this.trimmedByCaller && this.count >= this.limit) this.clear();
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    this.place(key, hash, value);
    this.count++;
  }

  /** Starts over when the table holds more than its limit (for tables trimmed by their caller). */
  trim(): void {
    if (this.count > this.limit) this.clear();
  }

  clear(): void {
    this.hashes = new Int32Array(INITIAL_CAPACITY);
    this.keys = new Array<string | undefined>(INITIAL_CAPACITY).fill(undefined);
    this.values = new Array<V | undefined>(INITIAL_CAPACITY).fill(undefined);
    this.count = 0;
  }

  private place(key: string, hash: number, value: V): void {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  private grow(): void {
    const { hashes, keys, values } = this;
    const capacity = hashes.length * 2;
    this.hashes = new Int32Array(capacity);
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    for (let slot = 0; slot < hashes.length; slot++) {
      const key = keys[slot];
      if (key !== undefined) this.place(key, hashes[slot], values[slot] as V);
    }
  }
}

/**
 * Strings for ranges of a text, shared between calls: the same user name or variable name on 100,000 lines
 * becomes one string. Bounded like TextTable.
 */
export class Interner {
  private readonly table: TextTable<string>;

  constructor(limit: number) {
    this.table = new TextTable<string>(limit);
  }

  intern(text: string, start: number, end: number, hash = hashRange(text, start, end)): string {
    const found = this.table.get(text, start, end, hash);
    if (found !== undefined) return found;
    const key = copyOf(text, start, end);
    this.table.add(key, hash, key);
    return key;
  }
}
