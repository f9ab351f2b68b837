// The lexical and grammatical reading of an OnCalendar= expression, systemd.time(7) "Calendar Events", step
// by step as systemd 252 does it (src/shared/calendarspec.c: parse_weekdays, parse_date, parse_calendar_time,
// parse_chain, parse_component_decimal, …), so that it accepts and rejects the same texts; each failure
// says which part is wrong. calendar.ts drives it (zone suffix, shorthands, explanations).
// Long (about 450 lines) because the Parser is one class with one method per systemd function, sharing its
// position and the fields read so far; cut in two, each half would need the other's state.
import { type CalendarComponent, type CalendarMessageField, type CalendarSpec, fail, SHORT_DAYS, USEC_PER_SEC } from './calendar-spec';
import { civilFromDays } from './glibc-time';

const INT_MAX = 2_147_483_647;
// systemd's CALENDARSPEC_COMPONENTS_MAX: a chain may hold 241 comma-separated components.
const COMPONENTS_MAX = 240;

export const DAY_NAMES: [string, number][] = [
  ['Monday', 0],
  ['Mon', 0],
  ['Tuesday', 1],
  ['Tue', 1],
  ['Wednesday', 2],
  ['Wed', 2],
  ['Thursday', 3],
  ['Thu', 3],
  ['Friday', 4],
  ['Fri', 4],
  ['Saturday', 5],
  ['Sat', 5],
  ['Sunday', 6],
  ['Sun', 6],
];

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
/**
 * Decimal digits as a BigInt, capped just above 2^64 (every caller only asks whether it exceeds that):
 * BigInt() of a megabyte of digits takes seconds.
 */
const bigDecimal = (digits: string): bigint => {
  const significant = digits.replace(/^0+/, '');
  return significant.length > 20 ? 1n << 65n : BigInt(significant || '0');
};
export const lower = (text: string): string => text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
export const equalsNoCase = (a: string, b: string): boolean => a.length === b.length && lower(a) === lower(b);

interface Chain {
  components: CalendarComponent[] | null;
}

export class Parser {
  pos = 0;
  weekdays = 0;
  endOfMonth = false;
  year: CalendarComponent[] | null = null;
  month: CalendarComponent[] | null = null;
  day: CalendarComponent[] | null = null;
  hour: CalendarComponent[] | null = null;
  minute: CalendarComponent[] | null = null;
  second: CalendarComponent[] | null = null;
  utcFromTimestamp = false;
  parts: CalendarSpec['parts'] = {};

  constructor(
    readonly text: string,
    readonly end: number,
  ) {}

  /** The character at `index`, or '' past the end of the part being parsed (C's NUL). */
  at(index: number): string {
    return index < this.end ? this.text[index] : '';
  }

  skipSpaces(index: number): number {
    while (this.at(index) === ' ') index++;
    return index;
  }

  /** The word around `index`, for messages: up to the next space. */
  wordEnd(index: number): number {
    while (index < this.end && this.text[index] !== ' ') index++;
    return index;
  }

