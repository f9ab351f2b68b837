// A shortcut for the next elapse of an OnCalendar= expression where systemd's find_next (calendar-search.ts)
// can only come out one way: far from any change of the zone's offset, every wall time exists once, mktime
// normalizes an overflowing field to the start of the next larger one (tm_within_bounds), and find_next
// then finds the smallest matching wall time after its start, field by field. Here that is computed
// directly: the times of day that match are a fixed sorted list, and the next matching date is found by
// stepping through days. Anything this does not handle (a `~` day, a standard/daylight suffix, many times
// of day, a zone change within MARGIN, years outside systemd's range) returns NaN, and the caller runs the
// general search. test/engine/calendar-shortcut.test.ts holds the two equal on random expressions, zones
// (DST zones included) and base times.
import { type CalendarComponent, type CalendarSpec, BITS_WEEKDAYS, componentMatch, MAX_YEAR, MIN_YEAR, USEC_PER_SEC } from './calendar-spec';
import { civilFromDays, type GlibcClock } from './glibc-time';
import { isLeap, MONTH_YEAR_DAYS } from '../time/zone-rules';
import { firstAbove } from '../util/sorted-search';

const USEC_PER_DAY = 86_400 * USEC_PER_SEC;
/** At most this many matching times of day: more (`*:*:*`), and the general search is used. */
const MAX_TIMES_OF_DAY = 4096;
/** Seconds to the nearest zone change, each side: find_next's probes (Feb 31 → Mar 3) stay inside. */
const MARGIN = 8 * 86_400;
/**
 * Days ahead a date may lie. find_next gives up after 1,000 rounds ("Infinite loop in calendar calculation"),
 * and a round can be one day passed over (a weekday that does not match): within a year it never gets near.
 */
const MAX_DAYS_AHEAD = 366;

/** find_matching_component's value (calendar-search.ts matching(), without `~`): the first match ≥ value, or -1. */
export function firstMatch(chain: CalendarComponent[], value: number): number {
  let d = -1;
  let dSet = false;
  for (let i = 0; i < chain.length; i++) {
    const c = chain[i];
    const match = componentMatch(c.start, c.stop, c.repeat, value);
    if (!Number.isNaN(match) && (!dSet || match < d)) {
      d = match;
      dSet = true;
    }
  }
  return dSet ? d : -1;
}

const matches = (chain: CalendarComponent[] | null, value: number): boolean => chain === null || firstMatch(chain, value) === value;

/** Bit v set when `value` v in [from, to] matches the chain. */
function bits(chain: CalendarComponent[] | null, from: number, to: number): number {
  let set = 0;
  for (let value = from; value <= to; value++) if (matches(chain, value)) set |= 1 << value;
  return set;
}

/**
 * Whether a repetition steps past the field's range in a way a smallest-match search does not follow (`0/7`
 * hours reaches 28). mktime carries the excess into the next larger field, and tm_within_bounds restarts only
 * the field below the first one that changed: `Nov 30 28:00` becomes `Dec 1 04:00`, not `Dec 1 00:00`, and
 * systemd skips midnight there. Harmless when the carried rest is at most the field's first match (`*:0/15`
 * reaches minute 60, rest 0) and `clean` allows it (hours, minutes, seconds; for days and months the rest
 * depends on the month, so any overflow counts).
 */
function overflows(chain: CalendarComponent[] | null, first: number, bound: number, clean: boolean): boolean {
  if (chain === null) return false;
  // firstMatch grows with its argument, and past the last value in range it is one value (or none).
  let last = first - 1;
  for (let value = first, count = 0; value < bound; value++, count++) {
    const next = firstMatch(chain, value);
    if (next < 0 || next >= bound) break;
    // More values than any list of times of day takes (seconds in microsteps): no shortcut either way.
    if (count === MAX_TIMES_OF_DAY) return true;
    last = next;
    value = next;
  }
  if (last + 1 >= bound) return false;
  const over = firstMatch(chain, last + 1);
  if (over < bound) return false;
  return !(clean && over < 2 * bound && firstMatch(chain, first) >= first + over - bound);
}

const daysInMonth = (year: number, month: number): number => {
  const before = MONTH_YEAR_DAYS[isLeap(year) ? 1 : 0];
  return before[month] - before[month - 1];
};

export class ElapseShortcut {
  // The last date checked by dateMatches (a day number) and its answer: elapses come in runs within a day.
  private checkedDay = Number.NaN;
  private checkedResult = false;

  private constructor(
    /** Matching times of day in microseconds, ascending. */
    private readonly times: Float64Array,
    /** Index year - MIN_YEAR: 1 when the year matches. */
    private readonly years: Uint8Array,
    /** Bit m (1–12). */
    private readonly months: number,
    /** Bit d (1–31). */
    private readonly days: number,
    /** Bit 0 = Monday … 6 = Sunday, all set for any day. */
    private readonly weekdays: number,
  ) {}

