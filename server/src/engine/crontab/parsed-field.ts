// One parsed time field of a crontab line (fields.ts parses it): the values it selects, kept as bits, with what
// the parser found on the way (a problem, backwards ranges, skipped text, cronie's random elements).
export type FieldProblemId =
  | 'empty-element'
  | 'unknown-name'
  | 'out-of-range'
  | 'step-without-range'
  | 'bad-step'
  | 'zero-step'
  | 'random-range-unsupported'
  | 'bad-random-range'
  | 'bad-separator';

export interface FieldProblem {
  id: FieldProblemId;
  /** Offsets within the field text. */
  start: number;
  end: number;
  params: Record<string, string | number>;
}

export type EmptyRange = { start: number; end: number; text: string };
export type RandomElement = { start: number; end: number; low: number; high: number };
const NONE: readonly never[] = Object.freeze([]);

/**
 * One time field as cron reads it. Its values are kept as bits (values 0..29 and 30..59 in two small
 * integers) and `values` is built from them on first use: a crontab of distinct lines keeps one ParsedField
 * per distinct field text (100,000 for 1,000,000 lines), and an array of 60 booleans costs ten times the
 * rest of the field (issue #20). Shared by every line that writes the field the same way: read-only once
 * parsed.
 */
export class ParsedField {
  private lowBits = 0;
  private highBits = 0;
  // A private field, so deep equality and JSON compare the field by what it says, not by whether `values`
  // was asked for yet.
  #values: boolean[] | undefined;
  problem?: FieldProblem;
  /** Ranges written high-to-low that select nothing (`5-2`), with offsets. */
  emptyRanges: readonly EmptyRange[] = NONE;
  /** Text Debian's cron skips after a valid list (`;6` in `5;6`). */
  ignoredSuffix?: { start: number; end: number; text: string };
  /** cronie's `~` elements: a value picked at random when the crontab is loaded. */
  randomElements: readonly RandomElement[] = NONE;

  constructor(
    /** How many values the field has room for: its highest value + 1 (60 for minutes). */
    readonly size: number,
    /** The field starts with `*`: cron's DOM_STAR/DOW_STAR flag (a step over `*` counts too). */
    readonly startsWithStar: boolean,
  ) {}

  /** values[v] is true when the field matches v (index = the field's own number, e.g. month 1..12). */
  get values(): boolean[] {
    if (this.#values === undefined) {
      const values = new Array<boolean>(this.size);
      for (let value = 0; value < this.size; value++) values[value] = this.has(value);
      this.#values = values;
    }
    return this.#values;
  }

  has(value: number): boolean {
    return value < 30 ? (this.lowBits & (1 << value)) !== 0 : (this.highBits & (1 << (value - 30))) !== 0;
  }

  /** Whether the field selects any value. */
  get any(): boolean {
    return this.lowBits !== 0 || this.highBits !== 0;
  }

  /** How many values the field selects. */
  get count(): number {
    return bitCount(this.lowBits) + bitCount(this.highBits);
  }

  /** While parsing: the field matches `value`. */
  set(value: number): void {
    if (value < 30) this.lowBits |= 1 << value;
    else this.highBits |= 1 << (value - 30);
  }

  /** While parsing: every value `other` matches, this field matches too. */
  addAll(other: ParsedField): void {
    this.lowBits |= other.lowBits;
    this.highBits |= other.highBits;
  }

  addEmptyRange(range: EmptyRange): void {
    this.emptyRanges = [...this.emptyRanges, range];
  }

  addRandomElement(element: RandomElement): void {
    this.randomElements = [...this.randomElements, element];
  }
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}
