// When a systemd timer may start its service, and the first cron run that falls in such a moment, computed
// without enumerating minutes: both sides jump from one firing to the next with their own field-wise
// searches (systemd's calendar_spec_next_usec port in systemd/calendar-search.ts, cron's schedule in
// crontab/next-runs.ts), and the two sequences leapfrog each other until one run lands in a window.
//
// A timer's window, from systemd 252's source:
// - src/core/timer.c timer_enter_waiting(): each OnCalendar= value gives its next elapse
//   (calendar_spec_next_usec from the last trigger time); the earliest one is taken, then add_random()
//   adds `random_u64() % random_usec`, i.e. [0, RandomizedDelaySec), and the result is handed to
//   sd_event_add_time()/sd_event_source_set_time() with `t->accuracy_usec` as the accuracy. So the accuracy
//   slack comes *after* the random delay.
// - src/libsystemd/sd-event/sd-event.c event_arm_timer()/sleep_between(): the wakeup is chosen in
//   [next, next + accuracy] (the latest a source allows), preferring a per-boot spot in the minute, then in
//   10 s, 1 s, 250 ms steps, else the latest moment; process_timer() dispatches a source once `now >= next`.
//   So with the default AccuracySec=1min a timer at 03:15:00 starts its service somewhere in 03:15:00–03:16:00.
// Together: the service starts in [elapse, elapse + RandomizedDelaySec + AccuracySec]. We use the half-open
// [elapse, elapse + delay + accuracy): with a random delay the end is never reached (the delay is < its
// bound); without one, only the very last instant is left out.
// Because the next elapse is computed from the last trigger, a random delay longer than the interval can skip
// elapses; every calendar elapse can still be the one that fires (a small delay before it), so the union of
// all windows is what "may start" means.
// Persistent=true adds a catch-up start at boot for an elapse missed while the machine was off: not at a
// calendar time, so it is not a window here; the result carries `catchUpAtBoot` for the message, and
// `bootCollision` says when it meets a cron `@reboot` job.
//
// A cron run is the instant HH:MM:00 at which cron starts the job (Debian cron.c wakes at the top of each
// minute). It collides with a window when start <= run < end, so `OnCalendar=*-*-* 03:15:00` without a delay
// (window 03:15:00–03:16:00) meets `15 3 * * *`. The cron runs come from schedule/cron-runs.ts.
import type { CalendarSpec } from '../systemd/calendar-spec';
import { nextElapse } from '../systemd/calendar-search';
import type { CronSchedule } from '../crontab/model';
import { firstAbove } from '../util/sorted-search';
import { cronRunAtOrAfter, utcYear, ZoneChanges } from './cron-runs';

export { cronRunAtOrAfter } from './cron-runs';

export interface TimerWindowSpec {
  calendars: CalendarSpec[];
  randomizedDelaySec: number;
  accuracySec: number;
  persistent: boolean;
  /** The zone systemd computes calendars without their own zone in (the host's). */
  timeZone: string;
}

/** All instants are epoch milliseconds. */
export interface Collision {
  cronRun: number;
  /** The window of the one elapse that contains the run: [elapse, elapse + delay + accuracy). */
  windowStart: number;
  windowEnd: number;
  elapse: number;
  /** Persistent=true: besides the windows, the timer may also start its service at boot to catch up. */
  catchUpAtBoot: boolean;
}

export interface TimerWindow {
  start: number;
  end: number;
  /** The first elapse of the (merged) window. */
  elapse: number;
}

const DAY = 86_400_000;
// RandomizedDelaySec=infinity: a window never ends; we look for its elapse this far before `from`.
const UNBOUNDED_LOOKBACK = 366 * DAY;

/** How long after an elapse the timer may start its service, in ms (Infinity for RandomizedDelaySec=infinity). */
export function windowLength(timer: TimerWindowSpec): number {
  const seconds = Math.max(0, timer.randomizedDelaySec) + Math.max(0, timer.accuracySec);
  return Number.isFinite(seconds) ? seconds * 1000 : Infinity;
}

/** A `@reboot` cron job and a Persistent=true timer can both start at boot (a missed elapse is caught up then). */
export function bootCollision(cron: { schedule: CronSchedule }, timer: TimerWindowSpec): boolean {
  return cron.schedule.reboot && timer.persistent && timer.calendars.length > 0;
}

