// What `systemd-analyze calendar` prints for one expression (systemd 252, src/analyze/analyze-calendar.c),
// laid out the same way so the two can be diffed: a two-column table whose labels are right-aligned,
// timestamps as format_timestamp() writes them (`Thu 2026-11-26 10:00:00 CET`) in the local zone, and
// "(in UTC):" lines unless the local zone is UTC. The "From now:" lines are left out: systemd computes them
// from the real clock, not from --base-time.
import { parseCalendar } from './calendar';
import { formatCalendar } from './calendar-normalize';
import { searchElapses } from './calendar-search';
import { type CalendarOptions, resolveLocalZone } from './calendar-spec';
import { civilFromDays, GlibcClock, Tm } from './glibc-time';
import { parseTimespan } from './timespan';
import { ByteWriter, decimalLength } from '../util/byte-writer';
import { escapeControls } from '../util/visible';

export interface CalendarReportOptions extends CalendarOptions {
  /** --base-time, in milliseconds since the epoch. Default: now. */
  baseTime?: number;
  /** --iterations. Default 1. */
  iterations?: number;
}

export interface CalendarReport {
  /** What systemd-analyze writes to standard output for this expression (no trailing blank line). */
  stdout: string;
  /** Its messages on standard error: parse failures, hints, calculation failures. */
  stderr: string;
  /** False where systemd-analyze would exit with an error. */
  ok: boolean;
  /**
   * Where the rows of elapses begin in stdout, when nothing from there on is a control or invisible character
   * (escapeControls would leave it as it is): a terminal printer need not scan them (7 MB for 100 expressions
   * × 1,000 iterations). Absent when there are no rows, or an abbreviation of the zone holds such a character.
   */
  plainFrom?: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

const SPACE = 0x20;
const NEWLINE = 0x0a;
const COLON = 0x3a;
const ZERO = 0x30;
const DASH = 0x2d;
const USEC_PER_DAY = 86_400_000_000;
/** The longest row without its zone abbreviation: label, space, `Thu 2026-11-26 10:00:00`, ` UTC`, newline. */
const ROW_BYTES = 64;

/** Latin-1 text as bytes, or undefined when it has a character beyond Latin-1. */
function latin1(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return undefined;
    bytes[i] = code;
  }
  return bytes;
}

const EMPTY = new Uint8Array(0);
/** `Sun ` … `Sat `, as tm_wday counts. */
const WEEKDAY_BYTES = WEEKDAYS.map((name) => latin1(`${name} `)!);

/**
 * What one clock's rows share over a stretch of time: [start, end) microseconds within one local day and one
 * type of the zone (ZoneRules.stableSpan), so that a row there is the day's text plus the seconds since the
 * day began, without a conversion.
 */
class DayOfClock {
  // In microseconds, past V8's small integers from the start (seconds pass them in 2038, mid-run, and V8
  // would throw away the code it compiled for the rows).
  start = Number.NaN;
  end = Number.NaN;
  /** The instant the local day began, at this stretch's offset. */
  midnight = Number.NaN;
  /** `Thu 2026-11-26 `. */
  date: Uint8Array = new Uint8Array(15);
  /** The abbreviation the zone bytes are for (tm_zone). */
  abbreviation = '';
  /** ` CET` (` UTC` for the UTC clock, empty without an abbreviation) as bytes; `wide` when beyond Latin-1. */
  zone: Uint8Array = EMPTY;
  zoneText = '';
  wide = false;

  constructor(
    readonly clock: GlibcClock,
    readonly utc: boolean,
  ) {
    if (utc) {
      this.zone = latin1(' UTC')!;
      this.zoneText = ' UTC';
    }
  }
}

/**
 * The rows of elapses (`       Iter. #2: Thu 2026-11-26 10:00:00 JST` and its `(in UTC):` row), written as
 * Latin-1 bytes (util/byte-writer.ts) and made into one string at the end. A run prints 34,000 rows for 17
 * expressions × 1,000 iterations: as strings (a label, a date, a time, a zone, joined) they cost more in
 * allocation and garbage collection than the search that finds them (issue #20). Timestamps are
 * format_timestamp()'s, in the local clock's zone and in UTC; an abbreviation beyond Latin-1 (from Intl) goes
 * in as a string piece, so any text comes out as it went in.
 */
class ElapseRows extends ByteWriter {
  /** No zone abbreviation written holds a character escapeControls would change. */
  plain = true;
  private readonly tm = new Tm();
  private readonly localDay: DayOfClock;
  private readonly utcDay: DayOfClock | undefined;
  private readonly nextLabel: Uint8Array;
  private readonly utcLabel: Uint8Array;

  constructor(
    local: GlibcClock,
    /** Undefined where the local zone is UTC: no "(in UTC):" rows. */
    utc: GlibcClock | undefined,
    private readonly width: number,
    /** How many elapses: room for their rows from the start (growing it mid-run costs V8 its compiled code). */
    count: number,
  ) {
    super(Math.max(1024, count * (utc ? 2 : 1) * (width + ROW_BYTES)), 'latin1');
    this.localDay = new DayOfClock(local, false);
    this.utcDay = utc && new DayOfClock(utc, true);
    this.nextLabel = latin1('Next elapse:'.padStart(width) + ' ')!;
    this.utcLabel = latin1('(in UTC):'.padStart(width) + ' ')!;
  }

