// Zone rules from a POSIX TZ string (`JST-9`, `CET-1CEST,M3.5.0,M10.5.0/3`), as glibc 2.36 reads TZ when no
// zone file matches, and as the footer of a TZif file: glibc tzset.c (__tzset_parse_tz, compute_change,
// __tz_compute).
import { isLeap, MONTH_YEAR_DAYS, SECONDS_PER_DAY, utcYear, yearStart, type ZoneRules, type ZoneType } from './zone-rules';

interface PosixRule {
  name: string;
  /** Seconds east of UTC. */
  offset: number;
  kind: 'J0' | 'J1' | 'M';
  day: number;
  month: number;
  week: number;
  /** Local time of day of the change, in seconds. */
  seconds: number;
}

export class PosixZoneRules implements ZoneRules {
  readonly tzname: readonly [string, string];
  readonly utcLike: boolean;
  private readonly types: [ZoneType, ZoneType];
  // The UTC year last looked at, as [start, end) in seconds (none yet), and its two changes. Instants are past
  // V8's small integers: the fields start as doubles, since turning into doubles later would throw away the
  // code V8 has optimized for them.
  private yearStart = Infinity;
  private yearEnd = -Infinity;
  private start = Number.NaN;
  private end = Number.NaN;
  /** The two changes fall on the same instant every year: never daylight saving time. */
  private readonly fixed: boolean;

  private constructor(
    readonly name: string,
    private readonly rules: [PosixRule, PosixRule],
  ) {
    this.tzname = [rules[0].name, rules[1].name];
    this.utcLike = rules[0].offset === 0 && rules[1].offset === 0;
    this.types = [
      { offset: rules[0].offset, isdst: false, abbreviation: rules[0].name },
      { offset: rules[1].offset, isdst: true, abbreviation: rules[1].name },
    ];
    const [start, end] = rules;
    this.fixed = start.kind === end.kind && start.day === end.day && start.month === end.month && start.week === end.week && start.seconds - start.offset === end.seconds - end.offset;
  }

  /** Rules for a POSIX TZ string, or undefined when glibc could not read even its standard-time part. */
  static parse(text: string, name = text): PosixZoneRules | undefined {
    const blank = (): PosixRule => ({ name: '', offset: 0, kind: 'J0', day: 0, month: 0, week: 0, seconds: 0 });
    const rules: [PosixRule, PosixRule] = [blank(), blank()];
    let pos = 0;
    const parseName = (rule: PosixRule): boolean => {
      const plain = /^[A-Za-z]*/.exec(text.slice(pos))![0];
      if (plain.length >= 3) {
        rule.name = plain;
        pos += plain.length;
        return true;
      }
      const quoted = /^<([A-Za-z0-9+-]*)>/.exec(text.slice(pos));
      if (!quoted || quoted[1].length < 3) return false;
      rule.name = quoted[1];
      pos += quoted[0].length;
      return true;
    };
    const hms = (): number | undefined => {
      const match = /^(\d+)(?::(\d+)(?::(\d+))?)?/.exec(text.slice(pos));
      if (!match) return undefined;
      pos += match[0].length;
      return (Number(match[1]) & 0xffff) * 3600 + (Number(match[2] ?? 0) & 0xffff) * 60 + (Number(match[3] ?? 0) & 0xffff);
    };
    const parseOffset = (which: 0 | 1): boolean => {
      const c = text[pos];
      if (which === 0 && (c === undefined || (c !== '+' && c !== '-' && !/\d/.test(c)))) return false;
      let sign = -1;
      if (c === '-' || c === '+') {
        sign = c === '-' ? 1 : -1;
        pos++;
      }
      const value = hms();
      if (value !== undefined) rules[which].offset = sign * value;
      else if (which === 0) return false;
      else rules[1].offset = rules[0].offset + 3600;
      return true;
    };
    const parseRule = (which: 0 | 1): boolean => {
      const rule = rules[which];
      if (text[pos] === ',') pos++;
      const c = text[pos];
      if (c === 'J' || (c !== undefined && /\d/.test(c))) {
        rule.kind = c === 'J' ? 'J1' : 'J0';
        if (c === 'J') pos++;
        const match = /^\d+/.exec(text.slice(pos));
        if (!match) return false;
        const day = Number(match[0]);
        if (day > 365 || (rule.kind === 'J1' && day === 0)) return false;
        rule.day = day;
        pos += match[0].length;
      } else if (c === 'M') {
        const match = /^M(\d+)\.(\d+)\.(\d+)/.exec(text.slice(pos));
        if (!match) return false;
        rule.kind = 'M';
        rule.month = Number(match[1]);
        rule.week = Number(match[2]);
        rule.day = Number(match[3]);
        if (rule.month < 1 || rule.month > 12 || rule.week < 1 || rule.week > 5 || rule.day > 6) return false;
        pos += match[0].length;
      } else if (c === undefined) {
        // glibc's default: the US rules of 2007.
        rule.kind = 'M';
        [rule.month, rule.week, rule.day] = which === 0 ? [3, 2, 0] : [11, 1, 0];
      } else {
        return false;
      }
      if (text[pos] !== undefined && text[pos] !== '/' && text[pos] !== ',') return false;
      if (text[pos] === '/') {
        pos++;
        if (text[pos] === undefined) return false;
        const negative = text[pos] === '-';
        if (negative) pos++;
        rule.seconds = (negative ? -1 : 1) * (hms() ?? 2 * 3600);
      } else {
        rule.seconds = 2 * 3600;
      }
      return true;
    };

    if (!(parseName(rules[0]) && parseOffset(0))) return undefined;
    if (pos < text.length) {
      if (parseName(rules[1])) {
        parseOffset(1);
        // A DST name without rules makes glibc look for a "posixrules" file; we use its built-in default.
      }
      if (parseRule(0)) parseRule(1);
    } else {
      rules[1].name = rules[0].name;
      rules[1].offset = rules[0].offset;
    }
    return new PosixZoneRules(name, rules);
  }

