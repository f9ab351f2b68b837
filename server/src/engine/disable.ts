// Inline disables, written as ordinary crontab comments so cron ignores them:
//   # schedlint-disable-next-line [rule-id …]   the line right below
//   # schedlint-disable-file [rule-id …]        the whole file
// Without ids, every rule is disabled there.
import type { CrontabDocument } from './crontab/document';
import { isJsWhitespace } from './util/chars';
import type { Position, TextEdit } from './types';

const DIRECTIVE = /^#\s*schedlint-disable-(next-line|file)\b(.*)$/;

export interface Disables {
  /** False when the file has no directive at all (nothing is disabled). */
  readonly any: boolean;
  isDisabled(ruleId: string, line: number): boolean;
}

export function collectDisables(document: CrontabDocument): Disables {
  const fileWide = new Set<string>();
  let allFile = false;
  const byLine = new Map<number, Set<string> | 'all'>();
  for (const line of document.commentLines) {
    if (!mayBeDirective(document, line)) continue;
    const match = document.lineText(line).slice(document.commentStart(line)).trim().match(DIRECTIVE);
    if (!match) continue;
    const ids = match[2].split(/[\s,]+/).filter(Boolean);
    if (match[1] === 'file') {
      if (ids.length === 0) allFile = true;
      ids.forEach((id) => fileWide.add(id));
    } else {
      byLine.set(line + 1, ids.length === 0 ? 'all' : new Set(ids));
    }
  }
  return {
    any: allFile || fileWide.size > 0 || byLine.size > 0,
    isDisabled(ruleId, line) {
      if (allFile || fileWide.has(ruleId)) return true;
      const entry = byLine.get(line);
      return entry === 'all' || (entry !== undefined && entry.has(ruleId));
    },
  };
}

const PREFIX = 'schedlint-disable-';

/** Cheap test before DIRECTIVE: after the `#` and any whitespace comes `schedlint-disable-`. */
function mayBeDirective(document: CrontabDocument, line: number): boolean {
  const text = document.text;
  const end = document.lineOffset(line) + document.lineLength(line);
  let pos = document.lineOffset(line) + document.commentStart(line) + 1;
  while (pos < end && isJsWhitespace(text.charCodeAt(pos))) pos++;
  return end - pos >= PREFIX.length && text.charCodeAt(pos) === 115 /* s */ && text.startsWith(PREFIX, pos);
}

/** The comment a "disable for this line" fix inserts above a line, ended with `eol`. */
export function disableNextLineComment(ruleId: string, indentation = '', eol: '\n' | '\r\n' = '\n'): string {
  return `${indentation}# schedlint-disable-next-line ${ruleId}${eol}`;
}

/** The comment a "disable for this file" fix inserts at the top, ended with `eol`. */
export function disableFileComment(ruleId: string, eol: '\n' | '\r\n' = '\n'): string {
  return `# schedlint-disable-file ${ruleId}${eol}`;
}

/** The part of an editor's document the disable edit needs (vscode-languageserver-textdocument's TextDocument). */
export interface EditorText {
  getText(): string;
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

/**
 * Whether an inline comment can silence a finding. Not in a binary file (it is not read for comments), and not
 * in a file that starts with a byte-order mark: a comment inserted above the mark pushes it into the next line,
 * where cron reads it as part of that line, and one inserted after it is no comment to cron (the line starts
 * with the mark). There the way out is the BOM's own fix first, or the `schedlint.rules` setting.
 */
export function canDisableInline(ruleId: string, text: string): boolean {
  return ruleId !== 'file/not-text' && text.charCodeAt(0) !== 0xfeff;
}

/**
 * The edit of "disable for this line" for a finding on editor line `line`: the comment inserted where cron's line
 * starts (after the last "\n" before it: a lone "\r" ends a line for the editor, not for cron), indented like
 * that line and ended like it, so a CRLF file gets a CRLF line. For a rule about the whole file (`fileScoped`),
 * a `disable-file` comment at the top.
 */
export function disableLineEdit(ruleId: string, document: EditorText, line: number, fileScoped = false): TextEdit {
  const text = document.getText();
  const editorStart = document.offsetAt({ line, character: 0 });
  const start = fileScoped ? 0 : text.lastIndexOf('\n', editorStart - 1) + 1;
  const newline = text.indexOf('\n', start);
  const crlf = newline < 0 ? text.includes('\r\n') : newline > 0 && text.charCodeAt(newline - 1) === 13;
  const eol = crlf ? '\r\n' : '\n';
  const position = document.positionAt(start);
  const edit = (newText: string): TextEdit => ({ range: { start: position, end: position }, newText });
  if (fileScoped) return edit(disableFileComment(ruleId, eol));
  let indentEnd = start;
  while (text.charCodeAt(indentEnd) === 32 || text.charCodeAt(indentEnd) === 9) indentEnd++;
  return edit(disableNextLineComment(ruleId, text.slice(start, indentEnd), eol));
}
