// OnCalendar= expressions, systemd.time(7) "Calendar Events", exactly as systemd 252 reads, normalizes and
// computes them (src/shared/calendarspec.c: calendar_spec_from_string, calendar_spec_to_string,
// calendar_spec_next_usec). The parser follows systemd's step by step so that it accepts and rejects the
// same texts, and adds what systemd does not say: which part is wrong. The next-elapse search is systemd's
// find_next() on top of a port of glibc's mktime (glibc-time.ts), field by field, never second by second;
// that port is what makes daylight-saving days come out as systemd's do, quirks included (a wall time in
// a spring-forward gap, the repeated hour, "Infinite loop in calendar calculation" on some DST days).
import { translate, type MessageKey } from '../i18n/catalog';
import type { Locale } from '../types';
import { likelyIntent } from './calendar-intent';
import { GlibcClock, Tm } from './glibc-time';
import { parseTimespan } from './timespan';
import type { ZoneRules, ZoneSource } from '../time/zone-rules';
import { defaultZoneSource, localZoneRules } from '../time/zone-source';
import { cronLineAdvice } from './cron-to-calendar';

export const MIN_YEAR = 1970;
export const MAX_YEAR = 2199;
const USEC_PER_SEC = 1_000_000;
const INT_MAX = 2_147_483_647;
const BITS_WEEKDAYS = 127;
// systemd's CALENDARSPEC_COMPONENTS_MAX: a chain may hold 241 comma-separated components.
const COMPONENTS_MAX = 240;
const MAX_CALENDAR_ITERATIONS = 1000;
/** systemd's USEC_TIMESTAMP_FORMATTABLE_MAX on 64-bit: 9999-12-30 23:59:59 UTC. */
const USEC_TIMESTAMP_FORMATTABLE_MAX = 253_402_214_399_000_000;

/** One comma-separated element of a field: `start`, `start..stop`, `start/repeat`, `start..stop/repeat`. */
export interface CalendarComponent {
  start: number;
  /** -1 when there is no range. */
  stop: number;
  /** 0 when there is no repetition. In the seconds field all three are microseconds. */
  repeat: number;
  /** Where it was written: offsets into the expression text, [from, to). */
  from: number;
  to: number;
}

export type CalendarField = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

export interface CalendarSpec {
  /** Bit 0 = Monday … bit 6 = Sunday; -1 = any day. */
  weekdays: number;
  /** `~`: the day field counts back from the last day of the month. */
  endOfMonth: boolean;
  /** Ends in ` UTC` (or is an `@` timestamp). */
  utc: boolean;
  /** An IANA zone written at the end (other than UTC). */
  timezone: string | undefined;
  /** -1, or 0/1 when the expression ended in the local zone's standard/daylight abbreviation (`CET`/`CEST`). */
  dst: -1 | 0 | 1;
  /** That abbreviation, as the local zone named it when the expression was read. */
  dstName: string | undefined;
  /** Components sorted and deduplicated as systemd normalizes them; null = `*`. */
  year: CalendarComponent[] | null;
  month: CalendarComponent[] | null;
  day: CalendarComponent[] | null;
  hour: CalendarComponent[] | null;
  minute: CalendarComponent[] | null;
  /** Seconds in microseconds; `*` is `0/1` (every whole second). */
  second: CalendarComponent[] | null;
  /** Which shorthand (`daily`, …) the expression was, if any. */
  shorthand: string | undefined;
  /** Where the parts were written, as offsets into the text. */
  parts: {
    weekdays?: { from: number; to: number };
    date?: { from: number; to: number };
    time?: { from: number; to: number };
    zone?: { from: number; to: number };
  };
}

/** What systemd returns for the expression: EINVAL "Invalid argument", ERANGE "Numerical result out of range", ENOBUFS "No buffer space available". */
export type CalendarErrno = 'EINVAL' | 'ERANGE' | 'ENOBUFS';

/**
 * The field a message names, translated through `calendar-field.<name>`: only names the catalog has, so a
 * message can never ask for a field name that does not exist (`date` once crashed the error path).
 */
export type CalendarMessageField = Extract<MessageKey, `calendar-field.${string}`> extends `calendar-field.${infer Name}` ? Name : never;

