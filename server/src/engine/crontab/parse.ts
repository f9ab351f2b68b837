// A crontab file as a list of lines that keep their positions, read the way cron reads it
// (Debian cron 3.0pl1 user.c load_user → env.c load_env, then entry.c load_entry; cronie's equivalents).
// The parser never throws: what cron would reject becomes a `problem` on the line.
//
// Speed: a system crontab may have 100,000 lines, and an object (plus tokens, substrings and arrays) per line
// costs far more than reading the file. So the document keeps its lines as columns of numbers (offsets into
// the text). What job lines share is parsed once and cached: the time part (fields, schedule, texts) as a
// TimeSpec, and the whole head (time part and user, as written) as a JobHead, found by walking a trie along
// the line, so most job lines cost one pass over their first few characters. Rules read the columns through
// CrontabDocument's job*/environment* methods; `lines` and `line()` build the familiar line objects
// (CrontabLine) on demand, for hovers, tests and anything else that wants them.
import type { CronDialect, FileKind } from '../types';
import { FIELD_SPECS, type FieldEntry, type FieldName, type ParsedField, fieldEntryAt } from './fields';
import { scanAssignment } from './environment';
import { HASH_START, hashStep, Interner, sameText } from '../util/text-table';
import { CharTrie } from '../util/char-trie';
import { isJsWhitespace } from '../util/chars';
import { canEverRun } from './next-runs';

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

/**
 * The time part of a job line, five fields or one `@keyword`, parsed once and shared (read-only) by every line
 * that writes it the same way.
 */
export class TimeSpec {
  /** Some field has a range written backwards (`5-2`), which selects nothing. */
  readonly hasEmptyRanges: boolean;
  /** Some field has text Debian's cron skips (`;6` in `5;6`). */
  readonly hasIgnoredSuffix: boolean;
  /** How many hours the schedule selects. */
  readonly hourCount: number;
  private everRuns: boolean | undefined;

  constructor(
    /** The time tokens as written (`['0', '*', '*', '*', '1-5']`, or `['@daily']`). */
    readonly texts: readonly string[],
    /** The five parsed fields; empty for a keyword. */
    readonly fields: readonly ParsedField[],
    readonly schedule: CronSchedule,
    readonly keyword?: CronKeyword,
  ) {
    this.hasEmptyRanges = fields.some((field) => field.emptyRanges.length > 0);
    this.hasIgnoredSuffix = fields.some((field) => field.ignoredSuffix !== undefined);
    let hours = 0;
    for (const hour of schedule.hours) if (hour) hours++;
    this.hourCount = hours;
  }

  /** Whether the schedule can ever fire (next-runs.ts canEverRun, kept here once computed). */
  canEverRun(): boolean {
    if (this.everRuns === undefined) this.everRuns = canEverRun(this.schedule);
    return this.everRuns;
  }
}

const BLANK = 0;
const COMMENT = 1;
const ENVIRONMENT = 2;
const JOB = 3;
const INVALID = 4;
const LINE_TYPES = ['blank', 'comment', 'environment', 'job', 'invalid'] as const;

/**
 * What a job line says before its command: the time part and (system crontabs) the user, with offsets from
 * the first character of the time part. Lines that write this part the same way, blanks included, share one
 * cached JobHead, so most job lines are parsed with one lookup. Read-only.
 */
interface JobHead {
  readonly time: TimeSpec;
  /** The user column ('' without one). */
  readonly user: string;
  /** Start and end of each time token, then of the user (-1 without one), from the head's start. */
  readonly offsets: Int32Array;
  /** Where the head ends (after the user, else after the time part), from its start. */
  readonly length: number;
  /**
   * mayBeAssignment() is decided within the head (it reads the first word, the whitespace after it and one
   * more character), so every line that starts with this head is, like the one it was read from, no
   * assignment. False for a head the check reads beyond (`@daily` alone in a user crontab).
   */
  readonly noAssignment: boolean;
}

/** Heads a file adds to the cache before it must show that half of its job lines find theirs there. */
const HEAD_TRIAL = 2048;

const USER_START = 10;
const USER_END = 11;

// Per assignment line: its line, the name's start and end and the value's (as written) on the line, and
// where the value as cron stores it is in the text.
const ENVIRONMENT_STRIDE = 7;
const NAME_START = 1;
const NAME_END = 2;
const VALUE_START = 3;
const VALUE_END = 4;
const VALUE_TEXT_START = 5;
const VALUE_TEXT_END = 6;

/** The environment in force after `line` (and up to the next snapshot). */
interface EnvironmentSnapshot {
  line: number;
  environment: ReadonlyMap<string, string>;
}

export class CrontabDocument {
  readonly kind: FileKind;
  readonly dialect: CronDialect;
  /** The text the document was parsed from. */
  readonly text: string;
  readonly lineCount: number;
  /** The file ends without a newline after a line cron must read (not a blank or comment line). */
  readonly missingFinalNewline: boolean;
  /** Job lines (with or without a problem), numbered 0..jobCount-1 in file order. */
  readonly jobCount: number;
  /** Job numbers of the jobs that have a problem, in file order. */
  readonly jobsWithProblems: readonly number[];
  /** Lines cron rejects before reading them as a job, in file order. */
  readonly invalidLines: readonly InvalidLine[];
  /** Comment lines, in file order. */
  readonly commentLines: readonly number[];
  readonly environmentCount: number;

