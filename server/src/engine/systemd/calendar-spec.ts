// What an OnCalendar= expression is once read (systemd 252 src/shared/calendarspec.h: CalendarSpec and
// CalendarComponent), the limits systemd reads it within, the errors its reading can end in, and the local
// zone the calendar code runs in. Shared by the parser (calendar.ts, calendar-parser.ts), normalization and
// formatting (calendar-normalize.ts) and the next-elapse search (calendar-search.ts).
import { translate, type MessageKey } from '../i18n/catalog';
import type { Locale } from '../types';
import type { ZoneRules, ZoneSource } from '../time/zone-rules';
import { defaultZoneSource, localZoneRules } from '../time/zone-source';

export const MIN_YEAR = 1970;
export const MAX_YEAR = 2199;
export const USEC_PER_SEC = 1_000_000;
export const BITS_WEEKDAYS = 127;
export const MAX_CALENDAR_ITERATIONS = 1000;
/** systemd's USEC_TIMESTAMP_FORMATTABLE_MAX on 64-bit: 9999-12-30 23:59:59 UTC. */
export const USEC_TIMESTAMP_FORMATTABLE_MAX = 253_402_214_399_000_000;

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

/**
 * One component's first value at or after `value` (the step of find_matching_component in systemd's
 * calendarspec.c, for a component already read as `start`, `stop` and `repeat`); NaN when it has none. The
 * search (with `~` days turned into dates first) and the shortcut both ask it, so the two cannot drift.
 */
export function componentMatch(start: number, stop: number, repeat: number, value: number): number {
  if (start >= value) return start;
  if (repeat > 0) {
    const next = start + repeat * Math.trunc((value - start + repeat - 1) / repeat);
    if (stop < 0 || next <= stop) return next;
  }
  return Number.NaN;
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

export class Failure {
  constructor(readonly error: CalendarError) {}
}

export function fail(id: CalendarMessageId, start: number, end: number, params: CalendarErrorParams = {}, errno: CalendarErrno = 'EINVAL'): never {
  throw new Failure({ id, params: visible(params), start, end, errno });
}

/** Control characters in message parameters as escapes (`\t`), so a message never carries a raw tab or newline. */
export function visible(params: CalendarErrorParams): CalendarErrorParams {
  const out: CalendarErrorParams = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1)) : value;
  }
  return out;
}

export const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const zoneCache = new WeakMap<ZoneSource, Map<string, ZoneRules>>();
/** The rules of a spec's own zone, as found when it was parsed. */
export const specZones = new WeakMap<CalendarSpec, ZoneRules>();

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
