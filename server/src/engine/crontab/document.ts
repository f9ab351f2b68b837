// A parsed crontab: its lines kept as columns of numbers (offsets into the text) that crontab/parse.ts fills,
// read through the job*/environment* methods rules use, with the familiar line objects (model.ts) built on
// demand. The column layout (line types, per-job field and user numbers, the environment stride) is shared
// with the parser.
// Long (about 600 lines) because it has one small accessor per column (and the field bits, issue #20), which
// rules call instead of building line objects; grouping them elsewhere would only add a hop on the hot path.
import type { CronDialect, FileKind } from '../types';
import type { FieldEntry, ParsedField } from './fields';
import { CRON_KEYWORDS, type CronKeyword, type CronSchedule, type CrontabLine, type InvalidLine, type JobLine, type LineProblem, type Token } from './model';
import { canEverRunFields } from './next-runs';
import { keywordTime, timeFromFields, type TimeSpec } from './time-spec';
import { isBlank } from '../util/chars';

export const BLANK = 0;
export const COMMENT = 1;
export const ENVIRONMENT = 2;
export const JOB = 3;
export const INVALID = 4;
export const LINE_TYPES = ['blank', 'comment', 'environment', 'job', 'invalid'] as const;

/**
 * What a job line says before its command, as the parser's head trie keeps it (parse.ts): the five field
 * entries (none for a keyword), the keyword, and (system crontabs) the user. Lines that write this part the
 * same way, blanks included, share one, so while a file's heads repeat most job lines are parsed with one
 * walk of the trie. Read-only.
 */
export interface JobHead {
  readonly fields: readonly FieldEntry[];
  readonly keyword: CronKeyword | undefined;
  /** jobFields[job * 5] of a keyword job (KEYWORD_MARK minus the keyword's index), 0 without a keyword. */
  readonly keywordMark: number;
  /** The user column ('' without one). */
  readonly user: string;
  /** Where the head ends (after the user, else after the time part), from its start. */
  readonly length: number;
  /**
   * mayBeAssignment() is decided within the head (it reads the first word, the whitespace after it and one
   * more character), so every line that starts with this head is, like the one it was read from, no
   * assignment. False for a head the check reads beyond (`@daily` alone in a user crontab).
   */
  readonly noAssignment: boolean;
}

// What a job's field is, one bit each, for the loops of rules over every job (CrontabDocument.jobFieldFlags):
// read from a small array by the field's number in the document instead of from the field object.
/** The field starts with `*` (cron's DOM_STAR/DOW_STAR: `*`, `*\/2`). */
export const FIELD_STARTS_WITH_STAR = 1;
/** The field is exactly `*`. */
export const FIELD_IS_STAR = 2;
/** The field selects some value (ParsedField.any). */
export const FIELD_ANY = 4;
/** A day-of-month field that selects a day from 1 to 29, which every month has (February in leap years). */
export const FIELD_DAY_IN_EVERY_MONTH = 8;

/** jobFields[job * 5] of a keyword job: KEYWORD_MARK minus the keyword's index in CRON_KEYWORDS. */
export const KEYWORD_MARK = -1;
/** jobUsers of a job without a user column. */
export const NO_USER = -1;

// Per assignment line: its line, the name's start and end and the value's (as written) on the line, and
// where the value as cron stores it is in the text.
export const ENVIRONMENT_STRIDE = 7;
export const NAME_START = 1;
export const NAME_END = 2;
export const VALUE_START = 3;
export const VALUE_END = 4;
export const VALUE_TEXT_START = 5;
export const VALUE_TEXT_END = 6;

/** The environment in force after `line` (and up to the next snapshot). */
export interface EnvironmentSnapshot {
  line: number;
  environment: ReadonlyMap<string, string>;
}

