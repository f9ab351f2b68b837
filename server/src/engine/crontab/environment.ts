// Environment assignments in a crontab (`NAME=value`), recognised exactly as Debian cron's env.c load_env():
// a small state machine over the line; anything it does not accept is read as a job line instead.
import type { CronDialect } from '../types';
import type { Token } from './model';

export interface EnvironmentAssignment {
  name: Token;
  value: string;
  valueToken: Token;
}

// C's isspace() in the "C" locale: space, \t, \n, \v, \f, \r.
const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const EQUALS = 61;

enum State {
  NameInitial,
  Name,
  Equals1,
  Equals2,
  ValueInitial,
  Value,
  Finished,
  Error,
}

/** Returns the assignment, or undefined when cron would not take the line as one. */
export function parseEnvironmentLine(text: string, from: number, dialect: CronDialect): EnvironmentAssignment | undefined {
  const scan = scanAssignment(text, from, text.length, dialect);
  if (scan === undefined) return undefined;
  return {
    name: { text: text.slice(scan.nameStart, scan.nameEnd), start: scan.nameStart, end: scan.nameEnd },
    value: text.slice(scan.valueTextStart, scan.valueTextEnd),
    valueToken: { text: text.slice(scan.valueStart, scan.valueEnd), start: scan.valueStart, end: scan.valueEnd },
  };
}

/** An accepted assignment as offsets into the scanned text: the name is `text.slice(nameStart, nameEnd)`. */
export interface AssignmentScan {
  nameStart: number;
  nameEnd: number;
  /** Where the value is written (inside its quotes). */
  valueStart: number;
  valueEnd: number;
  /** The value as cron stores it (quotes removed, an unquoted value's trailing blanks dropped) is `text.slice(valueTextStart, valueTextEnd)`. */
  valueTextStart: number;
  valueTextEnd: number;
}

/**
 * load_env()'s state machine over `text` from `from` up to `end` (the end of the line). It appends each
 * character of the name and of the value as it goes, so both are contiguous runs of the line: we track where
 * they start and end instead of building them character by character. The result object is shared by every
 * call: read it before the next one.
 */
export function scanAssignment(text: string, from: number, end: number, dialect: CronDialect): AssignmentScan | undefined {
  return scanSimpleAssignment(text, from, end, dialect) ?? scanAnyAssignment(text, from, end, dialect);
}

// The result of the last scan: the parser reads it right away, and a 100,000-line file may have thousands of
// assignments, so one object serves them all. Callers must not keep it.
const scanResult: AssignmentScan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0, valueTextStart: 0, valueTextEnd: 0 };

function result(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, valueTextStart: number, valueTextEnd: number): AssignmentScan {
  scanResult.nameStart = nameStart;
  scanResult.nameEnd = nameEnd;
  scanResult.valueStart = valueStart;
  scanResult.valueEnd = valueEnd;
  scanResult.valueTextStart = valueTextStart;
  scanResult.valueTextEnd = valueTextEnd;
  return scanResult;
}

/**
 * The usual `NAME=value` (unquoted name directly followed by `=`, value not starting with a quote), with the
 * result the state machine gives it: Equals2 skips blanks, ValueInitial/Value take the rest of the line.
 * Undefined for anything else (including lines the machine rejects), which then goes through the machine.
 */
function scanSimpleAssignment(text: string, from: number, end: number, dialect: CronDialect): AssignmentScan | undefined {
  const first = text.charCodeAt(from);
  if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) return undefined;
  let pos = from;
  while (pos < end) {
    const ch = text.charCodeAt(pos);
    if (ch === EQUALS) break;
    if (isSpace(ch)) return undefined;
    pos++;
  }
  if (pos === end) return undefined;
  const nameEnd = pos;
  pos++;
  while (pos < end && isSpace(text.charCodeAt(pos))) pos++;
  if (pos === end) return dialect === 'cronie' ? result(from, nameEnd, end, end, end, end) : undefined;
  const valueFirst = text.charCodeAt(pos);
  if (valueFirst === SINGLE_QUOTE || valueFirst === DOUBLE_QUOTE) return undefined;
  const valueStart = pos;
  let valueEnd = end;
  while (valueEnd > valueStart && isSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
  return result(from, nameEnd, valueStart, valueEnd, valueStart, valueEnd);
}

function scanAnyAssignment(text: string, from: number, end: number, dialect: CronDialect): AssignmentScan | undefined {
  let state = State.NameInitial;
  let quote = -1;
  let nameContentStart = from;
  let nameEnd = from;
  let valueStart = -1;
  let valueEnd = -1;
  let pos = from;
  while (state !== State.Error && pos < end) {
    const ch = text.charCodeAt(pos);
    switch (state) {
      case State.NameInitial:
      case State.ValueInitial:
        if (ch === SINGLE_QUOTE || ch === DOUBLE_QUOTE) {
          quote = ch;
          pos++;
          if (state === State.ValueInitial) valueStart = pos;
          else nameContentStart = pos;
        } else if (state === State.ValueInitial) {
          valueStart = pos;
        }
        state++;
        break;
      case State.Name:
      case State.Value: {
        if (quote >= 0) {
          if (ch === quote) {
            if (state === State.Name) nameEnd = pos;
            else valueEnd = pos;
            state++;
            pos++;
            break;
          }
          if (state === State.Name && ch === EQUALS) {
            state = State.Error;
            break;
          }
        } else if (state === State.Name) {
          if (isSpace(ch)) {
            nameEnd = pos;
            pos++;
            state++;
            break;
          }
          if (ch === EQUALS) {
            nameEnd = pos;
            state++;
            break;
          }
        }
        pos++;
        if (state === State.Value) valueEnd = pos;
        break;
      }
      case State.Equals1:
        if (ch === EQUALS) {
          state = State.Equals2;
          quote = -1;
        } else if (!isSpace(ch)) {
          state = State.Error;
        }
        pos++;
        break;
      case State.Equals2:
      case State.Finished:
        if (isSpace(ch)) pos++;
        else state++;
        break;
    }
  }
  // cronie (≥ 1.5.2, env.c) also accepts a line that ends right after `=`: an empty value. Debian does not.
  const emptyAccepted = dialect === 'cronie' && state === State.Equals2;
  if (state !== State.Finished && !(state === State.Value && quote < 0) && !emptyAccepted) return undefined;
  if (valueStart < 0) valueStart = valueEnd = pos;
  // An unquoted value loses its trailing whitespace (`\r` included).
  if (state === State.Value) while (valueEnd > valueStart && isSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
  // A value still wrapped in matching quotes (e.g. from a quoted name form) is unwrapped once more, as cron does.
  const first = text.charCodeAt(valueStart);
  const wrapped = valueEnd - valueStart >= 2 && (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) && text.charCodeAt(valueEnd - 1) === first;
  return result(nameContentStart, nameEnd, valueStart, valueEnd, wrapped ? valueStart + 1 : valueStart, wrapped ? valueEnd - 1 : valueEnd);
}