  parseWeekdays(): void {
    const begin = this.pos;
    let rangeStart = -1;
    let rangeFrom = -1;
    let first = true;
    for (;;) {
      let found: [string, number] | undefined;
      for (const entry of DAY_NAMES) {
        if (equalsNoCase(this.text.slice(this.pos, this.pos + entry[0].length), entry[0]) && this.pos + entry[0].length <= this.end) {
          found = entry;
          break;
        }
      }
      if (!found) {
        if (first) return;
        const separator = this.text[this.pos - 1] === ',' ? ',' : this.text[this.pos - 1] === '-' ? '-' : '..';
        let end = this.pos;
        while (end < this.end && /[A-Za-z0-9]/.test(this.text[end])) end++;
        fail('systemd-calendar.weekday-expected', this.pos, Math.max(end, Math.min(this.pos + 1, this.end)), { separator });
      }
      const [name, number] = found;
      const next = this.at(this.pos + name.length);
      if (!(next === '' || next === '-' || next === '.' || next === ',' || next === ' ')) {
        if (/[A-Za-z]/.test(next)) {
          const wordEnd = this.wordEndOfName(this.pos);
          fail('systemd-calendar.weekday-unknown', this.pos, wordEnd, { text: this.text.slice(this.pos, wordEnd) });
        }
        const at = this.pos + name.length;
        fail('systemd-calendar.weekday-separator', at, at + 1, { text: next });
      }
      this.weekdays |= 1 << number;
      if (rangeStart >= 0) {
        if (rangeStart > number) {
          fail('systemd-calendar.weekday-range-reversed', rangeFrom, this.pos + name.length, {
            text: this.text.slice(rangeFrom, this.pos + name.length),
            from: SHORT_DAYS[rangeStart],
            to: SHORT_DAYS[number],
          });
        }
        for (let j = rangeStart + 1; j < number; j++) this.weekdays |= 1 << j;
      }
      const nameStart = this.pos;
      this.pos += name.length;
      const c = this.at(this.pos);
      if (c === '') {
        this.parts.weekdays = { from: begin, to: this.pos };
        return;
      }
      if (c === ' ') {
        this.parts.weekdays = { from: begin, to: this.pos };
        this.pos = this.skipSpaces(this.pos);
        return;
      }
      if (c === '.') {
        if (rangeStart >= 0 || this.at(this.pos + 1) !== '.') {
          const end = this.at(this.pos + 1) === '.' ? this.pos + 2 : this.pos + 1;
          if (rangeStart >= 0) fail('systemd-calendar.weekday-separator', this.pos, end, { text: this.text.slice(this.pos, end) });
          fail('systemd-calendar.weekday-separator', this.pos, end, { text: '.' });
        }
        rangeStart = number;
        rangeFrom = nameStart;
        this.pos += 2;
      } else if (c === '-') {
        // `-` for ranges is kept for backwards compatibility.
        if (rangeStart >= 0) fail('systemd-calendar.weekday-separator', this.pos, this.pos + 1, { text: '-' });
        rangeStart = number;
        rangeFrom = nameStart;
        this.pos += 1;
      } else if (c === ',') {
        rangeStart = -1;
        this.pos += 1;
      }
      // A trailing comma is allowed, an open range is not.
      const after = this.at(this.pos);
      if (after === '' || after === ' ') {
        if (rangeStart >= 0) fail('systemd-calendar.weekday-range-open', rangeFrom, this.pos, { text: this.text.slice(rangeFrom, this.pos) });
        this.parts.weekdays = { from: begin, to: this.pos };
        this.pos = this.skipSpaces(this.pos);
        return;
      }
      first = false;
    }
  }

  private wordEndOfName(index: number): number {
    let end = index;
    while (end < this.end && /[A-Za-z0-9]/.test(this.text[end])) end++;
    return Math.max(end, index + 1);
  }

  /** parse_component_decimal: digits (and for seconds a fraction); returns [value, end]. */
  decimal(index: number, usec: boolean, field: CalendarMessageField): [number, number] {
    if (!isDigit(this.at(index))) this.expectedNumber(index, field);
    let end = index;
    while (isDigit(this.at(end))) end++;
    const digits = this.text.slice(index, end);
    let value = bigDecimal(digits);
    const tooLarge = (): never => {
      let wordEnd = end;
      while (wordEnd < this.end && (isDigit(this.text[wordEnd]) || this.text[wordEnd] === '.') && !(this.text[wordEnd] === '.' && this.text[wordEnd + 1] === '.')) wordEnd++;
      fail('systemd-calendar.number-too-large', index, wordEnd, { field, text: this.text.slice(index, wordEnd) }, 'ERANGE');
    };
    // strtoul's limit
    if (value > 0xffff_ffff_ffff_ffffn) tooLarge();
    if (usec) {
      if (value * 1_000_000n > 0xffff_ffff_ffff_ffffn) tooLarge();
      value *= 1_000_000n;
      // One `.` is a decimal point, `..` a range.
      if (this.at(end) === '.' && this.at(end + 1) !== '.') {
        const [fraction, fractionEnd] = this.fraction(end + 1, index);
        end = fractionEnd;
        value += BigInt(fraction);
      }
    }
    if (value > BigInt(INT_MAX)) tooLarge();
    if (!usec && this.at(end) === '.' && this.at(end + 1) !== '.') {
      // systemd only finds this when it checks what follows the component; nothing it does in between can fail.
      let fractionEnd = end + 1;
      while (isDigit(this.at(fractionEnd))) fractionEnd++;
      fail('systemd-calendar.fraction-outside-seconds', index, fractionEnd, { field, text: this.text.slice(index, fractionEnd) });
    }
    return [Number(value), end];
  }

