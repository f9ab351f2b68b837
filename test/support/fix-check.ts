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
  /**
   * Try at most this many fixes of each kind (rule, message, fix title): a generated file with a line repeated
   * a thousand times would otherwise cost a thousand lints. Every fix when not given.
   */
  fixesPerKind?: number;
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
  // A finding is "the same" after an edit when its rule and message are: positions move with the edit, and a
  // fix may reveal another finding of the same rule that the line's first problem hid (a missing user added,
  // cron now reads the line and its `31~20`).
  const before = countBy(findings, sameFinding);
  const errorsBefore = countBy(findings.filter((finding) => finding.severity === 'error'), (finding) => finding.ruleId);

  const tryEdits = (what: string, ruleIds: Map<string, number>, edits: TextEdit[]) => {
    let after: Finding[];
    let fixed: string;
    try {
      fixed = applyEdits(text, edits);
      after = options.lint(fixed);
    } catch (error) {
      problems.push({ kind: `fix-throws:${[...ruleIds.keys()].map((key) => key.split('\n')[0]).join(',')}`, detail: `${what}: ${String(error)}` });
      return;
    }
    if (fixed === text) {
      problems.push({ kind: `fix-no-effect:${[...ruleIds.keys()].map((key) => key.split('\n')[0]).join(',')}`, detail: `${what}: the text is unchanged` });
      return;
    }
    const counts = countBy(after, sameFinding);
    for (const [key, removed] of ruleIds) {
      const left = counts.get(key) ?? 0;
      const ruleId = key.split('\n')[0];
      if (left > (before.get(key) ?? 0) - removed) problems.push({ kind: `fix-leaves-finding:${ruleId}`, detail: `${what}: ${JSON.stringify(key)} ${before.get(key)} → ${left}; after: ${JSON.stringify(fixed.slice(0, 300))}` });
    }
    const errorsAfter = countBy(after.filter((finding) => finding.severity === 'error'), (finding) => finding.ruleId);
    for (const [ruleId, count] of errorsAfter) {
      if (count > (errorsBefore.get(ruleId) ?? 0)) problems.push({ kind: `fix-new-error:${ruleId}`, detail: `${what}: new ${ruleId} error (${errorsBefore.get(ruleId) ?? 0} → ${count}); after: ${JSON.stringify(fixed.slice(0, 300))}` });
    }
  };

  // "Disable for this line" is the same edit for every finding of a rule: one per rule keeps long files fast.
  const disabled = new Set<string>();
  const tried = new Map<string, number>();
  for (const finding of findings) {
    const where = `${finding.ruleId} at ${finding.range.start.line}:${finding.range.start.character}`;
    for (const fix of finding.fixes ?? []) {
      // Fixes that only edit another file (cli.ini, the Dockerfile) are checked where that file is linted.
      if (fix.edits.length === 0) continue;
      const kind = `${finding.ruleId}|${finding.messageId}|${fix.title}`;
      const count = tried.get(kind) ?? 0;
      if (options.fixesPerKind !== undefined && count >= options.fixesPerKind) continue;
      tried.set(kind, count + 1);
      tryEdits(`fix "${fix.title}" of ${where}`, new Map([[sameFinding(finding), 1]]), fix.edits);
    }
    if (options.disables && !disabled.has(finding.ruleId)) {
      disabled.add(finding.ruleId);
      tryEdits(`disable for ${where}`, new Map([[sameFinding(finding), 1]]), [disableLineEdit(finding.ruleId, document, finding.range.start.line, FILE_SCOPED_RULE_IDS.has(finding.ruleId))]);
    }
  }

  const allEdits = fixAllEdits(findings);
  if (allEdits.length > 0) {
    // What fix-all takes: the preferred fix of each finding whose edits all made it into the list.
    const taken = new Map<string, number>();
    for (const finding of findings) {
      const fix = finding.fixes?.find((candidate) => candidate.isPreferred);
      if (fix && !fix.otherFiles?.length && fix.edits.length > 0 && fix.edits.every((edit) => allEdits.includes(edit))) taken.set(sameFinding(finding), (taken.get(sameFinding(finding)) ?? 0) + 1);
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

function sameFinding(finding: Finding): string {
  return `${finding.ruleId}\n${finding.message}`;
}

function countBy(findings: Finding[], key: (finding: Finding) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
  return counts;
}
