// glibc 2.36's broken-down time: gmtime/localtime and mktime/timegm (time/mktime.c, __mktime_internal),
// ported step by step because systemd's calendar arithmetic leans on their exact behaviour: mktime
// normalizes out-of-range fields, resolves a wall time in a spring-forward gap by probing (the answer
// depends on the offset guess mktime keeps from its previous call), picks one of the two instants of a
// repeated hour by that same guess, and honours a requested tm_isdst by borrowing the offset of a nearby
// instant of that kind (or fails when there is none within about eight years).
import type { ZoneRules, ZoneType } from '../time/zone-rules';

/** struct tm. `year` counts from 1900, `mon` from 0, `wday` from Sunday = 0. */
export class Tm {
  sec = 0;
  min = 0;
  hour = 0;
  mday = 1;
  mon = 0;
  year = 70;
  wday = 4;
  yday = 0;
  isdst = 0;
  gmtoff = 0;
  zone = '';

  copyFrom(other: Tm): this {
    this.sec = other.sec;
    this.min = other.min;
    this.hour = other.hour;
    this.mday = other.mday;
    this.mon = other.mon;
    this.year = other.year;
    this.wday = other.wday;
    this.yday = other.yday;
    this.isdst = other.isdst;
    this.gmtoff = other.gmtoff;
    this.zone = other.zone;
    return this;
  }
}

