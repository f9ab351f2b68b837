// A systemd unit file (or drop-in) as sections of directives that keep their positions, read the way
// systemd 252 reads it: src/shared/conf-parser.c config_parse() → parse_line(), with lines split as
// src/basic/fileio.c read_line_full() splits them. systemd.syntax(7) describes the same rules loosely;
// where it and the code differ, the code wins.
// The parser never throws: what systemd would log and ignore, or refuse, becomes a `problem`.
import type { Position, Range } from '../types';
import { positionAt } from '../util/line-starts';

export type UnitFileProblemId =
  /** A line starting with `[` that does not end with `]`: systemd stops reading the file (EBADMSG). */
  | 'invalid-section-header'
  /** Control characters, quotes or a backslash in `[…]`: systemd stops reading the file (EBADMSG). */
  | 'bad-section-characters'
  /** A directive before the first `[Section]`: "Assignment outside of section. Ignoring." */
  | 'assignment-outside-section'
  /** A line without `=`: "Missing '=', ignoring line." */
  | 'missing-equals'
  /** A line starting with `=`: "Missing key name before '=', ignoring line." */
  | 'missing-key'
  /** The file ends in a continuation (`\` on the last line): systemd still reads the joined text. */
  | 'continuation-at-end'
  /** A section the unit type does not have (only when the parser is told the sections): "Unknown section
   *  'X'. Ignoring." Everything up to the next header is ignored without further messages. */
  | 'unknown-section';

export interface UnitFileProblem {
  id: UnitFileProblemId;
  range: Range;
  /** The line number systemd's own message would carry (1-based, its own count). */
  reportedLine: number;
  /** systemd gives up on the file here: nothing from this line on is read (the unit fails to load when
   *  this is its main file; a drop-in keeps what came before). */
  fatal: boolean;
  /** Comes after a fatal problem, so systemd never gets this far. */
  afterFatal: boolean;
  params: Record<string, string>;
}

export interface UnitFileSection {
  /** The name between the brackets, exactly (`[ Timer ]` is the section " Timer ", which systemd does not know). */
  name: string;
  /** `[Name]` without the whitespace around it. */
  headerRange: Range;
  nameRange: Range;
  /** False when the parser was told the unit type's sections and this is not one of them (systemd then
   *  ignores every line up to the next header). Always true otherwise. */
  known: boolean;
  directives: UnitDirective[];
}

export interface UnitDirective {
  /** The key as systemd looks it up: whitespace around it removed, case kept (lookups are case-sensitive). */
  key: string;
  keyRange: Range;
  /** The value as systemd hands it to the directive's parser: continuation lines joined (each trailing
   *  backslash becomes a space, comment lines in between dropped) and whitespace at both ends removed. */
  value: string;
  /** The value's text as written in the file, from its first to its last character (with any
   *  backslash-newlines and comment lines in between). Empty for an empty value. */
  rawValue: string;
  /** Where `rawValue` is; an empty value is an empty range just after `=`. */
  valueRange: Range;
  /** From the key to the end of the value. */
  range: Range;
  /** The section it belongs to; undefined before the first header (systemd ignores those). */
  section: string | undefined;
  /** Spread over several lines with trailing backslashes. */
  continued: boolean;
  /** The line number systemd's messages use for it (1-based; the *last* physical line of a continuation). */
  reportedLine: number;
  /** In a section systemd ignores (see `UnitFileSection.known`). */
  ignored: boolean;
  /** Comes after a fatal problem, so systemd never reads it. */
  afterFatal: boolean;
}

export interface UnitFileComment {
  range: Range;
}

export interface UnitFileDocument {
  sections: UnitFileSection[];
  /** Assignments before the first section header (systemd ignores them with a warning). */
  outside: UnitDirective[];
  /** Every directive in file order, including `outside`. */
  directives: UnitDirective[];
  comments: UnitFileComment[];
  problems: UnitFileProblem[];
  /** The first problem after which systemd reads no more of the file, if any. */
  fatal?: UnitFileProblem;
  /** Lines as an editor counts them (`\r\n`, `\r` and `\n` each end one). */
  lineCount: number;
}

