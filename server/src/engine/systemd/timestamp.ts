// Timestamps as systemd reads them (systemd 252 src/basic/time-util.c parse_timestamp(), what
// `systemd-analyze calendar --base-time=` and `systemd-analyze timestamp` take): `now`, `today`, `tomorrow`,
// `yesterday`, `+SPAN`/`-SPAN`, `SPAN ago`/`SPAN left`, `@SECONDS` (a time span), and `[WEEKDAY] [YY]YY-MM-DD
// [HH:MM[:SS[.FRACTION]]]` or `[WEEKDAY] HH:MM[:SS]` (today), the last three and the day words optionally
// followed by ` UTC`. The wall time is turned into an instant by glibc's mktime (glibc-time.ts) in the zone
// rules the caller resolved from TZ, fresh as in a new systemd-analyze process.
// Checked against `systemd-analyze timestamp` 252: `2026-02-30` is taken as 2 March (mktime), `24:00` and
// `23:60` are refused, second 60 and 61 are accepted (strptime's %S) and carried into the next minute,
// `69-01-01` is refused (1969 is before the epoch), a weekday that does not match the date is refused, a
// leading or trailing blank is refused, `now UTC`, `+1h UTC` and `@0 UTC` are refused, `now`, `today`, `ago`
// match only in lower case while weekdays and ` UTC` match in any case.
// Not read: the local zone's own abbreviation after the time (`10:00 JST`), which systemd also accepts.
import { parseTimespan } from './timespan';
import { GlibcClock, Tm } from './glibc-time';
import type { ZoneRules } from '../time/zone-rules';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const USEC_PER_MSEC = 1000n;

/**
 * Milliseconds since the epoch, or undefined where systemd refuses the text. `now` is the clock's time;
 * `zone` is the local zone as glibc reads TZ (calendar-spec.ts resolveLocalZone, or cron's zone's rules).
 */
export function parseSystemdTimestamp(text: string, now: number, zone: ZoneRules): number | undefined {
  // The relative forms and `@` are read before the ` UTC` suffix is looked for, so they take none.
  if (text === 'now') return now;
  if (text.startsWith('+')) return shifted(now, text.slice(1), 1);
  if (text.startsWith('-')) return shifted(now, text.slice(1), -1);
  const relative = /^(.*) (ago|left)$/.exec(text);
  if (relative) return shifted(now, relative[1], relative[2] === 'ago' ? -1 : 1);
  if (text.startsWith('@')) return shifted(0, text.slice(1), 1);
  let body = text;
  const utc = / utc$/i.exec(body);
  if (utc) body = body.slice(0, utc.index);
  // localtime_r/mktime in the zone, or gmtime_r/timegm with ` UTC`; mktime's remembered guess starts at 0.
  const clock = new GlibcClock(utc ? undefined : zone);
  const tm = new Tm();
  clock.convert(Math.floor(now / 1000), tm);
  tm.isdst = -1;
  if (body === 'today' || body === 'yesterday' || body === 'tomorrow') {
    tm.sec = tm.min = tm.hour = 0;
    tm.mday += body === 'today' ? 0 : body === 'tomorrow' ? 1 : -1;
    return instantOf(clock, tm, 0);
  }
  return civilTime(body, clock, tm);
}

function shifted(from: number, span: string, sign: 1 | -1): number | undefined {
  const parsed = parseTimespan(span);
  if (!parsed.ok || parsed.infinite) return undefined;
  return from + sign * Number(parsed.microseconds / USEC_PER_MSEC);
}

/** mktime of `tm` plus the fraction; undefined where mktime fails or the instant is before the epoch. */
function instantOf(clock: GlibcClock, tm: Tm, fraction: number): number | undefined {
  const seconds = clock.mktime(tm);
  // Before the epoch systemd has no timestamp (usec_t is unsigned): `69-01-01` is refused.
  if (seconds === undefined || seconds < 0) return undefined;
  return seconds * 1000 + fraction;
}

/** The strptime formats parse_timestamp tries, with its weekday check, on `today` (the clock's date now). */
function civilTime(text: string, clock: GlibcClock, today: Tm): number | undefined {
  let rest = text;
  let weekday: number | undefined;
  const named = /^([a-z]+) /i.exec(rest);
  if (named) {
    const lower = named[1].toLowerCase();
    weekday = WEEKDAYS.findIndex((name) => name === lower || name.slice(0, 3) === lower);
    if (weekday < 0) return undefined;
    rest = rest.slice(named[0].length);
  }
  const time = '(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?';
  const dated = new RegExp(`^(\\d{4}|\\d{2})-(\\d{1,2})-(\\d{1,2})(?: ${time})?$`).exec(rest);
  const timeOnly = dated ? null : new RegExp(`^${time}$`).exec(rest);
  if (!dated && !timeOnly) return undefined;
  const tm = today;
  let clockParts: (string | undefined)[];
  if (dated) {
    let year = Number(dated[1]);
    // strptime's %y: 69–99 are 1969–1999, 00–68 are 2000–2068.
    if (dated[1].length === 2) year += year >= 69 ? 1900 : 2000;
    tm.year = year - 1900;
    tm.mon = Number(dated[2]) - 1;
    tm.mday = Number(dated[3]);
    clockParts = dated.slice(4);
  } else {
    clockParts = timeOnly!.slice(1);
  }
  const [hour = 0, minute = 0, second = 0] = clockParts.slice(0, 3).map((part) => (part === undefined ? undefined : Number(part)));
  // strptime's ranges (%S takes 0–61); mktime then carries day 31 of a short month, and seconds 60 and 61,
  // into what follows (`10:00:61` is 10:01:01).
  if (tm.mon < 0 || tm.mon > 11 || tm.mday < 1 || tm.mday > 31 || hour > 23 || minute > 59 || second > 61) return undefined;
  // strptime works the weekday out from the date as written; the check comes before mktime.
  if (weekday !== undefined && new Date(Date.UTC(tm.year + 1900, tm.mon, tm.mday)).getUTCDay() !== weekday) return undefined;
  tm.hour = hour;
  tm.min = minute;
  tm.sec = second;
  const fraction = clockParts[3] === undefined ? 0 : Math.round(Number(`0.${clockParts[3]}`) * 1000);
  // Around a clock change this is what glibc's mktime gives from a fresh guess, as systemd-analyze showed it
  // in Berlin, New York, Sydney and Dublin (whose winter time is the one marked daylight saving).
  return instantOf(clock, tm, fraction);
}