  /** Where each line starts in the text; one more entry, so line `n` ends at lineStarts[n + 1] - 1. */
  private readonly lineStarts: Int32Array;
  private readonly lineTypes: Uint8Array;
  private readonly jobLineNumbers: Int32Array;
  /** Where each job's head (its time part) starts in the text. */
  private readonly jobStarts: Int32Array;
  private readonly jobHeads: JobHead[];
  private readonly problems: Map<number, LineProblem>;
  private readonly environmentOffsets: Int32Array;
  /** Variable names (shared strings), by environment line. */
  private readonly environmentNames: string[];
  private readonly environmentSnapshots: EnvironmentSnapshot[];
  private built: CrontabLine[] | undefined;

  constructor(parser: Parser) {
    this.kind = parser.kind;
    this.dialect = parser.dialect;
    this.text = parser.text;
    this.lineCount = parser.lineCount;
    const lastType = parser.lineTypes[parser.lineCount - 1];
    this.missingFinalNewline = !parser.text.endsWith('\n') && lastType !== BLANK && lastType !== COMMENT;
    this.jobCount = parser.jobCount;
    this.jobsWithProblems = parser.jobsWithProblems;
    this.invalidLines = parser.invalidLines;
    this.commentLines = parser.commentLines;
    this.environmentCount = parser.environmentCount;
    this.lineStarts = parser.lineStarts;
    this.lineTypes = parser.lineTypes;
    this.jobLineNumbers = parser.jobLineNumbers;
    this.jobStarts = parser.jobStarts;
    this.jobHeads = parser.jobHeads;
    this.problems = parser.problems;
    this.environmentOffsets = parser.environmentOffsets;
    this.environmentNames = parser.environmentNames;
    this.environmentSnapshots = parser.environmentSnapshots;
  }

  /** Every line as an object (built on first use, then kept). */
  get lines(): CrontabLine[] {
    if (this.built === undefined) {
      const lines: CrontabLine[] = [];
      for (let line = 0; line < this.lineCount; line++) lines.push(this.buildLine(line));
      this.built = lines;
    }
    return this.built;
  }

  /** One line as an object, or undefined past the end. */
  line(line: number): CrontabLine | undefined {
    if (this.built !== undefined) return this.built[line];
    return Number.isInteger(line) && line >= 0 && line < this.lineCount ? this.buildLine(line) : undefined;
  }

