// What `systemd-analyze calendar` prints for one expression (systemd 252, src/analyze/analyze-calendar.c),
// laid out the same way so the two can be diffed: a two-column table whose labels are right-aligned,
// timestamps as format_timestamp() writes them (`Thu 2026-11-26 10:00:00 CET`) in the local zone, and
// "(in UTC):" lines unless the local zone is UTC. The "From now:" lines are left out: systemd computes them
// from the real clock, not from --base-time.
import { parseCalendar } from './calendar';
import { formatCalendar } from './calendar-normalize';
import { searchElapses } from './calendar-search';
import { type CalendarOptions, resolveLocalZone } from './calendar-spec';
import { GlibcClock, Tm } from './glibc-time';
import { parseTimespan } from './timespan';

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
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

const SPACE = 0x20;
const NEWLINE = 0x0a;
const COLON = 0x3a;
const ZERO = 0x30;
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

/** The date part of the rows of one clock (`Thu 2026-11-26 `), kept while the day stays the same. */
class DayText {
  year = Number.NaN;
  mon = -1;
  mday = -1;
  readonly bytes = new Uint8Array(15);
  /** The last zone abbreviation written, with a space before it, as bytes (undefined: beyond Latin-1). */
  zone: string | undefined = undefined;
  zoneBytes: Uint8Array | undefined = undefined;
}

/**
 * The rows of elapses (`       Iter. #2: Thu 2026-11-26 10:00:00 JST` and its `(in UTC):` row), written as
 * Latin-1 bytes and made into one string at the end. A run prints 34,000 rows for 17 expressions × 1,000
 * iterations: as strings (a label, a date, a time, a zone, joined) they cost more in allocation and garbage
 * collection than the search that finds them (issue #20). Timestamps are format_timestamp()'s, in the local
 * clock's zone and in UTC; an abbreviation beyond Latin-1 (from Intl) goes in as a string piece, so any text
 * comes out as it went in.
 */
class ElapseRows {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private readonly pieces: string[] = [];
  private readonly tm = new Tm();
  private readonly localDay = new DayText();
  private readonly utcDay = new DayText();
  private readonly nextLabel: Uint8Array;
  private readonly utcLabel: Uint8Array;

  constructor(
    private readonly local: GlibcClock,
    /** Undefined where the local zone is UTC: no "(in UTC):" rows. */
    private readonly utc: GlibcClock | undefined,
    private readonly width: number,
  ) {
    this.nextLabel = latin1('Next elapse:'.padStart(width) + ' ')!;
    this.utcLabel = latin1('(in UTC):'.padStart(width) + ' ')!;
  }

  private room(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }

  /** The row (and UTC row) of the elapse at `index` (0 = "Next elapse"). */
  add(index: number, usec: number): void {
    this.room(this.width + ROW_BYTES);
    const bytes = this.bytes;
    if (index === 0) {
      bytes.set(this.nextLabel, this.length);
      this.length += this.nextLabel.length;
    } else {
      // `Iter. #N: `, right-aligned.
      const number = index + 1;
      let digits = 1;
      for (let rest = number; rest >= 10; rest = Math.floor(rest / 10)) digits++;
      let at = this.length;
      for (let i = this.width - 8 - digits; i > 0; i--) bytes[at++] = SPACE;
      bytes[at++] = 0x49; // I
      bytes[at++] = 0x74; // t
      bytes[at++] = 0x65; // e
      bytes[at++] = 0x72; // r
      bytes[at++] = 0x2e; // .
      bytes[at++] = SPACE;
      bytes[at++] = 0x23; // #
      for (let i = digits - 1, rest = number; i >= 0; i--, rest = Math.floor(rest / 10)) bytes[at + i] = ZERO + (rest % 10);
      at += digits;
      bytes[at++] = COLON;
      bytes[at++] = SPACE;
      this.length = at;
    }
    this.timestamp(this.local, this.localDay, usec, false);
    if (this.utc) {
      this.room(this.width + ROW_BYTES);
      this.bytes.set(this.utcLabel, this.length);
      this.length += this.utcLabel.length;
      this.timestamp(this.utc, this.utcDay, usec, true);
    }
  }

  /** format_timestamp(): `Thu 2026-11-26 10:00:00 CET`, or `… UTC` for the UTC clock, and a newline. */
  private timestamp(clock: GlibcClock, day: DayText, usec: number, utc: boolean): void {
    const tm = this.tm;
    clock.convert(Math.floor(usec / 1_000_000), tm);
    if (tm.year !== day.year || tm.mon !== day.mon || tm.mday !== day.mday) {
      day.year = tm.year;
      day.mon = tm.mon;
      day.mday = tm.mday;
      const text = `${WEEKDAYS[tm.wday]} ${pad(tm.year + 1900, 4)}-${pad(tm.mon + 1)}-${pad(tm.mday)} `;
      // A year past 9999 is one digit longer than the cache: write it as text.
      if (text.length !== day.bytes.length) day.year = Number.NaN;
      for (let i = 0; i < day.bytes.length; i++) day.bytes[i] = text.charCodeAt(i);
      if (text.length !== day.bytes.length) {
        this.text(text);
        this.room(ROW_BYTES);
      } else {
        this.bytes.set(day.bytes, this.length);
        this.length += day.bytes.length;
      }
    } else {
      this.bytes.set(day.bytes, this.length);
      this.length += day.bytes.length;
    }
    const bytes = this.bytes;
    let at = this.length;
    bytes[at++] = ZERO + ((tm.hour / 10) | 0);
    bytes[at++] = ZERO + (tm.hour % 10);
    bytes[at++] = COLON;
    bytes[at++] = ZERO + ((tm.min / 10) | 0);
    bytes[at++] = ZERO + (tm.min % 10);
    bytes[at++] = COLON;
    bytes[at++] = ZERO + ((tm.sec / 10) | 0);
    bytes[at++] = ZERO + (tm.sec % 10);
    if (utc) {
      bytes[at++] = SPACE;
      bytes[at++] = 0x55; // U
      bytes[at++] = 0x54; // T
      bytes[at++] = 0x43; // C
      this.length = at;
    } else {
      this.length = at;
      if (tm.zone) {
        if (tm.zone !== day.zone) {
          day.zone = tm.zone;
          day.zoneBytes = latin1(` ${tm.zone}`);
        }
        if (day.zoneBytes) {
          this.room(day.zoneBytes.length + 1);
          this.bytes.set(day.zoneBytes, this.length);
          this.length += day.zoneBytes.length;
        } else {
          this.text(` ${tm.zone}`);
        }
      }
    }
    this.room(1);
    this.bytes[this.length++] = NEWLINE;
  }

  /** Any text: what is written so far becomes a string piece, and so does the text. */
  private text(text: string): void {
    this.pieces.push(this.flush(), text);
  }

  private flush(): string {
    const text = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length).toString('latin1');
    this.length = 0;
    return text;
  }

  toString(): string {
    const last = this.flush();
    return this.pieces.length === 0 ? last : this.pieces.join('') + last;
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
  const rows = new ElapseRows(new GlibcClock(local), local.utcLike ? undefined : new GlibcClock(undefined), width);
  for (let index = 0; index < elapses.length; index++) rows.add(index, elapses[index]);
  return { stdout: `${lines.join('\n')}\n${rows.toString()}`, stderr: '', ok: true };
}
