// A crontab file as a list of lines that keep their positions, read the way cron reads it
// (Debian cron 3.0pl1 user.c load_user → env.c load_env, then entry.c load_entry; cronie's equivalents).
// The parser never throws: what cron would reject becomes a `problem` on the line.
import type { CronDialect, FileKind } from '../types';
import { FIELD_SPECS, type FieldName, type ParsedField, parseField } from './fields';
import { parseEnvironmentLine } from './environment';

export interface Token {
  text: string;
  /** Character offsets on the line. */
  start: number;
  end: number;
}

export type CronKeyword = 'reboot' | 'yearly' | 'annually' | 'monthly' | 'weekly' | 'daily' | 'midnight' | 'hourly';
export const CRON_KEYWORDS: readonly CronKeyword[] = ['reboot', 'yearly', 'annually', 'monthly', 'weekly', 'daily', 'midnight', 'hourly'];

export interface CronSchedule {
  minutes: boolean[];
  hours: boolean[];
  daysOfMonth: boolean[];
  months: boolean[];
  /** 0..6, Sunday = 0 (7 folded in). */
  daysOfWeek: boolean[];
  /** cron's DOM_STAR / DOW_STAR: when either is set, day-of-month AND day-of-week must match, else either. */
  dayOfMonthStar: boolean;
  dayOfWeekStar: boolean;
  /** cron's MIN_STAR / HR_STAR: "wildcard" jobs, which cron treats differently across DST changes (cron.c). */
  minuteStar: boolean;
  hourStar: boolean;
  reboot: boolean;
}

export type LineProblemId =
  | 'field'
  | 'too-few-fields'
  | 'unknown-keyword'
  | 'command-starts-with-star'
  | 'no-command'
  | 'command-too-long';

export interface LineProblem {
  id: LineProblemId;
  start: number;
  end: number;
  params: Record<string, string | number>;
  /** For `field` problems: which field and what went wrong inside it. */
  field?: FieldName;
  fieldProblem?: ParsedField['problem'];
}

export interface BlankLine {
  type: 'blank';
  line: number;
  text: string;
}

export interface CommentLine {
  type: 'comment';
  line: number;
  text: string;
  /** Offset of the `#`. */
  start: number;
}

export interface EnvironmentLine {
  type: 'environment';
  line: number;
  text: string;
  name: Token;
  /** The value as cron stores it (quotes removed). */
  value: string;
  valueToken: Token;
}

export interface JobLine {
  type: 'job';
  line: number;
  text: string;
  /** The five time fields, or one `@keyword` token. */
  timeTokens: Token[];
  keyword?: CronKeyword;
  fields: ParsedField[];
  user?: Token;
  command: Token;
  schedule?: CronSchedule;
  problem?: LineProblem;
  /** The environment (PATH, SHELL, MAILTO, …) in force for this job: assignments above it. */
  environment: ReadonlyMap<string, string>;
}

export interface InvalidLine {
  type: 'invalid';
  line: number;
  text: string;
  problem: LineProblem;
  /** Tokens as far as they could be read, for hovers. */
  timeTokens: Token[];
}

export type CrontabLine = BlankLine | CommentLine | EnvironmentLine | JobLine | InvalidLine;

export interface CrontabDocument {
  kind: FileKind;
  dialect: CronDialect;
  lines: CrontabLine[];
  /** The file ends without a newline after a line cron must read (not a blank or comment line). */
  missingFinalNewline: boolean;
  lineCount: number;
}

// Debian's cron: MAX_COMMAND is 1000 and a command of 999 characters is taken as truncated.
const MAX_COMMAND_LENGTH = 998;

export function parseCrontab(text: string, kind: FileKind, dialect: CronDialect): CrontabDocument {
  const rawLines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) rawLines.pop();
  const lines: CrontabLine[] = [];
  // Copy-on-write: jobs share the environment snapshot in force above them; an assignment makes a new one.
  let environment: ReadonlyMap<string, string> = new Map<string, string>();
  for (let index = 0; index < rawLines.length; index++) {
    const parsed = parseLine(rawLines[index], index, kind, dialect, environment);
    if (parsed.type === 'environment') environment = new Map(environment).set(parsed.name.text, parsed.value);
    lines.push(parsed);
  }
  const last = lines[lines.length - 1];
  const missingFinalNewline = !endsWithNewline && last !== undefined && last.type !== 'blank' && last.type !== 'comment';
  return { kind, dialect, lines, missingFinalNewline, lineCount: rawLines.length };
}