  /** The rows of the first elapse: `Next elapse:`. */
  first(usec: number): void {
    this.room(this.width + ROW_BYTES);
    this.put(this.nextLabel);
    this.timestamps(usec);
  }

  /** The rows of the elapse at `index` (from 1): `Iter. #N:`. */
  add(index: number, usec: number): void {
    this.room(this.width + ROW_BYTES);
    const bytes = this.bytes;
    // `Iter. #N: `, right-aligned.
    const number = index + 1;
    let at = this.length;
    for (let i = this.width - 8 - decimalLength(number); i > 0; i--) bytes[at++] = SPACE;
    bytes[at++] = 0x49; // I
    bytes[at++] = 0x74; // t
    bytes[at++] = 0x65; // e
    bytes[at++] = 0x72; // r
    bytes[at++] = 0x2e; // .
    bytes[at++] = SPACE;
    bytes[at++] = 0x23; // #
    this.length = at;
    this.digits(number);
    bytes[this.length++] = COLON;
    bytes[this.length++] = SPACE;
    this.timestamps(usec);
  }

  /** The local timestamp, and the UTC row. */
  private timestamps(usec: number): void {
    this.timestamp(this.localDay, usec);
    if (this.utcDay) {
      this.room(this.width + ROW_BYTES);
      this.put(this.utcLabel);
      this.timestamp(this.utcDay, usec);
    }
  }

  /** format_timestamp(): `Thu 2026-11-26 10:00:00 CET`, or `… UTC` for the UTC clock, and a newline. */
  private timestamp(day: DayOfClock, usec: number): void {
    // Another day or another zone type: the rare path, a method of its own so that this one, which runs for
    // every row, stays small for V8 to compile.
    if (!(usec >= day.start && usec < day.end)) this.newDay(day, usec);
    this.put(day.date);
    // Seconds since midnight (whole: midnight is a whole second).
    const rest = Math.floor((usec - day.midnight) / 1_000_000);
    const hour = (rest / 3600) | 0;
    const minutes = rest - hour * 3600;
    const min = (minutes / 60) | 0;
    const sec = minutes - min * 60;
    const bytes = this.bytes;
    let at = this.length;
    bytes[at++] = ZERO + ((hour / 10) | 0);
    bytes[at++] = ZERO + (hour % 10);
    bytes[at++] = COLON;
    bytes[at++] = ZERO + ((min / 10) | 0);
    bytes[at++] = ZERO + (min % 10);
    bytes[at++] = COLON;
    bytes[at++] = ZERO + ((sec / 10) | 0);
    bytes[at++] = ZERO + (sec % 10);
    this.length = at;
    if (day.wide) {
      this.text(day.zoneText);
    } else {
      this.room(day.zone.length + 1);
      this.put(day.zone);
    }
    this.bytes[this.length++] = NEWLINE;
  }

  /**
   * The local day of `seconds` on the day's clock and what its rows share until the day or the zone's type
   * changes: the date as localtime() gives it (the civil date of the local seconds, which is all offtime()
   * does), the zone's abbreviation.
   */
  private newDay(day: DayOfClock, usec: number): void {
    const clock = day.clock;
    const seconds = Math.floor(usec / 1_000_000);
    const stable = clock.stableAround(seconds);
    let offsetUsec: number;
    let abbreviation: string;
    if (stable) {
      offsetUsec = clock.stable.offsetUsec;
      abbreviation = clock.stable.abbreviation;
    } else {
      // Rules that cannot say how long their type holds (Intl): a conversion, for this second alone.
      const tm = this.tm;
      clock.convert(seconds, tm);
      offsetUsec = tm.gmtoff * 1_000_000;
      abbreviation = tm.zone;
    }
    const days = Math.floor((usec + offsetUsec) / USEC_PER_DAY);
    day.midnight = days * USEC_PER_DAY - offsetUsec;
    day.start = stable ? Math.max(day.midnight, clock.stable.start * 1_000_000) : seconds * 1_000_000;
    day.end = stable ? Math.min(day.midnight + USEC_PER_DAY, clock.stable.end * 1_000_000) : (seconds + 1) * 1_000_000;
    const { year, month, day: mday } = civilFromDays(days);
    const weekday = (((days + 4) % 7) + 7) % 7;
    if (year < 1000 || year > 9999) {
      // Outside what systemd's calendar reaches (years 1970 to 2199): format_timestamp's text as it is.
      day.date = latin1(`${WEEKDAYS[weekday]} ${pad(year, 4)}-${pad(month)}-${pad(mday)} `)!;
    } else {
      if (day.date.length !== 15) day.date = new Uint8Array(15);
      const date = day.date;
      date.set(WEEKDAY_BYTES[weekday]);
      date[4] = ZERO + ((year / 1000) | 0);
      date[5] = ZERO + (((year / 100) | 0) % 10);
      date[6] = ZERO + (((year / 10) | 0) % 10);
      date[7] = ZERO + (year % 10);
      date[8] = DASH;
      date[9] = ZERO + ((month / 10) | 0);
      date[10] = ZERO + (month % 10);
      date[11] = DASH;
      date[12] = ZERO + ((mday / 10) | 0);
      date[13] = ZERO + (mday % 10);
      date[14] = SPACE;
    }
    if (!day.utc && abbreviation !== day.abbreviation) this.newZone(day, abbreviation);
    this.room(ROW_BYTES);
  }

