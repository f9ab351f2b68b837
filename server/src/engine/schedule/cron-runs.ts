// The first run of a cron job at or after an instant, in the job's zone, without converting every minute: the
// cron side of schedule/windows.ts's leapfrog (timer windows against cron runs), with the zone's offset
// changes it needs to know which days are plain. Same answers as crontab/next-runs.ts's nextRuns().
import type { CronSchedule } from '../crontab/model';
import { matchesDay, nextRuns } from '../crontab/next-runs';
import { zoneOffset } from '../time/zone';
import { firstAbove, firstAtOrAbove } from '../util/sorted-search';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// The cron side. nextRuns() is exact on every day but converts every candidate minute through Intl, which for
// a job that runs every minute costs milliseconds per call. On a day without an offset change in the job's
// zone every local minute is one instant (midnight's instant + minutes), so we answer those days from the
// schedule's bitsets and hand the days around a change to nextRuns(), which holds cron's DST rules.

interface ZoneYear {
  /** The offset at 00:00 UTC on 1 January. */
  offset: number;
  /** Instants at which the offset changes, and the offset from then on. */
  changes: number[];
  offsets: number[];
}

/** A zone's offsets, found once per UTC year by sampling every 12 hours and narrowing each change to the second. */
export class ZoneChanges {
  private readonly years = new Map<number, ZoneYear>();
  private static readonly zones = new Map<string, ZoneChanges>();

  static of(zone: string): ZoneChanges {
    let changes = ZoneChanges.zones.get(zone);
    if (!changes) ZoneChanges.zones.set(zone, (changes = new ZoneChanges(zone)));
    return changes;
  }

  private constructor(private readonly zone: string) {}

  /** Whether the offset changes anywhere in [from, to]. */
  changesWithin(from: number, to: number): boolean {
    const last = utcYear(to);
    for (let year = utcYear(from); year <= last; year++) {
      for (const change of this.ofYear(year).changes) if (change >= from && change <= to) return true;
    }
    return false;
  }

  /** The first change strictly after `after` and before the end of UTC year `lastYear`, if any. */
  nextChange(after: number, lastYear: number): number | undefined {
    for (let year = utcYear(after); year <= lastYear; year++) {
      for (const change of this.ofYear(year).changes) if (change > after) return change;
    }
    return undefined;
  }

  /** The offset (ms east of UTC) at an instant. */
  offsetAt(instant: number): number {
    const year = this.ofYear(utcYear(instant));
    let offset = year.offset;
    for (let index = 0; index < year.changes.length && year.changes[index] <= instant; index++) offset = year.offsets[index];
    return offset;
  }

  private ofYear(year: number): ZoneYear {
    let found = this.years.get(year);
    if (found) return found;
    const end = Date.UTC(year + 1, 0, 1);
    let at = Date.UTC(year, 0, 1);
    let offset = zoneOffset(at, this.zone);
    found = { offset, changes: [], offsets: [] };
    // Zones change a few times a year at most, never twice within twelve hours.
    for (let probe = at + 12 * HOUR; at < end; at = probe, probe += 12 * HOUR) {
      const next = zoneOffset(Math.min(probe, end), this.zone);
      if (next === offset) continue;
      let low = at;
      let high = Math.min(probe, end);
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (zoneOffset(middle, this.zone) === offset) low = middle;
        else high = middle;
      }
      if (high < end) {
        found.changes.push(high);
        found.offsets.push(next);
      }
      offset = next;
    }
    this.years.set(year, found);
    return found;
  }
}

// The UTC year of an instant; the last year's bounds are kept, as the day-by-day searches ask within one year.
let knownYear = Number.NaN;
let knownYearStart = Number.NaN;
let knownYearEnd = Number.NaN;
export const utcYear = (instant: number): number => {
  if (instant >= knownYearStart && instant < knownYearEnd) return knownYear;
  knownYear = new Date(instant).getUTCFullYear();
  // setUTCFullYear, not Date.UTC, which reads years 0-99 as 1900-1999.
  knownYearStart = new Date(0).setUTCFullYear(knownYear, 0, 1);
  knownYearEnd = new Date(0).setUTCFullYear(knownYear + 1, 0, 1);
  return knownYear;
};

const minutesOfDay = new WeakMap<CronSchedule, number[]>();

/** The schedule's minutes of the day (hour × 60 + minute), ascending. */
function dayMinutes(schedule: CronSchedule): number[] {
  let minutes = minutesOfDay.get(schedule);
  if (!minutes) {
    minutes = [];
    for (let hour = 0; hour < 24; hour++) {
      if (!schedule.hours[hour]) continue;
      for (let minute = 0; minute < 60; minute++) if (schedule.minutes[minute]) minutes.push(hour * 60 + minute);
    }
    minutesOfDay.set(schedule, minutes);
  }
  return minutes;
}

// A schedule such as `0 0 30 2 *` never fires: give up after as many days as nextRuns() does.
const SEARCH_DAYS = 366 * 30;

/** The first instant at or after `at` (ms) at which cron starts the job; same answers as nextRuns(). */
export function cronRunAtOrAfter(schedule: CronSchedule, at: number, zone: string): number | undefined {
  if (schedule.reboot) return undefined;
  const minutes = dayMinutes(schedule);
  if (minutes.length === 0) return undefined;
  const changes = ZoneChanges.of(zone);
  const start = Math.ceil(at);
  const offset = changes.offsetAt(start);
  // Local wall time as if it were UTC: its date is the local day, and days step by 24 h on that scale.
  let wallDay = Math.floor((start + offset) / DAY) * DAY;
  for (let dayIndex = 0; dayIndex < SEARCH_DAYS; dayIndex++, wallDay += DAY) {
    const date = new Date(wallDay);
    if (!matchesDay(schedule, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay())) continue;
    // The day's instants lie within [wallDay - 14 h, wallDay + 24 h + 12 h] whatever the offset.
    if (changes.changesWithin(wallDay - 15 * HOUR, wallDay + DAY + 15 * HOUR)) {
      // nextRuns() goes on past this day by itself if it must.
      return changeDayRun(schedule, wallDay - 15 * HOUR, Math.max(start - 1, wallDay - 15 * HOUR), zone, minutes.length);
    }
    const dayOffset = changes.offsetAt(wallDay + 12 * HOUR);
    const midnight = wallDay - dayOffset;
    const first = start > midnight ? Math.ceil((start - midnight) / MINUTE) : 0;
    if (first >= 1440) continue;
    const index = firstAtOrAbove(minutes, first);
    if (index < minutes.length) return midnight + minutes[index] * MINUTE;
  }
  return undefined;
}

/**
 * Runs around a clock change, from nextRuns(), kept per schedule, zone and local day: every pair that holds
 * the job asks about the same few days of the year.
 */
const changeDayRuns = new WeakMap<CronSchedule, Map<string, number[]>>();

/** The first run strictly after `after` (an integer, not before `dayStart`), from nextRuns(). */
function changeDayRun(schedule: CronSchedule, dayStart: number, after: number, zone: string, perDay: number): number | undefined {
  let byDay = changeDayRuns.get(schedule);
  if (!byDay) changeDayRuns.set(schedule, (byDay = new Map()));
  const key = `${zone} ${dayStart}`;
  let runs = byDay.get(key);
  if (!runs) {
    // Two days' worth: the change day and the repeated hour's extra runs.
    runs = nextRuns(schedule, dayStart, 2 * perDay + 2, zone);
    byDay.set(key, runs);
  }
  if (runs.length > 0 && after < runs[runs.length - 1]) return runs[firstAbove(runs, after)];
  return nextRuns(schedule, after, 1, zone)[0];
}
