// A crontab schedule (`M H DOM MON DOW`) written into `OnCalendar=`: the calendar event that fires at the same
// times, for the message that tells the user what to write instead. Cron's fields as crontab(5) and Debian's
// entry.c read them (crontab/fields.ts); the result is systemd.time(7) "Calendar Events" syntax.
// Exact or nothing: where one OnCalendar= line cannot say what cron does, the advice says so instead.
//  - Day-of-month and day-of-week both restricted (neither field starts with `*`): cron runs on days matching
//    *either* (cron.c), systemd needs both, so the equivalent is two OnCalendar= lines (a timer adds them up).
//  - cronie's `~` random values are drawn when the crontab is loaded: no calendar event is random that way.
//  - A field that selects nothing (`5-2` in Debian's cron) or that cron rejects: nothing to translate.
import type { MessageKey } from '../i18n/catalog';
import { FIELD_SPECS, parseField, type ParsedField } from '../crontab/fields';

export type CronTranslation =
  | { kind: 'calendar'; calendars: [string] | [dayOfMonth: string, dayOfWeek: string] }
  | { kind: 'none' };

// Five blank-separated crontab fields and nothing else: `30 4 * * *`, `*/15 * * * *`, `0 0 * * mon-fri`.
const CRON_LINE = /^\s*[\d*~][\d*,/~-]*(\s+[\d*A-Za-z~][\w*,/~-]*){4}\s*$/;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The advice for an `OnCalendar=` value that is a crontab schedule (undefined when it is not one). */
export function cronLineAdvice(body: string): { id: Extract<MessageKey, `systemd-calendar.${string}`>; params: Record<string, string> } | undefined {
  if (!CRON_LINE.test(body)) return undefined;
  const cron = body.trim().replace(/\s+/g, ' ');
  const translation = cronToCalendar(cron);
  if (translation.kind === 'none') return { id: 'systemd-calendar.cron-syntax-no-equivalent', params: { cron } };
  if (translation.calendars.length === 2) {
    return { id: 'systemd-calendar.cron-syntax-two-lines', params: { cron, dayOfMonth: translation.calendars[0], dayOfWeek: translation.calendars[1] } };
  }
  return { id: 'systemd-calendar.cron-syntax', params: { cron, calendar: translation.calendars[0] } };
}

/** The calendar event(s) equal to the five crontab fields in `cron`. */
export function cronToCalendar(cron: string): CronTranslation {
  const texts = cron.trim().split(/\s+/);
  if (texts.length !== 5) return { kind: 'none' };
  const fields: ParsedField[] = [];
  for (let index = 0; index < 5; index++) {
    // Debian's reading: cronie's extras (`~`, wrapping weekday ranges) have no exact calendar equivalent anyway.
    const field = parseField(texts[index], FIELD_SPECS[index], 'debian');
    if (field.problem || field.ignoredSuffix || field.randomElements.length > 0) return { kind: 'none' };
    fields.push(field);
  }
  const [minutes, hours, days, months, weekdays] = fields.map((field) => valuesOf(field));
  // cron folds day-of-week 7 into Sunday (0).
  const cronWeekdays = new Set(weekdays.map((day) => day % 7));
  if ([minutes, hours, days, months].some((values) => values.length === 0) || cronWeekdays.size === 0) return { kind: 'none' };

  const minute = component(minutes, 0, 59);
  const hour = component(hours, 0, 23);
  const month = component(months, 1, 12);
  const day = component(days, 1, 31);
  const weekday = weekdayList(cronWeekdays);
  const event = (weekdayPart: string, dayPart: string): string => {
    // Every hour of every day: the short form systemd.time(7) itself uses (`*:0/15`).
    if (weekdayPart === '' && month === '*' && dayPart === '*' && hour === '*') return `*:${minute}`;
    return `${weekdayPart ? `${weekdayPart} ` : ''}*-${month}-${dayPart} ${hour}:${minute}:00`;
  };
  const dayOfMonthStar = fields[2].startsWithStar;
  const dayOfWeekStar = fields[4].startsWithStar;
  if (!dayOfMonthStar && !dayOfWeekStar) {
    // cron.c: either day field may match. Two events, one per field, fire on exactly the union.
    return { kind: 'calendar', calendars: [event('', day), event(weekday, '*')] };
  }
  return { kind: 'calendar', calendars: [event(weekday, day)] };
}

function valuesOf(field: ParsedField): number[] {
  const values: number[] = [];
  field.values.forEach((on, value) => {
    if (on) values.push(value);
  });
  return values;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * One field of the event: `*` for every value, `start/step` for a repetition that runs to the end of the field
 * (systemd repeats up to the field's maximum, as cron's `*\/n` and `a-max/n` do), else values and `a..b` ranges.
 */
function component(values: number[], low: number, high: number): string {
  if (values.length === high - low + 1) return '*';
  if (values.length >= 3) {
    const step = values[1] - values[0];
    const progression = values.every((value, index) => value === values[0] + index * step);
    if (progression && step >= 2 && values[values.length - 1] + step > high) return `${pad(values[0])}/${step}`;
  }
  return runs(values).map(([from, to]) => (from === to ? pad(from) : to === from + 1 ? `${pad(from)},${pad(to)}` : `${pad(from)}..${pad(to)}`)).join(',');
}

/** cron's weekdays (Sunday 0) as systemd's names, Monday first; '' for every day. */
function weekdayList(cronWeekdays: Set<number>): string {
  if (cronWeekdays.size === 7) return '';
  const mondayFirst = [...cronWeekdays].map((day) => (day + 6) % 7).sort((a, b) => a - b);
  return runs(mondayFirst)
    .map(([from, to]) => (from === to ? WEEKDAYS[from] : to === from + 1 ? `${WEEKDAYS[from]},${WEEKDAYS[to]}` : `${WEEKDAYS[from]}..${WEEKDAYS[to]}`))
    .join(',');
}

function runs(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const value of sorted) {
    const last = out[out.length - 1];
    if (last && value === last[1] + 1) last[1] = value;
    else out.push([value, value]);
  }
  return out;
}