// ---------------------------------------------------------------------------------------------------------
// The timer side: the next elapse of any of its calendars. One search costs far more to set up (a fresh
// glibc clock) than each further elapse, so each calendar keeps a run of consecutive elapses and answers
// from it while the questions stay inside; the run grows while the questions walk along it. Earlier runs are
// kept too: a caller that asks about one timer for many jobs (findOverlaps) passes the same Elapses to every
// findCollision, and those questions gather around the same few days (the start, the clock changes).

const FIRST_BATCH = 4;
const MAX_BATCH = 512;
const KEPT_RUNS = 32;

class CalendarElapses {
  /** Consecutive elapses strictly after `asked`; `ended`: the calendar never elapses after the last one. */
  private asked = Number.NaN;
  private list: number[] = [];
  private ended = false;
  private batch = FIRST_BATCH;
  /** Earlier runs, oldest first: { asked, list } as above, none of them ended. */
  private readonly kept: { asked: number; list: number[] }[] = [];

  constructor(
    private readonly spec: CalendarSpec,
    private readonly zone: string,
  ) {}

  after(after: number): number {
    const list = this.list;
    if (after >= this.asked) {
      const last = list.length > 0 ? list[list.length - 1] : this.asked;
      if (after < last) return list[firstAbove(list, after)];
      if (this.ended) return Infinity;
      const span = last - (list.length > 0 ? list[0] : this.asked);
      this.batch = after <= last + span ? Math.min(this.batch * 2, MAX_BATCH) : FIRST_BATCH;
    } else {
      // A question before the run: another walk from its start (findCollision's questions only go forward).
      this.batch = FIRST_BATCH;
    }
    for (const kept of this.kept) {
      if (after >= kept.asked && after < kept.list[kept.list.length - 1]) return kept.list[firstAbove(kept.list, after)];
    }
    if (list.length > 0 && !this.ended) {
      this.kept.push({ asked: this.asked, list });
      if (this.kept.length > KEPT_RUNS) this.kept.shift();
    }
    this.asked = after;
    this.list = nextElapse(this.spec, after, this.batch, { zone: this.zone });
    this.ended = this.list.length < this.batch;
    return this.list.length > 0 ? this.list[0] : Infinity;
  }
}

/** The elapses of one timer's calendars; pass one to findCollision() for many jobs against the same timer. */
export class Elapses {
  private readonly calendars: CalendarElapses[];

  constructor(timer: TimerWindowSpec) {
    this.calendars = timer.calendars.map((spec) => new CalendarElapses(spec, timer.timeZone));
  }

  /** The first elapse strictly after `after`, or undefined when no calendar elapses again. */
  after(after: number): number | undefined {
    let best = Infinity;
    for (const calendar of this.calendars) best = Math.min(best, calendar.after(after));
    return best === Infinity ? undefined : best;
  }
}

// ---------------------------------------------------------------------------------------------------------

// Away from offset changes, a schedule that fires on every day (or on fixed weekdays) repeats itself every
// day (or week) in real time. So once one whole period of cron runs has met no window, none will until the
// next offset change of either zone; we test one period per stretch between changes and leapfrog step by
// step only across the changes. Without this, `*/5 * * * *` against `OnCalendar=*:2/5` with AccuracySec=1s
// (never the same minute) would take 200,000 steps a year.

/** 1 when the job fires on every day, 7 when on fixed weekdays only, 0 when its days follow the calendar. */
export function cronPeriodDays(schedule: CronSchedule): 0 | 1 | 7 {
  for (let month = 1; month <= 12; month++) if (!schedule.months[month]) return 0;
  let everyDayOfMonth = true;
  for (let day = 1; day <= 31; day++) if (!schedule.daysOfMonth[day]) everyDayOfMonth = false;
  const everyWeekday = schedule.daysOfWeek.slice(0, 7).every(Boolean);
  // cron.c: with either day field starting with `*` both must match, else either.
  if (schedule.dayOfMonthStar || schedule.dayOfWeekStar) return everyDayOfMonth ? (everyWeekday ? 1 : 7) : 0;
  return everyDayOfMonth || everyWeekday ? 1 : 0;
}