  lineType(line: number): CrontabLine['type'] {
    return LINE_TYPES[this.lineTypes[line]];
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineStarts[line + 1] - 1);
  }

  lineLength(line: number): number {
    return this.lineStarts[line + 1] - 1 - this.lineStarts[line];
  }

  /** Offset of line `line` in the text. */
  lineOffset(line: number): number {
    return this.lineStarts[line];
  }

  /** Offset of the `#` on a comment line (of the first character that is no blank, on any line). */
  commentStart(line: number): number {
    const start = this.lineStarts[line];
    const end = this.lineStarts[line + 1] - 1;
    let pos = start;
    while (pos < end && isBlank(this.text.charCodeAt(pos))) pos++;
    return pos - start;
  }

  // Jobs, by job number.

  jobLine(job: number): number {
    return this.jobLineNumbers[job];
  }

  jobTime(job: number): TimeSpec {
    return this.jobHeads[job].time;
  }

  jobSchedule(job: number): CronSchedule {
    return this.jobHeads[job].time.schedule;
  }

  jobProblem(job: number): LineProblem | undefined {
    return this.problems.size === 0 ? undefined : this.problems.get(job);
  }

  /** A job cron accepts (no line problem). */
  isAccepted(job: number): boolean {
    return this.problems.size === 0 || !this.problems.has(job);
  }

  /** Time token `index` (0..4, or 0 for a keyword), as character offsets on the line. */
  timeTokenStart(job: number, index: number): number {
    return this.headOffset(job) + this.jobHeads[job].offsets[index * 2];
  }

  timeTokenEnd(job: number, index: number): number {
    return this.headOffset(job) + this.jobHeads[job].offsets[index * 2 + 1];
  }

  timeTokenText(job: number, index: number): string {
    return this.jobHeads[job].time.texts[index];
  }

  /** Whether the job has a user column (system crontabs). */
  hasUser(job: number): boolean {
    return this.jobHeads[job].user !== '';
  }

  userStart(job: number): number {
    return this.headOffset(job) + this.jobHeads[job].offsets[USER_START];
  }

  userEnd(job: number): number {
    return this.headOffset(job) + this.jobHeads[job].offsets[USER_END];
  }

  /** The user column's text ('' without one). */
  userText(job: number): string {
    return this.jobHeads[job].user;
  }

  commandStart(job: number): number {
    const line = this.jobLineNumbers[job];
    return commandStartAfter(this.text, this.jobStarts[job] + this.jobHeads[job].length, this.lineStarts[line + 1] - 1, this.kind, this.dialect) - this.lineStarts[line];
  }

  /** The command runs to the end of the line. */
  commandEnd(job: number): number {
    return this.lineLength(this.jobLineNumbers[job]);
  }

  commandText(job: number): string {
    const line = this.jobLineNumbers[job];
    return this.text.slice(this.lineStarts[line] + this.commandStart(job), this.lineStarts[line + 1] - 1);
  }

  /** The environment in force for the job: assignments above it. */
  jobEnvironment(job: number): ReadonlyMap<string, string> {
    const line = this.jobLineNumbers[job];
    const snapshots = this.environmentSnapshots;
    // The last snapshot taken on a line above this one (the first, at line -1, is the empty environment).
    let low = 0;
    let high = snapshots.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (snapshots[middle].line < line) low = middle;
      else high = middle - 1;
    }
    return snapshots[low].environment;
  }

  /** The job as a JobLine object. */
  job(job: number): JobLine {
    return this.line(this.jobLineNumbers[job]) as JobLine;
  }

  // Environment lines, by their number among environment lines.

  environmentLine(index: number): number {
    return this.environmentOffsets[index * ENVIRONMENT_STRIDE];
  }

  environmentName(index: number): string {
    return this.environmentNames[index];
  }

  /** The value as cron stores it. */
  environmentValue(index: number): string {
    const base = index * ENVIRONMENT_STRIDE;
    return this.text.slice(this.environmentOffsets[base + VALUE_TEXT_START], this.environmentOffsets[base + VALUE_TEXT_END]);
  }

  environmentNameStart(index: number): number {
    return this.environmentOffsets[index * ENVIRONMENT_STRIDE + NAME_START];
  }

  environmentNameEnd(index: number): number {
    return this.environmentOffsets[index * ENVIRONMENT_STRIDE + NAME_END];
  }

  /** Where the value is written on the line (inside its quotes). */
  environmentValueStart(index: number): number {
    return this.environmentOffsets[index * ENVIRONMENT_STRIDE + VALUE_START];
  }

  environmentValueEnd(index: number): number {
    return this.environmentOffsets[index * ENVIRONMENT_STRIDE + VALUE_END];
  }

  /** Offset of the job's head on its line. */
  private headOffset(job: number): number {
    return this.jobStarts[job] - this.lineStarts[this.jobLineNumbers[job]];
  }

  private buildLine(line: number): CrontabLine {
    const type = this.lineTypes[line];
    const text = this.lineText(line);
    switch (type) {
      case BLANK:
        return { type: 'blank', line, text };
      case COMMENT:
        return { type: 'comment', line, text, start: this.commentStart(line) };
      case ENVIRONMENT: {
        const index = this.environmentOf(line);
        const valueStart = this.environmentValueStart(index);
        const valueEnd = this.environmentValueEnd(index);
        return {
          type: 'environment',
          line,
          text,
          name: { text: this.environmentName(index), start: this.environmentNameStart(index), end: this.environmentNameEnd(index) },
          value: this.environmentValue(index),
          valueToken: { text: text.slice(valueStart, valueEnd), start: valueStart, end: valueEnd },
        };
      }
      case INVALID:
        return this.invalidLines[findByLine(this.invalidLines, line)];
      default:
        return this.buildJob(this.jobOf(line), line, text);
    }
  }

  /** The number of an environment line among them. */
  private environmentOf(line: number): number {
    let low = 0;
    let high = this.environmentCount - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.environmentLine(middle) < line) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The job number of a job line. */
  private jobOf(line: number): number {
    let low = 0;
    let high = this.jobCount - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.jobLineNumbers[middle] < line) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private buildJob(job: number, line: number, text: string): JobLine {
    const time = this.jobHeads[job].time;
    const timeTokens: Token[] = [];
    for (let index = 0; index < time.texts.length; index++) {
      timeTokens.push({ text: time.texts[index], start: this.timeTokenStart(job, index), end: this.timeTokenEnd(job, index) });
    }
    const user = this.hasUser(job) ? { text: this.userText(job), start: this.userStart(job), end: this.userEnd(job) } : undefined;
    const commandStart = this.commandStart(job);
    const command: Token = { text: text.slice(commandStart), start: commandStart, end: text.length };
    const result: JobLine = {
      type: 'job',
      line,
      text,
      timeTokens,
      keyword: time.keyword,
      fields: [...time.fields],
      user,
      command,
      schedule: time.schedule,
      environment: this.jobEnvironment(job),
    };
    const problem = this.jobProblem(job);
    if (problem !== undefined) result.problem = problem;
    return result;
  }
}

/** Index of the item for `line` in a list sorted by line. */
function findByLine(items: readonly { line: number }[], line: number): number {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle].line < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Debian's cron: MAX_COMMAND is 1000 and a command of 999 characters is taken as truncated.
const MAX_COMMAND_LENGTH = 998;

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const AT = 64;
const STAR = 42;
const MINUS = 45;
const EQUALS = 61;
const isBlank = (code: number): boolean => code === SPACE || code === TAB;