  private newZone(day: DayOfClock, abbreviation: string): void {
    day.abbreviation = abbreviation;
    day.zoneText = abbreviation ? ` ${abbreviation}` : '';
    // Everything else in a row is printable ASCII: the labels, the digits.
    if (escapeControls(abbreviation) !== abbreviation) this.plain = false;
    const bytes = latin1(day.zoneText);
    day.wide = bytes === undefined;
    day.zone = bytes ?? EMPTY;
  }
}

const STRERROR: Record<string, string> = {
  EINVAL: 'Invalid argument',
  ERANGE: 'Numerical result out of range',
  ENOBUFS: 'No buffer space available',
};

/** Words that parse_timestamp() accepts on their own; enough for systemd-analyze's hint on common mistakes. */
function looksLikeTimestamp(text: string): boolean {
  if (['now', 'today', 'yesterday', 'tomorrow'].includes(text)) return true;
  if (/^[+-]/.test(text)) return parseTimespan(text.slice(1)).ok;
  if (text.startsWith('@')) return parseTimespan(text.slice(1)).ok;
  const relative = /^(.*) (ago|left)$/.exec(text);
  return relative !== null && parseTimespan(relative[1]).ok;
}

/** The text `systemd-analyze calendar --iterations=N --base-time=… EXPRESSION` prints for one expression. */
export function formatCalendarReport(expression: string, options: CalendarReportOptions = {}): CalendarReport {
  const parsed = parseCalendar(expression, options);
  if (!parsed.ok) {
    const lines = [`Failed to parse calendar specification '${expression}': ${STRERROR[parsed.error.errno]}`];
    if (looksLikeTimestamp(expression)) lines.push(`Hint: this expression is a valid timestamp. Use 'systemd-analyze timestamp "${expression}"' instead?`);
    if (parseTimespan(expression).ok) lines.push(`Hint: this expression is a valid timespan. Use 'systemd-analyze timespan "${expression}"' instead?`);
    return { stdout: '', stderr: `${lines.join('\n')}\n`, ok: false };
  }
  const normalized = formatCalendar(parsed.spec);
  const local = resolveLocalZone(options);
  const iterations = options.iterations ?? 1;
  const base = Math.floor((options.baseTime ?? Date.now()) * 1000);
  const search = searchElapses(parsed.spec, base, iterations, options);

  if (search.stop === 'infinite-loop' || search.stop === 'invalid') {
    // systemd stops at the failing iteration and prints no table at all.
    const reason = search.stop === 'infinite-loop' ? 'Resource deadlock avoided' : 'Invalid argument';
    const lines = search.stop === 'infinite-loop' ? [`Infinite loop in calendar calculation: ${normalized}`] : [];
    lines.push(`Failed to determine next elapse for '${expression}': ${reason}`);
    return { stdout: '', stderr: `${lines.join('\n')}\n`, ok: false };
  }

  // A two-column table as systemd's format-table prints it without a terminal: labels right-aligned to the
  // widest, "From now:" (a row left out here) included.
  const elapses = search.elapses;
  const labels = ['Normalized form:', 'From now:'];
  if (normalized !== expression) labels.push('Original form:');
  if (elapses.length > 0 || iterations > 0) labels.push('Next elapse:');
  if (elapses.length > 1) labels.push(`Iter. #${elapses.length}:`);
  if (elapses.length > 0 && !local.utcLike) labels.push('(in UTC):');
  const width = Math.max(...labels.map((label) => label.length));
  const lines: string[] = [];
  if (normalized !== expression) lines.push(`${'Original form:'.padStart(width)} ${expression}`);
  lines.push(`${'Normalized form:'.padStart(width)} ${normalized}`);
  if (elapses.length === 0 && iterations > 0) lines.push(`${'Next elapse:'.padStart(width)} never`);
  const rows = new ElapseRows(new GlibcClock(local), local.utcLike ? undefined : new GlibcClock(undefined), width, elapses.length);
  if (elapses.length > 0) rows.first(elapses[0]);
  for (let index = 1; index < elapses.length; index++) rows.add(index, elapses[index]);
  const head = `${lines.join('\n')}\n`;
  return { stdout: head + rows.takeString(), stderr: '', ok: true, ...(rows.plain && elapses.length > 0 ? { plainFrom: head.length } : {}) };
}
