// The cron expression of a GitHub Actions schedule (`on.schedule[].cron`), read as GitHub documents it:
// "Workflow syntax for GitHub Actions", `on.schedule`, and "Events that trigger workflows", `schedule`
// (github/docs data/reusables/repositories/actions-scheduled-workflow-example.md and reusables/repositories/cron.md):
// - five fields separated by a space: minute 0-59, hour 0-23, day of the month 1-31, month 1-12 or JAN-DEC,
//   day of the week 0-6 or SUN-SAT;
// - the operators `*` (any value), `,` (list), `-` (range) and `/` (step) "in any of the five fields";
//   `20/15` runs "every 15 minutes starting from minute 20 through 59", so a step may follow a single value
//   (Debian's cron rejects that; crontab/fields.ts);
// - no `@yearly`/`@daily`/… : the docs said so in a note ("GitHub Actions does not support the non-standard
//   syntax @yearly, @monthly, @weekly, @daily, @hourly, and @reboot", quoted in actions/starter-workflows#1143),
//   and they are not five fields.
// GitHub's own parser is not public. A cron it does not accept makes the workflow file invalid ("Invalid
// workflow file", actions-rs/audit-check#219 for `0 0 0 * *`). actionlint (rhysd/actionlint rule_events.go)
// checks with robfig/cron, which also accepts `?`, `@daily`, `@every 1h` and lower-case names; where the docs and
// robfig differ this module follows the docs, and says `warning` where the docs leave the question open and no
// report shows what GitHub does. Day of week 7 is not open: GitHub answered "invalid cron attribute" for
// `0 6 * * 7` (geerlingguy/jeffgeerling-com#14, 2020) and `0 * * * 4-7` (gr2m/merge-schedule-action#101, 2024),
// and runs failed on it (fkubota/Carrier-Owl#64, bjlittle/geovista#315). A backwards range stays a warning:
// GitHub's editor check (actions/languageservices workflow-parser/src/model/converter/cron.ts, `endNumber >=
// startNumber`) flags it, but no report shows GitHub itself refusing the workflow.
import type { Severity } from '../types';

export type CronFieldName = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

interface FieldSpec {
  name: CronFieldName;
  low: number;
  high: number;
  names?: readonly string[];
}