/** Where the command starts, given where the head (time part and user) ends. */
function commandStartAfter(text: string, headEnd: number, lineEnd: number, kind: FileKind, dialect: CronDialect): number {
  let start = headEnd;
  if (kind === 'crontab-system' && dialect === 'debian') {
    // entry.c reads the user with get_string(" \t"), which eats exactly one blank: further blanks belong to
    // the command (and count towards its length limit).
    if (start < lineEnd && isBlank(text.charCodeAt(start))) start++;
  } else {
    while (start < lineEnd && isBlank(text.charCodeAt(start))) start++;
  }
  return start;
}

// Heads seen before, per format and dialect (the same text parses differently in each), in a trie the parser
// walks as it reads the line. Bounded: 32,768 states (a head takes up to one state per character, and heads
// share their beginnings), which is at most about 1.5 MB per trie.
const HEAD_STATE_LIMIT = 32_768;
const headTries = {
  'crontab-system': { debian: new CharTrie<JobHead>(HEAD_STATE_LIMIT), cronie: new CharTrie<JobHead>(HEAD_STATE_LIMIT) },
  'crontab-user': { debian: new CharTrie<JobHead>(HEAD_STATE_LIMIT), cronie: new CharTrie<JobHead>(HEAD_STATE_LIMIT) },
};

function grow<T extends Int32Array | Uint8Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

// Columns of references are filled by index, never pushed: an array that starts empty changes its element
// kind on the first push, which throws V8's optimized parser back to the interpreter on every new document.
// Storing one `undefined` gives the array the kind that holds anything up front (without filling it all).
function slots<T>(length: number): T[] {
  const array = new Array<T | undefined>(Math.max(length, 1));
  array[0] = undefined;
  return array as T[];
}

function growSlots<T>(array: T[], length: number): T[] {
  if (length <= array.length) return array;
  const bigger = slots<T>(Math.max(length, array.length * 2));
  for (let index = 0; index < array.length; index++) bigger[index] = array[index];
  return bigger;
}

/** Scratch for the time tokens of the line being parsed (line offsets, start and end per token). */
const tokenScratch = new Int32Array(10);
const entryScratch: FieldEntry[] = [];

class Parser {
  readonly system: boolean;
  readonly cronie: boolean;
  readonly heads: CharTrie<JobHead>;
  lineCount = 0;
  lineStarts: Int32Array;
  lineTypes: Uint8Array;
  jobCount = 0;
  /** Job lines whose schedule the shared time table had, and did not have (see parseJob). */
  timeHits = 0;
  timeMisses = 0;
  jobLineNumbers: Int32Array;
  jobStarts: Int32Array;
  jobHeads: JobHead[];
  readonly jobsWithProblems: number[] = [];
  readonly problems = new Map<number, LineProblem>();
  readonly invalidLines: InvalidLine[] = [];
  readonly commentLines: number[] = [];
  environmentCount = 0;
  environmentOffsets = new Int32Array(16 * ENVIRONMENT_STRIDE);
  environmentNames: string[] = slots(16);
  readonly environmentSnapshots: EnvironmentSnapshot[] = [{ line: -1, environment: new Map<string, string>() }];

  constructor(
    readonly text: string,
    readonly kind: FileKind,
    readonly dialect: CronDialect,
  ) {
    this.system = kind === 'crontab-system';
    this.cronie = dialect === 'cronie';
    this.heads = headTries[kind][dialect];
    // A guess from the length (about 60 characters a line); the columns grow when it is short.
    const lines = (text.length >> 6) + 16;
    this.lineStarts = new Int32Array(lines + 1);
    this.lineTypes = new Uint8Array(lines);
    this.jobLineNumbers = new Int32Array(lines);
    this.jobStarts = new Int32Array(lines);
    this.jobHeads = slots(lines);
  }