const MON_YDAY = [
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
  [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];

/** glibc's leapyear() on a tm_year value. */
function leapyear(year: number): number {
  return (year & 3) === 0 && (year % 100 !== 0 || (Math.trunc(year / 100) & 3) === (-(1900 / 100) & 3)) ? 1 : 0;
}

// Month of each day of the year, for common and leap years.
const YDAY_MON = MON_YDAY.map((table) => {
  const months = new Uint8Array(366);
  for (let mon = 0; mon < 12; mon++) for (let yday = table[mon]; yday < table[mon + 1]; yday++) months[yday] = mon;
  return months;
});

// The year last converted, as days since 1970-01-01: conversions come in runs within one year.
let cachedYearFirstDay = 0;
let cachedYearEndDay = -1;
let cachedYear = 0;
let cachedLeap = 0;

/** The civil date of a day counted from 1970-01-01 (H. Hinnant's algorithm; the inverse of daysFromCivil). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Fills `tm` with the UTC fields of `t` shifted by `offset` seconds (glibc __offtime). */
function offtime(t: number, offset: number, tm: Tm): void {
  const local = t + offset;
  const days = Math.floor(local / 86_400);
  // `| 0` (exact: whole seconds within a day) keeps the fields small integers. Instants are past V8's small
  // integers, so without it every field computed from them is a boxed double, and each field that turns into
  // one throws away the search code V8 has optimized so far: a cold process paid that several times over.
  const rest = (local - days * 86_400) | 0;
  const hour = (rest / 3600) | 0;
  const minutes = rest - hour * 3600;
  const min = (minutes / 60) | 0;
  tm.hour = hour;
  tm.min = min;
  tm.sec = minutes - min * 60;
  tm.gmtoff = offset;
  if (days < cachedYearFirstDay || days >= cachedYearEndDay) {
    const year = civilFromDays(days).year;
    cachedYear = year - 1900;
    cachedLeap = leapyear(cachedYear);
    cachedYearFirstDay = daysFromCivil(year, 1, 1);
    cachedYearEndDay = cachedYearFirstDay + 365 + cachedLeap;
  }
  const yday = days - cachedYearFirstDay;
  const mon = YDAY_MON[cachedLeap][yday];
  tm.year = cachedYear;
  tm.yday = yday;
  tm.mon = mon;
  tm.mday = yday - MON_YDAY[cachedLeap][mon] + 1;
  tm.wday = (((days + 4) % 7) + 7) % 7;
}

/** (year1-yday1 hour1:min1:sec1) − (year0-yday0 hour0:min0:sec0) in seconds, as glibc's ydhms_diff. */
function ydhmsDiff(year1: number, yday1: number, hour1: number, min1: number, sec1: number, year0: number, yday0: number, hour0: number, min0: number, sec0: number): number {
  const a4 = (year1 >> 2) + (1900 >> 2) - ((year1 & 3) === 0 ? 1 : 0);
  const b4 = (year0 >> 2) + (1900 >> 2) - ((year0 & 3) === 0 ? 1 : 0);
  const a100 = Math.trunc((a4 + (a4 < 0 ? 1 : 0)) / 25) - (a4 < 0 ? 1 : 0);
  const b100 = Math.trunc((b4 + (b4 < 0 ? 1 : 0)) / 25) - (b4 < 0 ? 1 : 0);
  const a400 = a100 >> 2;
  const b400 = b100 >> 2;
  const interveningLeapDays = a4 - b4 - (a100 - b100) + (a400 - b400);
  const years = year1 - year0;
  const days = 365 * years + yday1 - yday0 + interveningLeapDays;
  const hours = 24 * days + hour1 - hour0;
  const minutes = 60 * hours + min1 - min0;
  return 60 * minutes + sec1 - sec0;
}

const isdstDiffer = (a: number, b: number): boolean => !a !== !b && a >= 0 && b >= 0;

// Distances glibc probes when a requested tm_isdst does not match (mktime.c).
const PROBE_STRIDE = 601_200;
const PROBE_BOUND = 536_454_000 / 2 + PROBE_STRIDE;

/**
 * A process's view of one time zone: localtime() and mktime() with mktime's remembered offset guess
 * (glibc keeps it in a static variable, so results inside DST changes depend on the previous call).
 */
export class GlibcClock {
  /** mktime's `localtime_offset` (timegm's `gmtime_offset` for a UTC clock): seconds west of UTC. */
  guess = 0;
  private readonly probe = new Tm();
  private readonly other = new Tm();
  // The last mktime call: its input (fields mktime reads, and the guess), its result and the guess after.
  // mktime is a pure function of these, and systemd's search repeats calls (it normalizes a time, then
  // checks the copy), so one remembered call saves about half the work.
  private memoValid = false;
  private memoSec = 0;
  private memoMin = 0;
  private memoHour = 0;
  private memoMday = 0;
  private memoMon = 0;
  private memoYear = 0;
  private memoIsdst = 0;
  private memoGuess = 0;
  // An instant: a double from the start (see offtime), so the first one stored changes nothing.
  private memoResult = Number.NaN;
  private memoGuessAfter = 0;
  private readonly memoTm = new Tm();

  // The zone's type over [spanStart, spanEnd) seconds (ZoneRules.stableSpan), so that converting an instant
  // near the last one needs no lookup in the rules. Empty until the first lookup, and for rules without spans.
  // Doubles from the start (see offtime).
  private spanStart = Number.NaN;
  private spanEnd = Number.NaN;
  private spanType: ZoneType = { offset: 0, isdst: false, abbreviation: 'GMT' };
  // The type's offset in microseconds (past V8's small integers: a double from the start).
  private spanOffsetUsec = Number.NaN;

  /** `rules` undefined: gmtime/timegm. */
  constructor(readonly rules: ZoneRules | undefined) {
    if (!rules) {
      this.spanStart = -Infinity;
      this.spanEnd = Infinity;
      this.spanOffsetUsec = 0;
    }
  }

  /** The type at `t` from the rules, remembering the span it holds over when the rules can say. */
  private typeAround(t: number): ZoneType {
    const rules = this.rules!;
    const type = rules.typeAt(t);
    const span = rules.stableSpan?.(t);
    if (span && span.start <= t && t < span.end) {
      this.spanStart = span.start;
      this.spanEnd = span.end;
      this.spanType = type;
      this.spanOffsetUsec = type.offset * 1_000_000;
    }
    return type;
  }

  /**
   * The UTC offset (seconds east, and in microseconds) and abbreviation at `t`, and [start, end) seconds
   * around it over which the zone's type does not change, in `this.stable`; false when the rules cannot say
   * (Intl).
   */
  stableAround(t: number): boolean {
    if (!(t >= this.spanStart && t < this.spanEnd)) {
      if (!this.rules) return false;
      this.typeAround(t);
      if (!(t >= this.spanStart && t < this.spanEnd)) return false;
    }
    this.stable.start = this.spanStart;
    this.stable.end = this.spanEnd;
    this.stable.offset = this.spanType.offset;
    this.stable.offsetUsec = this.spanOffsetUsec;
    this.stable.abbreviation = this.spanType.abbreviation;
    return true;
  }

  /** What stableAround found (the abbreviation is tm_zone: `GMT` for a UTC clock, as gmtime_r says). */
  readonly stable = { start: Number.NaN, end: Number.NaN, offset: 0, offsetUsec: Number.NaN, abbreviation: '' };

  /** localtime_r (or gmtime_r) of `t` seconds into `tm`. */
  convert(t: number, tm: Tm): void {
    const rules = this.rules;
    if (!rules) {
      offtime(t, 0, tm);
      tm.isdst = 0;
      tm.zone = 'GMT';
      return;
    }
    const type = t >= this.spanStart && t < this.spanEnd ? this.spanType : this.typeAround(t);
    offtime(t, type.offset, tm);
    tm.isdst = type.isdst ? 1 : 0;
    tm.zone = type.abbreviation;
  }

  /** mktime (or timegm): the instant of the wall time in `tp`, normalizing `tp`; undefined (tp untouched) on failure. */
  mktime(tp: Tm): number | undefined {
    if (
      this.memoValid &&
      tp.sec === this.memoSec &&
      tp.min === this.memoMin &&
      tp.hour === this.memoHour &&
      tp.mday === this.memoMday &&
      tp.mon === this.memoMon &&
      tp.year === this.memoYear &&
      tp.isdst === this.memoIsdst &&
      this.guess === this.memoGuess
    ) {
      this.guess = this.memoGuessAfter;
      tp.copyFrom(this.memoTm);
      return this.memoResult;
    }
    const result = this.mktimeInternal(tp);
    return result;
  }

  private remember(sec: number, min: number, hour: number, mday: number, mon: number, year: number, isdst: number, guess: number, result: number, tm: Tm): void {
    this.memoValid = true;
    this.memoSec = sec;
    this.memoMin = min;
    this.memoHour = hour;
    this.memoMday = mday;
    this.memoMon = mon;
    this.memoYear = year;
    this.memoIsdst = isdst;
    this.memoGuess = guess;
    this.memoResult = result;
    this.memoGuessAfter = this.guess;
    this.memoTm.copyFrom(tm);
  }

  private mktimeInternal(tp: Tm): number | undefined {
    const tm = this.probe;
    let sec = tp.sec;
    const min = tp.min;
    const hour = tp.hour;
    const mday = tp.mday;
    const mon = tp.mon;
    const isdst = tp.isdst;
    let dst2 = 0;
    const monRemainder = mon % 12;
    const negativeMonRemainder = monRemainder < 0 ? 1 : 0;
    const monYears = Math.trunc(mon / 12) - negativeMonRemainder;
    const year = tp.year + monYears;
    const monYday = MON_YDAY[leapyear(year)][monRemainder + 12 * negativeMonRemainder] - 1;
    const yday = monYday + mday;
    const off = this.guess;
    const secRequested = sec;
    if (sec < 0) sec = 0;
    if (sec > 59) sec = 59;
    const negativeOffsetGuess = -off;
    const t0 = ydhmsDiff(year, yday, hour, min, sec, 70, 0, 0, 0, negativeOffsetGuess);
    let t = t0;
    let t1 = t0;
    let t2 = t0;
    let remainingProbes = 6;
    let found = false;
    for (;;) {
      this.convert(t, tm);
      const dt = ydhmsDiff(year, yday, hour, min, sec, tm.year, tm.yday, tm.hour, tm.min, tm.sec);
      if (dt === 0) break;
      if (
        t === t1 &&
        t !== t2 &&
        (tm.isdst < 0 || (isdst < 0 ? dst2 <= (tm.isdst !== 0 ? 1 : 0) : (isdst !== 0) !== (tm.isdst !== 0)))
      ) {
        // Oscillating around a spring-forward gap: take this probe.
        found = true;
        break;
      }
      if (--remainingProbes === 0) return undefined;
      t1 = t2;
      t2 = t;
      t += dt;
      dst2 = tm.isdst !== 0 ? 1 : 0;
    }
    if (!found && isdstDiffer(isdst, tm.isdst)) {
      // The wall time exists but with the other tm_isdst: use the offset of the nearest instant that has
      // the requested one.
      const other = this.other;
      let done = false;
      for (let delta = PROBE_STRIDE; delta < PROBE_BOUND && !done; delta += PROBE_STRIDE) {
        for (let direction = -1; direction <= 1; direction += 2) {
          const ot = t + delta * direction;
          this.convert(ot, other);
          if (!isdstDiffer(isdst, other.isdst)) {
            const gt = ot + ydhmsDiff(year, yday, hour, min, sec, other.year, other.yday, other.hour, other.min, other.sec);
            this.convert(gt, tm);
            t = gt;
            done = true;
            break;
          }
        }
      }
      if (!done) return undefined;
    }
    // `| 0` is exact: the guess is minus a UTC offset, well within a day (see offtime on why).
    this.guess = (t - t0 + off) | 0;
    if (secRequested !== tm.sec) {
      const adjustment = (sec === 0 && tm.sec === 60 ? 1 : 0) - sec + secRequested;
      t += adjustment;
      this.convert(t, tm);
    }
    this.remember(secRequested, min, hour, mday, mon, tp.year, isdst, off, t, tm);
    tp.copyFrom(tm);
    return t;
  }
}