  typeAt(seconds: number): ZoneType {
    if (seconds < this.yearStart || seconds >= this.yearEnd) {
      const year = utcYear(seconds);
      this.yearStart = yearStart(year);
      this.yearEnd = yearStart(year + 1);
      this.start = changeTime(this.rules[0], year);
      this.end = changeTime(this.rules[1], year);
    }
    const start = this.start;
    const end = this.end;
    // Southern hemisphere: daylight saving time spans the turn of the year.
    const isdst = start > end ? seconds < end || seconds >= start : seconds >= start && seconds < end;
    return this.types[isdst ? 1 : 0];
  }

  stableSpan(seconds: number): { start: number; end: number } {
    if (this.fixed) return { start: -Infinity, end: Infinity };
    this.typeAt(seconds);
    // Within the UTC year typeAt computed, the type changes only at the two changes.
    let start = this.yearStart;
    let end = this.yearEnd;
    for (const change of [this.start, this.end]) {
      if (change <= seconds) start = Math.max(start, change);
      else end = Math.min(end, change);
    }
    return { start, end };
  }
}

function changeTime(rule: PosixRule, year: number): number {
  let t = 0;
  if (year > 1970) {
    const previous = year - 1;
    t =
      ((year - 1970) * 365 +
        (Math.trunc(previous / 4) - Math.trunc(1970 / 4)) -
        (Math.trunc(previous / 100) - Math.trunc(1970 / 100)) +
        (Math.trunc(previous / 400) - Math.trunc(1970 / 400))) *
      SECONDS_PER_DAY;
  }
  const leap = isLeap(year) ? 1 : 0;
  if (rule.kind === 'J1') {
    t += (rule.day - 1) * SECONDS_PER_DAY;
    if (rule.day >= 60 && leap) t += SECONDS_PER_DAY;
  } else if (rule.kind === 'J0') {
    t += rule.day * SECONDS_PER_DAY;
  } else {
    const days = MONTH_YEAR_DAYS[leap];
    t += days[rule.month - 1] * SECONDS_PER_DAY;
    // Zeller's congruence for the weekday of the first of the month, as glibc computes it.
    const m1 = ((rule.month + 9) % 12) + 1;
    const yy0 = rule.month <= 2 ? year - 1 : year;
    const yy1 = Math.trunc(yy0 / 100);
    const yy2 = yy0 % 100;
    let dow = (Math.trunc((26 * m1 - 2) / 10) + 1 + yy2 + Math.trunc(yy2 / 4) + Math.trunc(yy1 / 4) - 2 * yy1) % 7;
    if (dow < 0) dow += 7;
    let day = rule.day - dow;
    if (day < 0) day += 7;
    for (let i = 1; i < rule.week; i++) {
      if (day + 7 >= days[rule.month] - days[rule.month - 1]) break;
      day += 7;
    }
    t += day * SECONDS_PER_DAY;
  }
  return t - rule.offset + rule.seconds;
}
