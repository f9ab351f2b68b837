// The five time fields of a crontab line, parsed the way the cron daemons do.
// Debian: cron 3.0pl1 entry.c get_list/get_range/get_number; cronie: src/entry.c (differences noted inline).
// A field is read element by element; the first character that ends a valid list and is not a blank is
// *ignored up to the next blank* by Debian's Skip_Nonblanks, so `5;6` silently means 5.
import type { CronDialect } from '../types';
import { copyOf, hashText } from '../util/text-table';
import { FieldTable } from './field-table';
import { type FieldProblemId, ParsedField } from './parsed-field';

export type FieldName = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

export interface FieldSpec {
  name: FieldName;
  low: number;
  high: number;
  names?: readonly string[];
}

export const MONTH_NAMES: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Debian's DowNames lists Sun twice (0 and 7); lookup takes the first match.
export const DAY_NAMES: readonly string[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const FIELD_SPECS: readonly FieldSpec[] = [
  { name: 'minute', low: 0, high: 59 },
  { name: 'hour', low: 0, high: 23 },
  { name: 'dayOfMonth', low: 1, high: 31 },
  { name: 'month', low: 1, high: 12, names: MONTH_NAMES },
  { name: 'dayOfWeek', low: 0, high: 7, names: DAY_NAMES },
];

export { type FieldProblem, type FieldProblemId, ParsedField } from './parsed-field';


const STAR = 42;
const COMMA = 44;
const DASH = 45;
const SLASH = 47;
const TILDE = 126;

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
  /**
   * The parser's bookkeeping (parse.ts): the entry's number in the document being parsed, valid while
   * `stamp` is that parse's number. The only fields anyone writes after the entry is made. (The entry's row
   * in its field table keeps a copy, which the parser reads instead: field-table.ts.)
   */
  stamp: number;
  local: number;
}

// Trimmed between documents, not while one is parsed: a document keeps every field entry its jobs use, so a
// table that started over part way through would only make second copies of them (issue #20: a crontab of
// 1,000,000 distinct lines has 65,000 distinct minute fields).
const FIELD_CACHE_LIMIT = 10_000;
const fieldTables: Record<CronDialect, readonly FieldTable<FieldEntry>[]> = {
  debian: FIELD_SPECS.map(() => new FieldTable<FieldEntry>(FIELD_CACHE_LIMIT)),
  cronie: FIELD_SPECS.map(() => new FieldTable<FieldEntry>(FIELD_CACHE_LIMIT)),
};

/** The field tables of a dialect, by index into FIELD_SPECS (the parser looks fields up in them itself). */
export function fieldTablesOf(dialect: CronDialect): readonly FieldTable<FieldEntry>[] {
  return fieldTables[dialect];
}

/** Lets each field table start over if it grew past its limit; called before each document and lone field. */
export function trimFieldTables(): void {
  for (const tables of [fieldTables.debian, fieldTables.cronie]) for (const table of tables) table.trim();
}
let nextFieldId = 1;

/**
 * The parsed field for `text.slice(start, end)`, the `specIndex`-th time field (index into FIELD_SPECS);
 * `hash` is hashRange() of those characters. Cached; treat the result as read-only.
 */
function fieldEntryAt(text: string, start: number, end: number, hash: number, specIndex: number, dialect: CronDialect): FieldEntry {
  const table = fieldTables[dialect][specIndex];
  const slot = table.find(text, start, end, hash);
  return table.entry(slot >= 0 ? slot : addFieldEntry(table, text, start, end, hash, specIndex, dialect));
}

/** Parses `text.slice(start, end)` (which `table` does not have) as field `specIndex` and stores it: its slot. */
export function addFieldEntry(table: FieldTable<FieldEntry>, text: string, start: number, end: number, hash: number, specIndex: number, dialect: CronDialect): number {
  const spec = FIELD_SPECS[specIndex];
  const key = copyOf(text, start, end);
  const entry: FieldEntry = { id: nextFieldId++, text: key, field: parseSimpleField(key, spec) ?? parseFieldUncached(key, spec, dialect), stamp: 0, local: 0 };
  return table.add(entry, hash);
}

/** Parses one whitespace-free field token (cached; treat the result as read-only). */
export function parseField(text: string, spec: FieldSpec, dialect: CronDialect): ParsedField {
  const specIndex = FIELD_SPECS.indexOf(spec);
  if (specIndex < 0) return parseFieldUncached(text, spec, dialect);
  trimFieldTables();
  return fieldEntryAt(text, 0, text.length, hashText(text), specIndex, dialect).field;
}