/** Message parameters; `field`, when present, is one of the catalog's field names. */
export type CalendarErrorParams = { field?: CalendarMessageField } & Record<string, string | number>;

export interface CalendarError {
  id: CalendarMessageId;
  params: CalendarErrorParams;
  /** Offsets into the expression text: the wrong part is text.slice(start, end) (empty at the end of the text). */
  start: number;
  end: number;
  errno: CalendarErrno;
}

export type CalendarParseResult = { ok: true; spec: CalendarSpec; normalized: string } | { ok: false; error: CalendarError };

export interface CalendarOptions {
  /** The local zone (the process's TZ): an IANA name, a POSIX TZ string, or rules. Default: $TZ, else UTC. */
  zone?: string | ZoneRules;
  /** Where zone names are looked up (the `Europe/Berlin` at the end of an expression). Default: Intl. */
  zones?: ZoneSource;
}


/** Ids of the catalog messages (server/src/engine/i18n/en.ts, ja.ts) this module reports. */
export type CalendarMessageId = Extract<MessageKey, `systemd-calendar.${string}`>;

/** The error as a sentence in `locale`, the field name translated too. Every error of parseCalendar has one. */
export function calendarErrorMessage(locale: Locale, error: CalendarError): string {
  const params: Record<string, string | number> = { ...error.params };
  if (error.params.field !== undefined) params.field = translate(locale, `calendar-field.${error.params.field}`);
  return translate(locale, error.id, params);
}

/** The error in English, for logs and tests. */
export function describeCalendarError(error: CalendarError): string {
  return calendarErrorMessage('en', error);
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

class Failure {
  constructor(readonly error: CalendarError) {}
}

function fail(id: CalendarMessageId, start: number, end: number, params: CalendarErrorParams = {}, errno: CalendarErrno = 'EINVAL'): never {
  throw new Failure({ id, params: visible(params), start, end, errno });
}

/** Control characters in message parameters as escapes (`\t`), so a message never carries a raw tab or newline. */
function visible(params: CalendarErrorParams): CalendarErrorParams {
  const out: CalendarErrorParams = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1)) : value;
  }
  return out;
}

