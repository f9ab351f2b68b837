// Time spans (AccuracySec=, RandomizedDelaySec=, OnBootSec=, …), systemd.time(7) "Parsing Time Spans", as
// systemd 252 reads and prints them (src/basic/time-util.c: parse_time with seconds as the default unit,
// format_timespan with accuracy 0, which is what `systemd-analyze timespan` shows as "Human:").
// Units are case-sensitive (`M` is a month, `m` a minute, `H` nothing); a bare number is seconds; parts
// may follow each other without spaces (`1h30min`) and numbers may have fractions (`1.5h`, `.5s`).

import { translate, type MessageKey } from '../i18n/catalog';

const USEC_PER_MSEC = 1000n;
const USEC_PER_SEC = 1_000_000n;
const USEC_PER_MINUTE = 60n * USEC_PER_SEC;
const USEC_PER_HOUR = 60n * USEC_PER_MINUTE;
const USEC_PER_DAY = 24n * USEC_PER_HOUR;
const USEC_PER_WEEK = 7n * USEC_PER_DAY;
const USEC_PER_MONTH = 2_629_800n * USEC_PER_SEC;
const USEC_PER_YEAR = 31_557_600n * USEC_PER_SEC;
/** systemd's USEC_INFINITY: what `infinity` means. */
export const USEC_INFINITY = 0xffff_ffff_ffff_ffffn;
const LLONG_MAX = 0x7fff_ffff_ffff_ffffn;

// extract_multiplier's table, in its order: the first prefix that matches wins.
const UNITS: [string, bigint][] = [
  ['seconds', USEC_PER_SEC],
  ['second', USEC_PER_SEC],
  ['sec', USEC_PER_SEC],
  ['s', USEC_PER_SEC],
  ['minutes', USEC_PER_MINUTE],
  ['minute', USEC_PER_MINUTE],
  ['min', USEC_PER_MINUTE],
  ['months', USEC_PER_MONTH],
  ['month', USEC_PER_MONTH],
  ['M', USEC_PER_MONTH],
  ['msec', USEC_PER_MSEC],
  ['ms', USEC_PER_MSEC],
  ['m', USEC_PER_MINUTE],
  ['hours', USEC_PER_HOUR],
  ['hour', USEC_PER_HOUR],
  ['hr', USEC_PER_HOUR],
  ['h', USEC_PER_HOUR],
  ['days', USEC_PER_DAY],
  ['day', USEC_PER_DAY],
  ['d', USEC_PER_DAY],
  ['weeks', USEC_PER_WEEK],
  ['week', USEC_PER_WEEK],
  ['w', USEC_PER_WEEK],
  ['years', USEC_PER_YEAR],
  ['year', USEC_PER_YEAR],
  ['y', USEC_PER_YEAR],
  ['usec', 1n],
  ['us', 1n],
  ['\u03bcs', 1n], // GREEK SMALL LETTER MU
  ['\u00b5s', 1n], // MICRO SIGN
];

/** Units people write that systemd does not take, with what to write instead. */
const SUGGESTIONS: Record<string, string> = {
  ns: 'us',
  nsec: 'us',
  H: 'h',
  Y: 'y',
  D: 'd',
  W: 'w',
  S: 's',
  mo: 'M',
  mon: 'month',
  mins: 'min',
  secs: 's',
  hrs: 'h',
  Min: 'min',
  Sec: 's',
};

export type TimespanErrno = 'EINVAL' | 'ERANGE';

export interface TimespanError {
  id: TimespanMessageId;
  params: Record<string, string | number>;
  /** Offsets into the text: the wrong part is text.slice(start, end). */
  start: number;
  end: number;
  errno: TimespanErrno;
}

export type TimespanParseResult = { ok: true; microseconds: bigint; infinite: boolean } | { ok: false; error: TimespanError };

