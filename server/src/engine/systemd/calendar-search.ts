// When an OnCalendar= expression elapses next: systemd 252 calendar_spec_next_usec and find_next
// (src/shared/calendarspec.c), field by field, never second by second, on top of a port of glibc's mktime
// (glibc-time.ts); that port is what makes daylight-saving days come out as systemd's do, quirks included (a
// wall time in a spring-forward gap, the repeated hour, "Infinite loop in calendar calculation" on some DST
// days). Runs of elapses far from any zone change take a shortcut that gives the same answers
// (calendar-shortcut.ts).
import type { ZoneRules } from '../time/zone-rules';
import { defaultZoneSource } from '../time/zone-source';
import {
  BITS_WEEKDAYS,
  type CalendarComponent,
  type CalendarOptions,
  type CalendarSpec,
  componentMatch,
  MAX_CALENDAR_ITERATIONS,
  MAX_YEAR,
  resolveLocalZone,
  specZones,
  USEC_PER_SEC,
  USEC_TIMESTAMP_FORMATTABLE_MAX,
} from './calendar-spec';
import { ElapseShortcut } from './calendar-shortcut';
import { GlibcClock, Tm } from './glibc-time';

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
  /** find_next's microseconds within the second (its `*usec`), next's elapse (its `*ret_next`). */
  private foundUsec = 0;
  elapse = Number.NaN;
  // Scratch copies, so the search allocates nothing per step or per elapse (a cold process pays for every
  // object and every boxed number until V8 has optimized the search).
  private readonly boundsCopy = new Tm();
  private readonly weekdayCopy = new Tm();
  private readonly monthEndCopy = new Tm();
  private readonly candidate = new Tm();
  private readonly startTm = new Tm();

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
      const match = componentMatch(start, stop, c.repeat, value);
      if (!Number.isNaN(match) && (!dSet || match < d)) {
        d = match;
        dSet = true;
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

  /** find_next: the first match after tm/usec; 0 with tm and foundUsec updated, or an error. */
  findNext(tm: Tm, usec: number): number {
    const spec = this.spec;
    const c = this.candidate.copyFrom(tm);
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
      if (r < 0) return r;
      if (this.withinBounds(c) <= 0) return ENOENT;

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
      // `| 0` (exact: a remainder below a million) keeps it a small integer, which V8 does not box.
      tmUsec = (this.value % USEC_PER_SEC) | 0;
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
      this.foundUsec = tmUsec;
      return 0;
    }
    return EDEADLK;
  }

  /** calendar_spec_next_usec_impl: 0 with the first elapse strictly after `usec` in this.elapse, or an error. */
  next(usec: number): number {
    if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX) return -22;
    usec++;
    const t = Math.floor(usec / USEC_PER_SEC);
    const tm = this.startTm;
    this.clock.convert(t, tm);
    const r = this.findNext(tm, (usec % USEC_PER_SEC) | 0);
    if (r < 0) return r;
    const result = this.mktime(tm);
    if (result < 0) return -22;
    this.elapse = result * USEC_PER_SEC + this.foundUsec;
    return 0;
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

const shortcuts = new WeakMap<CalendarSpec, ElapseShortcut | undefined>();

/** How many elapses came from ElapseShortcut: the tests check that their random cases exercise it. */
export const shortcutStats = { taken: 0 };

/**
 * Up to `count` elapses strictly after `afterUsec` (whole microseconds since the epoch), each search starting
 * from the previous elapse, as `systemd-analyze calendar --iterations` does.
 */
export function searchElapses(spec: CalendarSpec, afterUsec: number, count: number, options: CalendarOptions = {}, shortcut = true): ElapseSearch {
  const zone = specZone(spec, options);
  // systemd computes a spec with its own zone in a forked child (fresh mktime state each time), and the
  // others in its own process, where mktime's guess carries over from one search to the next.
  const ownZone = spec.timezone !== undefined;
  const clock = new GlibcClock(zone);
  const search = new Search(spec, clock);
  // Only worth building for a run of elapses, and built once per spec (the host schedule asks for a timer's
  // elapses batch by batch); `shortcut` false is for the tests that hold the two equal.
  let fast: ElapseShortcut | undefined;
  if (shortcut && count > 1) {
    fast = shortcuts.get(spec);
    if (!fast && !shortcuts.has(spec)) {
      fast = ElapseShortcut.for(spec);
      shortcuts.set(spec, fast);
    }
  }
  const elapses: number[] = [];
  let base = afterUsec;
  for (let i = 0; i < count; i++) {
    if (ownZone) clock.guess = 0;
    if (fast) {
      const elapse = fast.next(base, clock);
      if (elapse === elapse) {
        shortcutStats.taken++;
        elapses.push(elapse);
        base = elapse;
        continue;
      }
    }
    const r = search.next(base);
    if (r === ENOENT) return { elapses, stop: 'never' };
    if (r === EDEADLK) return { elapses, stop: 'infinite-loop' };
    if (r < 0) return { elapses, stop: 'invalid' };
    elapses.push(search.elapse);
    base = search.elapse;
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