// src/basic/string-util.h: WHITESPACE " \t\n\r", COMMENTS "#;".
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const COMMENTS = new Set(['#', ';']);
const BOM = '\uFEFF';

interface ReadLine {
  /** Offsets of the line's text in the file, without its end-of-line marker. */
  start: number;
  end: number;
}

/** A string built from pieces of the file, with the file offset of each of its characters. */
interface Logical {
  text: string;
  offsets: number[];
}

export interface ParseUnitFileOptions {
  /**
   * The sections systemd knows for this unit type (a unit type's `.sections` list, e.g. `Unit`, `Timer`,
   * `Install`; an entry written `-Name` is ignored silently). Without it every section counts as known.
   */
  sections?: readonly string[];
}

export function parseUnitFile(text: string, options: ParseUnitFileOptions = {}): UnitFileDocument {
  const positions = new PositionIndex(text);
  const document: UnitFileDocument = { sections: [], outside: [], directives: [], comments: [], problems: [], lineCount: positions.lineCount };
  const state: ParserState = { section: undefined, sectionIgnored: false, sections: options.sections, document, positions };
  let reportedLine = 0;
  let bomSeen = false;
  // Continued lines are collected as pieces and joined once: joining them line by line (text and offsets
  // copied again for every line) made a long continuation quadratic (5,000 lines took 0.7 s, 40,000 over 80 s).
  let continuation: { parts: string[]; offsets: number[] } | undefined;
  const joinContinuation = (pending: { parts: string[]; offsets: number[] }): Logical => ({ text: pending.parts.join(''), offsets: pending.offsets });

  for (const line of splitLines(text)) {
    reportedLine++;
    // config_parse(): a line whose first non-blank is `#` or `;` is skipped before anything else,
    // even in the middle of a continuation (which then goes on with the next line).
    let first = line.start;
    while (first < line.end && WHITESPACE.has(text[first])) first++;
    if (first < line.end && COMMENTS.has(text[first])) {
      document.comments.push({ range: positions.range(first, line.end) });
      continue;
    }
    let start = line.start;
    // A UTF-8 byte order mark is dropped from the first non-comment line that starts with one.
    if (!bomSeen && text.startsWith(BOM, start)) {
      start += BOM.length;
      bomSeen = true;
    }
    const piece = slice(text, start, line.end);
    const escaped = endsEscaped(piece.text);
    // The trailing backslash becomes a space and the next line is appended as it stands.
    if (escaped) piece.text = piece.text.slice(0, -1) + ' ';
    if (escaped || continuation) {
      if (!continuation) continuation = { parts: [], offsets: [] };
      continuation.parts.push(piece.text);
      for (const offset of piece.offsets) continuation.offsets.push(offset);
      if (escaped) continue;
    }
    const continued = continuation !== undefined;
    parseLogicalLine(state, continuation ? joinContinuation(continuation) : piece, reportedLine, continued);
    continuation = undefined;
  }
  if (continuation) {
    // At the end of the file the pending text is still parsed, under a line number one past the last.
    const afterFatal = document.fatal !== undefined;
    const pending = joinContinuation(continuation);
    parseLogicalLine(state, pending, reportedLine + 1, true);
    const end = pending.offsets.length > 0 ? pending.offsets[pending.offsets.length - 1] + 1 : text.length;
    addProblem(state, 'continuation-at-end', positions.range(Math.max(0, end - 1), end), reportedLine + 1, false, {}, afterFatal);
  }
  return document;
}

interface ParserState {
  section: UnitFileSection | undefined;
  /** config_parse's section_ignored: the last header named a section systemd does not know. */
  sectionIgnored: boolean;
  sections: readonly string[] | undefined;
  document: UnitFileDocument;
  positions: PositionIndex;
}