  parse(): CrontabDocument {
    // One loop for the common lines (blank, comment, a job whose head is cached), with the columns in locals;
    // everything else goes through methods. Keep it that way: this loop is most of the time of a lint.
    const text = this.text;
    const length = text.length;
    const heads = this.heads;
    let headSingle = heads.single;
    let headRowOf = heads.rowOf;
    let headRows = heads.rows;
    let headValues = heads.values;
    const cronie = this.cronie;
    const commentLines = this.commentLines;
    let lineStarts = this.lineStarts;
    let lineTypes = this.lineTypes;
    let line = 0;
    let lineStart = 0;
    let headHits = 0;
    let headMisses = 0;
    for (;;) {
      let lineEnd = text.indexOf('\n', lineStart);
      const last = lineEnd < 0;
      if (last) lineEnd = length;
      if (line + 1 >= lineTypes.length) {
        this.growLines(line + 2);
        lineStarts = this.lineStarts;
        lineTypes = this.lineTypes;
      }
      lineStarts[line] = lineStart;
      // skip_comments(): leading spaces and tabs only; `\r` is not a blank to cron.
      let start = lineStart;
      let first = -1;
      while (start < lineEnd) {
        first = text.charCodeAt(start);
        if (first !== SPACE && first !== TAB) break;
        start++;
      }
      let type: number;
      if (start === lineEnd) type = BLANK;
      else if (first === HASH) {
        type = COMMENT;
        commentLines.push(line);
      } else {
        // Walk the trie of known heads (the time tokens and the user, blanks between them included) along the
        // line (see CharTrie). A head in the trie is complete: it is this line's head when a blank or the line's
        // end follows. (Literals, not named constants: an imported constant is a property load per character.)
        // Only heads of lines read as jobs are in the trie (no assignment, no cronie `-`); a line that matches
        // one is a job too when the head settles the assignment check (noAssignment), else it goes the long way.
        let state = 1; // CharTrie.ROOT
        let pos = start;
        let head: JobHead | undefined;
        for (;;) {
          if (pos === lineEnd) {
            head = headValues[state];
            break;
          }
          const code = text.charCodeAt(pos);
          if ((code === 32 || code === 9) && headValues[state] !== undefined) {
            head = headValues[state];
            break;
          }
          const way = headSingle[state];
          if (way > 0) {
            if (way >> 16 !== code) break;
            state = way & 0xffff;
          } else {
            if (way === 0 || code >= 128) break;
            state = headRows[(headRowOf[state] << 7) | code];
            if (state === 0) break;
          }
          pos++;
        }
        if (head !== undefined) headHits++;
        if (head !== undefined && head.noAssignment) type = this.addJob(line, lineStart, lineEnd, start, head);
        else if (mayBeAssignment(text, start, lineEnd)) type = this.parseAssignment(line, lineStart, lineEnd, start) ? ENVIRONMENT : this.parseJob(line, lineStart, lineEnd, start, false);
        else if (first === MINUS && cronie) type = this.parseJob(line, lineStart, lineEnd, start, false);
        else if (head !== undefined) type = this.addJob(line, lineStart, lineEnd, start, head);
        else {
          // A file whose heads rarely repeat (every line its own schedule) gains nothing from the trie and
          // pays for filling it, and starting it over, on every line: stop adding once most heads were new.
          headMisses++;
          type = this.parseJob(line, lineStart, lineEnd, start, headMisses < HEAD_TRIAL || headHits >= headMisses);
          // The trie may have grown (or started over).
          headSingle = heads.single;
          headRowOf = heads.rowOf;
          headRows = heads.rows;
          headValues = heads.values;
        }
      }
      lineTypes[line] = type;
      line++;
      // text.split('\n') without the empty string after a final newline.
      if (last || lineEnd + 1 === length) {
        lineStarts[line] = lineEnd + 1;
        break;
      }
      lineStart = lineEnd + 1;
    }
    this.lineCount = line;
    return new CrontabDocument(this);
  }

  /** Room for `lines` lines (lineStarts keeps one entry more than lineTypes). */
  private growLines(lines: number): void {
    const capacity = Math.max(lines, this.lineTypes.length * 2);
    this.lineTypes = grow(this.lineTypes, capacity);
    this.lineStarts = grow(this.lineStarts, capacity + 1);
  }

  private parseAssignment(line: number, lineStart: number, lineEnd: number, start: number): boolean {
    const text = this.text;
    const scan = scanAssignment(text, start, lineEnd, this.dialect);
    if (scan === undefined) return false;
    const index = this.environmentCount++;
    // Files set the same few variables again and again: try the previous line's name before the interner.
    const previous = index > 0 ? this.environmentNames[index - 1] : undefined;
    const name = previous !== undefined && sameText(text, scan.nameStart, scan.nameEnd, previous) ? previous : environmentNames.intern(text, scan.nameStart, scan.nameEnd);
    if (index >= this.environmentNames.length) {
      this.environmentOffsets = grow(this.environmentOffsets, (index + 1) * ENVIRONMENT_STRIDE);
      this.environmentNames = growSlots(this.environmentNames, index + 1);
    }
    const offsets = this.environmentOffsets;
    const base = index * ENVIRONMENT_STRIDE;
    offsets[base] = line;
    offsets[base + NAME_START] = scan.nameStart - lineStart;
    offsets[base + NAME_END] = scan.nameEnd - lineStart;
    offsets[base + VALUE_START] = scan.valueStart - lineStart;
    offsets[base + VALUE_END] = scan.valueEnd - lineStart;
    offsets[base + VALUE_TEXT_START] = scan.valueTextStart;
    offsets[base + VALUE_TEXT_END] = scan.valueTextEnd;
    this.environmentNames[index] = name;
    // Copy-on-write: jobs share the environment snapshot in force above them; an assignment makes a new one
    // (unless it sets a variable to the value it already has).
    const snapshots = this.environmentSnapshots;
    const environment = snapshots[snapshots.length - 1].environment;
    const current = environment.get(name);
    if (current === undefined || !sameText(text, scan.valueTextStart, scan.valueTextEnd, current)) {
      snapshots.push({ line, environment: new Map(environment).set(name, text.slice(scan.valueTextStart, scan.valueTextEnd)) });
    }
    return true;
  }

