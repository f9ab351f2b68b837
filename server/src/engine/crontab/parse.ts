// A crontab file as a list of lines that keep their positions, read the way cron reads it
// (Debian cron 3.0pl1 user.c load_user → env.c load_env, then entry.c load_entry; cronie's equivalents).
// The parser never throws: what cron would reject becomes a `problem` on the line.
//
// Speed (issue #20): a system crontab may have 1,000,000 lines, and an object per line costs far more than
// reading the file. So the document keeps its lines as columns of numbers: offsets into the text and, per
// job, the numbers of its five field entries and its user in small per-document lists (no object per job).
// Each distinct field text is parsed once (fields.ts); while a file's heads (time part and user, as
// written) repeat, they are found by walking a trie along the line (one pass over its first characters).
// Rules read the columns through CrontabDocument's job*/environment* methods; `lines` and `line()` build the
// line objects (CrontabLine) on demand. document.ts reads the columns, model.ts names the line objects,
// time-spec.ts turns a time part into a schedule, environment.ts reads assignment lines.
// Long (about 600 lines) because Parser is one class on purpose: its main loop keeps the columns in locals
// and handles the common lines inline, and the slow paths it hands off to write the same columns.
import type { CronDialect, FileKind } from '../types';
import { addFieldEntry, FIELD_SPECS, type FieldEntry, fieldTablesOf, trimFieldTables } from './fields';
import { type FieldTable, INFO_PROBLEM, ROW, ROW_INFO, ROW_LOCAL, ROW_STAMP } from './field-table';
import { scanAssignment } from './environment';
import { HASH_START, hashStep, Interner, sameText } from '../util/text-table';
import { CharTrie } from '../util/char-trie';
import { isBlank, isJsWhitespace } from '../util/chars';
import {
  BLANK,
  COMMENT,
  commandStartAfter,
  CrontabDocument,
  ENVIRONMENT,
  ENVIRONMENT_STRIDE,
  type EnvironmentSnapshot,
  INVALID,
  JOB,
  type JobHead,
  KEYWORD_MARK,
  NAME_END,
  NAME_START,
  NO_USER,
  VALUE_END,
  VALUE_START,
  VALUE_TEXT_END,
  VALUE_TEXT_START,
} from './document';
import { CRON_KEYWORDS, type CronKeyword, type InvalidLine, type LineProblem, type Token } from './model';

// Debian's cron: MAX_COMMAND is 1000 and a command of 999 characters is taken as truncated.
const MAX_COMMAND_LENGTH = 998;

const HASH = 35;
const AT = 64;
const STAR = 42;
const MINUS = 45;
const EQUALS = 61;

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
/** Scratch for the slots of the line's five fields in their tables (a slot moves only when its table grows). */
const slotScratch = new Int32Array(5);

// Each parse numbers the field entries its jobs use, in FieldEntry.local, valid while FieldEntry.stamp is
// this parse's number (parsing is synchronous, one document at a time), so a job stores five small numbers.
let parseNumber = 0;