/** Ids of the catalog messages (server/src/engine/i18n/en.ts, ja.ts) this module reports. */
export type TimespanMessageId = Extract<MessageKey, `systemd-timespan.${string}`>;

export function describeTimespanError(error: TimespanError): string {
  return translate('en', error.id, error.params);
}

const WHITESPACE = ' \t\n\r';
const STRTOLL_SPACE = ' \t\n\v\f\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** parse_time(text, USEC_PER_SEC): microseconds, or where and why systemd refuses the text. */
export function parseTimespan(text: string): TimespanParseResult {
  const error = (id: TimespanMessageId, start: number, end: number, params: Record<string, string | number> = {}, errno: TimespanErrno = 'EINVAL'): TimespanParseResult => ({
    ok: false,
    error: { id, params, start, end, errno },
  });
  const skip = (index: number, set: string): number => {
    while (index < text.length && set.includes(text[index])) index++;
    return index;
  };
  const wordEnd = (index: number): number => {
    let end = index;
    while (end < text.length && !WHITESPACE.includes(text[end])) end++;
    return Math.max(end, Math.min(index + 1, text.length));
  };

  let p = skip(0, WHITESPACE);
  if (text.startsWith('infinity', p)) {
    const s = skip(p + 8, WHITESPACE);
    if (s < text.length) return error('systemd-timespan.after-infinity', p, text.length, { text: text.slice(p).trimEnd() });
    return { ok: true, microseconds: USEC_INFINITY, infinite: true };
  }

  let total = 0n;
  let something = false;
  for (;;) {
    p = skip(p, WHITESPACE);
    if (p >= text.length) {
      if (!something) return error('systemd-timespan.empty', 0, text.length);
      break;
    }
    const numberStart = p;
    if (text[p] === '-') return error('systemd-timespan.negative', p, wordEnd(p), { text: text.slice(p, wordEnd(p)) }, 'ERANGE');

    // strtoll: blanks, a sign, decimal digits.
    let q = skip(p, STRTOLL_SPACE);
    let negative = false;
    if (text[q] === '+' || text[q] === '-') {
      negative = text[q] === '-';
      q++;
    }
    let digitsEnd = q;
    while (isDigit(text[digitsEnd])) digitsEnd++;
    let value = 0n;
    let e = p;
    if (digitsEnd > q) {
      // Past 20 significant digits it is beyond strtoll's range anyway (and BigInt() of a huge run is slow).
      const significant = text.slice(q, digitsEnd).replace(/^0+/, '');
      value = significant.length > 20 ? 1n << 65n : BigInt(significant || '0');
      // strtoll's range.
      if (value > LLONG_MAX + (negative ? 1n : 0n)) return error('systemd-timespan.too-large', p, digitsEnd, { text: text.slice(p, digitsEnd) }, 'ERANGE');
      if (negative && value > 0n) return error('systemd-timespan.negative', p, digitsEnd, { text: text.slice(p, digitsEnd) }, 'ERANGE');
      e = digitsEnd;
    }

    const fraction = text[e] === '.';
    if (fraction) {
      p = e + 1;
      while (isDigit(text[p])) p++;
    } else if (e === p) {
      // A unit where a number should be ("5 hrs" reads `hr`, then `s`): say it is the unit.
      if (/[A-Za-z\u00b5\u03bc]/.test(text[p])) return unitError(text, p, error);
      return error('systemd-timespan.expected-number', p, wordEnd(p), { text: text.slice(p, wordEnd(p)) });
    } else {
      p = e;
    }

    // The unit may follow after blanks.
    const unitStart = skip(p, WHITESPACE);
    let multiplier = USEC_PER_SEC;
    let s = unitStart;
    for (const [suffix, usec] of UNITS) {
      if (text.startsWith(suffix, unitStart)) {
        multiplier = usec;
        s = unitStart + suffix.length;
        break;
      }
    }
    if (s === p && s < text.length) {
      // Not a unit, and nothing separates it from the number: `12.34.56`, `5x`.
      if (text[s] === '.') {
        const end = wordEnd(s);
        return error('systemd-timespan.expected-number', s, end, { text: text.slice(s, end) });
      }
      return unitError(text, s, error);
    }
    p = s;

    const tooLarge = () => error('systemd-timespan.too-large', numberStart, p, { text: text.slice(numberStart, p) }, 'ERANGE');
    if (value >= USEC_INFINITY / multiplier) return tooLarge();
    let k = value * multiplier;
    if (k >= USEC_INFINITY - total) return tooLarge();
    total += k;
    something = true;

    if (fraction) {
      let m = multiplier / 10n;
      let b = e + 1;
      for (; isDigit(text[b]); b++, m /= 10n) {
        k = BigInt(text.charCodeAt(b) - 48) * m;
        if (k >= USEC_INFINITY - total) return tooLarge();
        total += k;
      }
      // Not "3.", "3.sec", "0.-0".
      if (b === e + 1) return error('systemd-timespan.fraction-without-digits', numberStart, Math.max(p, e + 1), { text: text.slice(numberStart, Math.max(p, e + 1)) });
    }
  }
  return { ok: true, microseconds: total, infinite: false };
}

