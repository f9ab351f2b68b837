// Environment assignments in a crontab (`NAME=value`), recognised exactly as Debian cron's env.c load_env():
// a small state machine over the line; anything it does not accept is read as a job line instead.
import type { CronDialect } from '../types';
import type { Token } from './parse';

export interface EnvironmentAssignment {
  name: Token;
  value: string;
  valueToken: Token;
}

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\v' || ch === '\f';

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
  let state = State.NameInitial;
  let quote = '';
  let name = '';
  let value = '';
  let nameStart = from;
  let nameEnd = from;
  let valueStart = -1;
  let valueEnd = -1;
  let pos = from;
  while (state !== State.Error && pos < text.length) {
    const ch = text[pos];
    switch (state) {
      case State.NameInitial:
      case State.ValueInitial:
        if (ch === "'" || ch === '"') {
          quote = ch;
          pos++;
          if (state === State.ValueInitial) valueStart = pos;
        } else if (state === State.ValueInitial) {
          valueStart = pos;
        }
        state++;
        break;
      case State.Name:
      case State.Value: {
        const current = text[pos];
        if (quote) {
          if (current === quote) {
            if (state === State.Name) nameEnd = pos;
            else valueEnd = pos;
            state++;
            pos++;
            break;
          }
          if (state === State.Name && current === '=') {
            state = State.Error;
            break;
          }
        } else if (state === State.Name) {
          if (isSpace(current)) {
            nameEnd = pos;
            pos++;
            state++;
            break;
          }
          if (current === '=') {
            nameEnd = pos;
            state++;
            break;
          }
        }
        if (state === State.Name) name += current;
        else value += current;
        pos++;
        if (state === State.Value) valueEnd = pos;
        break;
      }
      case State.Equals1:
        if (ch === '=') {
          state = State.Equals2;
          quote = '';
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
  if (state !== State.Finished && !(state === State.Value && !quote) && !emptyAccepted) return undefined;
  if (state === State.Value) {
    // An unquoted value loses its trailing whitespace (`\r` included).
    const trimmed = value.replace(/[ \t\r\n\v\f]+$/, '');
    valueEnd -= value.length - trimmed.length;
    value = trimmed;
  }
  // A value still wrapped in matching quotes (e.g. from a quoted name form) is unwrapped once more, as cron does.
  if (value.length >= 2 && (value[0] === "'" || value[0] === '"') && value[value.length - 1] === value[0]) {
    value = value.slice(1, -1);
  }
  if (nameStart === nameEnd && name.length === 0) nameStart = from;
  if (valueStart < 0) valueStart = valueEnd = pos;
  return {
    name: { text: name, start: text[nameStart] === '"' || text[nameStart] === "'" ? nameStart + 1 : nameStart, end: nameEnd },
    value,
    valueToken: { text: text.slice(valueStart, valueEnd), start: valueStart, end: valueEnd },
  };
}
