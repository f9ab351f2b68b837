// A Kubernetes CronJob's `spec.schedule` read as the API server reads it: robfig/cron v3 `ParseStandard`
// (Kubernetes imports github.com/robfig/cron/v3: pkg/controller/cronjob/utils.go; v3.0.1 is its last release,
// and master bc59245 differs from it in parser.go and spec.go by one comment only), with the checks of
// kubernetes/kubernetes pkg/apis/batch/validation/validation.go around it.
//
// Checked facts, from those files:
// - validation.go validateCronJobSpec: an empty schedule is `Required`; validateScheduleFormat runs
//   cron.ParseStandard and, on create (no old schedule with TZ in it), rejects any schedule that contains `TZ`
//   ("cannot use TZ or CRON_TZ in schedule, use timeZone field instead"; strings.Contains, case-sensitive).
// - parser.go Parse: `len(spec) == 0` is "empty spec string"; a spec starting with `@` is a descriptor
//   (parseDescriptor: exactly `@yearly @annually @monthly @weekly @daily @midnight @hourly`, case-sensitive,
//   or `@every <Go duration>`); otherwise strings.Fields must give exactly 5 fields (standardParser =
//   Minute|Hour|Dom|Month|Dow|Descriptor; normalizeFields: "expected exactly 5 fields, found N: [...]").
// - spec.go bounds: minute 0-59, hour 0-23, day of month 1-31, month 1-12 (`jan`..`dec`), day of week 0-6
//   (`sun`..`sat`): 7 is NOT Sunday here, unlike Vixie cron and cronie. Names are matched lower-cased
//   (parseIntOrName: strings.ToLower), so `MON` and `Mon` work; `MONDAY` does not.
// - parser.go getField/getRange: a field is a comma list (strings.FieldsFunc: empty items are dropped);
//   an item is `*` or `?` (the whole range, with the star bit), or `N`, or `N-M`, each optionally `/step`.
//   `N/step` means `N-max/step` ("Special handling"), so `5/15` is 5,20,35,50 (Vixie cron reads 5). A step
//   above 1 clears the star bit, so `*/2` counts as a restricted field. Errors, in this order: a bad number
//   (strconv.Atoi; "failed to parse int from X"), a negative one, "too many hyphens", "too many slashes",
//   "beginning of range (N) below minimum (M)", "end of range (N) above maximum (M)", "beginning of range (N)
//   beyond end of range (M)", "step of range should be a positive number".
// - spec.go dayMatches: when either day field has the star bit, both must match (AND); otherwise either (OR).

import { DAY_NAMES, MONTH_NAMES } from '../crontab/fields';
import type { CronSchedule } from '../crontab/model';

/** What one field is, as robfig/cron holds it. */
export interface ScheduleField {
  /** The field's text as written. */
  text: string;
  /** Offset of the field in the schedule string. */
  start: number;
  /** The values it selects. */
  values: Set<number>;
  /** robfig's star bit: some item is `*` or `?` with no step above 1. */
  star: boolean;
}

export type ScheduleProblemId =
  | 'required'
  | 'time-zone-in-schedule'
  | 'field-count'
  | 'descriptor'
  | 'every'
  | 'number'
  | 'negative'
  | 'hyphens'
  | 'slashes'
  | 'below-minimum'
  | 'above-maximum'
  | 'sunday-seven'
  | 'reversed'
  | 'zero-step';

export interface ScheduleProblem {
  id: ScheduleProblemId;
  /** The error the API server answers with (robfig's or validation.go's text): what `kubectl apply` prints. */
  error: string;
  /** Offsets in the schedule string of the part at fault (the whole string when it is not one part). */
  start: number;
  end: number;
  /** Details for the message: the field's name, the value, the bounds, the count of fields. */
  field?: FieldName;
  value?: string;
  low?: number;
  high?: number;
  count?: number;
}

export type FieldName = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

export type CronJobSchedule =
  | { ok: true; descriptor?: string; fields?: ScheduleField[] }
  | { ok: false; problem: ScheduleProblem };

interface Bounds {
  name: FieldName;
  min: number;
  max: number;
  names?: Record<string, number>;
}

// robfig's names are cron's three-letter ones (spec.go months, dow), matched in any case.
const MONTHS = MONTH_NAMES;
const DAYS = DAY_NAMES;