function unitError(text: string, at: number, error: (id: TimespanMessageId, start: number, end: number, params?: Record<string, string | number>, errno?: TimespanErrno) => TimespanParseResult): TimespanParseResult {
  // The whole run of letters: "5 hrs" fails on the `s` after the unit `hr`, but the unit written is `hrs`.
  const letter = /[^\s\d.+-]/;
  let start = at;
  while (start > 0 && letter.test(text[start - 1])) start--;
  let end = at;
  while (end < text.length && letter.test(text[end])) end++;
  if (end === at) end = at + 1;
  const unit = text.slice(start, end);
  const suggestion = SUGGESTIONS[unit] ?? SUGGESTIONS[unit.toLowerCase()];
  if (suggestion) return error('systemd-timespan.unknown-unit-suggestion', start, end, { unit, suggestion });
  return error('systemd-timespan.unknown-unit', start, end, { unit });
}

const FORMAT_UNITS: [string, bigint][] = [
  ['y', USEC_PER_YEAR],
  ['month', USEC_PER_MONTH],
  ['w', USEC_PER_WEEK],
  ['d', USEC_PER_DAY],
  ['h', USEC_PER_HOUR],
  ['min', USEC_PER_MINUTE],
  ['s', USEC_PER_SEC],
  ['ms', USEC_PER_MSEC],
  ['us', 1n],
];

/** format_timespan(): how systemd prints a span (`1h 30min`, `1.500000s`, `infinity`); `accuracy` in µs. */
export function formatTimespan(microseconds: bigint | number, accuracy: bigint | number = 0n): string {
  let t = BigInt(microseconds);
  const precision = BigInt(accuracy);
  if (t === USEC_INFINITY) return 'infinity';
  if (t <= 0n) return '0';
  const parts: string[] = [];
  let something = false;
  for (const [suffix, unit] of FORMAT_UNITS) {
    if (t <= 0n) break;
    if (t < precision && something) break;
    if (t < unit) continue;
    const a = t / unit;
    let b = t % unit;
    let done = false;
    // Below a minute, the rest goes after a decimal point.
    if (t < USEC_PER_MINUTE && b > 0n) {
      let j = 0;
      for (let cc = unit; cc > 1n; cc /= 10n) j++;
      for (let cc = precision; cc > 1n; cc /= 10n) {
        b /= 10n;
        j--;
      }
      if (j > 0) {
        parts.push(`${a}.${String(b).padStart(j, '0')}${suffix}`);
        t = 0n;
        done = true;
      }
    }
    if (!done) {
      parts.push(`${a}${suffix}`);
      t = b;
    }
    something = true;
  }
  return parts.join(' ');
}