/** parse_line(): one logical line, continuations already joined. */
function parseLogicalLine(state: ParserState, line: Logical, reportedLine: number, continued: boolean): void {
  const { document, positions } = state;
  const [from, to] = strip(line.text, 0, line.text.length);
  if (from === to) return;
  const rangeOf = (start: number, end: number) => logicalRange(line, positions, start, end);
  const text = line.text.slice(from, to);

  if (line.text[from] === '[') {
    if (line.text[to - 1] !== ']' || to - from < 2) {
      addProblem(state, 'invalid-section-header', rangeOf(from, to), reportedLine, true, { text });
      return;
    }
    const name = line.text.slice(from + 1, to - 1);
    if (!isSafeString(name)) {
      addProblem(state, 'bad-section-characters', rangeOf(from, to), reportedLine, true, { text });
      return;
    }
    const known = state.sections === undefined || state.sections.includes(name);
    const nameRange = to - 1 > from + 1 ? rangeOf(from + 1, to - 1) : emptyRangeAfter(line, positions, from);
    const section: UnitFileSection = { name, headerRange: rangeOf(from, to), nameRange, known, directives: [] };
    document.sections.push(section);
    state.section = section;
    state.sectionIgnored = !known;
    // Sections starting `X-` and those listed as `-Name` are ignored without a message.
    if (!known && !name.startsWith('X-') && !state.sections?.includes('-' + name)) {
      addProblem(state, 'unknown-section', rangeOf(from, to), reportedLine, false, { name });
    }
    return;
  }

  // Lines before the first header, and every line of an ignored section, are dropped before the `=`
  // check: outside a section that is one warning, inside an ignored section none at all.
  if (state.section === undefined || state.sectionIgnored) {
    const directive = splitAssignment(state, line, from, to, reportedLine, continued);
    if (directive) {
      directive.ignored = true;
      record(state, directive);
    }
    if (state.section === undefined) {
      addProblem(state, 'assignment-outside-section', rangeOf(from, to), reportedLine, false, { text });
    }
    return;
  }

  const equals = line.text.indexOf('=', from);
  if (equals < 0 || equals >= to) {
    addProblem(state, 'missing-equals', rangeOf(from, to), reportedLine, false, { text });
    return;
  }
  if (equals === from) {
    addProblem(state, 'missing-key', rangeOf(from, to), reportedLine, false, { text });
    return;
  }
  const directive = splitAssignment(state, line, from, to, reportedLine, continued);
  if (directive) record(state, directive);
}

function splitAssignment(state: ParserState, line: Logical, from: number, to: number, reportedLine: number, continued: boolean): UnitDirective | undefined {
  const { positions } = state;
  const equals = line.text.indexOf('=', from);
  if (equals < 0 || equals >= to || equals === from) return undefined;
  const [keyFrom, keyTo] = strip(line.text, from, equals);
  const [valueFrom, valueTo] = strip(line.text, equals + 1, to);
  const keyRange = logicalRange(line, positions, keyFrom, keyTo);
  const hasValue = valueFrom < valueTo;
  const valueRange = hasValue ? logicalRange(line, positions, valueFrom, valueTo) : emptyRangeAfter(line, positions, equals);
  return {
    key: line.text.slice(keyFrom, keyTo),
    keyRange,
    value: line.text.slice(valueFrom, valueTo),
    rawValue: hasValue ? positions.text.slice(line.offsets[valueFrom], line.offsets[valueTo - 1] + 1) : '',
    valueRange,
    range: { start: keyRange.start, end: valueRange.end },
    section: state.section?.name,
    continued,
    reportedLine,
    ignored: false,
    afterFatal: state.document.fatal !== undefined,
  };
}

function record(state: ParserState, directive: UnitDirective): void {
  state.document.directives.push(directive);
  if (state.section) state.section.directives.push(directive);
  else state.document.outside.push(directive);
}