  /** parse_fractional_part_u with 6 digits: pads, rounds on the 7th digit, ignores the rest. */
  fraction(index: number, numberStart: number): [number, number] {
    let value = 0;
    let s = index;
    for (let i = 0; i < 6; i++, s++) {
      if (!isDigit(this.at(s))) {
        if (i === 0) fail('systemd-calendar.fraction-digits', numberStart, s, { text: this.text.slice(numberStart, s) });
        for (; i < 6; i++) value *= 10;
        break;
      }
      value = value * 10 + (this.text.charCodeAt(s) - 48);
    }
    const c = this.at(s);
    if (c >= '5' && c <= '9') value++;
    while (isDigit(this.at(s))) s++;
    return [value, s];
  }

  expectedNumber(index: number, field: CalendarMessageField): never {
    const c = this.at(index);
    if (c === '') fail('systemd-calendar.missing-number', index, index, { field });
    fail('systemd-calendar.expected-number', index, index + 1, { field, found: c });
  }

  /** parse_chain. `field` names the part for messages. */
  chain(usec: boolean, field: CalendarMessageField): Chain {
    if (this.at(this.pos) === '*') {
      const from = this.pos;
      this.pos++;
      if (this.at(this.pos) === '/') {
        let end = this.pos + 1;
        while (isDigit(this.at(end)) || this.at(end) === '.') end++;
        const repeat = this.text.slice(this.pos + 1, end) || 'N';
        fail('systemd-calendar.star-repeat', from, end, { repeat, start: field === 'day' || field === 'month' ? '1' : field === 'year' ? '1970' : '0', field });
      }
      return { components: usec ? [{ start: 0, stop: -1, repeat: USEC_PER_SEC, from, to: from + 1 }] : null };
    }
    const components: CalendarComponent[] = [];
    for (let nesting = 0; ; nesting++) {
      if (nesting > COMPONENTS_MAX) fail('systemd-calendar.too-many-components', this.pos, this.wordEnd(this.pos), { field }, 'ENOBUFS');
      const from = this.pos;
      let [start, e] = this.decimal(this.pos, usec, field);
      let stop = -1;
      let repeat = 0;
      if (this.at(e) === '.' && this.at(e + 1) === '.') {
        [stop, e] = this.decimal(e + 2, usec, field);
        repeat = usec ? USEC_PER_SEC : 1;
      }
      if (this.at(e) === '/') {
        const repeatFrom = e + 1;
        [repeat, e] = this.decimal(e + 1, usec, field);
        if (repeat === 0) fail('systemd-calendar.repeat-zero', repeatFrom, e, { text: this.text.slice(from, e) }, 'ERANGE');
      } else {
        if (start > INT_MAX - repeat) fail('systemd-calendar.number-too-large', from, e, { field, text: this.text.slice(from, e) }, 'ERANGE');
        // Without a step, a seconds range below one second cannot fire with the default step of 1 s.
        if (usec && stop >= 0 && start + repeat > stop) fail('systemd-calendar.subsecond-range', from, e, { text: this.text.slice(from, e) });
      }
      const c = this.at(e);
      if (!(c === '' || c === ' ' || c === ',' || c === '-' || c === '~' || c === ':')) {
        if (c === '.') fail('systemd-calendar.fraction-outside-seconds', from, e + 1, { field, text: this.text.slice(from, e + 1) });
        fail('systemd-calendar.unexpected-character', e, e + 1, { field, char: c });
      }
      components.push({ start, stop, repeat, from, to: e });
      this.pos = e;
      if (c !== ',') break;
      this.pos++;
    }
    return { components };
  }

