// Time zone rules as glibc 2.36 applies them to localtime()/mktime() (time/tzfile.c, time/tzset.c), which
// is what systemd's calendar code runs on. Three ways to get them:
// - a TZif file (tzfile(5)) such as /usr/share/zoneinfo/Europe/Berlin: exact, including glibc's quirks
//   (the POSIX footer rule past the last transition, `tzname` taken from the latest transitions, Dublin's
//   negative DST where winter is the "daylight" type);
// - a POSIX TZ string (`JST-9`, `CET-1CEST,M3.5.0,M10.5.0/3`), as glibc reads TZ when no file matches;
// - Intl, when no zoneinfo is at hand: offsets are exact, but whether a period counts as DST and its
//   abbreviation are inferred from ICU's names (see `intlZoneRules`).
import { isTimeZone } from '../time/zone';
import { useZoneFiles } from '../time/zone-files';

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
}

/** Where zone rules come from: a zone name → rules, or undefined when glibc would find no such zone file. */
export interface ZoneSource {
  load(name: string): ZoneRules | undefined;
}

const SECONDS_PER_DAY = 86_400;
const MONTH_YEAR_DAYS = [
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
  [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];
const isLeap = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

function utcYear(seconds: number): number {
  return new Date(seconds * 1000).getUTCFullYear();
}

/** 00:00 UTC on 1 January of `year`, in seconds (Date.UTC would read years below 100 as 19xx). */
function yearStart(year: number): number {
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
};

// ---------------------------------------------------------------------------------------------------------
// POSIX TZ strings (glibc tzset.c: __tzset_parse_tz, compute_change, __tz_compute)

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
  // The UTC year last looked at, as [start, end) in seconds, and its two changes.
  private yearStart = 0;
  private yearEnd = -1;
  private start = 0;
  private end = 0;

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

// ---------------------------------------------------------------------------------------------------------
// TZif files (tzfile(5); glibc tzfile.c: __tzfile_read, __tzfile_compute)

export class TzifZoneRules implements ZoneRules {
  readonly tzname: readonly [string, string];
  readonly utcLike: boolean;
  private lastIndex = 0;

  private constructor(
    readonly name: string,
    private readonly transitions: number[],
    private readonly transitionTypes: number[],
    private readonly types: ZoneType[],
    private readonly footer: PosixZoneRules | undefined,
  ) {
    // tzname: the latest standard and daylight types among the transitions (tzfile.c, after reading).
    let names: [string | undefined, string | undefined] = [undefined, undefined];
    for (let i = transitions.length; i > 0; ) {
      const type = types[transitionTypes[--i]];
      const dst = type.isdst ? 1 : 0;
      if (names[dst] === undefined) {
        names[dst] = type.abbreviation;
        if (names[1 - dst] !== undefined) break;
      }
    }
    if (names[0] === undefined) names = [types[0]?.abbreviation ?? '', names[1]];
    this.tzname = [names[0]!, names[1] ?? names[0]!];
    let standard = types[0]?.offset ?? 0;
    let daylight = standard;
    if (transitions.length > 0) {
      let standardSet = false;
      let daylightSet = false;
      standard = 0;
      daylight = 0;
      for (let i = transitions.length - 1; i >= 0; i--) {
        const type = types[transitionTypes[i]];
        if (!standardSet && !type.isdst) {
          standardSet = true;
          standard = type.offset;
        } else if (!daylightSet && type.isdst) {
          daylightSet = true;
          daylight = type.offset;
        }
        if (standardSet && daylightSet) break;
      }
      if (!daylightSet) daylight = standard;
    }
    this.utcLike = standard === 0 && daylight === standard;
  }

  /** Rules from the bytes of a TZif file, or undefined when they are not one. */
  static parse(name: string, bytes: Uint8Array): TzifZoneRules | undefined {
    if (bytes.length < 44 || String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== 'TZif') return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const header = (at: number) => ({
      version: bytes[at + 4],
      isut: view.getUint32(at + 20),
      isstd: view.getUint32(at + 24),
      leap: view.getUint32(at + 28),
      time: view.getUint32(at + 32),
      type: view.getUint32(at + 36),
      chars: view.getUint32(at + 40),
    });
    let at = 0;
    let head = header(0);
    let width = 4;
    if (head.version !== 0) {
      // Skip the 32-bit block; glibc reads the 64-bit one.
      at = 44 + head.time * 5 + head.type * 6 + head.chars + head.leap * 8 + head.isstd + head.isut;
      if (at + 44 > bytes.length) return undefined;
      head = header(at);
      width = 8;
    }
    let pos = at + 44;
    const need = head.time * (width + 1) + head.type * 6 + head.chars + head.leap * (width + 4) + head.isstd + head.isut;
    if (pos + need > bytes.length || head.type === 0) return undefined;
    const transitions: number[] = [];
    for (let i = 0; i < head.time; i++, pos += width) {
      transitions.push(width === 8 ? Number(view.getBigInt64(pos)) : view.getInt32(pos));
    }
    const transitionTypes: number[] = [];
    for (let i = 0; i < head.time; i++) transitionTypes.push(bytes[pos++]);
    const raw: { offset: number; isdst: boolean; index: number }[] = [];
    for (let i = 0; i < head.type; i++, pos += 6) raw.push({ offset: view.getInt32(pos), isdst: bytes[pos + 4] !== 0, index: bytes[pos + 5] });
    const chars = bytes.subarray(pos, pos + head.chars);
    pos += head.chars;
    const abbreviation = (index: number): string => {
      let end = index;
      while (end < chars.length && chars[end] !== 0) end++;
      return String.fromCharCode(...chars.subarray(index, end));
    };
    const types: ZoneType[] = raw.map((type) => ({ offset: type.offset, isdst: type.isdst, abbreviation: abbreviation(type.index) }));
    if (transitionTypes.some((index) => index >= types.length)) return undefined;
    pos += head.leap * (width + 4) + head.isstd + head.isut;
    let footer: PosixZoneRules | undefined;
    if (width === 8 && bytes[pos] === 0x0a) {
      const end = bytes.indexOf(0x0a, pos + 1);
      const text = end > pos ? String.fromCharCode(...bytes.subarray(pos + 1, end)) : '';
      if (text.length > 0) footer = PosixZoneRules.parse(text, name);
    }
    return new TzifZoneRules(name, transitions, transitionTypes, types, footer);
  }

  typeAt(seconds: number): ZoneType {
    const transitions = this.transitions;
    const count = transitions.length;
    if (count === 0 || seconds < transitions[0]) {
      // Before the first transition: the first standard-time type (glibc tzfile.c).
      return this.types.find((type) => !type.isdst) ?? this.types[0];
    }
    if (seconds >= transitions[count - 1]) {
      return this.footer ? this.footer.typeAt(seconds) : this.types[this.transitionTypes[count - 1]];
    }
    // transitions[i - 1] <= seconds < transitions[i]; start from the last answer (lookups come in runs).
    let i = this.lastIndex;
    if (!(i > 0 && i < count && transitions[i - 1] <= seconds && seconds < transitions[i])) {
      let low = 0;
      let high = count - 1;
      while (low + 1 < high) {
        const middle = (low + high) >> 1;
        if (seconds < transitions[middle]) high = middle;
        else low = middle;
      }
      i = high;
      this.lastIndex = i;
    }
    return this.types[this.transitionTypes[i - 1]];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Intl (ICU's copy of the tz database)

const SAMPLE_STEP = 7 * SECONDS_PER_DAY;
// tzname needs the latest daylight-saving period, which may lie far back (Tokyo: 1951).
const TZNAME_SCAN_FROM = 2038;
const TZNAME_SCAN_TO = 1900;

interface IntlSample {
  key: string;
  offset: number;
  longName: string;
}

interface IntlSegment {
  start: number;
  end: number;
  type: ZoneType;
}

/**
 * Rules from Intl. Offsets are ICU's, so exact; a period counts as DST when ICU's English long name says
 * "Daylight" or "Summer" (glibc uses the TZif flag: the two differ for Europe/Dublin, where tzdata makes
 * winter the negative "daylight" time); abbreviations are ICU's short names where some English or Japanese
 * locale has one (`CET`, `EST`, `JST`), else tzdata's numeric style (`+03`, `+0530`).
 */
export class IntlZoneRules implements ZoneRules {
  private readonly format: Intl.DateTimeFormat;
  private readonly segments = new Map<number, IntlSegment[]>();
  private readonly typeCache = new Map<string, ZoneType>();
  private last: IntlSegment | undefined;
  private scanned: { tzname: [string, string]; utcLike: boolean } | undefined;

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
      timeZoneName: 'long',
    });
  }

  get tzname(): readonly [string, string] {
    return this.scan().tzname;
  }

  get utcLike(): boolean {
    return this.scan().utcLike;
  }

  typeAt(seconds: number): ZoneType {
    const last = this.last;
    if (last && seconds >= last.start && seconds < last.end) return last.type;
    const year = utcYear(seconds);
    const segments = this.segmentsOfYear(year);
    for (const segment of segments) {
      if (seconds >= segment.start && seconds < segment.end) {
        this.last = segment;
        return segment.type;
      }
    }
    return segments[segments.length - 1].type;
  }

  private segmentsOfYear(year: number): IntlSegment[] {
    let segments = this.segments.get(year);
    if (segments) return segments;
    const raw: { start: number; end: number; sample: IntlSample }[] = [];
    const from = Date.UTC(year, 0, 1) / 1000;
    const to = Date.UTC(year + 1, 0, 1) / 1000;
    let start = from;
    let current = this.sample(from);
    let previous = from;
    while (previous < to) {
      const at = Math.min(previous + SAMPLE_STEP, to);
      const probe = this.sample(at);
      if (probe.key !== current.key) {
        // Narrow the change down to the second.
        let low = previous;
        let high = at;
        while (high - low > 1) {
          const middle = Math.floor((low + high) / 2);
          if (this.sample(middle).key === current.key) low = middle;
          else high = middle;
        }
        if (high < to) {
          raw.push({ start, end: high, sample: current });
          start = high;
          current = this.sample(high);
          previous = high;
          continue;
        }
      }
      previous = at;
    }
    raw.push({ start, end: to, sample: current });
    // Without a metazone name ("GMT+10:00"), the higher offset of the year is taken for daylight time.
    const lowest = Math.min(...raw.map((segment) => segment.sample.offset));
    segments = raw.map((segment) => ({ start: segment.start, end: segment.end, type: this.type(segment.sample, segment.start, lowest) }));
    this.segments.set(year, segments);
    return segments;
  }

  private sample(seconds: number): IntlSample {
    // One formatToParts call gives both the wall time (hence the offset) and ICU's long name.
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    let longName = '';
    for (const part of this.format.formatToParts(new Date(seconds * 1000))) {
      switch (part.type) {
        case 'year': year = Number(part.value); break;
        case 'month': month = Number(part.value); break;
        case 'day': day = Number(part.value); break;
        case 'hour': hour = Number(part.value) % 24; break;
        case 'minute': minute = Number(part.value); break;
        case 'second': second = Number(part.value); break;
        case 'era': bc = part.value.startsWith('B'); break;
        case 'timeZoneName': longName = part.value; break;
      }
    }
    const wall = Date.UTC(bc ? 1 - year : year, month - 1, day, hour, minute, second) / 1000;
    const offset = wall - seconds;
    return { key: `${offset}|${longName}`, offset, longName };
  }

  private type(sample: IntlSample, at: number, lowest: number): ZoneType {
    const named = !/^GMT([+-]|$)/.test(sample.longName);
    const isdst = named ? /Daylight|Summer/i.test(sample.longName) : sample.offset > lowest;
    const key = `${sample.key}|${isdst}`;
    let type = this.typeCache.get(key);
    if (!type) {
      type = { offset: sample.offset, isdst, abbreviation: intlAbbreviation(this.name, sample.offset, at) };
      this.typeCache.set(key, type);
    }
    return type;
  }

  private scan(): { tzname: [string, string]; utcLike: boolean } {
    if (this.scanned) return this.scanned;
    let standard: ZoneType | undefined;
    let daylight: ZoneType | undefined;
    for (let year = TZNAME_SCAN_FROM; year >= TZNAME_SCAN_TO && !(standard && daylight); year--) {
      // A year whose monthly samples all look alike has no daylight-saving period worth a closer look.
      if (standard && this.uniformYear(year)) continue;
      const segments = this.segmentsOfYear(year);
      for (let i = segments.length - 1; i >= 0; i--) {
        const type = segments[i].type;
        if (type.isdst) daylight ??= type;
        else standard ??= type;
      }
    }
    const tzname: [string, string] = [standard?.abbreviation ?? daylight?.abbreviation ?? 'UTC', daylight?.abbreviation ?? standard?.abbreviation ?? 'UTC'];
    const standardOffset = standard?.offset ?? 0;
    this.scanned = { tzname, utcLike: standardOffset === 0 && (daylight?.offset ?? standardOffset) === standardOffset };
    return this.scanned;
  }

  private uniformYear(year: number): boolean {
    const first = this.sample(Date.UTC(year, 0, 1) / 1000).key;
    for (let month = 0; month < 12; month++) {
      for (const day of [8, 22]) {
        if (this.sample(Date.UTC(year, month, day) / 1000).key !== first) return false;
      }
    }
    return true;
  }
}

const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-NZ', 'en-CA', 'ja-JP'];
const abbreviationFormats = new Map<string, Intl.DateTimeFormat>();

function intlAbbreviation(zone: string, offset: number, at: number): string {
  for (const locale of ABBREVIATION_LOCALES) {
    const key = `${locale}|${zone}`;
    let format = abbreviationFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
      abbreviationFormats.set(key, format);
    }
    const name = format.formatToParts(new Date(at * 1000)).find((part) => part.type === 'timeZoneName')?.value ?? '';
    if (/^[A-Z]{2,5}$/.test(name) && (name !== 'GMT' || offset === 0)) return name;
  }
  if (offset === 0 && /^(Etc\/)?(UTC|UCT|Universal|Zulu)$/.test(zone)) return 'UTC';
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  const hours = String(Math.floor(absolute / 3600)).padStart(2, '0');
  const minutes = Math.floor((absolute % 3600) / 60);
  return `${sign}${hours}${minutes ? String(minutes).padStart(2, '0') : ''}`;
}