/** The columns the parser fills (crontab/parse.ts), handed over whole to the document. */
export interface DocumentColumns {
  readonly kind: FileKind;
  readonly dialect: CronDialect;
  readonly text: string;
  readonly lineCount: number;
  readonly jobCount: number;
  readonly jobsWithProblems: readonly number[];
  readonly invalidLines: readonly InvalidLine[];
  readonly commentLines: readonly number[];
  readonly environmentCount: number;
  readonly lineStarts: Int32Array;
  readonly lineTypes: Uint8Array;
  readonly jobLineNumbers: Int32Array;
  readonly jobFields: Int32Array;
  readonly jobUsers: Int32Array;
  readonly entries: readonly FieldEntry[];
  readonly users: readonly string[];
  readonly problems: Map<number, LineProblem>;
  readonly environmentOffsets: Int32Array;
  readonly environmentNames: string[];
  readonly environmentSnapshots: EnvironmentSnapshot[];
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
  /** Five per job: numbers in `entries`, or KEYWORD_MARK - keyword. */
  private readonly jobFields: Int32Array;
  /** Per job: a number in `users`, or NO_USER. */
  private readonly jobUsers: Int32Array;
  private readonly entries: readonly FieldEntry[];
  private readonly users: readonly string[];
  private readonly problems: Map<number, LineProblem>;
  private readonly environmentOffsets: Int32Array;
  /** Variable names (shared strings), by environment line. */
  private readonly environmentNames: string[];
  private readonly environmentSnapshots: EnvironmentSnapshot[];
  private built: CrontabLine[] | undefined;
  private fieldFlags: Uint8Array | undefined;

  constructor(parser: DocumentColumns) {
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
    this.jobFields = parser.jobFields;
    this.jobUsers = parser.jobUsers;
    this.entries = parser.entries;
    this.users = parser.users;
    this.problems = parser.problems;
    this.environmentOffsets = parser.environmentOffsets;
    this.environmentNames = parser.environmentNames;
    this.environmentSnapshots = parser.environmentSnapshots;
  }