/**
 * The fields most crontabs are made of — numbers, `*`, ranges and steps, and lists of them, all valid — read
 * in one pass without the general parser's closures; undefined for anything else (names, `~`, a problem, a
 * backwards range, skipped text, a number of ten digits or more), which parseFieldUncached reads. A file of
 * distinct lines has tens of thousands of distinct fields (issue #20). Both dialects read these alike.
 * Exported for the test that holds it to parseFieldUncached on random fields.
 */
// The character at `index`, -1 past the end. charCodeAt past the end (NaN) made V8 throw away
// parseSimpleField's optimized code once for each place it reads there, and compile it again each time: five
// compilations of it in a cold run (issue #20). Every comparison below is false for both -1 and NaN.
function codeAt(text: string, index: number): number {
  return index < text.length ? text.charCodeAt(index) : -1;
}

export function parseSimpleField(text: string, spec: FieldSpec): ParsedField | undefined {
  const length = text.length;
  const result = new ParsedField(spec.high + 1, text.charCodeAt(0) === STAR);
  let pos = 0;
  for (;;) {
    let first: number;
    let last: number;
    if (codeAt(text, pos) === STAR) {
      first = spec.low;
      last = spec.high;
      pos++;
    } else {
      let start = pos;
      first = 0;
      for (let code = codeAt(text, pos); code >= 48 && code <= 57; code = codeAt(text, ++pos)) first = first * 10 + code - 48;
      if (pos === start || pos - start > 9 || first < spec.low || first > spec.high) return undefined;
      if (codeAt(text, pos) !== DASH) {
        // A single value, then a comma or the end (a step needs a range).
        result.set(first);
        if (pos === length) return result;
        if (codeAt(text, pos) !== COMMA) return undefined;
        pos++;
        continue;
      }
      start = ++pos;
      last = 0;
      for (let code = codeAt(text, pos); code >= 48 && code <= 57; code = codeAt(text, ++pos)) last = last * 10 + code - 48;
      if (pos === start || pos - start > 9 || last < spec.low || last > spec.high || first > last) return undefined;
    }
    let step = 1;
    if (codeAt(text, pos) === SLASH) {
      const start = ++pos;
      step = 0;
      for (let code = codeAt(text, pos); code >= 48 && code <= 57; code = codeAt(text, ++pos)) step = step * 10 + code - 48;
      if (pos === start || pos - start > 9 || step === 0) return undefined;
    }
    for (let value = first; value <= last; value += step) result.set(value);
    if (pos === length) return result;
    if (codeAt(text, pos) !== COMMA) return undefined;
    pos++;
  }
}