/** The same for a calendar: no year, month or day restriction; weekdays make it weekly. */
export function calendarPeriodDays(spec: CalendarSpec): 0 | 1 | 7 {
  if (spec.year || spec.month || spec.day || spec.endOfMonth || spec.dst >= 0) return 0;
  return spec.weekdays < 0 || spec.weekdays >= 127 ? 1 : 7;
}

function periodOf(cron: { schedule: CronSchedule }, timer: TimerWindowSpec): number {
  let days: number = cronPeriodDays(cron.schedule);
  if (days === 0) return 0;
  for (const spec of timer.calendars) {
    const calendar = calendarPeriodDays(spec);
    if (calendar === 0) return 0;
    days = Math.max(days, calendar);
  }
  return days * DAY;
}

/**
 * The first cron run after `from` (within `horizonMs`) that falls inside a window in which the timer may
 * start its service; the window reported is that of the earliest elapse whose window holds the run.
 */
export function findCollision(
  cron: { schedule: CronSchedule; timeZone: string },
  timer: TimerWindowSpec,
  from: number,
  horizonMs: number,
  elapses: Elapses = new Elapses(timer),
): Collision | undefined {
  const length = windowLength(timer);
  if (timer.calendars.length === 0 || cron.schedule.reboot) return undefined;
  const end = from + horizonMs;
  const period = length === Infinity ? 0 : periodOf(cron, timer);
  const zones = period ? [...new Set([cron.timeZone, ...timer.calendars.map((spec) => (spec.utc ? 'UTC' : spec.timezone ?? timer.timeZone))])].map((zone) => ZoneChanges.of(zone)) : [];
  const lastYear = utcYear(end) + 1;
  const nextChange = (after: number): number => {
    let first = Infinity;
    for (const zone of zones) first = Math.min(first, zone.nextChange(after, lastYear) ?? Infinity);
    return first;
  };

  let cronFrom = Math.floor(from) + 1;
  for (;;) {
    // Leapfrog over the runs before `limit`: the next run, then the first elapse whose window could hold it.
    let limit = end + 1;
    let skipTo: number | undefined;
    if (period) {
      const change = nextChange(cronFrom - length);
      if (change - cronFrom > period) {
        limit = Math.min(limit, cronFrom + period);
        skipTo = change;
      } else {
        limit = Math.min(limit, change + length + 1);
      }
    }
    for (;;) {
      const run = cronRunAtOrAfter(cron.schedule, cronFrom, cron.timeZone);
      if (run === undefined || run > end) return undefined;
      if (run >= limit) {
        cronFrom = skipTo !== undefined ? Math.max(run, skipTo) : run;
        break;
      }
      // The windows holding `run` belong to elapses in (run - length, run].
      const elapse = elapses.after(length === Infinity ? from - UNBOUNDED_LOOKBACK : run - length);
      if (elapse === undefined) return undefined;
      if (elapse <= run) return { cronRun: run, windowStart: elapse, windowEnd: elapse + length, elapse, catchUpAtBoot: timer.persistent };
      // No window holds a run before this elapse.
      cronFrom = Math.ceil(elapse);
    }
    if (cronFrom > end) return undefined;
  }
}

/**
 * Windows [start, end) in which the timer may start its service, merged where they overlap or touch, that
 * reach into [from, to). A window is not clipped to [from, to). Cost grows with the number of elapses in the
 * range (a `minutely` timer has 1,440 a day), so ask for the span you draw, not for a year.
 */
export function timerWindows(timer: TimerWindowSpec, from: number, to: number): TimerWindow[] {
  const length = windowLength(timer);
  const windows: TimerWindow[] = [];
  if (timer.calendars.length === 0 || to <= from) return windows;
  const elapses = new Elapses(timer);
  let elapse = elapses.after(length === Infinity ? from - UNBOUNDED_LOOKBACK : from - length);
  let current: TimerWindow | undefined;
  while (elapse !== undefined && elapse < to) {
    const end = elapse + length;
    if (current && elapse <= current.end) {
      current.end = Math.max(current.end, end);
    } else {
      current = { start: elapse, end, elapse };
      windows.push(current);
    }
    if (current.end === Infinity) break;
    elapse = elapses.after(elapse);
  }
  return windows;
}