class Parser {
  readonly system: boolean;
  readonly cronie: boolean;
  readonly heads: CharTrie<JobHead>;
  readonly fieldTables: readonly FieldTable<FieldEntry>[];
  lineCount = 0;
  lineStarts: Int32Array;
  lineTypes: Uint8Array;
  jobCount = 0;
  jobLineNumbers: Int32Array;
  /** Five per job: the numbers of its field entries in `entries`, or KEYWORD_MARK - keyword first. */
  jobFields: Int32Array;
  /** Per job: the number of its user in `users`, or NO_USER. */
  jobUsers: Int32Array;
  readonly entries: FieldEntry[] = [];
  readonly users: string[] = [];
  private readonly userNumbers = new Map<string, number>();
  private lastUser = '';
  private lastUserNumber = NO_USER;
  private readonly stamp = ++parseNumber;
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
    this.fieldTables = fieldTablesOf(dialect);
    // Counted first (a few milliseconds for 100,000 lines): a guess from the length that falls short makes
    // every column grow to twice what the file needs, which was a third of the memory for 1,000,000 lines.
    const lines = countLines(text) + 1;
    this.lineStarts = new Int32Array(lines + 1);
    this.lineTypes = new Uint8Array(lines);
    this.jobLineNumbers = new Int32Array(lines);
    this.jobFields = new Int32Array(lines * 5);
    this.jobUsers = new Int32Array(lines);
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
        if (!isBlank(first)) break;
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
    const fieldTables = this.fieldTables;
    let cursor = start;
    // cronie: a leading `-` turns off the syslog line for this job (system crontabs and root's).
    if (this.cronie && text.charCodeAt(start) === MINUS) {
      cursor = start + 1;
      start = cursor;
    }
    let keyword: CronKeyword | undefined;
    let tokenCount: number;
    if (start < lineEnd && text.charCodeAt(start) === AT) {
      let end = start;
      while (end < lineEnd && !isBlank(text.charCodeAt(end))) end++;
      tokenScratch[0] = start - lineStart;
      tokenScratch[1] = end - lineStart;
      tokenCount = 1;
      keyword = keywordAt(text, start + 1, end);
      if (keyword === undefined) {
        const keywordText = text.slice(start, end);
        return this.invalid(line, lineStart, lineEnd, tokenCount, { id: 'unknown-keyword', start: start - lineStart, end: end - lineStart, params: { keyword: keywordText } });
      }
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
          if (isBlank(code)) break;
          fieldHash = (Math.imul(fieldHash, 33) ^ code) & 0x3fffffff; // hashStep, inlined
          tokenEnd++;
        }
        tokenScratch[index * 2] = tokenStart - lineStart;
        tokenScratch[index * 2 + 1] = tokenEnd - lineStart;
        // The field's row in its table says all a valid field needs (field-table.ts); the entry is read later.
        const table = fieldTables[index];
        let slot = table.find(text, tokenStart, tokenEnd, fieldHash);
        if (slot < 0) slot = addFieldEntry(table, text, tokenStart, tokenEnd, fieldHash, index, this.dialect);
        if ((table.rows[slot * ROW + ROW_INFO] & INFO_PROBLEM) !== 0) {
          const entry = table.entry(slot);
          const problem = entry.field.problem!;
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
        slotScratch[index] = slot;
        cursor = tokenEnd;
      }
      tokenCount = FIELD_SPECS.length;
    }

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
      // The users of this document so far are few: compare with them before hashing the name (issue #20).
      const known = this.users;
      const near = Math.min(known.length, 8);
      for (let index = 0; index < near; index++) {
        if (sameText(text, userStart, userEnd, known[index])) {
          user = known[index];
          break;
        }
      }
      if (user === '') user = users.intern(text, userStart, userEnd);
      cursor = userEnd;
    }
    // Only a head whose meaning cannot depend on what follows it: Debian reads a user `*` differently when
    // the line ends right after it.
    if (cache && !user.startsWith('*')) {
      const head: JobHead = {
        fields: keyword === undefined ? fieldTables.map((table, index) => table.entry(slotScratch[index])) : [],
        keyword,
        keywordMark: keyword === undefined ? 0 : KEYWORD_MARK - CRON_KEYWORDS.indexOf(keyword),
        user,
        length: cursor - start,
        noAssignment: assignmentCheckWithin(text, start, cursor),
      };
      this.heads.add(text, start, cursor, head);
    }
    const job = this.newJob(line, user);
    const fields = this.jobFields;
    const base = job * 5;
    if (keyword !== undefined) fields[base] = KEYWORD_MARK - CRON_KEYWORDS.indexOf(keyword);
    else for (let index = 0; index < 5; index++) fields[base + index] = this.slotNumber(fieldTables[index], slotScratch[index]);
    return this.checkCommand(job, lineStart, lineEnd, cursor);
  }

  /**
   * entryNumber() of the entry in a table slot, from the copy in its row when this parse numbered it already
   * (without reading the entry object: see field-table.ts).
   */
  private slotNumber(table: FieldTable<FieldEntry>, slot: number): number {
    const rows = table.rows;
    const row = slot * ROW;
    if (rows[row + ROW_STAMP] === this.stamp) return rows[row + ROW_LOCAL];
    const local = this.entryNumber(table.entry(slot));
    rows[row + ROW_STAMP] = this.stamp;
    rows[row + ROW_LOCAL] = local;
    return local;
  }

  /** A job whose head was found in the trie. */
  private addJob(line: number, lineStart: number, lineEnd: number, start: number, head: JobHead): number {
    const headEnd = start + head.length;
    const job = this.newJob(line, head.user);
    const fields = this.jobFields;
    const base = job * 5;
    const entries = head.fields;
    // One store for both kinds of head, overwritten by the fields of a five-field one: a branch of its own
    // for keyword heads threw away the parse loop's optimized code (which inlines this) the first time a file
    // repeated a keyword line, and V8 compiled the loop a second time (issue #20).
    fields[base] = head.keywordMark;
    if (head.keyword === undefined) for (let index = 0; index < 5; index++) fields[base + index] = this.entryNumber(entries[index]);
    return this.checkCommand(job, lineStart, lineEnd, headEnd);
  }

  /** The number of a field entry in this document's list (numbered on first use). */
  private entryNumber(entry: FieldEntry): number {
    if (entry.stamp === this.stamp) return entry.local;
    entry.stamp = this.stamp;
    entry.local = this.entries.length;
    this.entries.push(entry);
    return entry.local;
  }

  /** Takes the next job number and fills its line and user columns. */
  private newJob(line: number, user: string): number {
    const job = this.jobCount++;
    if (job >= this.jobLineNumbers.length) this.growJobs(job + 1);
    this.jobLineNumbers[job] = line;
    let number = NO_USER;
    if (user !== '') {
      if (user === this.lastUser) number = this.lastUserNumber;
      else {
        // Users are few and interned: look through the first ones before the map.
        const users = this.users;
        const near = Math.min(users.length, 8);
        for (let index = 0; index < near; index++) {
          if (users[index] === user) {
            number = index;
            break;
          }
        }
        if (number === NO_USER) number = this.userNumbers.get(user) ?? NO_USER;
        if (number === NO_USER) {
          number = this.users.length;
          this.users.push(user);
          this.userNumbers.set(user, number);
        }
        this.lastUser = user;
        this.lastUserNumber = number;
      }
    }
    this.jobUsers[job] = number;
    return job;
  }

  private checkCommand(job: number, lineStart: number, lineEnd: number, headEnd: number): number {
    // The usual line: one blank after the head, then a command that starts with a plain character (so it is
    // neither empty nor `*…`, whatever the dialect skips), and not too long for Debian. Else look closer.
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
    this.jobUsers = grow(this.jobUsers, length);
    this.jobFields = grow(this.jobFields, this.jobUsers.length * 5);
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

/** Heads a file adds to the cache before it must show that half of its job lines find theirs there. */
const HEAD_TRIAL = 256;

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
  return count + 1;
}

export function parseCrontab(text: string, kind: FileKind, dialect: CronDialect): CrontabDocument {
  trimFieldTables();
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

