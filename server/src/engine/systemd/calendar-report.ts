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

/** format_timestamp(): `Thu 2026-11-26 10:00:00 CET` in the clock's zone, or `… UTC` for a UTC clock. */
function formatTimestamp(usec: number, clock: GlibcClock, utc: boolean): string {
  const tm = new Tm();
  clock.convert(Math.floor(usec / 1_000_000), tm);
  const text = `${WEEKDAYS[tm.wday]} ${pad(tm.year + 1900, 4)}-${pad(tm.mon + 1)}-${pad(tm.mday)} ${pad(tm.hour)}:${pad(tm.min)}:${pad(tm.sec)}`;
  if (utc) return `${text} UTC`;
  return tm.zone ? `${text} ${tm.zone}` : text;
}

/** A table as systemd's format-table prints it without a terminal: first column right-aligned. */
function table(rows: [string, string][], labelWidth: number): string {
  return rows.map(([label, value]) => `${label.padStart(labelWidth)} ${value}`).join('\n');
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
  const localClock = new GlibcClock(local);
  const utcClock = new GlibcClock(undefined);
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

  const rows: [string, string][] = [];
  if (normalized !== expression) rows.push(['Original form:', expression]);
  rows.push(['Normalized form:', normalized]);
  // Column width as systemd computes it, "From now:" rows included.
  let width = Math.max(...rows.map(([label]) => label.length), 'From now:'.length);
  if (search.elapses.length === 0 && iterations > 0) rows.push(['Next elapse:', 'never']);
  search.elapses.forEach((usec, index) => {
    rows.push([index === 0 ? 'Next elapse:' : `Iter. #${index + 1}:`, formatTimestamp(usec, localClock, false)]);
    if (!local.utcLike) rows.push(['(in UTC):', formatTimestamp(usec, utcClock, true)]);
  });
  width = Math.max(width, ...rows.map(([label]) => label.length));
  return { stdout: `${table(rows, width)}\n`, stderr: '', ok: true };
}
