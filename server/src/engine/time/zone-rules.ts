// Time zone rules as glibc 2.36 applies them to localtime()/mktime() (time/tzfile.c, time/tzset.c), which
// is what systemd's calendar code runs on and what cron's wall clock needs: the shape every source of rules
// has, fixed UTC, and the calendar arithmetic the sources share. The rules themselves come three ways:
// - a TZif file (tzfile(5)) such as /usr/share/zoneinfo/Europe/Berlin: exact, including glibc's quirks
//   (time/tzif.ts);
// - a POSIX TZ string (`JST-9`, `CET-1CEST,M3.5.0,M10.5.0/3`), as glibc reads TZ when no file matches
//   (time/posix-tz.ts);
// - Intl, when no zoneinfo is at hand (time/intl-zone-rules.ts).
// time/zone-source.ts picks among them the way the host would.

export interface ZoneType {
  /** Seconds east of UTC (glibc's tm_gmtoff). */
  readonly offset: number;
  readonly isdst: boolean;
  /** tm_zone, e.g. `CET`. */
  readonly abbreviation: string;
}

export interface ZoneRules {
  readonly name: string;
  /** glibc's `tzname[0]`, `tzname[1]` right after tzset(): the names systemd accepts as a suffix. */
  readonly tzname: readonly [string, string];
  /** glibc's `timezone == 0 && daylight == 0` (systemd's in_utc_timezone()). */
  readonly utcLike: boolean;
  /** What localtime() reports for an instant (seconds since the epoch). */
  typeAt(seconds: number): ZoneType;
  /**
   * Seconds [start, end) around `seconds` over which typeAt returns that same type: no change of offset,
   * DST flag or abbreviation inside. It may be shorter than the real period (a caller only loses a fast
   * path), never longer. Absent where the source cannot say (Intl samples its offsets).
   */
  stableSpan?(seconds: number): { start: number; end: number };
}

/** Where zone rules come from: a zone name → rules, or undefined when glibc would find no such zone file. */
export interface ZoneSource {
  load(name: string): ZoneRules | undefined;
}

export const SECONDS_PER_DAY = 86_400;
/** Days before each month (and the year's length at index 12), for common and leap years. */
export const MONTH_YEAR_DAYS = [
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
  [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];
export const isLeap = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

export function utcYear(seconds: number): number {
  return new Date(seconds * 1000).getUTCFullYear();
}

/** 00:00 UTC on 1 January of `year`, in seconds (Date.UTC would read years below 100 as 19xx). */
export function yearStart(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getTime() / 1000;
}

// ---------------------------------------------------------------------------------------------------------
// Fixed UTC

const UTC_TYPE: ZoneType = { offset: 0, isdst: false, abbreviation: 'UTC' };

export const utcRules: ZoneRules = {
  name: 'UTC',
  tzname: ['UTC', 'UTC'],
  utcLike: true,
  typeAt: () => UTC_TYPE,
  stableSpan: () => ({ start: -Infinity, end: Infinity }),
};