  /** parse_date: returns true for an `@` timestamp (nothing may follow). */
  parseDate(): boolean {
    if (this.at(this.pos) === '') return false;
    const begin = this.pos;
    if (this.at(this.pos) === '@') {
      this.timestamp();
      return true;
    }
    const saved = this.pos;
    const first = this.chain(false, this.firstField());
    this.firstChain = first;
    this.firstFrom = saved;
    let c = this.at(this.pos);
    if (c === '' || c === ':') {
      // It was a time, not a date.
      this.pos = saved;
      return false;
    }
    if (c === '~') this.endOfMonth = true;
    else if (c !== '-') this.dateSeparator(this.pos, first);
    this.pos++;
    // Month if a day follows, else the day.
    const second = this.chain(false, /^[^ ]*[~-]/.test(this.text.slice(this.pos, this.end)) ? 'month' : 'day');
    c = this.at(this.pos);
    if (c === '' || c === ' ') {
      this.parts.date = { from: begin, to: this.pos };
      this.pos = this.skipSpaces(this.pos);
      this.month = first.components;
      this.day = second.components;
      return false;
    }
    if (this.endOfMonth) fail('systemd-calendar.tilde-position', this.text.indexOf('~', begin), this.text.indexOf('~', begin) + 1);
    if (c === '~') this.endOfMonth = true;
    else if (c !== '-') this.dateSeparator(this.pos, second);
    this.pos++;
    const third = this.chain(false, 'day');
    c = this.at(this.pos);
    if (!(c === '' || c === ' ')) {
      fail('systemd-calendar.unexpected-character', this.pos, this.pos + 1, { field: 'day', char: c });
    }
    this.parts.date = { from: begin, to: this.pos };
    this.pos = this.skipSpaces(this.pos);
    this.year = first.components;
    this.month = second.components;
    this.day = third.components;
    return false;
  }

  private dateSeparator(index: number, previous: Chain): never {
    const c = this.at(index);
    if (c === ' ' && previous === this.firstChain) {
      fail('systemd-calendar.neither-date-nor-time', this.firstFrom, index, { text: this.text.slice(this.firstFrom, index) });
    }
    fail('systemd-calendar.date-separator', index, index + 1, { char: c });
  }

  /**
   * What the first number of the expression is, for messages: systemd only knows after reading it
   * (`10:…` an hour, `10-…` a month, `2026-…-…` a year). A word with neither `:` nor `-` is read as a time
   * when it ends there (`12` fails as a time without minutes), so its number is called the hour.
   */
  private firstField(): CalendarMessageField {
    const rest = this.text.slice(this.pos, this.end);
    const word = /^[^ ]*/.exec(rest)![0];
    const separator = /[:~-]/.exec(word.replace(/\.\./g, '  '));
    if (!separator) return 'hour';
    if (separator[0] === ':') return 'hour';
    return (word.match(/[~-]/g) ?? []).length >= 2 ? 'year' : 'month';
  }

  private firstChain: Chain | undefined;
  private firstFrom = 0;

  /** `@SECONDS`: strtoul (leading blanks and a sign allowed), then gmtime. */
  timestamp(): void {
    const at = this.pos;
    const match = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(this.text.slice(at + 1, this.end));
    if (!match) fail('systemd-calendar.timestamp-invalid', at, this.wordEnd(at));
    const numberEnd = at + 1 + match[0].length;
    let value = bigDecimal(match[2]);
    if (value > 0xffff_ffff_ffff_ffffn) fail('systemd-calendar.timestamp-too-large', at, numberEnd, { text: this.text.slice(at, numberEnd) }, 'ERANGE');
    if (match[1] === '-') value = (0x1_0000_0000_0000_0000n - value) % 0x1_0000_0000_0000_0000n;
    // As a time_t.
    if (value >= 0x8000_0000_0000_0000n) value -= 0x1_0000_0000_0000_0000n;
    const days = value >= 0n ? value / 86_400n : -((-value + 86_399n) / 86_400n);
    const seconds = Number(value - days * 86_400n);
    const civil = civilFromDays(Number(days));
    const tmYear = civil.year - 1900;
    if (tmYear > INT_MAX - 1900 || tmYear < -INT_MAX - 1) fail('systemd-calendar.timestamp-too-large', at, numberEnd, { text: this.text.slice(at, numberEnd) }, 'ERANGE');
    const single = (value: number): CalendarComponent[] => [{ start: value, stop: -1, repeat: 0, from: at, to: numberEnd }];
    this.year = single(civil.year);
    this.month = single(civil.month);
    this.day = single(civil.day);
    this.hour = single(Math.floor(seconds / 3600));
    this.minute = single(Math.floor((seconds % 3600) / 60));
    this.second = single((seconds % 60) * USEC_PER_SEC);
    this.utcFromTimestamp = true;
    this.parts.date = { from: at, to: numberEnd };
    this.pos = numberEnd;
  }