// ---------------------------------------------------------------------------------------------------------
// Sources

/** systemd's timezone_is_valid() without the file check: the characters a zone name may use. */
export function isZoneNameSyntax(name: string): boolean {
  if (name === 'UTC') return true;
  if (name.length === 0 || name.startsWith('/') || name.endsWith('/') || name.includes('//')) return false;
  return /^[A-Za-z0-9_+\-/]+$/.test(name);
}

// Zone IDs that ICU accepts (from Java) but tzdata has no file for.
const ICU_ONLY = new Set(['ACT', 'AET', 'AGT', 'ART', 'AST', 'BET', 'BST', 'CAT', 'CNT', 'CST', 'CTT', 'EAT', 'ECT', 'IET', 'IST', 'JST', 'MIT', 'NET', 'NST', 'PLT', 'PNT', 'PRT', 'PST', 'SST', 'VST']);

/**
 * Whether a zone name Intl accepts is also a zone file name, which is case-sensitive. ICU either
 * case-normalizes a name (`EUROPE/BERLIN` → `Europe/Berlin`: wrong case) or replaces a link by its target
 * (`CET` → `Europe/Brussels`): then every part of the name must start with a capital, as in tzdata.
 */
function isZoneFileName(name: string): boolean {
  if (ICU_ONLY.has(name) || name.startsWith('SystemV/')) return false;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  if (resolved === name) return true;
  if (resolved.toLowerCase() === name.toLowerCase()) return false;
  return name.split('/').every((part) => /^[A-Z]/.test(part));
}

