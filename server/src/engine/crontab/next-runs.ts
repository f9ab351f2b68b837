// When a cron schedule fires: walks the zone's calendar day by day and tests the schedule's bitsets, with
// cron's day rule (cron.c: if DOM_STAR or DOW_STAR, both day fields must match, else either one), and its
// daylight-saving rules (Debian cron.c, the clock-jump handling): in a spring-forward gap, a fixed-time job
// runs right after the jump and a wildcard job (minute or hour starting with `*`) is skipped; in a
// fall-back overlap, a fixed-time job runs once and a wildcard job runs in both passes.
import { fromLocal, localInstants, toLocal, zoneOffset } from '../time/zone';
import type { ParsedField } from './fields';
import type { CronSchedule } from './model';
import { appendAll } from '../util/append';

// A schedule such as `0 0 30 2 *` never fires; stop looking after this many years (covers leap-day-on-a-weekday
// cases). Callers that asked for more runs than came back say the search stopped here (`schedlint cron`).
export const SEARCH_YEARS = 30;
const SEARCH_DAYS = 366 * SEARCH_YEARS;

export function matchesDay(schedule: CronSchedule, month: number, day: number, weekday: number): boolean {
  if (!schedule.months[month]) return false;
  const dayOfMonth = schedule.daysOfMonth[day];
  const dayOfWeek = schedule.daysOfWeek[weekday];
  return schedule.dayOfMonthStar || schedule.dayOfWeekStar ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
}

/**
 * The next `count` instants (ms since epoch) strictly after `after` at which cron starts the job; with
 * `before`, only those before it (a timeline asks for a day's runs: without the bound, a daily job was
 * searched ~1,440 days ahead to fill a count meant for an every-minute one).
 */
export function nextRuns(schedule: CronSchedule, after: number, count: number, zone: string, before = Infinity): number[] {
  const runs: number[] = [];
  if (schedule.reboot || count <= 0) return runs;
  const hours = schedule.hours.flatMap((on, hour) => (on ? [hour] : []));
  const minutes = schedule.minutes.flatMap((on, minute) => (on ? [minute] : []));
  if (hours.length === 0 || minutes.length === 0) return runs;
  const start = toLocal(after, zone);
  const cursor = new Date(Date.UTC(start.year, start.month - 1, start.day));
  for (let dayIndex = 0; dayIndex < SEARCH_DAYS && runs.length < count; dayIndex++) {
    // Local days start within a day of their UTC midnight (offsets are under 26 hours): two days past is safe.
    if (cursor.getTime() - 2 * 86_400_000 > before) break;
    const year = cursor.getUTCFullYear();
    const month = cursor.getUTCMonth() + 1;
    const day = cursor.getUTCDate();
    if (matchesDay(schedule, month, day, cursor.getUTCDay())) {
      // A day with one offset throughout (almost all of them): every run is its wall time minus that offset,
      // already in order. Only a day near a clock change takes the per-minute path below, with cron's rules.
      const offset = steadyOffset(year, month, day, zone);
      if (offset !== undefined) {
        const midnight = Date.UTC(year, month - 1, day);
        for (const hour of hours) {
          for (const minute of minutes) {
            const instant = midnight + hour * 3_600_000 + minute * 60_000 - offset;
            if (instant >= before) return runs;
            if (instant > after && (runs.length === 0 || instant > runs[runs.length - 1])) {
              runs.push(instant);
              if (runs.length === count) return runs;
            }
          }
        }
        cursor.setUTCDate(cursor.getUTCDate() + 1);
        continue;
      }
      const wildcard = schedule.minuteStar || schedule.hourStar;
      const candidates: number[] = [];
      for (const hour of hours) {
        for (const minute of minutes) {
          const instants = localInstants(year, month, day, hour, minute, zone);
          if (instants.length === 0) {
            if (!wildcard) candidates.push(fromLocal(year, month, day, hour, minute, zone));
          } else if (wildcard) {
            appendAll(candidates, instants);
          } else {
            candidates.push(instants[0]);
          }
        }
      }
      candidates.sort((a, b) => a - b);
      for (const instant of candidates) {
        if (instant >= before) return runs;
        if (instant > after && (runs.length === 0 || instant > runs[runs.length - 1])) {
          runs.push(instant);
          if (runs.length === count) return runs;
        }
      }
    }
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return runs;
}

/**
 * The zone's offset on a local day when it is the same from a day before to a day after (no clock change near
 * it), else undefined. Checked at the day's edges and noon, a day apart, so a change inside the day shows.
 */
function steadyOffset(year: number, month: number, day: number, zone: string): number | undefined {
  const midnight = Date.UTC(year, month - 1, day);
  const first = zoneOffset(midnight - 86_400_000, zone);
  if (zoneOffset(midnight + 43_200_000, zone) !== first || zoneOffset(midnight + 2 * 86_400_000, zone) !== first) return undefined;
  return first;
}

// The longest each month can be (February's 29th exists in leap years), index 1 = January.
const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether some (month, day, weekday) the schedule matches exists. Over a 28-year cycle every valid month/day
 * falls on every weekday (29 February included), so the weekday is free once the day exists: no calendar walk
 * (walking up to 28 years of days per line was the top of the profile on large crontabs of distinct lines).
 */
export function searchForRun(schedule: CronSchedule): boolean {
  if (schedule.reboot) return true;
  if (!schedule.hours.some(Boolean) || !schedule.minutes.some(Boolean)) return false;
  const anyWeekday = schedule.daysOfWeek.some(Boolean);
  const both = schedule.dayOfMonthStar || schedule.dayOfWeekStar;
  for (let month = 1; month <= 12; month++) {
    if (!schedule.months[month]) continue;
    if (!both && anyWeekday) return true;
    for (let day = 1; day <= MONTH_DAYS[month]; day++) if (schedule.daysOfMonth[day] && (anyWeekday || !both)) return true;
  }
  return false;
}

/** searchForRun() for five parsed fields, without the schedule object (a crontab of distinct lines asks per line). */
export function canEverRunFields(minute: ParsedField, hour: ParsedField, dayOfMonth: ParsedField, month: ParsedField, dayOfWeek: ParsedField): boolean {
  if (!hour.any || !minute.any) return false;
  // Day-of-week 7 is Sunday: folding it into 0 (as the schedule does) changes nothing about "any weekday".
  const anyWeekday = dayOfWeek.any;
  const both = dayOfMonth.startsWithStar || dayOfWeek.startsWithStar;
  // searchForRun() over field bits (a loop of its own: this runs once per job of a large crontab).
  for (let value = 1; value <= 12; value++) {
    if (!month.has(value)) continue;
    if (!both && anyWeekday) return true;
    for (let day = 1; day <= MONTH_DAYS[value]; day++) if (dayOfMonth.has(day) && (anyWeekday || !both)) return true;
  }
  return false;
}
