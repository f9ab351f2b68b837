// Inline disables, written as ordinary crontab comments so cron ignores them:
//   # schedlint-disable-next-line [rule-id …]   the line right below
//   # schedlint-disable-file [rule-id …]        the whole file
// Without ids, every rule is disabled there.
import type { CrontabDocument } from './crontab/parse';
import { isJsWhitespace } from './util/chars';
import type { TextEdit } from './types';

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

/**
 * The edit of "disable for this line": the comment inserted at the start of editor line `line`, indented like
 * it and ended like it (a CRLF file gets a CRLF line, so it stays one the CRLF fix need not touch).
 * `lineText` is that line with its line end; the last line has none, so `crlfFile` says what the file uses.
 * For a rule about the whole file (`fileScoped`), a `disable-file` comment on the first line.
 */
export function disableLineEdit(ruleId: string, line: number, lineText: string, crlfFile: boolean, fileScoped = false): TextEdit {
  const eol = lineText.endsWith('\r\n') || (!lineText.endsWith('\n') && crlfFile) ? '\r\n' : '\n';
  if (fileScoped) return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: disableFileComment(ruleId, eol) };
  const indentation = lineText.match(/^[ \t]*/)?.[0] ?? '';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: disableNextLineComment(ruleId, indentation, eol) };
}
