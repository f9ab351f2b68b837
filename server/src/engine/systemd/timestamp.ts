// Timestamps as systemd reads them (systemd 252 src/basic/time-util.c parse_timestamp(), what
// `systemd-analyze calendar --base-time=` and `systemd-analyze timestamp` take): `now`, `today`, `tomorrow`,
// `yesterday`, `+SPAN`/`-SPAN`, `SPAN ago`/`SPAN left`, `@SECONDS` (a time span), and `[WEEKDAY] [YY]YY-MM-DD
// [HH:MM[:SS[.FRACTION]]]` or `[WEEKDAY] HH:MM[:SS]` (today), each optionally followed by ` UTC`.
// Checked against `systemd-analyze timestamp` 252: `2026-02-30` is taken as 2 March (mktime), `24:00` and
// `23:60` are refused, `69-01-01` is refused (1969 is before the epoch), a weekday that does not match the
// date is refused, a leading or trailing blank is refused, words are matched without case.
// Not read: the local zone's own abbreviation after the time (`10:00 JST`), which systemd also accepts.
import { parseTimespan } from './timespan';
import { fromLocal, localInstants, toLocal, zoneOffset } from '../time/zone';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const USEC_PER_MSEC = 1000n;

/** Milliseconds since the epoch, or undefined where systemd refuses the text. `now` is the clock's time. */
export function parseSystemdTimestamp(text: string, now: number, zone: string): number | undefined {
  let body = text;
  let clockZone = zone;
  const utc = / utc$/i.exec(body);
  if (utc) {
    body = body.slice(0, utc.index);
    clockZone = 'UTC';
  }
  const word = body.toLowerCase();
  if (word === 'now') return now;
  if (word === 'today' || word === 'yesterday' || word === 'tomorrow') {
    const local = toLocal(now, clockZone);
    const shift = word === 'today' ? 0 : word === 'tomorrow' ? 1 : -1;
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + shift));
    return fromLocal(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 0, 0, clockZone);
  }
  // The relative forms and `@` take no zone (systemd reads them before it looks for one).
  if (!utc) {
    if (body.startsWith('+')) return shifted(now, body.slice(1), 1);
    if (body.startsWith('-')) return shifted(now, body.slice(1), -1);
    const relative = /^(.*) (ago|left)$/.exec(body);
    if (relative) return shifted(now, relative[1], relative[2] === 'ago' ? -1 : 1);
    if (body.startsWith('@')) return shifted(0, body.slice(1), 1);
  }
  return civilTime(body, now, clockZone);
}

function shifted(from: number, span: string, sign: 1 | -1): number | undefined {
  const parsed = parseTimespan(span);
  if (!parsed.ok || parsed.infinite) return undefined;
  return from + sign * Number(parsed.microseconds / USEC_PER_MSEC);
}

/** The strptime formats parse_timestamp tries, with its weekday check and mktime's normalisation. */
function civilTime(text: string, now: number, zone: string): number | undefined {
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
  let year: number;
  let month: number;
  let day: number;
  let clock: (string | undefined)[];
  if (dated) {
    year = Number(dated[1]);
    // strptime's %y: 69–99 are 1969–1999, 00–68 are 2000–2068.
    if (dated[1].length === 2) year += year >= 69 ? 1900 : 2000;
    month = Number(dated[2]);
    day = Number(dated[3]);
    clock = dated.slice(4);
  } else {
    const today = toLocal(now, zone);
    [year, month, day] = [today.year, today.month, today.day];
    clock = timeOnly!.slice(1);
  }
  const [hour = 0, minute = 0, second = 0] = clock.slice(0, 3).map((part) => (part === undefined ? undefined : Number(part)));
  // strptime's ranges; mktime then carries day 31 of a short month, and second 60, into what follows.
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const civil = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (weekday !== undefined && civil.getUTCDay() !== weekday) return undefined;
  const fraction = clock[3] === undefined ? 0 : Math.round(Number(`0.${clock[3]}`) * 1000);
  // Around a clock change, what glibc's mktime (which parse_timestamp calls) gives, as systemd-analyze showed it
  // in Berlin, New York and Sydney: in a fall-back overlap, the instant with the offset in force when the wall
  // time is read as UTC (mktime's first guess); in a spring-forward gap, the time read with the offset from
  // before the gap (`02:30` in Berlin's gap is 03:30 CEST). Dublin's negative DST differs in its gap.
  const instants = localInstants(civil.getUTCFullYear(), civil.getUTCMonth() + 1, civil.getUTCDate(), civil.getUTCHours(), civil.getUTCMinutes(), zone);
  const wall = Date.UTC(civil.getUTCFullYear(), civil.getUTCMonth(), civil.getUTCDate(), civil.getUTCHours(), civil.getUTCMinutes());
  const guess = wall - zoneOffset(wall, zone);
  const chosen = instants.length === 0 ? wall - zoneOffset(wall - 86_400_000, zone) : (instants.find((candidate) => candidate === guess) ?? instants[0]);
  const instant = chosen + civil.getUTCSeconds() * 1000 + fraction;
  // Before the epoch systemd has no timestamp (usec_t is unsigned): `69-01-01` is refused.
  return instant < 0 ? undefined : instant;
}