const DAY_NAMES: [string, number][] = [
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
const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
/**
 * Decimal digits as a BigInt, capped just above 2^64 (every caller only asks whether it exceeds that):
 * BigInt() of a megabyte of digits takes seconds.
 */
const bigDecimal = (digits: string): bigint => {
  const significant = digits.replace(/^0+/, '');
  return significant.length > 20 ? 1n << 65n : BigInt(significant || '0');
};
const lower = (text: string): string => text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
const equalsNoCase = (a: string, b: string): boolean => a.length === b.length && lower(a) === lower(b);

interface Chain {
  components: CalendarComponent[] | null;
}

class Parser {
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

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const SHORTHANDS: Record<string, { meaning: string; build: (at: number, end: number) => Partial<CalendarSpec> }> = {};
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

const zoneCache = new WeakMap<ZoneSource, Map<string, ZoneRules>>();
/** The rules of a spec's own zone, as found when it was parsed. */
const specZones = new WeakMap<CalendarSpec, ZoneRules>();

/** The local zone's rules for options (an explicit zone, else $TZ, else UTC). */
export function resolveLocalZone(options: CalendarOptions = {}): ZoneRules {
  if (options.zone !== undefined && typeof options.zone !== 'string') return options.zone;
  const source = options.zones ?? defaultZoneSource();
  const tz = typeof options.zone === 'string' ? options.zone : process.env.TZ;
  let cache = zoneCache.get(source);
  if (!cache) {
    cache = new Map();
    zoneCache.set(source, cache);
  }
  const key = tz ?? '\u0000unset';
  let rules = cache.get(key);
  if (!rules) {
    rules = localZoneRules(tz, source);
    cache.set(key, rules);
  }
  return rules;
}

/** Reads an OnCalendar= expression as systemd does; never throws on user input. */
export function parseCalendar(text: string, options: CalendarOptions = {}): CalendarParseResult {
  try {
    return { ok: true, ...parseOrThrow(text, options) };
  } catch (caught) {
    if (caught instanceof Failure) return { ok: false, error: caught.error };
    throw caught;
  }
}

/** Whether systemd accepts the text; no explanation is looked for (the explanations use this). */
function accepts(text: string, options: CalendarOptions): boolean {
  try {
    parseOrThrow(text, options, false);
    return true;
  } catch (caught) {
    if (caught instanceof Failure) return false;
    throw caught;
  }
}

function parseOrThrow(text: string, options: CalendarOptions, explain = true): { spec: CalendarSpec; normalized: string } {
  const local = resolveLocalZone(options);
  const zones = options.zones ?? defaultZoneSource();
  let end = text.length;
  let utc = false;
  let dst: -1 | 0 | 1 = -1;
  let dstName: string | undefined;
  let timezone: string | undefined;
  let zonePart: { from: number; to: number } | undefined;

  if (text.length >= 4 && equalsNoCase(text.slice(-4), ' UTC')) {
    utc = true;
    end = text.length - 4;
    zonePart = { from: end + 1, to: text.length };
  } else {
    // The local zone's own abbreviations (tzname[0], tzname[1]), matched case-insensitively.
    for (const j of [0, 1] as const) {
      const name = local.tzname[j];
      if (!name || text.length < name.length) continue;
      const at = text.length - name.length;
      if (!equalsNoCase(text.slice(at), name) || at === 0 || text[at - 1] !== ' ') continue;
      dst = j;
      dstName = name;
      end = at - 1;
      zonePart = { from: at, to: text.length };
      break;
    }
    if (dst < 0) {
      const lastSpace = text.lastIndexOf(' ');
      if (lastSpace >= 0 && zones.load(text.slice(lastSpace + 1))) {
        timezone = text.slice(lastSpace + 1);
        end = lastSpace;
        zonePart = { from: lastSpace + 1, to: text.length };
      }
    }
  }
  if (end === 0) fail('systemd-calendar.empty', 0, text.length);

  const parser = new Parser(text, end);
  const body = text.slice(0, end);
  let shorthand: string | undefined;
  const lowered = lower(body);
  if (Object.prototype.hasOwnProperty.call(SHORTHANDS, lowered)) {
    shorthand = lowered;
    Object.assign(parser, SHORTHANDS[lowered].build(0, end));
  } else {
    try {
      parser.parseWeekdays();
      if (!parser.parseDate()) parser.parseTime();
      if (parser.pos < end) parser.trailing(parser.pos);
    } catch (caught) {
      if (caught instanceof Failure && explain) throw betterFailure(caught, text, body, options);
      throw caught;
    }
  }

  const spec: CalendarSpec = {
    weekdays: parser.weekdays,
    endOfMonth: parser.endOfMonth,
    utc: utc || parser.utcFromTimestamp,
    timezone,
    dst,
    dstName,
    year: parser.year,
    month: parser.month,
    day: parser.day,
    hour: parser.hour,
    minute: parser.minute,
    second: parser.second,
    shorthand,
    parts: { ...parser.parts, ...(zonePart ? { zone: zonePart } : {}) },
  };
  normalize(spec);
  validate(spec);
  if (spec.timezone) specZones.set(spec, zones.load(spec.timezone)!);
  return { spec, normalized: formatCalendar(spec) };
}

/**
 * systemd's own failure points at the first character it could not read; some texts fail for a reason
 * that lies elsewhere. Name that reason when the rest of the expression is fine.
 */
function betterFailure(failure: Failure, text: string, body: string, options: CalendarOptions): Failure {
  // The errno stays systemd's: only the explanation changes.
  const errno = failure.error.errno;
  const whole = (id: CalendarMessageId, params: CalendarErrorParams = {}): Failure => new Failure({ id, params: visible(params), start: 0, end: text.length, errno });
  if (/^(now|today|yesterday|tomorrow)$/i.test(body.trim())) return whole('systemd-calendar.timestamp-word', { text: body.trim() });
  // Five crontab fields: `30 4 * * *`, `*/15 * * * *`, `0 0 * * mon-fri`; the advice translates them.
  const cronLine = cronLineAdvice(body);
  if (cronLine) return whole(cronLine.id, cronLine.params);
  const intent = likelyIntent(text, body, {
    accepts: (candidate) => accepts(candidate, options),
    isTimespan: (candidate) => parseTimespan(candidate).ok,
    shorthands: Object.fromEntries(Object.entries(SHORTHANDS).map(([name, { meaning }]) => [name, meaning])),
  });
  if (intent) return new Failure({ ...intent, params: visible(intent.params), errno });
  const lastSpace = body.lastIndexOf(' ');
  if (lastSpace > 0 && body === text) {
    const word = body.slice(lastSpace + 1);
    const before = body.slice(0, lastSpace);
    // "daily Europe/berlin", "*-*-* 10:00 CEST" in another zone: the rest reads fine, so it is the zone.
    const zoneLike = /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(word) && (word.includes('/') || (word.length >= 3 && !DAY_NAMES.some(([name]) => equalsNoCase(name, word)) && !Object.prototype.hasOwnProperty.call(SHORTHANDS, lower(word))));
    if (zoneLike && accepts(before, options)) {
      return new Failure({ id: 'systemd-calendar.unknown-time-zone', params: visible({ zone: word }), start: lastSpace + 1, end: text.length, errno });
    }
  }
  // `daily 10:00`, `hourly/0`: a shorthand with more after it.
  const firstWord = /^[^\s/]+/.exec(body)?.[0];
  if (firstWord && Object.prototype.hasOwnProperty.call(SHORTHANDS, lower(firstWord)) && firstWord.length < body.length) {
    let start = firstWord.length;
    while (body[start] === ' ' && start < body.length - 1) start++;
    return new Failure({
      id: 'systemd-calendar.shorthand-with-fields',
      params: visible({ shorthand: firstWord, meaning: SHORTHANDS[lower(firstWord)].meaning }),
      start,
      end: body.length,
      errno,
    });
  }
  // A word where the first number should be: neither a weekday nor a shorthand.
  if (failure.error.id === 'systemd-calendar.expected-number' && /^[A-Za-z\u0080-\uffff]/.test(String(failure.error.params.found))) {
    const start = failure.error.start;
    let end = start;
    while (end < body.length && !/[\s:,]/.test(body[end])) end++;
    return new Failure({ id: 'systemd-calendar.unknown-word', params: visible({ text: body.slice(start, end) }), start, end, errno });
  }
  return failure;
}

// ---------------------------------------------------------------------------------------------------------
// Normalization and validation (calendar_spec_normalize, calendar_spec_valid)

const FIELDS: { field: CalendarField; min: number; max: number }[] = [
  { field: 'year', min: MIN_YEAR, max: MAX_YEAR },
  { field: 'month', min: 1, max: 12 },
  { field: 'day', min: 1, max: 31 },
  { field: 'hour', min: 0, max: 23 },
  { field: 'minute', min: 0, max: 59 },
  { field: 'second', min: 0, max: 60 * USEC_PER_SEC - 1 },
];

function normalizeChain(chain: CalendarComponent[] | null): CalendarComponent[] | null {
  if (!chain) return null;
  for (const component of chain) {
    // The length of a range becomes a multiple of its step.
    if (component.stop > component.start && component.repeat > 0) component.stop -= (component.stop - component.start) % component.repeat;
    // A step that cannot fire even once, or a range of one value, becomes a plain value.
    if ((component.stop > component.start && component.repeat > 0 && component.start + component.repeat > component.stop) || component.start === component.stop) {
      component.repeat = 0;
      component.stop = -1;
    }
  }
  if (chain.length <= 1) return chain;
  const sorted = [...chain].sort((a, b) => a.start - b.start || a.stop - b.stop || a.repeat - b.repeat);
  const unique: CalendarComponent[] = [];
  for (const component of sorted) {
    const previous = unique[unique.length - 1];
    if (previous && previous.start === component.start && previous.stop === component.stop && previous.repeat === component.repeat) continue;
    unique.push(component);
  }
  return unique;
}

function normalize(spec: CalendarSpec): void {
  if (spec.timezone === 'UTC') {
    spec.utc = true;
    spec.timezone = undefined;
  }
  if (spec.weekdays <= 0 || spec.weekdays >= BITS_WEEKDAYS) spec.weekdays = -1;
  if (spec.endOfMonth && !spec.day) spec.endOfMonth = false;
  // Two-digit years: 12 → 2012, 89 → 1989.
  for (const component of spec.year ?? []) {
    if (component.start >= 0 && component.start < 70) component.start += 2000;
    if (component.stop >= 0 && component.stop < 70) component.stop += 2000;
    if (component.start >= 70 && component.start < 100) component.start += 1900;
    if (component.stop >= 70 && component.stop < 100) component.stop += 1900;
  }
  spec.year = normalizeChain(spec.year);
  spec.month = normalizeChain(spec.month);
  spec.day = normalizeChain(spec.day);
  spec.hour = normalizeChain(spec.hour);
  spec.minute = normalizeChain(spec.minute);
  spec.second = normalizeChain(spec.second);
}

function validate(spec: CalendarSpec): void {
  for (const { field, min, max } of FIELDS) {
    const chain = spec[field];
    if (!chain) continue;
    const endOfMonth = field === 'day' && spec.endOfMonth;
    const show = (value: number): string => (field === 'second' ? formatSeconds(value) : String(value));
    let to = max;
    for (const component of chain) {
      // `~` may count back at most 28 days, which every month has. systemd's chain_valid() takes the 3 off
      // again for each further component (it recurses with the reduced limit), so in `~9,28` the 28 is refused.
      if (endOfMonth) to -= 3;
      const where = { start: component.from, end: component.to };
      if (component.start < min || component.start > to) {
        if (endOfMonth && component.start > to && component.start <= max) fail('systemd-calendar.end-of-month-too-far', where.start, where.end, { value: component.start, limit: to });
        fail('systemd-calendar.out-of-range', where.start, where.end, { field, value: show(component.start), min: show(min), max: show(to) });
      }
      const source = (): string => rangeText(component, field);
      if (component.repeat > to - min) fail('systemd-calendar.repeat-too-large', where.start, where.end, { field, text: source(), min: show(min), max: show(to) });
      if (component.stop >= 0) {
        if (component.stop < min || component.stop > to) {
          if (endOfMonth && component.stop > to && component.stop <= max) fail('systemd-calendar.end-of-month-too-far', where.start, where.end, { value: component.stop, limit: to });
          fail('systemd-calendar.out-of-range', where.start, where.end, { field, value: show(component.stop), min: show(min), max: show(to) });
        }
        if (component.start + component.repeat > component.stop) fail('systemd-calendar.range-reversed', where.start, where.end, { field, text: source() });
      } else if (endOfMonth && component.start - component.repeat < min) {
        fail('systemd-calendar.end-of-month-repeat', where.start, where.end, { text: source() });
      } else if (!endOfMonth && component.start + component.repeat > to) {
        fail('systemd-calendar.repeat-too-large', where.start, where.end, { field, text: source(), min: show(min), max: show(to) });
      }
    }
  }
}

function rangeText(component: CalendarComponent, field: CalendarField): string {
  const show = (value: number): string => (field === 'second' ? formatSeconds(value) : String(value));
  let text = show(component.start);
  if (component.stop >= 0) text += `..${show(component.stop)}`;
  if (component.repeat > 0 && !(component.stop >= 0 && component.repeat === (field === 'second' ? USEC_PER_SEC : 1))) text += `/${show(component.repeat)}`;
  return text;
}

function formatSeconds(usec: number): string {
  const whole = Math.floor(usec / USEC_PER_SEC);
  const fraction = usec % USEC_PER_SEC;
  return fraction ? `${whole}.${String(fraction).padStart(6, '0')}` : String(whole);
}

// ---------------------------------------------------------------------------------------------------------
// Formatting (calendar_spec_to_string)

function formatWeekdays(bits: number): string {
  let out = '';
  let l = -1;
  let needComma = false;
  let x = 0;
  for (; x < 7; x++) {
    if (bits & (1 << x)) {
      if (l < 0) {
        if (needComma) out += ',';
        else needComma = true;
        out += SHORT_DAYS[x];
        l = x;
      }
    } else if (l >= 0) {
      if (x > l + 1) out += (x > l + 2 ? '..' : ',') + SHORT_DAYS[x - 1];
      l = -1;
    }
  }
  if (l >= 0 && x > l + 1) out += (x > l + 2 ? '..' : ',') + SHORT_DAYS[x - 1];
  return out;
}

const pad = (value: number, width: number): string => {
  const text = String(Math.abs(value));
  return (value < 0 ? '-' : '') + text.padStart(value < 0 ? width - 1 : width, '0');
};

function formatChain(chain: CalendarComponent[] | null, width: number, usec: boolean): string {
  const d = usec ? USEC_PER_SEC : 1;
  if (!chain) return '*';
  // One `*` (0/1 s) among the seconds covers them all.
  if (usec && chain.some((c) => c.start === 0 && c.stop < 0 && c.repeat === USEC_PER_SEC)) return '*';
  const parts: string[] = [];
  for (const c of chain) {
    let out = pad(Math.trunc(c.start / d), width);
    if (c.start % d > 0) out += `.${pad(c.start % d, 6)}`;
    if (c.stop > 0) out += `..${pad(Math.trunc(c.stop / d), width)}`;
    if (c.stop % d > 0) out += `.${pad(c.stop % d, 6)}`;
    if (c.repeat > 0 && !(c.stop > 0 && c.repeat === d)) out += `/${Math.trunc(c.repeat / d)}`;
    if (c.repeat % d > 0) out += `.${pad(c.repeat % d, 6)}`;
    parts.push(out);
  }
  return parts.join(',');
}

/** The normalized form, as `systemd-analyze calendar` prints it. */
export function formatCalendar(spec: CalendarSpec): string {
  let out = '';
  if (spec.weekdays > 0 && spec.weekdays <= BITS_WEEKDAYS) out += `${formatWeekdays(spec.weekdays)} `;
  out += `${formatChain(spec.year, 4, false)}-${formatChain(spec.month, 2, false)}${spec.endOfMonth ? '~' : '-'}${formatChain(spec.day, 2, false)}`;
  out += ` ${formatChain(spec.hour, 2, false)}:${formatChain(spec.minute, 2, false)}:${formatChain(spec.second, 2, true)}`;
  if (spec.utc) out += ' UTC';
  else if (spec.timezone) out += ` ${spec.timezone}`;
  else if (spec.dst >= 0 && spec.dstName) out += ` ${spec.dstName}`;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Next elapse (calendar_spec_next_usec, find_next)

/** How a search for elapses ended. */
export interface ElapseSearch {
  /** Microseconds since the epoch. */
  elapses: number[];
  /** Why there are fewer than asked for: the expression never elapses again, or systemd's search fails. */
  stop?: 'never' | 'infinite-loop' | 'invalid';
}

const ENOENT = -2;
const EDEADLK = -35;
const ERANGE = -34;
const EOVERFLOW = -75;

class Search {
  /** find_matching_component's result value (its `*val`). */
  private value = 0;
  // Scratch copies, so the search allocates nothing per step.
  private readonly boundsCopy = new Tm();
  private readonly weekdayCopy = new Tm();
  private readonly monthEndCopy = new Tm();

  constructor(
    readonly spec: CalendarSpec,
    readonly clock: GlibcClock,
  ) {}

  /** mktime_or_timegm; -1 on failure, like C. */
  mktime(tm: Tm): number {
    const t = this.clock.mktime(tm);
    return t === undefined ? -1 : t;
  }

  endOfMonth(tm: Tm, day: number): number {
    const t = this.monthEndCopy.copyFrom(tm);
    t.mon++;
    t.mday = 1 - day;
    if (this.mktime(t) < 0 || t.mon !== tm.mon) return -1;
    return t.mday;
  }

  /** find_matching_component: 1 (changed), 0 (unchanged) or ENOENT; the value is left in this.value. */
  matching(chain: CalendarComponent[] | null, isDay: boolean, tm: Tm, value: number): number {
    this.value = value;
    if (!chain) return 0;
    const endOfMonth = this.spec.endOfMonth && isDay;
    let d = -1;
    let dSet = false;
    for (let i = 0; i < chain.length; i++) {
      const c = chain[i];
      let start: number;
      let stop: number;
      if (endOfMonth) {
        start = this.endOfMonth(tm, c.start);
        stop = this.endOfMonth(tm, c.stop);
        if (stop > 0) {
          const swap = start;
          start = stop;
          stop = swap;
        }
      } else {
        start = c.start;
        stop = c.stop;
      }
      if (start >= value) {
        if (!dSet || start < d) {
          d = start;
          dSet = true;
        }
      } else if (c.repeat > 0) {
        const k = start + c.repeat * Math.trunc((value - start + c.repeat - 1) / c.repeat);
        if ((!dSet || k < d) && (stop < 0 || k <= stop)) {
          d = k;
          dSet = true;
        }
      }
    }
    if (!dSet) return ENOENT;
    this.value = d;
    return value !== d ? 1 : 0;
  }

  /** tm_within_bounds: 1 in bounds, 0 normalized forward (tm updated), negative on error. */
  withinBounds(tm: Tm): number {
    if (tm.year + 1900 > MAX_YEAR) return ERANGE;
    const t = this.boundsCopy.copyFrom(tm);
    if (this.mktime(t) < 0) return EOVERFLOW;
    // A field that normalization changed was out of range: restart the next smaller one.
    let cmp: number;
    if ((cmp = Math.sign(t.year - tm.year)) !== 0) t.mon = 0;
    else if ((cmp = Math.sign(t.mon - tm.mon)) !== 0) t.mday = 1;
    else if ((cmp = Math.sign(t.mday - tm.mday)) !== 0) t.hour = 0;
    else if ((cmp = Math.sign(t.hour - tm.hour)) !== 0) t.min = 0;
    else if ((cmp = Math.sign(t.min - tm.min)) !== 0) t.sec = 0;
    else cmp = Math.sign(t.sec - tm.sec);
    if (cmp < 0) return EDEADLK;
    if (cmp > 0) tm.copyFrom(t);
    return cmp === 0 ? 1 : 0;
  }

  matchesWeekday(tm: Tm): boolean {
    const bits = this.spec.weekdays;
    if (bits < 0 || bits >= BITS_WEEKDAYS) return true;
    const t = this.weekdayCopy.copyFrom(tm);
    if (this.mktime(t) < 0) return false;
    const k = t.wday === 0 ? 6 : t.wday - 1;
    return (bits & (1 << k)) !== 0;
  }

  /** find_next: the first match after tm/usec; [0, usec] with tm updated, or [error]. */
  findNext(tm: Tm, usec: number): [number, number] {
    const spec = this.spec;
    const c = tm.clone();
    let tmUsec = usec;
    let invalidateDst = false;
    let r: number;
    for (let iteration = 0; iteration < MAX_CALENDAR_ITERATIONS; iteration++) {
      this.mktime(c);
      if (!invalidateDst) c.isdst = spec.dst;

      r = this.matching(spec.year, false, c, c.year + 1900);
      c.year = this.value - 1900;
      if (r > 0) {
        c.mon = 0;
        c.mday = 1;
        c.hour = c.min = c.sec = tmUsec = 0;
      }
      if (r < 0) return [r, 0];
      if (this.withinBounds(c) <= 0) return [ENOENT, 0];

      r = this.matching(spec.month, false, c, c.mon + 1);
      c.mon = this.value - 1;
      if (r > 0) {
        c.mday = 1;
        c.hour = c.min = c.sec = tmUsec = 0;
      }
      if (r < 0 || (r = this.withinBounds(c)) < 0) {
        c.year++;
        c.mon = 0;
        c.mday = 1;
        c.hour = c.min = c.sec = tmUsec = 0;
        continue;
      }
      if (r === 0) continue;

      r = this.matching(spec.day, true, c, c.mday);
      c.mday = this.value;
      if (r > 0) c.hour = c.min = c.sec = tmUsec = 0;
      if (r < 0 || (r = this.withinBounds(c)) < 0) {
        c.mon++;
        c.mday = 1;
        c.hour = c.min = c.sec = tmUsec = 0;
        continue;
      }
      if (r === 0) continue;

      if (!this.matchesWeekday(c)) {
        c.mday++;
        c.hour = c.min = c.sec = tmUsec = 0;
        continue;
      }

      r = this.matching(spec.hour, false, c, c.hour);
      c.hour = this.value;
      if (r > 0) c.min = c.sec = tmUsec = 0;
      if (r < 0 || (r = this.withinBounds(c)) < 0) {
        c.mday++;
        c.hour = c.min = c.sec = tmUsec = 0;
        continue;
      }
      // The hour we set may not exist on a DST day: start again from the normalized time.
      if (r === 0) continue;

      r = this.matching(spec.minute, false, c, c.min);
      c.min = this.value;
      if (r > 0) c.sec = tmUsec = 0;
      if (r < 0 || (r = this.withinBounds(c)) < 0) {
        c.hour++;
        c.min = c.sec = tmUsec = 0;
        continue;
      }
      if (r === 0) continue;

      r = this.matching(spec.second, false, c, c.sec * USEC_PER_SEC + tmUsec);
      tmUsec = this.value % USEC_PER_SEC;
      c.sec = Math.trunc(this.value / USEC_PER_SEC);
      if (r < 0 || (r = this.withinBounds(c)) < 0) {
        c.min++;
        c.sec = tmUsec = 0;
        continue;
      }
      if (r === 0) continue;

      r = compareTm(tm, c);
      if (r === 0) r = Math.sign(usec - (tmUsec + 1));
      if (r >= 0) {
        // Stuck (mktime moved us back across a DST change): let mktime pick the DST state and go on.
        invalidateDst = true;
        c.hour++;
        continue;
      }
      tm.copyFrom(c);
      return [0, tmUsec];
    }
    return [EDEADLK, 0];
  }

  /** calendar_spec_next_usec_impl: the first elapse strictly after `usec`. */
  next(usec: number): [number, number] {
    if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX) return [-22, 0];
    usec++;
    const t = Math.floor(usec / USEC_PER_SEC);
    const tm = new Tm();
    this.clock.convert(t, tm);
    const [r, tmUsec] = this.findNext(tm, usec % USEC_PER_SEC);
    if (r < 0) return [r, 0];
    const result = this.mktime(tm);
    if (result < 0) return [-22, 0];
    return [0, result * USEC_PER_SEC + tmUsec];
  }
}

function compareTm(a: Tm, b: Tm): number {
  return Math.sign(a.year - b.year) || Math.sign(a.mon - b.mon) || Math.sign(a.mday - b.mday) || Math.sign(a.hour - b.hour) || Math.sign(a.min - b.min) || Math.sign(a.sec - b.sec);
}

/** The zone the spec is computed in: UTC, its own zone, or the local one. */
function specZone(spec: CalendarSpec, options: CalendarOptions): ZoneRules | undefined {
  if (spec.utc) return undefined;
  if (spec.timezone) {
    const rules = (options.zones ?? defaultZoneSource()).load(spec.timezone) ?? specZones.get(spec);
    if (!rules) throw new Error(`no rules for the time zone ${spec.timezone}: pass the zone source the spec was parsed with`);
    return rules;
  }
  return resolveLocalZone(options);
}

/**
 * Up to `count` elapses strictly after `afterUsec` (microseconds since the epoch), each search starting
 * from the previous elapse, as `systemd-analyze calendar --iterations` does.
 */
export function searchElapses(spec: CalendarSpec, afterUsec: number, count: number, options: CalendarOptions = {}): ElapseSearch {
  const zone = specZone(spec, options);
  // systemd computes a spec with its own zone in a forked child (fresh mktime state each time), and the
  // others in its own process, where mktime's guess carries over from one search to the next.
  const ownZone = spec.timezone !== undefined;
  const clock = new GlibcClock(zone);
  const search = new Search(spec, clock);
  const elapses: number[] = [];
  let base = afterUsec;
  for (let i = 0; i < count; i++) {
    if (ownZone) clock.guess = 0;
    const [r, next] = search.next(base);
    if (r === ENOENT) return { elapses, stop: 'never' };
    if (r === EDEADLK) return { elapses, stop: 'infinite-loop' };
    if (r < 0) return { elapses, stop: 'invalid' };
    elapses.push(next);
    base = next;
  }
  return { elapses };
}

/**
 * The next `count` elapses strictly after `afterMs`, in milliseconds since the epoch (fractional when the
 * expression has sub-millisecond seconds). Fewer when the expression stops elapsing.
 */
export function nextElapse(spec: CalendarSpec, afterMs: number, count: number, options: CalendarOptions = {}): number[] {
  return searchElapses(spec, Math.floor(afterMs * 1000), count, options).elapses.map((usec) => usec / 1000);
}
