// Findings moved to lines as an editor counts them. LSP (and so every editor) ends a line at "\n", "\r\n" or a
// lone "\r", and clamps a character past a line's end to that end (vscode-languageserver-textdocument's
// offsetAt). cron (user.c get_line), configobj and Docker's parser end lines at "\n" only, so a "\r" before the
// "\n" is part of their line and a lone "\r" does not end one. The parsers keep their program's lines, since that
// is what the findings are about; every finding, related location and fix edit is moved here, at the edge of the
// engine, so that an edit aimed at a "\r" still does what it says once an editor applies it.
import type { Finding, Position, Range, TextEdit } from './types';
import { editorLineStarts, lfLineStarts, lineAt } from './util/line-starts';

/** How the positions being mapped count lines: "\n" only (cron, configobj, Docker), or already as an editor. */
export type LineConvention = 'lf' | 'editor';

interface EditorPoint {
  position: Position;
  /** The offset fell between the "\r" and the "\n" of a CRLF, where no editor position is. */
  insideCrlf: boolean;
}

export class EditorPositions {
  private readonly sourceStarts: number[];
  private readonly editorStarts: number[];

  constructor(
    private readonly text: string,
    private readonly convention: LineConvention = 'lf',
  ) {
    this.editorStarts = editorLineStarts(text);
    this.sourceStarts = convention === 'editor' || !text.includes('\r') ? this.editorStarts : lfLineStarts(text);
  }

  /** The text offset a position names, clamped into its line (before the line's terminator) and the text. */
  offsetOf(position: Position): number {
    const starts = this.sourceStarts;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const start = starts[position.line];
    const end = this.convention === 'lf' ? lfContentEnd(this.text, starts, position.line) : editorContentEnd(this.text, starts, position.line);
    return start + Math.min(Math.max(0, position.character), end - start);
  }

  private point(offset: number): EditorPoint {
    const starts = this.editorStarts;
    const low = lineAt(starts, offset);
    const start = starts[low];
    const contentEnd = editorContentEnd(this.text, starts, low);
    return { position: { line: low, character: Math.min(offset, contentEnd) - start }, insideCrlf: offset > contentEnd };
  }

  /** A range to show: ends inside a CRLF move before its "\r". */
  range(range: Range): Range {
    const start = this.point(this.offsetOf(range.start)).position;
    const endOffset = Math.max(this.offsetOf(range.start), this.offsetOf(range.end));
    const end = this.point(endOffset).position;
    return samePosition(start, range.start) && samePosition(end, range.end) ? range : { start, end };
  }

  /**
   * An edit that does the same once an editor applies it: an end between "\r" and "\n" takes the whole CRLF
   * into the range and puts back the part the edit did not mean to change.
   */
  edit(edit: TextEdit): TextEdit {
    const startOffset = this.offsetOf(edit.range.start);
    const endOffset = Math.max(startOffset, this.offsetOf(edit.range.end));
    const start = this.point(startOffset);
    const end = this.point(endOffset);
    let newText = edit.newText;
    const startPosition = start.position;
    let endPosition = end.position;
    if (start.insideCrlf) newText = '\r' + newText;
    if (end.insideCrlf) {
      newText += '\n';
      endPosition = { line: end.position.line + 1, character: 0 };
    }
    if (!start.insideCrlf && !end.insideCrlf && samePosition(startPosition, edit.range.start) && samePosition(endPosition, edit.range.end)) return edit;
    return { range: { start: startPosition, end: endPosition }, newText };
  }

  finding(finding: Finding): Finding {
    const range = this.range(finding.range);
    let changed = range !== finding.range;
    const related = finding.related?.map((location) => {
      if (location.path !== undefined) return location;
      const mapped = this.range(location.range);
      if (mapped === location.range) return location;
      changed = true;
      return { ...location, range: mapped };
    });
    const fixes = finding.fixes?.map((fix) => {
      let fixChanged = false;
      const edits = fix.edits.map((edit) => {
        const mapped = this.edit(edit);
        if (mapped !== edit) fixChanged = true;
        return mapped;
      });
      if (!fixChanged) return fix;
      changed = true;
      return { ...fix, edits };
    });
    if (!changed) return finding;
    return { ...finding, range, ...(related ? { related } : {}), ...(fixes ? { fixes } : {}) };
  }
}

/**
 * Findings on `text`, with every position in the editor's lines; the same array when nothing moved.
 * `lineStarts`, when the caller has them (CrontabDocument.lfLineStarts), are the text's line starts as
 * LineBounds counts them, so the text is not scanned for its lines a second time.
 */
export function toEditorFindings(text: string, findings: Finding[], convention: LineConvention = 'lf', lineStarts?: Int32Array): Finding[] {
  if (findings.length === 0) return findings;
  // Without a "\r" both conventions count the same lines, and a finding moves only when one of its positions
  // lies outside the text or past its line's end, or a range ends before it starts. Checked first, so the
  // findings of a long file (100,000 for a 1,000,000-line crontab) are not copied, nor their positions looked up.
  if (!text.includes('\r')) {
    const lines = new LineBounds(text, lineStarts);
    if (findings.every((finding) => lines.holds(finding))) return findings;
  }
  const positions = new EditorPositions(text, convention);
  let changed = false;
  const mapped = findings.map((finding) => {
    const moved = positions.finding(finding);
    if (moved !== finding) changed = true;
    return moved;
  });
  return changed ? mapped : findings;
}

/** The lines of a text without "\r" (where lf and editor lines are the same), to check positions against. */
class LineBounds {
  private readonly starts: Int32Array;

  constructor(
    private readonly text: string,
    given?: Int32Array,
  ) {
    if (given !== undefined) {
      this.starts = given;
      return;
    }
    let count = 1;
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
    const starts = new Int32Array(count + 1);
    let line = 1;
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts[line++] = index + 1;
    // One past the last line: as if a "\n" followed the text, so every line ends one before the next start.
    starts[count] = text.length + 1;
    this.starts = starts;
  }

  /** Every position of the finding is on a line and within it, and every range runs forwards. */
  holds(finding: Finding): boolean {
    if (!this.forwards(finding.range)) return false;
    if (finding.related !== undefined) for (const location of finding.related) if (location.path === undefined && !this.forwards(location.range)) return false;
    if (finding.fixes !== undefined) for (const fix of finding.fixes) for (const edit of fix.edits) if (!this.forwards(edit.range)) return false;
    return true;
  }

  private forwards(range: Range): boolean {
    const { start, end } = range;
    return this.within(start) && this.within(end) && (start.line < end.line || (start.line === end.line && start.character <= end.character));
  }

  private within(position: Position): boolean {
    const line = position.line;
    if (!(line >= 0 && line < this.starts.length - 1) || !(position.character >= 0)) return false;
    return position.character <= this.starts[line + 1] - 1 - this.starts[line];
  }
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Where a "\n"-ended line's text ends (its "\n", or the end of the text). */
function lfContentEnd(text: string, starts: number[], line: number): number {
  return line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
}

/** Where an editor line's text ends: before its "\r\n", "\n" or "\r", or at the end of the text. */
function editorContentEnd(text: string, starts: number[], line: number): number {
  if (line + 1 >= starts.length) return text.length;
  const next = starts[line + 1];
  return next >= 2 && text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
}