  parseTime(): void {
    const begin = this.pos;
    if (this.at(this.pos) === '') {
      this.hour = [constant(0, begin)];
      this.minute = [constant(0, begin)];
      this.second = [constant(0, begin)];
      return;
    }
    const hour = this.chain(false, 'hour');
    if (this.at(this.pos) !== ':') {
      const c = this.at(this.pos);
      if (c === '' || c === ' ') fail('systemd-calendar.time-incomplete', begin, this.pos, { text: this.text.slice(begin, this.pos) });
      fail('systemd-calendar.time-separator', this.pos, this.pos + 1, { char: c });
    }
    this.pos++;
    const minute = this.chain(false, 'minute');
    let second: CalendarComponent[] | null;
    if (this.at(this.pos) === '') {
      second = [constant(0, this.pos)];
    } else {
      if (this.at(this.pos) !== ':') {
        const c = this.at(this.pos);
        if (c === ' ') this.trailing(this.pos);
        fail('systemd-calendar.time-separator', this.pos, this.pos + 1, { char: c });
      }
      this.pos++;
      second = this.chain(true, 'second').components;
      if (this.at(this.pos) !== '') {
        const c = this.at(this.pos);
        if (c === ' ') this.trailing(this.pos);
        fail('systemd-calendar.unexpected-character', this.pos, this.pos + 1, { field: 'second', char: c });
      }
    }
    this.parts.time = { from: begin, to: this.pos };
    this.hour = hour.components;
    this.minute = minute.components;
    this.second = second;
  }

  trailing(index: number): never {
    const start = this.skipSpaces(index);
    fail('systemd-calendar.trailing-text', start, Math.max(this.end, start), { text: this.text.slice(start, this.end) });
  }
}

function constant(value: number, at: number): CalendarComponent {
  return { start: value, stop: -1, repeat: 0, from: at, to: at };
}

export const SHORTHANDS: Record<string, { meaning: string; build: (at: number, end: number) => Partial<CalendarSpec> }> = {};
{
  const c = (value: number, at: number, end: number): CalendarComponent => ({ start: value, stop: -1, repeat: 0, from: at, to: end });
  const list = (values: number[], at: number, end: number): CalendarComponent[] => values.map((value) => c(value, at, end));
  const midnight = (at: number, end: number) => ({ hour: list([0], at, end), minute: list([0], at, end), second: list([0], at, end) });
  SHORTHANDS.minutely = { meaning: '*-*-* *:*:00', build: (a, e) => ({ second: list([0], a, e) }) };
  SHORTHANDS.hourly = { meaning: '*-*-* *:00:00', build: (a, e) => ({ minute: list([0], a, e), second: list([0], a, e) }) };
  SHORTHANDS.daily = { meaning: '*-*-* 00:00:00', build: midnight };
  SHORTHANDS.monthly = { meaning: '*-*-01 00:00:00', build: (a, e) => ({ day: list([1], a, e), ...midnight(a, e) }) };
  for (const name of ['annually', 'yearly', 'anually']) SHORTHANDS[name] = { meaning: '*-01-01 00:00:00', build: (a, e) => ({ month: list([1], a, e), day: list([1], a, e), ...midnight(a, e) }) };
  SHORTHANDS.weekly = { meaning: 'Mon *-*-* 00:00:00', build: (a, e) => ({ weekdays: 1, ...midnight(a, e) }) };
  SHORTHANDS.quarterly = { meaning: '*-01,04,07,10-01 00:00:00', build: (a, e) => ({ month: list([10, 7, 4, 1], a, e), day: list([1], a, e), ...midnight(a, e) }) };
  for (const name of ['biannually', 'bi-annually', 'semiannually', 'semi-annually']) {
    SHORTHANDS[name] = { meaning: '*-01,07-01 00:00:00', build: (a, e) => ({ month: list([7, 1], a, e), day: list([1], a, e), ...midnight(a, e) }) };
  }
}
