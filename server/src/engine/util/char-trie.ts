// A trie over ASCII text in typed arrays, for recognising known strings while scanning a larger text one
// character at a time: no substring, no hashing, and each character is read once. Most states (the middle of
// a string no other string shares) have one way on; those are kept in `single`, small enough to stay in the
// processor's nearest cache. States with several ways on get a row of 128 entries in `rows`.
// Bounded: when it would hold more than `stateLimit` states it starts over.
//
// Walk it inline for speed (see parse.ts), from state CharTrie.ROOT, for each character code c:
//   const way = trie.single[state];
//   way > 0:  c === way >> 16 ? state = way & 0xffff : not known
//   way < 0:  c < 128 && (state = trie.rows[(trie.rowOf[state] << 7) | c]) !== 0 ? go on : not known
//   way === 0: not known (no string continues)
// trie.values[state] is the value of the string read so far, if it was added.

const ALPHABET = 128;
const BRANCHING = -1;

export class CharTrie<V> {
  static readonly ROOT = 1;
  /** One way on, as (code << 16) | next state; BRANCHING when the state has a row; 0 for none. */
  single: Int32Array;
  /** Row of each branching state in `rows`. */
  rowOf: Int32Array;
  /** rows[row * 128 + code]: the next state, 0 for none. */
  rows: Uint16Array;
  /** The value added for the string that leads to each state. */
  values: (V | undefined)[];
  private states = 2; // 0: none; 1: the root
  private rowCount = 0;

  constructor(private readonly stateLimit: number) {
    if (stateLimit > 0xffff) throw new RangeError('CharTrie holds at most 65535 states');
    this.single = new Int32Array(64);
    this.rowOf = new Int32Array(64);
    this.rows = new Uint16Array(8 * ALPHABET);
    this.values = new Array<V | undefined>(64).fill(undefined);
  }

  /** The value stored for `text.slice(start, end)`, if any (a reference walk; parsers inline it). */
  get(text: string, start: number, end: number): V | undefined {
    let state = CharTrie.ROOT;
    for (let index = start; index < end; index++) {
      state = this.step(state, text.charCodeAt(index));
      if (state === 0) return undefined;
    }
    return this.values[state];
  }

  /** The state after `state` on `code`, 0 for none. */
  step(state: number, code: number): number {
    const way = this.single[state];
    if (way > 0) return way >> 16 === code ? way & 0xffff : 0;
    if (way === BRANCHING && code < ALPHABET) return this.rows[(this.rowOf[state] << 7) | code];
    return 0;
  }

  /** Adds `text.slice(start, end)`; false (nothing added) when it has a character outside ASCII or is too long. */
  add(text: string, start: number, end: number, value: V): boolean {
    if (end - start > this.stateLimit - 2) return false;
    for (let index = start; index < end; index++) if (text.charCodeAt(index) >= ALPHABET) return false;
    if (this.states + (end - start) > this.stateLimit) this.clear();
    let state = CharTrie.ROOT;
    for (let index = start; index < end; index++) {
      const code = text.charCodeAt(index);
      let following = this.step(state, code);
      if (following === 0) {
        following = this.newState();
        this.link(state, code, following);
      }
      state = following;
    }
    this.values[state] = value;
    return true;
  }

  clear(): void {
    this.single = new Int32Array(64);
    this.rowOf = new Int32Array(64);
    this.rows = new Uint16Array(8 * ALPHABET);
    this.values = new Array<V | undefined>(64).fill(undefined);
    this.states = 2;
    this.rowCount = 0;
  }

  private link(state: number, code: number, following: number): void {
    const way = this.single[state];
    if (way === 0) {
      this.single[state] = (code << 16) | following;
      return;
    }
    if (way > 0) {
      // A second way on: the state gets a row, with the way it had.
      const row = this.newRow();
      this.rows[(row << 7) | (way >> 16)] = way & 0xffff;
      this.rowOf[state] = row;
      this.single[state] = BRANCHING;
    }
    this.rows[(this.rowOf[state] << 7) | code] = following;
  }

  private newState(): number {
    const state = this.states++;
    if (state >= this.values.length) {
      const capacity = this.values.length * 2;
      this.single = resized(this.single, capacity);
      this.rowOf = resized(this.rowOf, capacity);
      const values = new Array<V | undefined>(capacity).fill(undefined);
      for (let index = 0; index < this.values.length; index++) values[index] = this.values[index];
      this.values = values;
    }
    return state;
  }

  private newRow(): number {
    const row = this.rowCount++;
    if ((row + 1) * ALPHABET > this.rows.length) {
      const rows = new Uint16Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    return row;
  }
}

function resized(array: Int32Array, length: number): Int32Array {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}
