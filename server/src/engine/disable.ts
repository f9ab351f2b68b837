// Inline disables, written as ordinary comments of the file's own format so the program reading it ignores
// them, the same in every format that has comment lines (crontabs, unit files, certbot's renewal files and
// cli.ini):
//   # schedlint-disable-next-line [rule-id …]   the line right below
//   # schedlint-disable-file [rule-id …]        the whole file
// Without ids, every rule is disabled there. A comment is a line whose first non-blank character is one of
// the format's comment markers: `#` for cron (Debian entry.c/env.c skip such lines) and configobj, `#` and
// `;` for systemd (config-parser.c, COMMENTS) and ConfigArgParse (cli.ini).
import type { Finding, Position, TextEdit } from './types';

const DIRECTIVE = /^schedlint-disable-(next-line|file)\b(.*)$/s;
const PREFIX = 'schedlint-disable-';

export interface Disables {
  /** False when the file has no directive at all (nothing is disabled). */
  readonly any: boolean;
  isDisabled(ruleId: string, line: number): boolean;
}

/** Comment markers per format family. */
export const COMMENT_MARKERS = { crontab: '#', unit: '#;', certbotRenewal: '#', certbotCliIni: '#;' } as const;

/**
 * How the findings count lines: `lf` at "\n" only (cron, configobj), `editor` at "\r\n", "\r" and "\n" (systemd
 * and Python's text mode read a lone "\r" as a line end too, as editors do).
 */
export type LineCounting = 'lf' | 'editor';

const NONE: Disables = { any: false, isDisabled: () => false };

/** The directives in `text`: comment lines (first non-blank character in `markers`) naming schedlint-disable-…. */
export function collectDisables(text: string, markers: string, counting: LineCounting): Disables {
  // Most files have none: one search instead of a walk over every line.
  if (!text.includes(PREFIX)) return NONE;
  const fileWide = new Set<string>();
  let allFile = false;
  const byLine = new Map<number, Set<string> | 'all'>();
  const lines = counting === 'lf' ? text.split('\n') : text.split(/\r\n|\r|\n/);
  lines.forEach((raw, line) => {
    if (!raw.includes(PREFIX)) return;
    const trimmed = raw.trim();
    if (!markers.includes(trimmed.charAt(0))) return;
    const match = trimmed.slice(1).trim().match(DIRECTIVE);
    if (!match) return;
    const ids = match[2].split(/[\s,]+/).filter(Boolean);
    if (match[1] === 'file') {
      if (ids.length === 0) allFile = true;
      ids.forEach((id) => fileWide.add(id));
    } else {
      byLine.set(line + 1, ids.length === 0 ? 'all' : new Set(ids));
    }
  });
  if (!allFile && fileWide.size === 0 && byLine.size === 0) return NONE;
  return {
    any: true,
    isDisabled(ruleId, line) {
      if (allFile || fileWide.has(ruleId)) return true;
      const entry = byLine.get(line);
      return entry === 'all' || (entry !== undefined && entry.has(ruleId));
    },
  };
}

/**
 * The findings not silenced by an inline directive in `text`: what every format's lint calls last, with the
 * findings' lines counted as `counting` says.
 */
export function withoutDisabled(text: string, markers: string, counting: LineCounting, findings: Finding[]): Finding[] {
  const disables = collectDisables(text, markers, counting);
  return disables.any ? findings.filter((finding) => !disables.isDisabled(finding.ruleId, finding.range.start.line)) : findings;
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
 * with the mark). There the way out is the BOM's own fix first, or the `schedlint.rules` setting. The same in
 * every format: the comment `disableLineEdit` inserts starts with `#`, a comment marker in all of them.
 */
export function canDisableInline(ruleId: string, text: string): boolean {
  return ruleId !== 'file/not-text' && text.charCodeAt(0) !== 0xfeff;
}

/**
 * Whether a host file is one the distribution ships (units under /lib/systemd or /usr/lib/systemd): a package
 * upgrade overwrites it, so no "disable" comment is offered there (`systemctl edit`, a drop-in, or the
 * `schedlint.rules` setting are the ways out).
 */
export function isPackagedFile(hostPath: string | undefined): boolean {
  return hostPath !== undefined && /^\/(usr\/)?lib\/systemd\//.test(hostPath);
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