function parseLine(text: string, line: number, kind: FileKind, dialect: CronDialect, environment: ReadonlyMap<string, string>): CrontabLine {
  // skip_comments(): leading spaces and tabs only; `\r` is not a blank to cron.
  let start = 0;
  while (text[start] === ' ' || text[start] === '\t') start++;
  if (start === text.length) return { type: 'blank', line, text };
  if (text[start] === '#') return { type: 'comment', line, text, start };

  const assignment = mayBeAssignment(text, start) ? parseEnvironmentLine(text, start, dialect) : undefined;
  if (assignment) {
    return { type: 'environment', line, text, name: assignment.name, value: assignment.value, valueToken: assignment.valueToken };
  }
  return parseJob(text, line, start, kind, dialect, environment);
}

/**
 * Cheap pre-check before load_env's state machine: an unquoted name runs to `=` or to blanks followed by
 * `=`; anything else (every job line) cannot be an assignment.
 */
function mayBeAssignment(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  if (first === 34 || first === 39) return true; // a quoted name
  let pos = start;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 61) return true; // '='
    if (code === 32 || code === 9 || code === 13 || code === 10 || code === 11 || code === 12) break;
    pos++;
  }
  while (pos < text.length && /\s/.test(text[pos])) pos++;
  return text[pos] === '=';
}

function nextToken(text: string, from: number): Token | undefined {
  let start = from;
  while (text[start] === ' ' || text[start] === '\t') start++;
  if (start >= text.length) return undefined;
  let end = start;
  while (end < text.length && text[end] !== ' ' && text[end] !== '\t') end++;
  return { text: text.slice(start, end), start, end };
}

function parseJob(text: string, line: number, start: number, kind: FileKind, dialect: CronDialect, environment: ReadonlyMap<string, string>): CrontabLine {
  const timeTokens: Token[] = [];
  const fields: ParsedField[] = [];
  let keyword: CronKeyword | undefined;
  let schedule: CronSchedule | undefined;
  let cursor = start;
  // cronie: a leading `-` turns off the syslog line for this job (system crontabs and root's).
  if (dialect === 'cronie' && text[start] === '-') {
    cursor = start + 1;
    start = cursor;
  }
  const invalid = (problem: LineProblem): InvalidLine => ({ type: 'invalid', line, text, problem, timeTokens });

  if (text[start] === '@') {
    const token = nextToken(text, start) as Token;
    timeTokens.push(token);
    const name = token.text.slice(1);
    if (!(CRON_KEYWORDS as readonly string[]).includes(name)) {
      return invalid({ id: 'unknown-keyword', start: token.start, end: token.end, params: { keyword: token.text } });
    }
    keyword = name as CronKeyword;
    schedule = keywordSchedule(keyword);
    cursor = token.end;
  } else {
    for (const spec of FIELD_SPECS) {
      const token = nextToken(text, cursor);
      if (token === undefined) {
        return invalid({ id: 'too-few-fields', start: Math.min(cursor, text.length), end: text.length, params: { field: spec.name, count: timeTokens.length } });
      }
      timeTokens.push(token);
      const field = parseField(token.text, spec, dialect);
      fields.push(field);
      if (field.problem) {
        return invalid({
          id: 'field',
          start: token.start,
          end: token.end,
          params: { field: spec.name, text: token.text },
          field: spec.name,
          fieldProblem: { ...field.problem, start: token.start + field.problem.start, end: token.start + field.problem.end },
        });
      }
      cursor = token.end;
    }
    schedule = scheduleFromFields(fields, timeTokens, dialect);
  }

  let user: Token | undefined;
  if (dialect === 'cronie' && kind === 'crontab-system' && nextToken(text, cursor)?.text.startsWith('*')) {
    // cronie checks for `*` before it reads the user (entry.c), so six time fields fail as "bad command".
    const star = nextToken(text, cursor) as Token;
    return invalid({ id: 'command-starts-with-star', start: star.start, end: star.end, params: {} });
  }
  if (kind === 'crontab-system') {
    user = nextToken(text, cursor);
    if (user === undefined) {
      return invalid({ id: 'too-few-fields', start: Math.min(cursor, text.length), end: text.length, params: { field: 'user', count: timeTokens.length } });
    }
    // Debian: `*` cannot be a user (getpwnam fails, "bad username"); a sixth time field is the usual cause.
    if (user.text.startsWith('*') && (text[user.end] === ' ' || text[user.end] === '\t')) return invalid({ id: 'command-starts-with-star', start: user.start, end: user.end, params: {} });
    cursor = user.end;
  }
  let commandStart = cursor;
  if (kind === 'crontab-system' && dialect === 'debian') {
    // entry.c reads the user with get_string(" \t"), which eats exactly one blank: further blanks belong to
    // the command (and count towards its length limit).
    if (text[commandStart] === ' ' || text[commandStart] === '\t') commandStart++;
  } else {
    while (text[commandStart] === ' ' || text[commandStart] === '\t') commandStart++;
  }
  const command: Token = { text: text.slice(commandStart), start: commandStart, end: text.length };
  // Debian: a system line that ends right after the user reads the user name on into the next line and fails;
  // with a blank after the user, the command may be empty. A user crontab may have an empty command.
  // cronie rejects an empty command everywhere ("bad command").
  const emptyCommandRejected =
    dialect === 'cronie' || (kind === 'crontab-system' && user !== undefined && text[user.end] !== ' ' && text[user.end] !== '\t');
  const job: JobLine = { type: 'job', line, text, timeTokens, keyword, fields, user, command, schedule, environment };

  if (kind === 'crontab-user' && command.text.startsWith('*')) {
    // entry.c: in a user crontab a command may not start with `*` — a sixth time field is a syntax error.
    job.problem = { id: 'command-starts-with-star', start: command.start, end: nextToken(text, command.start)?.end ?? text.length, params: {} };
  } else if (command.text.replace(/\r$/, '').trim().length === 0 && emptyCommandRejected) {
    job.problem = { id: 'no-command', start: Math.max(0, command.start - 1), end: text.length, params: {} };
  } else if (dialect === 'debian' && command.text.length > MAX_COMMAND_LENGTH) {
    job.problem = { id: 'command-too-long', start: command.start, end: command.end, params: { length: command.text.length, max: MAX_COMMAND_LENGTH } };
  }
  return job;
}