const intlCache = new Map<string, ZoneRules | undefined>();

/** Zones from Intl: names glibc would find as files (case-sensitive), rules as `IntlZoneRules` describes. */
export const intlZoneSource: ZoneSource = {
  load(name: string): ZoneRules | undefined {
    if (intlCache.has(name)) return intlCache.get(name);
    let rules: ZoneRules | undefined;
    if (name === 'UTC' || name === 'Etc/UTC' || name === 'Universal' || name === 'Etc/Universal' || name === 'Zulu' || name === 'Etc/Zulu' || name === 'UCT' || name === 'Etc/UCT') {
      rules = name === 'UTC' ? utcRules : { ...utcRules, name };
    } else if (isZoneNameSyntax(name) && !/^[+-]/.test(name) && isTimeZone(name) && isZoneFileName(name)) {
      rules = new IntlZoneRules(name);
    }
    intlCache.set(name, rules);
    return rules;
  },
};

let processSource: ZoneSource | undefined;

/**
 * Makes `source` (the machine's zoneinfo files) where zone rules come from for the rest of the process, for
 * calendar events and for cron's wall clock alike (time/zone-files.ts says why); undefined goes back to Intl.
 */
export function useZoneSource(source: ZoneSource | undefined): void {
  processSource = source;
  useZoneFiles(source);
}