  /**
   * A job line read token by token (entry.c load_entry). With `cache`, the line's head (which was not in the
   * head trie) is added to it when valid; only for lines that are no assignment and have no cronie `-`.
   */
  private parseJob(line: number, lineStart: number, lineEnd: number, start: number, cache: boolean): number {
    const text = this.text;
    let cursor = start;
    // cronie: a leading `-` turns off the syslog line for this job (system crontabs and root's).
    if (this.cronie && text.charCodeAt(start) === MINUS) {
      cursor = start + 1;
      start = cursor;
    }
    let time: TimeSpec;
    let tokenCount: number;
    if (start < lineEnd && text.charCodeAt(start) === AT) {
      let end = start;
      while (end < lineEnd && !isBlank(text.charCodeAt(end))) end++;
      tokenScratch[0] = start - lineStart;
      tokenScratch[1] = end - lineStart;
      tokenCount = 1;
      const keyword = keywordAt(text, start + 1, end);
      if (keyword === undefined) {
        const keywordText = text.slice(start, end);
        return this.invalid(line, lineStart, lineEnd, tokenCount, { id: 'unknown-keyword', start: start - lineStart, end: end - lineStart, params: { keyword: keywordText } });
      }
      time = keywordTime(keyword);
      cursor = end;
    } else {
      for (let index = 0; index < FIELD_SPECS.length; index++) {
        let tokenStart = cursor;
        while (tokenStart < lineEnd && isBlank(text.charCodeAt(tokenStart))) tokenStart++;
        if (tokenStart >= lineEnd) {
          return this.invalid(line, lineStart, lineEnd, index, {
            id: 'too-few-fields',
            start: cursor - lineStart,
            end: lineEnd - lineStart,
            params: { field: FIELD_SPECS[index].name, count: index },
          });
        }
        let tokenEnd = tokenStart;
        let fieldHash = HASH_START;
        while (tokenEnd < lineEnd) {
          const code = text.charCodeAt(tokenEnd);
          if (code === SPACE || code === TAB) break;
          fieldHash = hashStep(fieldHash, code);
          tokenEnd++;
        }
        tokenScratch[index * 2] = tokenStart - lineStart;
        tokenScratch[index * 2 + 1] = tokenEnd - lineStart;
        const entry = fieldEntryAt(text, tokenStart, tokenEnd, fieldHash, index, this.dialect);
        const problem = entry.field.problem;
        if (problem !== undefined) {
          const offset = tokenStart - lineStart;
          const name = FIELD_SPECS[index].name;
          return this.invalid(line, lineStart, lineEnd, index + 1, {
            id: 'field',
            start: offset,
            end: tokenEnd - lineStart,
            params: { field: name, text: entry.text },
            field: name,
            fieldProblem: { ...problem, start: offset + problem.start, end: offset + problem.end },
          });
        }
        entryScratch[index] = entry;
        cursor = tokenEnd;
      }
      tokenCount = FIELD_SPECS.length;
      // As with heads: once most schedules of a file were new, the shared table only costs (parse.ts HEAD_TRIAL).
      if (this.timeMisses < HEAD_TRIAL || this.timeMisses <= this.timeHits) {
        const before = timeCount;
        time = timeFromFields(entryScratch);
        if (timeCount === before) this.timeHits++;
        else this.timeMisses++;
      } else {
        time = newTime(entryScratch);
      }
    }

    const offsets = headOffsets();
    for (let index = 0; index < tokenCount * 2; index++) offsets[index] = tokenScratch[index] + lineStart - start;
    let user = '';
    if (this.system) {
      let userStart = cursor;
      while (userStart < lineEnd && isBlank(text.charCodeAt(userStart))) userStart++;
      if (userStart >= lineEnd) {
        return this.invalid(line, lineStart, lineEnd, tokenCount, {
          id: 'too-few-fields',
          start: cursor - lineStart,
          end: lineEnd - lineStart,
          params: { field: 'user', count: tokenCount },
        });
      }
      let userEnd = userStart;
      while (userEnd < lineEnd && !isBlank(text.charCodeAt(userEnd))) userEnd++;
      // cronie checks for `*` before it reads the user (entry.c), so six time fields fail as "bad command".
      // Debian: `*` cannot be a user (getpwnam fails, "bad username"); a sixth time field is the usual cause.
      if (text.charCodeAt(userStart) === STAR && (this.cronie || userEnd < lineEnd)) {
        return this.invalid(line, lineStart, lineEnd, tokenCount, { id: 'command-starts-with-star', start: userStart - lineStart, end: userEnd - lineStart, params: {} });
      }
      user = users.intern(text, userStart, userEnd);
      offsets[USER_START] = userStart - start;
      offsets[USER_END] = userEnd - start;
      cursor = userEnd;
    }
    const head: JobHead = { time, user, offsets, length: cursor - start, noAssignment: assignmentCheckWithin(text, start, cursor) };
    // Only a head whose meaning cannot depend on what follows it: Debian reads a user `*` differently when
    // the line ends right after it.
    if (cache && !user.startsWith('*')) this.heads.add(text, start, cursor, head);
    return this.addJob(line, lineStart, lineEnd, start, head);
  }

