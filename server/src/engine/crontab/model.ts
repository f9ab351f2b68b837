// What a crontab line is, once read the way cron reads it (Debian cron 3.0pl1 entry.c and env.c; cronie's
// equivalents): the line objects CrontabDocument builds on demand, the schedule a job's time part selects,
// and the problems cron rejects a line for. Types only, so every crontab module can name them without
// depending on the parser.
import type { FieldName, ParsedField } from './fields';

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