  /** The shortcut for a spec, or undefined where only the general search will do. */
  static for(spec: CalendarSpec): ElapseShortcut | undefined {
    if (spec.endOfMonth || spec.dst !== -1 || spec.second === null) return undefined;
    if (
      overflows(spec.month, 1, 13, false) ||
      overflows(spec.day, 1, 32, false) ||
      overflows(spec.hour, 0, 24, true) ||
      overflows(spec.minute, 0, 60, true) ||
      overflows(spec.second, 0, 60 * USEC_PER_SEC, true)
    ) {
      return undefined;
    }
    const hours: number[] = [];
    const minutes: number[] = [];
    for (let hour = 0; hour < 24; hour++) if (matches(spec.hour, hour)) hours.push(hour);
    for (let minute = 0; minute < 60; minute++) if (matches(spec.minute, minute)) minutes.push(minute);
    const seconds: number[] = [];
    const perMinute = Math.floor(MAX_TIMES_OF_DAY / Math.max(1, hours.length * minutes.length));
    for (let value = 0; value < 60 * USEC_PER_SEC; value++) {
      const next = firstMatch(spec.second, value);
      if (next < 0 || next >= 60 * USEC_PER_SEC) break;
      if (seconds.length === perMinute) return undefined;
      seconds.push(next);
      value = next;
    }
    const count = hours.length * minutes.length * seconds.length;
    if (count === 0 || count > MAX_TIMES_OF_DAY) return undefined;
    const times = new Float64Array(count);
    let index = 0;
    for (const hour of hours) for (const minute of minutes) for (const second of seconds) times[index++] = (hour * 3600 + minute * 60) * USEC_PER_SEC + second;
    const years = new Uint8Array(MAX_YEAR - MIN_YEAR + 1);
    for (let year = MIN_YEAR; year <= MAX_YEAR; year++) years[year - MIN_YEAR] = matches(spec.year, year) ? 1 : 0;
    const weekdays = spec.weekdays < 0 || spec.weekdays >= BITS_WEEKDAYS ? BITS_WEEKDAYS : spec.weekdays;
    return new ElapseShortcut(times, years, bits(spec.month, 1, 12), bits(spec.day, 1, 31), weekdays);
  }

  /**
   * The first elapse strictly after `afterUsec` (microseconds since the epoch) in the clock's zone, leaving
   * the clock's mktime guess where systemd's search leaves it; NaN where the general search must decide.
   */
  next(afterUsec: number, clock: GlibcClock): number {
    // Arithmetic on instants stays in microseconds, which are past V8's small integers from the start: seconds
    // pass them in 2038, in the middle of a run, and V8 would throw away the code it compiled for this.
    if (!clock.stableAround(Math.floor(afterUsec / USEC_PER_SEC))) return Number.NaN;
    const { start, end, offsetUsec } = clock.stable;
    // (Whole seconds: floor(after / 1e6) - MARGIN < start is after < (start + MARGIN) * 1e6.)
    if (afterUsec < (start + MARGIN) * USEC_PER_SEC) return Number.NaN;
    const local = afterUsec + offsetUsec;
    const day = Math.floor(local / USEC_PER_DAY);
    const timeOfDay = local - day * USEC_PER_DAY;
    const times = this.times;
    // The first matching time of day after timeOfDay.
    const low = firstAbove(times, timeOfDay);
    let elapseDay = day;
    let elapseTime: number;
    if (low < times.length && this.dateMatches(day)) {
      elapseTime = times[low];
    } else {
      elapseDay = this.nextDate(day + 1);
      if (Number.isNaN(elapseDay)) return Number.NaN;
      elapseTime = times[0];
    }
    const elapse = elapseDay * USEC_PER_DAY + elapseTime - offsetUsec;
    if (elapse >= (end - MARGIN) * USEC_PER_SEC) return Number.NaN;
    // systemd's last mktime (of the elapse, in a span of one offset) leaves its guess at minus that offset.
    clock.guess = -clock.stable.offset;
    return elapse;
  }

  private dateMatches(day: number): boolean {
    if (day === this.checkedDay) return this.checkedResult;
    const { year, month, day: mday } = civilFromDays(day);
    const result = year >= MIN_YEAR && year <= MAX_YEAR && this.years[year - MIN_YEAR] === 1 && (this.months & (1 << month)) !== 0 && (this.days & (1 << mday)) !== 0 && this.weekdayMatches(day);
    this.checkedDay = day;
    this.checkedResult = result;
    return result;
  }

  private weekdayMatches(day: number): boolean {
    // Day 0 (1970-01-01) was a Thursday: bit 3 with Monday = 0.
    const monday0 = (((day + 3) % 7) + 7) % 7;
    return (this.weekdays & (1 << monday0)) !== 0;
  }

  /** The first matching date on or after `from` (a day number), or NaN past MAX_YEAR or MAX_DAYS_AHEAD. */
  private nextDate(from: number): number {
    let { year, month, day: mday } = civilFromDays(from);
    let day = from;
    for (;;) {
      if (day - from > MAX_DAYS_AHEAD || year < MIN_YEAR || year > MAX_YEAR) return Number.NaN;
      const length = daysInMonth(year, month);
      if (this.years[year - MIN_YEAR] !== 1) {
        // Skip to 1 January next year.
        day += length - mday + 1;
        for (let m = month + 1; m <= 12; m++) day += daysInMonth(year, m);
        year++;
        month = 1;
        mday = 1;
      } else if ((this.months & (1 << month)) === 0) {
        day += length - mday + 1;
        mday = 1;
        if (++month > 12) {
          month = 1;
          year++;
        }
      } else if ((this.days & (1 << mday)) !== 0 && this.weekdayMatches(day)) {
        return day;
      } else if (mday < length) {
        mday++;
        day++;
      } else {
        day++;
        mday = 1;
        if (++month > 12) {
          month = 1;
          year++;
        }
      }
    }
  }
}