  /** The columns as the parser handed them over (read-only), for parsing an edited copy (reparse.ts). */
  columns(): DocumentColumns {
    return {
      kind: this.kind,
      dialect: this.dialect,
      text: this.text,
      lineCount: this.lineCount,
      jobCount: this.jobCount,
      jobsWithProblems: this.jobsWithProblems,
      invalidLines: this.invalidLines,
      commentLines: this.commentLines,
      environmentCount: this.environmentCount,
      lineStarts: this.lineStarts,
      lineTypes: this.lineTypes,
      jobLineNumbers: this.jobLineNumbers,
      jobFields: this.jobFields,
      jobUsers: this.jobUsers,
      entries: this.entries,
      users: this.users,
      problems: this.problems,
      environmentOffsets: this.environmentOffsets,
      environmentNames: this.environmentNames,
      environmentSnapshots: this.environmentSnapshots,
    };
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

  /**
   * Where each "\n"-ended line of the text starts, and one more entry (the text's length + 1), counting the
   * empty line after a final "\n" as editor-positions.ts's LineBounds does: so it need not scan the text again.
   */
  lfLineStarts(): Int32Array {
    const endsWithNewline = this.text.endsWith('\n');
    const starts = new Int32Array(this.lineCount + (endsWithNewline ? 2 : 1));
    starts.set(this.lineStarts.subarray(0, this.lineCount + 1));
    if (endsWithNewline) starts[this.lineCount + 1] = this.text.length + 1;
    return starts;
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

  /**
   * The job's time part as a TimeSpec (shared with every job that writes it the same way). Made on demand:
   * loops over every job read the columns instead (jobKeyword, jobField, jobCanEverRun, …).
   */
  jobTime(job: number): TimeSpec {
    const keyword = this.jobKeyword(job);
    if (keyword !== undefined) return keywordTime(keyword);
    const base = job * 5;
    const fields = this.jobFields;
    const entries = this.entries;
    return timeFromFields([entries[fields[base]], entries[fields[base + 1]], entries[fields[base + 2]], entries[fields[base + 3]], entries[fields[base + 4]]]);
  }

  jobSchedule(job: number): CronSchedule {
    return this.jobTime(job).schedule;
  }

  /** The job's `@keyword`, if it has one instead of five fields. */
  jobKeyword(job: number): CronKeyword | undefined {
    const first = this.jobFields[job * 5];
    return first < 0 ? CRON_KEYWORDS[KEYWORD_MARK - first] : undefined;
  }

  /** Time field `index` (0..4) of a five-field job, parsed (shared; read-only). */
  jobField(job: number, index: number): ParsedField {
    const first = this.jobFields[job * 5];
    if (first < 0) throw new RangeError(`job ${job} has a keyword, no field ${index}`);
    return this.entries[this.jobFields[job * 5 + index]].field;
  }

  /**
   * Whether any job's time field passes `test`, asked once per distinct field text: rules that look for what
   * is rare (a backwards range, skipped characters) leave a 100,000-line file at once when no field has it.
   */
  anyField(test: (field: ParsedField) => boolean): boolean {
    for (const entry of this.entries) if (test(entry.field)) return true;
    return false;
  }

  /**
   * FIELD_* bits of time field `index` (0..4) of a five-field job (0 for a keyword job). For loops over every
   * job of a large file (issue #20): the bits of each distinct field sit in one small array, where reading
   * the field objects themselves, scattered over the heap, cost a cache miss per job.
   */
  jobFieldFlags(job: number, index: number): number {
    const first = this.jobFields[job * 5];
    if (first < 0) return 0;
    const flags = this.fieldFlags ?? this.buildFieldFlags();
    return flags[this.jobFields[job * 5 + index]];
  }

  private buildFieldFlags(): Uint8Array {
    const flags = new Uint8Array(this.entries.length);
    for (let number = 0; number < this.entries.length; number++) {
      const { text, field } = this.entries[number];
      let bits = 0;
      if (field.startsWithStar) bits |= FIELD_STARTS_WITH_STAR;
      if (text === '*') bits |= FIELD_IS_STAR;
      if (field.any) bits |= FIELD_ANY;
      for (let day = 1; day <= 29; day++) {
        if (field.has(day)) {
          bits |= FIELD_DAY_IN_EVERY_MONTH;
          break;
        }
      }
      flags[number] = bits;
    }
    this.fieldFlags = flags;
    return flags;
  }

  /** How many time tokens the job has: 5, or 1 for a keyword. */
  timeTokenCount(job: number): number {
    return this.jobFields[job * 5] < 0 ? 1 : 5;
  }

  /** Whether the job's schedule can ever fire (next-runs.ts canEverRunFields), without building it. */
  jobCanEverRun(job: number): boolean {
    if (this.jobFields[job * 5] < 0) return true; // every keyword runs (@reboot at boot)
    const entries = this.entries;
    const base = job * 5;
    const fields = this.jobFields;
    // Most jobs, from the field bits alone: with a day of the month that every month has, canEverRunFields
    // finds it in the first month selected and answers whether a weekday allows it (always, unless one of the
    // two day fields starts with `*` and no weekday is selected).
    const flags = this.fieldFlags ?? this.buildFieldFlags();
    const dayOfMonth = flags[fields[base + 2]];
    const dayOfWeek = flags[fields[base + 4]];
    if ((flags[fields[base]] & flags[fields[base + 1]] & flags[fields[base + 3]] & dayOfMonth & FIELD_ANY) !== 0 && (dayOfMonth & FIELD_DAY_IN_EVERY_MONTH) !== 0) {
      if ((dayOfWeek & FIELD_ANY) !== 0 || ((dayOfMonth | dayOfWeek) & FIELD_STARTS_WITH_STAR) === 0) return true;
    }
    return canEverRunFields(entries[fields[base]].field, entries[fields[base + 1]].field, entries[fields[base + 2]].field, entries[fields[base + 3]].field, entries[fields[base + 4]].field);
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
    return this.headTokenStart(job, index) - this.lineStarts[this.jobLineNumbers[job]];
  }

  timeTokenEnd(job: number, index: number): number {
    return this.tokenEndFrom(this.headTokenStart(job, index)) - this.lineStarts[this.jobLineNumbers[job]];
  }

  timeTokenText(job: number, index: number): string {
    const first = this.jobFields[job * 5];
    return first < 0 ? `@${CRON_KEYWORDS[KEYWORD_MARK - first]}` : this.entries[this.jobFields[job * 5 + index]].text;
  }

  /** Whether the job has a user column (system crontabs). */
  hasUser(job: number): boolean {
    return this.jobUsers[job] !== NO_USER;
  }

  userStart(job: number): number {
    return this.headTokenStart(job, this.timeTokenCount(job)) - this.lineStarts[this.jobLineNumbers[job]];
  }

  /** The user ends where the head does. */
  userEnd(job: number): number {
    return this.headEnd(job) - this.lineStarts[this.jobLineNumbers[job]];
  }

  /** The user column's text ('' without one). */
  userText(job: number): string {
    const user = this.jobUsers[job];
    return user === NO_USER ? '' : this.users[user];
  }

  /**
   * Where head token `index` starts in the text (the user is token 5, or 1 after a keyword). Offsets are not
   * stored per job: the head is read again, which only a finding or a hover asks for.
   */
  private headTokenStart(job: number, index: number): number {
    const text = this.text;
    const line = this.jobLineNumbers[job];
    const end = this.lineStarts[line + 1] - 1;
    let pos = this.headStart(job);
    for (let token = 0; token < index; token++) {
      pos = this.tokenEndFrom(pos);
      while (pos < end && isBlank(text.charCodeAt(pos))) pos++;
    }
    return pos;
  }

  /** Where the job's head starts: after the line's leading blanks, and after cronie's `-` (no syslog line). */
  private headStart(job: number): number {
    const line = this.jobLineNumbers[job];
    const end = this.lineStarts[line + 1] - 1;
    let pos = this.lineStarts[line];
    while (pos < end && isBlank(this.text.charCodeAt(pos))) pos++;
    if (this.dialect === 'cronie' && this.text.charCodeAt(pos) === 45) pos++;
    return pos;
  }

  /** Where the head ends: after the user (system crontabs), else after the last time token. */
  private headEnd(job: number): number {
    return this.tokenEndFrom(this.headTokenStart(job, this.timeTokenCount(job) + (this.hasUser(job) ? 1 : 0) - 1));
  }

  /** The end of the token that starts at `start` (a head token: it ends at a blank or the line's end). */
  private tokenEndFrom(start: number): number {
    const text = this.text;
    let pos = start;
    // Line ends are "\n" (the text's end for the last line): a head never spans one.
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      if (code === 32 || code === 9 || code === 10) break;
      pos++;
    }
    return pos;
  }

  commandStart(job: number): number {
    const line = this.jobLineNumbers[job];
    return commandStartAfter(this.text, this.headEnd(job), this.lineStarts[line + 1] - 1, this.kind, this.dialect) - this.lineStarts[line];
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

  /** The job number of a job line (of the first job below any other line, to be checked by the caller). */
  jobOf(line: number): number {
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
    const time = this.jobTime(job);
    const timeTokens: Token[] = [];
    for (let index = 0; index < time.tokenCount; index++) {
      timeTokens.push({ text: time.text(index), start: this.timeTokenStart(job, index), end: this.timeTokenEnd(job, index) });
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

/** Where the command starts, given where the head (time part and user) ends. */
export function commandStartAfter(text: string, headEnd: number, lineEnd: number, kind: FileKind, dialect: CronDialect): number {
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