  private addJob(line: number, lineStart: number, lineEnd: number, start: number, head: JobHead): number {
    const job = this.jobCount++;
    if (job >= this.jobLineNumbers.length) this.growJobs(job + 1);
    this.jobLineNumbers[job] = line;
    this.jobStarts[job] = start;
    if (job >= this.jobHeads.length) this.jobHeads = growSlots(this.jobHeads, job + 1);
    this.jobHeads[job] = head;
    // The usual line: one blank after the head, then a command that starts with a plain character (so it is
    // neither empty nor `*…`, whatever the dialect skips), and not too long for Debian. Else look closer.
    const headEnd = start + head.length;
    const first = headEnd + 1 < lineEnd ? this.text.charCodeAt(headEnd + 1) : -1;
    if (first > 32 && first < 127 && first !== STAR && lineEnd - headEnd <= MAX_COMMAND_LENGTH + 1) return JOB;
    const problem = this.commandProblem(lineStart, lineEnd, headEnd);
    if (problem !== undefined) {
      this.problems.set(job, problem);
      this.jobsWithProblems.push(job);
    }
    return JOB;
  }

  private growJobs(length: number): void {
    this.jobLineNumbers = grow(this.jobLineNumbers, length);
    this.jobStarts = grow(this.jobStarts, length);
  }

  private commandProblem(lineStart: number, lineEnd: number, headEnd: number): LineProblem | undefined {
    const text = this.text;
    const commandStart = commandStartAfter(text, headEnd, lineEnd, this.kind, this.dialect);
    if (!this.system) {
      if (commandStart < lineEnd && text.charCodeAt(commandStart) === STAR) {
        // entry.c: in a user crontab a command may not start with `*` — a sixth time field is a syntax error.
        let end = commandStart;
        while (end < lineEnd && !isBlank(text.charCodeAt(end))) end++;
        return { id: 'command-starts-with-star', start: commandStart - lineStart, end: end - lineStart, params: {} };
      }
    }
    // Debian: a system line that ends right after the user reads the user name on into the next line and fails;
    // with a blank after the user, the command may be empty. A user crontab may have an empty command.
    // cronie rejects an empty command everywhere ("bad command").
    const emptyCommandRejected = this.cronie || (this.system && headEnd === lineEnd);
    if (emptyCommandRejected && isEmptyCommand(text, commandStart, lineEnd)) {
      return { id: 'no-command', start: Math.max(0, commandStart - lineStart - 1), end: lineEnd - lineStart, params: {} };
    }
    if (!this.cronie && lineEnd - commandStart > MAX_COMMAND_LENGTH) {
      const length = lineEnd - commandStart;
      return { id: 'command-too-long', start: commandStart - lineStart, end: lineEnd - lineStart, params: { length, max: MAX_COMMAND_LENGTH } };
    }
    return undefined;
  }

  /** A line cron rejects before it is a job; `tokenCount` time tokens (in tokenScratch) were read. */
  private invalid(line: number, lineStart: number, lineEnd: number, tokenCount: number, problem: LineProblem): number {
    const text = this.text.slice(lineStart, lineEnd);
    const timeTokens: Token[] = [];
    for (let index = 0; index < tokenCount; index++) {
      const start = tokenScratch[index * 2];
      const end = tokenScratch[index * 2 + 1];
      timeTokens.push({ text: text.slice(start, end), start, end });
    }
    this.invalidLines.push({ type: 'invalid', line, text, problem, timeTokens });
    return INVALID;
  }
}

// Variable names repeat (MAILTO, PATH, SHELL): share one string per name (bounded).
const environmentNames = new Interner(10_000);
// Users repeat (root, www-data…): one string each rather than a copy per line.
const users = new Interner(10_000);

// Every head's offsets are a view into a shared block: an Int32Array of its own costs an ArrayBuffer and its
// backing store (~250 bytes where the twelve numbers take 48), per distinct line of a large crontab.
const HEAD_OFFSETS = 12;
const OFFSET_BLOCK = HEAD_OFFSETS * 4096;
let offsetBlock = new Int32Array(OFFSET_BLOCK).fill(-1);
let offsetNext = 0;

function headOffsets(): Int32Array {
  if (offsetNext === OFFSET_BLOCK) {
    offsetBlock = new Int32Array(OFFSET_BLOCK).fill(-1);
    offsetNext = 0;
  }
  offsetNext += HEAD_OFFSETS;
  return offsetBlock.subarray(offsetNext - HEAD_OFFSETS, offsetNext);
}

export function parseCrontab(text: string, kind: FileKind, dialect: CronDialect): CrontabDocument {
  return new Parser(text, kind, dialect).parse();
}

/** The command is empty to cron: nothing but whitespace (a final `\r` included). */
function isEmptyCommand(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (!isJsWhitespace(text.charCodeAt(index))) return false;
  return true;
}

/**
 * Cheap pre-check before load_env's state machine: an unquoted name runs to `=` or to blanks followed by
 * `=`; anything else (every job line) cannot be an assignment.
 */