/** Any field, as the dialect reads it (get_list): the general parser, with every problem it can find. */
export function parseFieldUncached(text: string, spec: FieldSpec, dialect: CronDialect): ParsedField {
  const result = new ParsedField(spec.high + 1, text.charCodeAt(0) === STAR);
  const length = text.length;
  let pos = 0;
  // The word readNumber() read last: where it is and its value (NaN when it is neither a number nor a name).
  // Scratch variables rather than a result object: a file of distinct lines parses tens of thousands of fields.
  let wordStart = 0;
  let wordEnd = 0;
  let wordValue = Number.NaN;

  const fail = (id: FieldProblemId, start: number, end: number, params: Record<string, string | number> = {}): ParsedField => {
    result.problem = { id, start, end: Math.max(end, start + 1), params };
    return result;
  };
  const word = (): string => text.slice(wordStart, wordEnd);
  const charAt = (index: number): string => text[index] ?? '';

  // get_number(): a run of letters and digits, a name when the field has names and it spells one (any case),
  // else a number when it is all digits (atoi, see cInt).
  const readNumber = (withNames: boolean): void => {
    wordStart = pos;
    let digitsOnly = true;
    let value = 0;
    while (pos < length) {
      const code = text.charCodeAt(pos);
      if (code >= 48 && code <= 57) value = value * 10 + (code - 48);
      else if ((code | 32) >= 97 && (code | 32) <= 122) digitsOnly = false;
      else break;
      pos++;
    }
    wordEnd = pos;
    wordValue = Number.NaN;
    if (wordEnd === wordStart) return;
    if (withNames && spec.names && !digitsOnly) {
      const index = spec.names.indexOf(word().toLowerCase());
      if (index >= 0) {
        wordValue = index + spec.low;
        return;
      }
    }
    if (digitsOnly) wordValue = wordEnd - wordStart < 10 ? value : cInt(word());
  };

  for (;;) {
    const elementStart = pos;
    let first: number;
    let last: number;
    let step = 1;
    if (text.charCodeAt(pos) === STAR) {
      first = spec.low;
      last = spec.high;
      pos++;
    } else {
      readNumber(true);
      if (wordEnd === wordStart) {
        if (text.charCodeAt(pos) === TILDE) return readRandom(elementStart);
        return fail('empty-element', wordStart, wordStart + 1, { found: charAt(pos) });
      }
      if (Number.isNaN(wordValue)) return fail('unknown-name', wordStart, wordEnd, { name: word(), field: spec.name });
      if (text.charCodeAt(pos) === TILDE && dialect === 'cronie') {
        pos = elementStart;
        return readRandom(elementStart);
      }
      // Debian: `6~15` is the number 6 followed by text get_list() skips (Skip_Nonblanks).
      first = wordValue;
      if (text.charCodeAt(pos) !== DASH) {
        if (text.charCodeAt(pos) === SLASH) return fail('step-without-range', elementStart, pos + 1, { element: text.slice(elementStart, pos) });
        if (first < spec.low || first > spec.high) return outOfRange(wordStart, wordEnd, first);
        result.set(first);
        if (!finishElement()) return result;
        continue;
      }
      const fromStart = wordStart;
      const fromEnd = wordEnd;
      pos++;
      readNumber(true);
      if (wordEnd === wordStart) return fail('empty-element', wordStart, wordStart + 1, { found: charAt(pos) });
      if (Number.isNaN(wordValue)) return fail('unknown-name', wordStart, wordEnd, { name: word(), field: spec.name });
      last = wordValue;
      if (first < spec.low || first > spec.high) return outOfRange(fromStart, fromEnd, first);
      if (last < spec.low || last > spec.high) return outOfRange(wordStart, wordEnd, last);
    }
    if (text.charCodeAt(pos) === SLASH) {
      pos++;
      readNumber(false);
      if (Number.isNaN(wordValue)) return fail('bad-step', wordStart, wordEnd, { step: word() });
      if (wordValue <= 0) return fail('zero-step', wordStart, wordEnd, {});
      step = wordValue;
    }
    if (first > last) {
      // Debian's loop `for (i = num1; i <= num2; ...)` sets nothing; released cronie (1.6.0–1.7.2) does the
      // same and older cronie rejects the range. Only unreleased cronie wraps `X-0`.
      result.addEmptyRange({ start: elementStart, end: pos, text: text.slice(elementStart, pos) });
    } else {
      for (let value = first; value <= last; value += step) result.set(value);
    }
    if (!finishElement()) return result;
  }

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
    readNumber(true);
    const lowEmpty = wordEnd === wordStart;
    const lowValue = wordValue;
    if (text.charCodeAt(pos) !== TILDE) return fail('bad-random-range', start, pos + 1, {});
    pos++;
    readNumber(true);
    const from = lowEmpty ? spec.low : lowValue;
    const to = wordEnd === wordStart ? spec.high : wordValue;
    if (Number.isNaN(from) || Number.isNaN(to) || from < spec.low || to > spec.high || from > to) {
      return fail('bad-random-range', start, pos, {});
    }
    result.addRandomElement({ start, end: pos, low: from, high: to });
    // Any value in the range may be chosen; for next-run purposes take every candidate as possible.
    for (let value = from; value <= to; value++) result.set(value);
    if (!finishElement()) return result;
    return parseRest();
  }

  function parseRest(): ParsedField {
    const rest = parseFieldUncached(text.slice(pos), spec, dialect);
    result.addAll(rest);
    const shift = <T extends { start: number; end: number }>(item: T): T => ({ ...item, start: item.start + pos, end: item.end + pos });
    if (rest.problem) result.problem = shift(rest.problem);
    for (const item of rest.emptyRanges) result.addEmptyRange(shift(item));
    for (const item of rest.randomElements) result.addRandomElement(shift(item));
    if (rest.ignoredSuffix) result.ignoredSuffix = shift(rest.ignoredSuffix);
    return result;
  }
}
