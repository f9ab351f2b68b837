// Checks the findings of one text the way an editor meets them: every range (finding, same-file related
// location, fix edit) lies inside the document as LSP counts lines, and every fix, "disable for this line"
// (crontabs) and "fix all", applied with TextDocument.applyEdits, removes what it fixes and brings no new error.
// Returns the problems as sentences, so a test can print them all (or a fuzzer count them by class).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { disableLineEdit } from '../../server/src/engine/disable';
import { fixAllEdits } from '../../server/src/engine/fix-all';
import { FILE_SCOPED_RULE_IDS } from '../../server/src/engine/rules';
import type { Finding, Position, Range, TextEdit } from '../../server/src/engine/types';
import { applyEdits } from './apply-edits';

export interface FixCheckOptions {
  /** Lints a text of the same file (same path, kind and facts). */
  lint(text: string): Finding[];
  /** The file takes `# schedlint-disable-next-line` comments (crontabs). */
  disables?: boolean;
  /** Findings already known for this text (saves a lint). */
  findings?: Finding[];
}

export interface FixProblem {
  /** A short stable class, e.g. `range-outside`, `fix-no-effect:crontab/crlf-line-ending`. */
  kind: string;
  detail: string;
}

export function checkFindings(text: string, options: FixCheckOptions): FixProblem[] {
  const problems: FixProblem[] = [];
  const findings = options.findings ?? options.lint(text);
  const document = TextDocument.create('file:///checked', 'plaintext', 0, text);
  for (const finding of findings) {
    const where = `${finding.ruleId} at ${finding.range.start.line}:${finding.range.start.character}`;
    if (finding.messageId === 'internal-error') problems.push({ kind: `internal-error:${finding.ruleId}`, detail: finding.message });
    const outside = (range: Range, what: string) => {
      const bad = badRange(document, range);
      if (bad) problems.push({ kind: `range-outside:${finding.ruleId}`, detail: `${where}: ${what} ${JSON.stringify(range)} ${bad}` });
    };
    outside(finding.range, 'range');
    for (const related of finding.related ?? []) if (related.path === undefined) outside(related.range, 'related range');
    for (const fix of finding.fixes ?? []) for (const edit of fix.edits) outside(edit.range, `edit of "${fix.title}"`);
  }
  const before = countBy(findings);
  const errorsBefore = countBy(findings.filter((finding) => finding.severity === 'error'));

  const tryEdits = (what: string, ruleIds: Map<string, number>, edits: TextEdit[]) => {
    let after: Finding[];
    let fixed: string;
    try {
      fixed = applyEdits(text, edits);
      after = options.lint(fixed);
    } catch (error) {
      problems.push({ kind: `fix-throws:${[...ruleIds.keys()].join(',')}`, detail: `${what}: ${String(error)}` });
      return;
    }
    if (fixed === text) {
      problems.push({ kind: `fix-no-effect:${[...ruleIds.keys()].join(',')}`, detail: `${what}: the text is unchanged` });
      return;
    }
    const counts = countBy(after);
    for (const [ruleId, removed] of ruleIds) {
      const left = counts.get(ruleId) ?? 0;
      if (left > (before.get(ruleId) ?? 0) - removed) problems.push({ kind: `fix-leaves-finding:${ruleId}`, detail: `${what}: ${ruleId} ${before.get(ruleId)} → ${left}; after: ${JSON.stringify(fixed.slice(0, 300))}` });
    }
    const errorsAfter = countBy(after.filter((finding) => finding.severity === 'error'));
    for (const [ruleId, count] of errorsAfter) {
      if (count > (errorsBefore.get(ruleId) ?? 0)) problems.push({ kind: `fix-new-error:${ruleId}`, detail: `${what}: new ${ruleId} error (${errorsBefore.get(ruleId) ?? 0} → ${count}); after: ${JSON.stringify(fixed.slice(0, 300))}` });
    }
  };

  // "Disable for this line" is the same edit for every finding of a rule: one per rule keeps long files fast.
  const disabled = new Set<string>();
  for (const finding of findings) {
    const where = `${finding.ruleId} at ${finding.range.start.line}:${finding.range.start.character}`;
    for (const fix of finding.fixes ?? []) {
      // Fixes that only edit another file (cli.ini, the Dockerfile) are checked where that file is linted.
      if (fix.edits.length === 0) continue;
      tryEdits(`fix "${fix.title}" of ${where}`, new Map([[finding.ruleId, 1]]), fix.edits);
    }
    if (options.disables && !disabled.has(finding.ruleId)) {
      disabled.add(finding.ruleId);
      const line = finding.range.start.line;
      const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
      tryEdits(`disable for ${where}`, new Map([[finding.ruleId, 1]]), [disableLineEdit(finding.ruleId, line, lineText, !lineText.endsWith('\n') && text.includes('\r\n'), FILE_SCOPED_RULE_IDS.has(finding.ruleId))]);
    }
  }

  const allEdits = fixAllEdits(findings);
  if (allEdits.length > 0) {
    // What fix-all takes: the preferred fix of each finding whose edits all made it into the list.
    const taken = new Map<string, number>();
    for (const finding of findings) {
      const fix = finding.fixes?.find((candidate) => candidate.isPreferred);
      if (fix && !fix.otherFiles?.length && fix.edits.length > 0 && fix.edits.every((edit) => allEdits.includes(edit))) taken.set(finding.ruleId, (taken.get(finding.ruleId) ?? 0) + 1);
    }
    tryEdits('fix all', taken, allEdits);
  }
  return problems;
}

/** Why a range is not inside the document as an editor counts lines, or undefined when it is. */
export function badRange(document: TextDocument, range: Range): string | undefined {
  const bad = (position: Position) => {
    if (position.line < 0 || position.character < 0) return 'negative';
    if (position.line >= document.lineCount) return `line ${position.line} of ${document.lineCount}`;
    const length = lineLength(document, position.line);
    return position.character > length ? `character ${position.character} past the end of line ${position.line} (${length})` : undefined;
  };
  const problem = bad(range.start) ?? bad(range.end);
  if (problem) return problem;
  if (range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character)) return 'ends before it starts';
  return undefined;
}

function lineLength(document: TextDocument, line: number): number {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r\n$|\r$|\n$/, '').length;
}

function countBy(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}