function addProblem(
  state: ParserState,
  id: UnitFileProblemId,
  range: Range,
  reportedLine: number,
  fatal: boolean,
  params: Record<string, string>,
  afterFatal = state.document.fatal !== undefined,
): void {
  const added: UnitFileProblem = { id, range, reportedLine, fatal, afterFatal, params };
  state.document.problems.push(added);
  if (fatal && !state.document.fatal) state.document.fatal = added;
}

/**
 * read_line_full(): a line ends at `\n`, `\r` or NUL; a run of end markers of different kinds counts as
 * one (`\r\n` and `\n\r` are one line end, `\n\n` two), and a NUL always ends the run.
 */
function splitLines(text: string): ReadLine[] {
  const lines: ReadLine[] = [];
  let start = 0;
  let index = 0;
  while (index < text.length) {
    const kind = endOfLineKind(text[index]);
    if (kind === 0) {
      index++;
      continue;
    }
    const end = index;
    let seen = 0;
    while (index < text.length) {
      const next = endOfLineKind(text[index]);
      if (next === 0 || (seen & next) !== 0 || (seen & EOL_NUL) !== 0) break;
      seen |= next;
      index++;
    }
    lines.push({ start, end });
    start = index;
  }
  if (start < text.length) lines.push({ start, end: text.length });
  return lines;
}

const EOL_NUL = 1;
function endOfLineKind(character: string): number {
  if (character === '\0') return EOL_NUL;
  if (character === '\n') return 2;
  if (character === '\r') return 4;
  return 0;
}

/** Whether the line ends in an odd backslash (config_parse's `escaped` scan). */
function endsEscaped(text: string): boolean {
  let escaped = false;
  for (const character of text) {
    if (escaped) escaped = false;
    else if (character === '\\') escaped = true;
  }
  return escaped;
}

/** string_is_safe(): no control characters, quotes, backslash or DEL. */
function isSafeString(text: string): boolean {
  for (const character of text) {
    const code = character.charCodeAt(0);
    if ((code > 0 && code < 0x20) || code === 0x7f || character === '"' || character === "'" || character === '\\') return false;
  }
  return true;
}

function strip(text: string, from: number, to: number): [number, number] {
  while (from < to && WHITESPACE.has(text[from])) from++;
  while (to > from && WHITESPACE.has(text[to - 1])) to--;
  return [from, to];
}

function slice(text: string, start: number, end: number): Logical {
  const offsets: number[] = [];
  for (let offset = start; offset < end; offset++) offsets.push(offset);
  return { text: text.slice(start, end), offsets };
}

function logicalRange(line: Logical, positions: PositionIndex, start: number, end: number): Range {
  return positions.range(line.offsets[start], line.offsets[end - 1] + 1);
}

function emptyRangeAfter(line: Logical, positions: PositionIndex, index: number): Range {
  const position = positions.position(line.offsets[index] + 1);
  return { start: position, end: position };
}

/** File offsets → 0-based line/character as an editor counts lines (`\r\n`, `\r`, `\n`). */
class PositionIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index++) {
      const character = text[index];
      if (character === '\r') {
        if (text[index + 1] === '\n') index++;
        this.lineStarts.push(index + 1);
      } else if (character === '\n') {
        this.lineStarts.push(index + 1);
      }
    }
  }

  get lineCount(): number {
    const last = this.lineStarts[this.lineStarts.length - 1];
    return last === this.text.length && this.lineStarts.length > 1 ? this.lineStarts.length - 1 : this.lineStarts.length;
  }

  position(offset: number): Position {
    return positionAt(this.lineStarts, offset);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** The directives of every section with this name, in file order (a section may appear more than once). */
export function directivesIn(document: UnitFileDocument, section: string): UnitDirective[] {
  return document.sections.filter((candidate) => candidate.name === section).flatMap((candidate) => candidate.directives);
}