function mayBeAssignment(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first === 34 || first === 39) return true; // a quoted name
  let pos = start;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (code === EQUALS) return true;
    if (code === 32 || code === 9 || code === 13 || code === 10 || code === 11 || code === 12) break;
    pos++;
  }
  while (pos < end && isJsWhitespace(text.charCodeAt(pos))) pos++;
  return pos < end && text.charCodeAt(pos) === EQUALS;
}

/** Whether mayBeAssignment(text, start, …) is false whatever follows `end` (it reads nothing from there on). */
function assignmentCheckWithin(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first === 34 || first === 39) return false;
  let pos = start;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (code === EQUALS) return false;
    if (code === 32 || code === 9 || code === 13 || code === 10 || code === 11 || code === 12) break;
    pos++;
  }
  while (pos < end && isJsWhitespace(text.charCodeAt(pos))) pos++;
  return pos < end && text.charCodeAt(pos) !== EQUALS;
}

/** The @keyword spelled by `text.slice(start, end)`, if any (case-sensitive, as cron compares). */
function keywordAt(text: string, start: number, end: number): CronKeyword | undefined {
  for (const keyword of CRON_KEYWORDS) {
    if (keyword.length !== end - start) continue;
    let index = 0;
    while (index < keyword.length && keyword.charCodeAt(index) === text.charCodeAt(start + index)) index++;
    if (index === keyword.length) return keyword;
  }
  return undefined;
}

const keywordTimes = new Map<CronKeyword, TimeSpec>();

function keywordTime(keyword: CronKeyword): TimeSpec {
  let time = keywordTimes.get(keyword);
  if (time === undefined) keywordTimes.set(keyword, (time = new TimeSpec([`@${keyword}`], [], keywordSchedule(keyword), keyword)));
  return time;
}

function flags(count: number, on: (value: number) => boolean): boolean[] {
  return Array.from({ length: count }, (_, value) => on(value));
}

// Schedules are shared between lines with the same five fields (read-only, like the fields), found by the
// ids of the five cached field entries. Bounded: the table starts over when full.
const SCHEDULE_CACHE_LIMIT = 50_000;
let timeIds = new Int32Array(64 * 5);
let timeSlots: (TimeSpec | undefined)[] = new Array<TimeSpec | undefined>(64).fill(undefined);
let timeCount = 0;

function timeFromFields(entries: readonly FieldEntry[]): TimeSpec {
  let hash = HASH_START;
  for (let index = 0; index < 5; index++) hash = hashStep(hash, entries[index].id);
  const mask = timeSlots.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const time = timeSlots[slot];
    if (time === undefined) break;
    const base = slot * 5;
    if (
      timeIds[base] === entries[0].id &&
      timeIds[base + 1] === entries[1].id &&
      timeIds[base + 2] === entries[2].id &&
      timeIds[base + 3] === entries[3].id &&
      timeIds[base + 4] === entries[4].id
    ) {
      return time;
    }
  }
  return addTime(entries);
}

function newTime(entries: readonly FieldEntry[]): TimeSpec {
  const fields = entries.map((entry) => entry.field);
  return new TimeSpec(
    entries.map((entry) => entry.text),
    fields,
    buildSchedule(fields),
  );
}

function addTime(entries: readonly FieldEntry[]): TimeSpec {
  if (timeCount >= SCHEDULE_CACHE_LIMIT) {
    timeIds = new Int32Array(64 * 5);
    timeSlots = new Array<TimeSpec | undefined>(64).fill(undefined);
    timeCount = 0;
  }
  if ((timeCount + 1) * 2 > timeSlots.length) {
    const oldIds = timeIds;
    const oldSlots = timeSlots;
    timeIds = new Int32Array(oldSlots.length * 2 * 5);
    timeSlots = new Array<TimeSpec | undefined>(oldSlots.length * 2).fill(undefined);
    for (let slot = 0; slot < oldSlots.length; slot++) {
      const time = oldSlots[slot];
      if (time !== undefined) placeTime(Array.from(oldIds.subarray(slot * 5, slot * 5 + 5), (id) => ({ id })), time);
    }
  }
  const time = newTime(entries);
  placeTime(entries, time);
  timeCount++;
  return time;
}

function placeTime(ids: ArrayLike<{ readonly id: number }>, time: TimeSpec): void {
  let hash = HASH_START;
  for (let index = 0; index < 5; index++) hash = hashStep(hash, ids[index].id);
  const mask = timeSlots.length - 1;
  let slot = hash & mask;
  while (timeSlots[slot] !== undefined) slot = (slot + 1) & mask;
  for (let index = 0; index < 5; index++) timeIds[slot * 5 + index] = ids[index].id;
  timeSlots[slot] = time;
}

// Day-of-week 7 is Sunday (entry.c sets bits 0 and 7 together); fold once per distinct field.
const foldedDaysOfWeek = new WeakMap<ParsedField, boolean[]>();

function buildSchedule(fields: readonly ParsedField[]): CronSchedule {
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
