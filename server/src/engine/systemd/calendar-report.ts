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

const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => pad(value));
const twoDigits = (value: number): string => (value >= 0 && value < 100 ? TWO_DIGITS[value] : pad(value));

/**
 * format_timestamp(): `Thu 2026-11-26 10:00:00 CET` in the clock's zone, or `… UTC` for a UTC clock. One
 * formatter prints a whole run of elapses (34,000 lines for 17 expressions × 1,000 iterations): it reuses one
 * Tm, and the date part of the previous line while the day is the same.
 */
class TimestampFormatter {
  private readonly tm = new Tm();
  private dayYear = Number.NaN;
  private dayMon = -1;
  private dayMday = -1;
  private dayText = '';

  constructor(
    private readonly clock: GlibcClock,
    private readonly utc: boolean,
  ) {}

  format(usec: number): string {
    const tm = this.tm;
    this.clock.convert(Math.floor(usec / 1_000_000), tm);
    if (tm.year !== this.dayYear || tm.mon !== this.dayMon || tm.mday !== this.dayMday) {
      this.dayYear = tm.year;
      this.dayMon = tm.mon;
      this.dayMday = tm.mday;
      this.dayText = `${WEEKDAYS[tm.wday]} ${pad(tm.year + 1900, 4)}-${pad(tm.mon + 1)}-${pad(tm.mday)} `;
    }
    const text = `${this.dayText}${twoDigits(tm.hour)}:${twoDigits(tm.min)}:${twoDigits(tm.sec)}`;
    if (this.utc) return `${text} UTC`;
    return tm.zone ? `${text} ${tm.zone}` : text;
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
  const localTime = new TimestampFormatter(new GlibcClock(local), false);
  const utcTime = local.utcLike ? undefined : new TimestampFormatter(new GlibcClock(undefined), true);
  const utcLabel = '(in UTC):'.padStart(width);
  for (let index = 0; index < elapses.length; index++) {
    lines.push(`${(index === 0 ? 'Next elapse:' : `Iter. #${index + 1}:`).padStart(width)} ${localTime.format(elapses[index])}`);
    if (utcTime) lines.push(`${utcLabel} ${utcTime.format(elapses[index])}`);
  }
  return { stdout: `${lines.join('\n')}\n`, stderr: '', ok: true };
}