/** spec.go: the bounds of each field, in the order of a standard spec. */
export const BOUNDS: readonly Bounds[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'dayOfMonth', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: Object.fromEntries(MONTHS.map((name, index) => [name, index + 1])) },
  { name: 'dayOfWeek', min: 0, max: 6, names: Object.fromEntries(DAYS.map((name, index) => [name, index])) },
];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** Go's unicode.IsSpace, which strings.Fields splits on. */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** The schedule as the API server judges it on create. */
export function parseCronJobSchedule(schedule: string): CronJobSchedule {
  const whole = { start: 0, end: schedule.length };
  if (schedule.length === 0) return { ok: false, problem: { id: 'required', error: 'Required value', ...whole } };
  const tz = schedule.indexOf('TZ');
  if (tz >= 0) {
    // validation.go rejects the schedule whatever ParseStandard makes of it; the finding covers `TZ=…`.
    const end = schedule.slice(tz).search(GO_SPACE);
    const from = schedule.lastIndexOf('CRON_', tz) === tz - 5 ? tz - 5 : tz;
    return { ok: false, problem: { id: 'time-zone-in-schedule', error: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead', start: from, end: end < 0 ? schedule.length : tz + end } };
  }
  if (schedule.startsWith('@')) return parseDescriptor(schedule);
  const fields = splitFields(schedule);
  if (fields.length !== 5) {
    return { ok: false, problem: { id: 'field-count', error: `expected exactly 5 fields, found ${fields.length}: [${fields.map((field) => field.text).join(' ')}]`, count: fields.length, ...whole } };
  }
  const parsed: ScheduleField[] = [];
  for (let index = 0; index < 5; index++) {
    const field = readField(fields[index].text, fields[index].start, BOUNDS[index]);
    if ('problem' in field) return { ok: false, problem: field.problem };
    parsed.push(field);
  }
  return { ok: true, fields: parsed };
}

function parseDescriptor(schedule: string): CronJobSchedule {
  if (DESCRIPTORS.has(schedule)) return { ok: true, descriptor: schedule };
  const every = '@every ';
  if (schedule.startsWith(every)) {
    const duration = schedule.slice(every.length);
    if (isGoDuration(duration)) return { ok: true, descriptor: '@every' };
    return { ok: false, problem: { id: 'every', error: `failed to parse duration ${schedule}: time: invalid duration "${duration}"`, value: duration, start: every.length, end: schedule.length } };
  }
  return { ok: false, problem: { id: 'descriptor', error: `unrecognized descriptor: ${schedule}`, value: schedule, start: 0, end: schedule.length } };
}

/**
 * Go's time.ParseDuration grammar (time/format.go): an optional sign, then `0` alone or one or more
 * number-unit pairs (`1h30m`, `1.5h`), units ns us µs μs ms s m h. Overflow is not checked here.
 */
export function isGoDuration(text: string): boolean {
  return /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$/.test(text);
}

function splitFields(schedule: string): { text: string; start: number }[] {
  const fields: { text: string; start: number }[] = [];
  let start = -1;
  for (let index = 0; index <= schedule.length; index++) {
    const space = index === schedule.length || GO_SPACE.test(schedule[index]);
    if (space && start >= 0) {
      fields.push({ text: schedule.slice(start, index), start });
      start = -1;
    } else if (!space && start < 0) start = index;
  }
  return fields;
}

function readField(text: string, start: number, bounds: Bounds): ScheduleField | { problem: ScheduleProblem } {
  const values = new Set<number>();
  let star = false;
  let offset = 0;
  for (const item of text.split(',')) {
    const itemStart = start + offset;
    offset += item.length + 1;
    // strings.FieldsFunc drops empty items: `1,,2` is 1 and 2.
    if (item === '') continue;
    const range = readRange(item, bounds);
    if ('problem' in range) return { problem: { ...range.problem, start: itemStart, end: itemStart + item.length, field: bounds.name, value: item } };
    for (let value = range.low; value <= range.high; value += range.step) values.add(value);
    star ||= range.star;
  }
  return { text, start, values, star };
}

type RangeProblem = { problem: Omit<ScheduleProblem, 'start' | 'end'> };

/** parser.go getRange, check for check in its order. */
function readRange(expression: string, bounds: Bounds): { low: number; high: number; step: number; star: boolean } | RangeProblem {
  const rangeAndStep = expression.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const single = lowAndHigh.length === 1;
  let low: number;
  let high: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    // What follows a `-` after the star is never read: `*-5` is the whole range.
    low = bounds.min;
    high = bounds.max;
    star = true;
  } else {
    const first = intOrName(lowAndHigh[0], bounds);
    if (typeof first !== 'number') return first;
    low = first;
    if (lowAndHigh.length === 1) high = low;
    else if (lowAndHigh.length === 2) {
      const second = intOrName(lowAndHigh[1], bounds);
      if (typeof second !== 'number') return second;
      high = second;
    } else return { problem: { id: 'hyphens', error: `too many hyphens: ${expression}` } };
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = goAtoi(rangeAndStep[1], expression);
    if (typeof parsed !== 'number') return parsed;
    step = parsed;
    if (single) high = bounds.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) return { problem: { id: 'slashes', error: `too many slashes: ${expression}` } };
  if (low < bounds.min) return { problem: { id: 'below-minimum', error: `beginning of range (${low}) below minimum (${bounds.min}): ${expression}`, low: bounds.min, high: bounds.max } };
  if (high > bounds.max) {
    const id = bounds.name === 'dayOfWeek' && high === 7 ? 'sunday-seven' : 'above-maximum';
    return { problem: { id, error: `end of range (${high}) above maximum (${bounds.max}): ${expression}`, low: bounds.min, high: bounds.max } };
  }
  if (low > high) return { problem: { id: 'reversed', error: `beginning of range (${low}) beyond end of range (${high}): ${expression}` } };
  if (step === 0) return { problem: { id: 'zero-step', error: `step of range should be a positive number: ${expression}` } };
  return { low, high, step, star };
}

function intOrName(text: string, bounds: Bounds): number | RangeProblem {
  const named = bounds.names?.[text.toLowerCase()];
  return named ?? goAtoi(text, text);
}

/**
 * parser.go mustParseInt: Go's strconv.Atoi (an optional sign and decimal digits, within int64), then no
 * negative numbers.
 */
function goAtoi(text: string, expression: string): number | RangeProblem {
  if (!/^[+-]?\d+$/.test(text) || BigInt(text) > 2n ** 63n - 1n || BigInt(text) < -(2n ** 63n)) {
    return { problem: { id: 'number', error: `failed to parse int from ${text}: strconv.Atoi: parsing "${text}": ${/^[+-]?\d+$/.test(text) ? 'value out of range' : 'invalid syntax'}` } };
  }
  const value = Number(text);
  if (value < 0) return { problem: { id: 'negative', error: `negative number (${value}) not allowed: ${expression}` } };
  return value;
}

/** spec.go dayMatches: OR only when neither day field has the star bit. */
export function daysAreOr(fields: readonly ScheduleField[]): boolean {
  return !fields[2].star && !fields[4].star;
}

const flags = (count: number, on: (value: number) => boolean) => Array.from({ length: count }, (_, value) => on(value));

/**
 * The schedule as the crontab model holds it (for crontab/describe.ts and next-runs.ts), robfig's star bits as
 * the day flags so that day-of-month AND/OR comes out as dayMatches has it; a descriptor as parseDescriptor
 * expands it. Not for `@every`, which is no calendar schedule.
 */
export function cronScheduleOf(parsed: { descriptor?: string; fields?: readonly ScheduleField[] }): CronSchedule {
  const { descriptor, fields } = parsed;
  if (fields) {
    const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
    return {
      minutes: flags(60, (value) => minute.values.has(value)),
      hours: flags(24, (value) => hour.values.has(value)),
      daysOfMonth: flags(32, (value) => dayOfMonth.values.has(value)),
      months: flags(13, (value) => month.values.has(value)),
      daysOfWeek: flags(7, (value) => dayOfWeek.values.has(value)),
      dayOfMonthStar: dayOfMonth.star,
      dayOfWeekStar: dayOfWeek.star,
      minuteStar: minute.star,
      hourStar: hour.star,
      reboot: false,
    };
  }
  const yearly = descriptor === '@yearly' || descriptor === '@annually';
  const monthly = yearly || descriptor === '@monthly';
  const weekly = descriptor === '@weekly';
  const hourly = descriptor === '@hourly';
  return {
    minutes: flags(60, (value) => value === 0),
    hours: flags(24, (value) => hourly || value === 0),
    daysOfMonth: flags(32, (value) => (monthly ? value === 1 : value >= 1)),
    months: flags(13, (value) => (yearly ? value === 1 : value >= 1)),
    daysOfWeek: flags(7, (value) => !weekly || value === 0),
    dayOfMonthStar: !monthly,
    dayOfWeekStar: !weekly,
    minuteStar: false,
    hourStar: hourly,
    reboot: false,
  };
}