// The documented ranges (the docs' field diagram).
export const GITHUB_FIELDS: readonly FieldSpec[] = [
  { name: 'minute', low: 0, high: 59 },
  { name: 'hour', low: 0, high: 23 },
  { name: 'dayOfMonth', low: 1, high: 31 },
  { name: 'month', low: 1, high: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'dayOfWeek', low: 0, high: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

export interface CronField {
  text: string;
  /** Offsets in the expression. */
  start: number;
  end: number;
  /** The values it selects (index = value), when the field is valid. */
  values: boolean[];
  /** The field is exactly `*`. */
  star: boolean;
}

export interface CronProblem {
  /** Message id under `github-actions/invalid-schedule.` */
  id: 'field-count' | 'descriptor' | 'empty' | 'not-text' | 'bad-character' | 'unknown-name' | 'not-a-number' | 'out-of-range' | 'sunday-seven' | 'bad-step' | 'empty-element' | 'reversed-range';
  params: Record<string, string | number>;
  /** Offsets in the expression. */
  start: number;
  end: number;
  /** When the docs leave open whether GitHub rejects it: milder than the rule's error. */
  severity?: Severity;
}

export interface GithubCron {
  fields: CronField[];
  problem?: CronProblem;
}

/** The expression read as GitHub documents it: its five fields, or the first problem met. */
export function parseGithubCron(expression: string): GithubCron {
  const fields: CronField[] = [];
  const words = [...expression.matchAll(/[^ \t]+/g)];
  if (words.length === 0) return { fields, problem: { id: 'empty', params: {}, start: 0, end: expression.length } };
  if (words[0][0].startsWith('@')) {
    const word = words[0];
    return { fields, problem: { id: 'descriptor', params: { descriptor: word[0] }, start: word.index, end: word.index + word[0].length } };
  }
  if (words.length !== 5) {
    return { fields, problem: { id: 'field-count', params: { count: words.length }, start: words[0].index, end: expression.trimEnd().length } };
  }
  for (let index = 0; index < 5; index++) {
    const word = words[index];
    const field = parseField(word[0], GITHUB_FIELDS[index], word.index);
    if ('id' in field) return { fields, problem: field };
    fields.push(field);
  }
  return { fields };
}

function parseField(text: string, spec: FieldSpec, offset: number): CronField | CronProblem {
  const values: boolean[] = new Array(spec.high + 1).fill(false);
  const bad = /[^0-9A-Za-z*,\-/]/.exec(text);
  if (bad) return { id: 'bad-character', params: { character: bad[0], field: spec.name }, start: offset + bad.index, end: offset + bad.index + 1 };
  let position = 0;
  for (const element of text.split(',')) {
    const start = offset + position;
    position += element.length + 1;
    if (element === '') return { id: 'empty-element', params: { field: spec.name }, start: Math.max(offset, start - 1), end: start + 1 };
    const [span, step, extra] = element.split('/');
    if (extra !== undefined || step === '' || (step !== undefined && !/^\d+$/.test(step)) || (step !== undefined && Number(step) === 0)) {
      const slash = element.indexOf('/');
      return { id: 'bad-step', params: { step: element.slice(slash + 1), field: spec.name }, start: start + slash, end: start + element.length };
    }
    let first: number;
    let last: number;
    if (span === '*') {
      first = spec.low;
      last = spec.high;
    } else {
      const bounds = span.split('-');
      if (bounds.length > 2 || bounds.some((bound) => bound === '')) return { id: 'empty-element', params: { field: spec.name }, start, end: start + span.length };
      const read: number[] = [];
      let at = start;
      for (const bound of bounds) {
        const value = valueOf(bound, spec);
        if (typeof value !== 'number') return { ...value, start: at, end: at + bound.length };
        read.push(value);
        at += bound.length + 1;
      }
      first = read[0];
      // `20/15`: from 20 through the end of the field (the docs' example).
      last = read.length === 2 ? read[1] : step !== undefined ? spec.high : read[0];
      if (first > last) return { id: 'reversed-range', params: { range: span, field: spec.name }, start, end: start + span.length, severity: 'warning' };
    }
    const increment = step === undefined ? 1 : Number(step);
    for (let value = first; value <= last; value += increment) values[value] = true;
  }
  return { text, start: offset, end: offset + text.length, values, star: text === '*' };
}

/** A number or a name of the field, or the problem with it (offsets filled in by the caller). */
function valueOf(word: string, spec: FieldSpec): number | Omit<CronProblem, 'start' | 'end'> {
  if (/^\d+$/.test(word)) {
    const value = Number(word);
    // Sunday as 7: cron(8) accepts it, GitHub rejects it ("invalid cron attribute": the issues in the header).
    if (spec.name === 'dayOfWeek' && value === 7) return { id: 'sunday-seven', params: {} };
    if (value < spec.low || value > spec.high) return { id: 'out-of-range', params: { value: word, field: spec.name, low: spec.low, high: spec.high } };
    return value;
  }
  // Minute, hour and day of month have no names: a word there (`H`, `L`) is no value of the field at all.
  if (!spec.names) return { id: 'not-a-number', params: { name: word, field: spec.name, low: spec.low, high: spec.high } };
  const index = spec.names.indexOf(word.toUpperCase());
  if (index >= 0) return index + spec.low;
  return { id: 'unknown-name', params: { name: word, field: spec.name, names: `${spec.names[0]}-${spec.names[spec.names.length - 1]}` } };
}

/**
 * The shortest time in minutes between two runs, when the schedule runs more than once a day: from the minute
 * and hour fields, across midnight only when every day runs. Undefined for one run a day.
 */
export function shortestGap(cron: GithubCron): number | undefined {
  if (cron.problem || cron.fields.length !== 5) return undefined;
  const [minutes, hours, dayOfMonth, month, dayOfWeek] = cron.fields;
  const times: number[] = [];
  for (let hour = 0; hour < 24; hour++) {
    if (!hours.values[hour]) continue;
    for (let minute = 0; minute < 60; minute++) if (minutes.values[minute]) times.push(hour * 60 + minute);
  }
  if (times.length < 2) return undefined;
  let gap = Number.POSITIVE_INFINITY;
  for (let index = 1; index < times.length; index++) gap = Math.min(gap, times[index] - times[index - 1]);
  if (dayOfMonth.star && month.star && dayOfWeek.star) gap = Math.min(gap, times[0] + 1440 - times[times.length - 1]);
  return gap;
}

/**
 * The expression as Debian's cron reads the same schedule, field for field (`20/15` becomes `20-59/15`), for the
 * crontab checks whose meaning is the same on GitHub; undefined when GitHub's reading is in doubt.
 */
export function asCrontabFields(cron: GithubCron): string[] | undefined {
  if (cron.problem || cron.fields.length !== 5) return undefined;
  return cron.fields.map((field, index) =>
    field.text
      .split(',')
      .map((element) => element.replace(/^(\w+)\/(\d+)$/, (_, start: string, step: string) => `${start}-${GITHUB_FIELDS[index].high}/${step}`))
      .join(','),
  );
}
