// The cache of parsed time fields (fields.ts) for one field of one dialect: a hash table keyed by the field's
// text as it stands in the line, so the parser finds a field without slicing it out (parse.ts).
//
// Speed (issue #20): a crontab of distinct lines looks up five fields per line in tables of thousands of
// entries. A table of strings and objects made each lookup follow pointers to the key string, the entry and
// its ParsedField, each a cache miss, and those misses were a third of the parse. Here everything a lookup
// reads is in one row of a typed array: the hash, the length, the text itself when it is short (up to 12
// characters below U+0100, packed four to a number; longer texts are compared with the entry's string), whether
// the field has a problem, and the number the document being parsed gave the entry (a copy of what the
// parser keeps on the entry, see parse.ts). The entry object is read only for what is rare.
import { sameText } from '../util/text-table';

/** Int32 numbers per row. */
export const ROW = 8;
/** The hash (hashRange) of the text. */
const ROW_HASH = 0;
/** The text's length + 1; 0 marks an empty row. */
const ROW_LENGTH = 1;
const ROW_PACKED = 2; // three numbers: the text, four characters each (when packed)
/** (entry index << 2) | (packed << 1) | (has a problem). */
export const ROW_INFO = 5;
/** The parse that numbered the entry last, and the number it gave (parse.ts). */
export const ROW_STAMP = 6;
export const ROW_LOCAL = 7;

export const INFO_PROBLEM = 1;
const INFO_PACKED = 2;
const INFO_SHIFT = 2;

const PACKED_MAX = 12;
const INITIAL_SLOTS = 64;

/** What the table keeps: fields.ts's FieldEntry (its text is the key). */
export interface TableEntry {
  readonly text: string;
  readonly field: { readonly problem?: unknown };
}

export class FieldTable<E extends TableEntry> {
  /** ROW numbers per slot (see ROW_*). */
  rows = new Int32Array(INITIAL_SLOTS * ROW);
  /** The entries, by the index in ROW_INFO. */
  entries: E[] = [];

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.entries.length;
  }

  /** The slot of `text.slice(start, end)`, whose hash (hashRange) the caller passes, or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const packed = pack(text, start, end);
    const word0 = PACKED[0];
    const word1 = PACKED[1];
    const word2 = PACKED[2];
    const rows = this.rows;
    const mask = rows.length / ROW - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const row = slot * ROW;
      const stored = rows[row + ROW_LENGTH];
      if (stored === 0) return -1;
      if (rows[row + ROW_HASH] !== hash || stored !== length + 1) continue;
      const info = rows[row + ROW_INFO];
      if (((info & INFO_PACKED) !== 0) !== packed) continue;
      if (packed) {
        if (rows[row + ROW_PACKED] === word0 && rows[row + ROW_PACKED + 1] === word1 && rows[row + ROW_PACKED + 2] === word2) return slot;
      } else if (sameText(text, start, end, this.entries[info >> INFO_SHIFT].text)) return slot;
    }
  }

  /** The entry in a slot find() or add() gave. */
  entry(slot: number): E {
    return this.entries[this.rows[slot * ROW + ROW_INFO] >> INFO_SHIFT];
  }

  /** Stores an entry find() did not find (keyed by its text); its slot. */
  add(entry: E, hash: number): number {
    if ((this.entries.length + 1) * 2 > this.rows.length / ROW) this.grow();
    const text = entry.text;
    const length = text.length;
    const packed = pack(text, 0, length);
    const index = this.entries.length;
    this.entries.push(entry);
    const rows = this.rows;
    const slot = this.freeSlot(hash);
    const row = slot * ROW;
    rows[row + ROW_HASH] = hash;
    rows[row + ROW_LENGTH] = length + 1;
    if (packed) {
      rows[row + ROW_PACKED] = PACKED[0];
      rows[row + ROW_PACKED + 1] = PACKED[1];
      rows[row + ROW_PACKED + 2] = PACKED[2];
    }
    rows[row + ROW_INFO] = (index << INFO_SHIFT) | (packed ? INFO_PACKED : 0) | (entry.field.problem !== undefined ? INFO_PROBLEM : 0);
    return slot;
  }

  /** Starts over when the table holds more than its limit (between documents: see fields.ts). */
  trim(): void {
    if (this.entries.length > this.limit) {
      this.rows = new Int32Array(INITIAL_SLOTS * ROW);
      this.entries = [];
    }
  }

  private freeSlot(hash: number): number {
    const rows = this.rows;
    const mask = rows.length / ROW - 1;
    let slot = hash & mask;
    while (rows[slot * ROW + ROW_LENGTH] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const old = this.rows;
    this.rows = new Int32Array(old.length * 2);
    for (let row = 0; row < old.length; row += ROW) {
      if (old[row + ROW_LENGTH] === 0) continue;
      const to = this.freeSlot(old[row + ROW_HASH]) * ROW;
      for (let offset = 0; offset < ROW; offset++) this.rows[to + offset] = old[row + offset];
    }
  }
}

/** What pack() leaves: a text of up to PACKED_MAX Latin-1 characters, four to a number. */
const PACKED = new Int32Array(3);

/** Packs text.slice(start, end) into PACKED; false (PACKED undefined) when it is too long or not Latin-1. */
function pack(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length > PACKED_MAX) return false;
  PACKED[0] = 0;
  PACKED[1] = 0;
  PACKED[2] = 0;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(start + index);
    if (code > 0xff) return false;
    PACKED[index >> 2] |= code << ((index & 3) << 3);
  }
  return true;
}
