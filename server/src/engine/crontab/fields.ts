// The five time fields of a crontab line, parsed the way the cron daemons do.
// Debian: cron 3.0pl1 entry.c get_list/get_range/get_number; cronie: src/entry.c (differences noted inline).
// A field is read element by element; the first character that ends a valid list and is not a blank is
// *ignored up to the next blank* by Debian's Skip_Nonblanks, so `5;6` silently means 5.
import type { CronDialect } from '../types';
import { copyOf, hashText, TextTable } from '../util/text-table';

export type FieldName = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

export interface FieldSpec {
  name: FieldName;
  low: number;
  high: number;
  names?: readonly string[];
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Debian's DowNames lists Sun twice (0 and 7); lookup takes the first match.
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const FIELD_SPECS: readonly FieldSpec[] = [
  { name: 'minute', low: 0, high: 59 },
  { name: 'hour', low: 0, high: 23 },
  { name: 'dayOfMonth', low: 1, high: 31 },
  { name: 'month', low: 1, high: 12, names: MONTH_NAMES },
  { name: 'dayOfWeek', low: 0, high: 7, names: DAY_NAMES },
];

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

export interface ParsedField {
  /** values[v] is true when the field matches v (index = the field's own number, e.g. month 1..12). */
  values: boolean[];
  /** The field starts with `*`: cron's DOM_STAR/DOW_STAR flag (a step over `*` counts too). */
  startsWithStar: boolean;
  problem?: FieldProblem;
  /** Ranges written high-to-low that select nothing (`5-2`), with offsets. */
  emptyRanges: { start: number; end: number; text: string }[];
  /** Text Debian's cron skips after a valid list (`;6` in `5;6`). */
  ignoredSuffix?: { start: number; end: number; text: string };
  /** cronie's `~` elements: a value picked at random when the crontab is loaded. */
  randomElements: { start: number; end: number; low: number; high: number }[];
}

const isAlnum = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);
const isDigits = (text: string): boolean => /^[0-9]+$/.test(text);

const LONG_MAX = 2n ** 63n - 1n;

/**
 * What C's atoi() (glibc: strtol clamped to LONG_MAX, then cast to int) makes of a run of digits. Both crons
 * read numbers this way, so `4294967301` is minute 5 and `*\/4294967296` is a step of 0.
 */
export function cInt(digits: string): number {
  if (digits.length < 10) return Number.parseInt(digits, 10);
  const value = BigInt(digits);
  return Number(BigInt.asIntN(32, value > LONG_MAX ? LONG_MAX : value));
}

// Field texts repeat endlessly across crontabs (`*`, `0`, `*/5`): parse each distinct one once. Results are
// shared, so nothing may modify a ParsedField after parsing. The parser finds entries by the characters of
// the line (fieldEntryAt) without slicing the token out of it first.
export interface FieldEntry {
  /** Distinct per entry, so time-spec.ts can key its schedule cache by the five entries of a line. */
  readonly id: number;
  /** The field exactly as written. */
  readonly text: string;
  readonly field: ParsedField;
}

const FIELD_CACHE_LIMIT = 10_000;
const fieldTables = {
  debian: FIELD_SPECS.map(() => new TextTable<FieldEntry>(FIELD_CACHE_LIMIT)),
  cronie: FIELD_SPECS.map(() => new TextTable<FieldEntry>(FIELD_CACHE_LIMIT)),
};
let nextFieldId = 1;

/**
 * The parsed field for `text.slice(start, end)`, the `specIndex`-th time field (index into FIELD_SPECS);
 * `hash` is hashRange() of those characters. Cached; treat the result as read-only.
 */
export function fieldEntryAt(text: string, start: number, end: number, hash: number, specIndex: number, dialect: CronDialect): FieldEntry {
  const table = fieldTables[dialect][specIndex];
  return table.get(text, start, end, hash) ?? addFieldEntry(table, copyOf(text, start, end), hash, specIndex, dialect);
}

function addFieldEntry(table: TextTable<FieldEntry>, text: string, hash: number, specIndex: number, dialect: CronDialect): FieldEntry {
  const entry: FieldEntry = { id: nextFieldId++, text, field: parseFieldUncached(text, FIELD_SPECS[specIndex], dialect) };
  table.add(text, hash, entry);
  return entry;
}

/** Parses one whitespace-free field token (cached; treat the result as read-only). */
export function parseField(text: string, spec: FieldSpec, dialect: CronDialect): ParsedField {
  const specIndex = FIELD_SPECS.indexOf(spec);
  if (specIndex < 0) return parseFieldUncached(text, spec, dialect);
  return fieldEntryAt(text, 0, text.length, hashText(text), specIndex, dialect).field;
}