/** Where zone names are looked up when the caller gives no source: the registered files, else Intl. */
export function defaultZoneSource(): ZoneSource {
  return processSource ?? intlZoneSource;
}

/**
 * Zones from TZif files, read through `read` (a host path → its bytes, or undefined), the way systemd checks
 * a zone name (timezone_is_valid: name syntax, then a file starting with `TZif`) and glibc loads it.
 */
export function tzifZoneSource(read: (path: string) => Uint8Array | undefined, directory = '/usr/share/zoneinfo'): ZoneSource {
  const cache = new Map<string, ZoneRules | undefined>();
  return {
    load(name: string): ZoneRules | undefined {
      if (cache.has(name)) return cache.get(name);
      let rules: ZoneRules | undefined;
      if (isZoneNameSyntax(name)) {
        const bytes = read(`${directory}/${name}`);
        rules = bytes ? TzifZoneRules.parse(name, bytes) : undefined;
        // systemd always accepts "UTC", even without zone files.
        if (!rules && name === 'UTC') rules = utcRules;
      }
      cache.set(name, rules);
      return rules;
    },
  };
}

/**
 * The zone glibc uses for a value of TZ: a leading `:` is dropped, an empty value is UTC, a zone file wins,
 * else the value is read as a POSIX TZ string, and failing that it is UTC with empty names.
 */
export function localZoneRules(tz: string | undefined, source: ZoneSource): ZoneRules {
  if (tz === undefined) return source.load('UTC') ?? utcRules;
  let name = tz.startsWith(':') ? tz.slice(1) : tz;
  if (name === '') name = 'UTC';
  return source.load(name) ?? PosixZoneRules.parse(name) ?? { name, tzname: ['', ''], utcLike: true, typeAt: () => ({ offset: 0, isdst: false, abbreviation: '' }) };
}
