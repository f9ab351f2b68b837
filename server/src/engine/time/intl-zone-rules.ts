// Zone rules from Intl (ICU's copy of the tz database), for when no zoneinfo files are at hand: offsets are
// exact, but whether a period counts as DST and its abbreviation are inferred from ICU's names (see
// `IntlZoneRules`).
import { SECONDS_PER_DAY, utcYear, type ZoneRules, type ZoneType } from './zone-rules';

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