function parseFieldUncached(text: string, spec: FieldSpec, dialect: CronDialect): ParsedField {
  const values = new Array<boolean>(spec.high + 1).fill(false);
  const result: ParsedField = { values, startsWithStar: text.startsWith('*'), emptyRanges: [], randomElements: [] };
  let pos = 0;

  const fail = (id: FieldProblemId, start: number, end: number, params: Record<string, string | number> = {}): ParsedField => {
    result.problem = { id, start, end: Math.max(end, start + 1), params };
    return result;
  };

  const readNumber = (withNames: boolean): { value?: number; start: number; end: number; word: string } => {
    const start = pos;
    while (isAlnum(text[pos])) pos++;
    const word = text.slice(start, pos);
    if (word.length === 0) return { start, end: pos, word };
    if (withNames && spec.names) {
      const index = spec.names.indexOf(word.toLowerCase());
      if (index >= 0) return { value: index + spec.low, start, end: pos, word };
    }
    if (isDigits(word)) return { value: cInt(word), start, end: pos, word };
    return { start, end: pos, word };
  };

  for (;;) {
    const elementStart = pos;
    let first: number;
    let last: number;
    let step = 1;
    if (text[pos] === '*') {
      first = spec.low;
      last = spec.high;
      pos++;
    } else {
      const from = readNumber(true);
      if (from.word.length === 0) {
        if (text[pos] === '~') return readRandom(elementStart);
        return fail('empty-element', from.start, from.start + 1, { found: text[pos] ?? '' });
      }
      if (from.value === undefined) return fail('unknown-name', from.start, from.end, { name: from.word, field: spec.name });
      if (text[pos] === '~' && dialect === 'cronie') {
        pos = elementStart;
        return readRandom(elementStart);
      }
      // Debian: `6~15` is the number 6 followed by text get_list() skips (Skip_Nonblanks).
      first = from.value;
      if (text[pos] !== '-') {
        if (text[pos] === '/') return fail('step-without-range', elementStart, pos + 1, { element: text.slice(elementStart, pos) });
        if (first < spec.low || first > spec.high) return outOfRange(from.start, from.end, first);
        values[first] = true;
        if (!finishElement()) return result;
        continue;
      }
      pos++;
      const to = readNumber(true);
      if (to.word.length === 0) return fail('empty-element', to.start, to.start + 1, { found: text[pos] ?? '' });
      if (to.value === undefined) return fail('unknown-name', to.start, to.end, { name: to.word, field: spec.name });
      last = to.value;
      if (first < spec.low || first > spec.high) return outOfRange(from.start, from.end, first);
      if (last < spec.low || last > spec.high) return outOfRange(to.start, to.end, last);
    }
    if (text[pos] === '/') {
      pos++;
      const stepToken = readNumber(false);
      if (stepToken.value === undefined) return fail('bad-step', stepToken.start, stepToken.end, { step: stepToken.word });
      if (stepToken.value <= 0) return fail('zero-step', stepToken.start, stepToken.end, {});
      step = stepToken.value;
    }
    if (first > last) {
      // Debian's loop `for (i = num1; i <= num2; ...)` sets nothing; released cronie (1.6.0–1.7.2) does the
      // same and older cronie rejects the range. Only unreleased cronie wraps `X-0`.
      result.emptyRanges.push({ start: elementStart, end: pos, text: text.slice(elementStart, pos) });
    } else {
      for (let value = first; value <= last; value += step) values[value] = true;
    }
    if (!finishElement()) return result;
  }

  // After an element: a comma continues the list; anything else ends it.
  function finishElement(): boolean {
    if (text[pos] === ',') {
      pos++;
      return true;
    }
    if (pos < text.length) {
      // Debian skips the rest up to the next blank (Skip_Nonblanks); cronie ≥ 1.6 requires a separator.
      if (dialect === 'cronie') fail('bad-separator', pos, pos + 1, { found: text[pos], text: text.slice(pos) });
      else result.ignoredSuffix = { start: pos, end: text.length, text: text.slice(pos) };
    }
    return false;
  }

  function outOfRange(start: number, end: number, value: number): ParsedField {
    return fail('out-of-range', start, end, { value, low: spec.low, high: spec.high, field: spec.name });
  }

  // cronie's random range: `~`, `A~`, `~B`, `A~B` pick one value in the (default full) range at load time.
  function readRandom(start: number): ParsedField {
    if (dialect !== 'cronie') {
      const tilde = text.indexOf('~', start);
      return fail('random-range-unsupported', tilde, tilde + 1, { element: text.slice(start).split(',')[0] });
    }
    const low = readNumber(true);
    if (text[pos] !== '~') return fail('bad-random-range', start, pos + 1, {});
    pos++;
    const high = readNumber(true);
    const from = low.word.length === 0 ? spec.low : low.value;
    const to = high.word.length === 0 ? spec.high : high.value;
    if (from === undefined || to === undefined || from < spec.low || to > spec.high || from > to) {
      return fail('bad-random-range', start, pos, {});
    }
    result.randomElements.push({ start, end: pos, low: from, high: to });
    // Any value in the range may be chosen; for next-run purposes take every candidate as possible.
    for (let value = from; value <= to; value++) values[value] = true;
    if (!finishElement()) return result;
    return parseRest();
  }

  function parseRest(): ParsedField {
    const rest = parseFieldUncached(text.slice(pos), spec, dialect);
    rest.values.forEach((on, value) => {
      if (on) values[value] = true;
    });
    const shift = <T extends { start: number; end: number }>(item: T): T => ({ ...item, start: item.start + pos, end: item.end + pos });
    if (rest.problem) result.problem = shift(rest.problem);
    result.emptyRanges.push(...rest.emptyRanges.map((item) => shift(item)));
    result.randomElements.push(...rest.randomElements.map((item) => shift(item)));
    if (rest.ignoredSuffix) result.ignoredSuffix = shift(rest.ignoredSuffix);
    return result;
  }
}