function flags(count: number, on: (value: number) => boolean): boolean[] {
  return Array.from({ length: count }, (_, value) => on(value));
}

// Schedules are shared between lines with the same five fields (read-only, like the fields).
const scheduleCache = new Map<string, CronSchedule>();
const SCHEDULE_CACHE_LIMIT = 50_000;

function scheduleFromFields(fields: ParsedField[], tokens: Token[], dialect: CronDialect): CronSchedule {
  const key = `${dialect} ${tokens[0].text} ${tokens[1].text} ${tokens[2].text} ${tokens[3].text} ${tokens[4].text}`;
  let schedule = scheduleCache.get(key);
  if (schedule === undefined) {
    if (scheduleCache.size >= SCHEDULE_CACHE_LIMIT) scheduleCache.clear();
    schedule = buildSchedule(fields);
    scheduleCache.set(key, schedule);
  }
  return schedule;
}

// Day-of-week 7 is Sunday (entry.c sets bits 0 and 7 together); fold once per distinct field.
const foldedDaysOfWeek = new WeakMap<ParsedField, boolean[]>();

function buildSchedule(fields: ParsedField[]): CronSchedule {
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  let daysOfWeek = foldedDaysOfWeek.get(dayOfWeek);
  if (!daysOfWeek) {
    daysOfWeek = flags(7, (day) => dayOfWeek.values[day] || (day === 0 && dayOfWeek.values[7]));
    foldedDaysOfWeek.set(dayOfWeek, daysOfWeek);
  }
  return {
    minutes: minute.values,
    hours: hour.values,
    daysOfMonth: dayOfMonth.values,
    months: month.values,
    daysOfWeek,
    dayOfMonthStar: dayOfMonth.startsWithStar,
    dayOfWeekStar: dayOfWeek.startsWithStar,
    minuteStar: minute.startsWithStar,
    hourStar: hour.startsWithStar,
    reboot: false,
  };
}

const keywordSchedules = new Map<CronKeyword, CronSchedule>();

/** entry.c's expansion of the @keywords, flags included (@weekly sets DOM_STAR, @monthly/@yearly DOW_STAR). */
export function keywordSchedule(keyword: CronKeyword): CronSchedule {
  let schedule = keywordSchedules.get(keyword);
  if (!schedule) keywordSchedules.set(keyword, (schedule = buildKeywordSchedule(keyword)));
  return schedule;
}

function buildKeywordSchedule(keyword: CronKeyword): CronSchedule {
  const all = (count: number, low = 0) => flags(count, (value) => value >= low);
  const only = (count: number, value: number) => flags(count, (candidate) => candidate === value);
  const base: CronSchedule = {
    minutes: only(60, 0),
    hours: only(24, 0),
    daysOfMonth: all(32, 1),
    months: all(13, 1),
    daysOfWeek: all(7),
    dayOfMonthStar: false,
    dayOfWeekStar: false,
    minuteStar: false,
    hourStar: false,
    reboot: false,
  };
  switch (keyword) {
    case 'reboot':
      return { ...base, reboot: true };
    case 'yearly':
    case 'annually':
      return { ...base, daysOfMonth: only(32, 1), months: only(13, 1), dayOfWeekStar: true };
    case 'monthly':
      return { ...base, daysOfMonth: only(32, 1), dayOfWeekStar: true };
    case 'weekly':
      return { ...base, daysOfWeek: only(7, 0), dayOfMonthStar: true };
    case 'daily':
    case 'midnight':
      return base;
    case 'hourly':
      return { ...base, hours: all(24), hourStar: true };
  }
}
