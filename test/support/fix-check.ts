// Checks the findings of one text the way an editor meets them: every range (finding, same-file related
// location, fix edit) lies inside the document as LSP counts lines, and every fix, "disable for this line"
// (crontabs) and "fix all", applied with TextDocument.applyEdits, removes what it fixes and brings no new error;
// and `schedlint --fix` (the safe fixes, re-linted until nothing changes) settles and brings no new error.
// Returns the problems as sentences, so a test can print them all (or a fuzzer count them by class).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { canDisableInline, disableLineEdit } from '../../server/src/engine/disable';
import { fixAllEdits } from '../../server/src/engine/fix-all';
import { MAX_PASSES } from '../../server/src/cli/fix';
import { FILE_SCOPED_RULE_IDS, SAFE_FIX_RULE_IDS } from '../../server/src/engine/rules';
import type { Finding, Position, Range, TextEdit } from '../../server/src/engine/types';
import { applyEdits } from './apply-edits';

export interface FixCheckOptions {
  /** Lints a text of the same file (same path, kind and facts). */
  lint(text: string): Finding[];
  /** Try "disable for this line" (`# schedlint-disable-next-line`, every format with comments). */
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
    // A safe fix is one its rule declares (RuleMeta.safeFix), so that its page can say `--fix: yes`.
    for (const fix of finding.fixes ?? []) if (fix.safe && !SAFE_FIX_RULE_IDS.has(finding.ruleId)) problems.push({ kind: `safe-fix-undeclared:${finding.ruleId}`, detail: `${where}: fix "${fix.title}" is safe but ${finding.ruleId} has no meta.safeFix` });
  }
  // "The finding is gone" means: no finding of the same rule with the same message where the edits moved it
  // (its line, after the edits). Elsewhere it may legitimately appear: a fix can reveal what the line's first
  // problem hid (a missing user added, cron now reads the line's `31~20`), or a duplicate key the fixed one
  // masked. A finding about the whole file (a file-scoped rule, on line 0) must be gone altogether.
  const errorsBefore = countBy(findings.filter((finding) => finding.severity === 'error'), (finding) => finding.ruleId);
  // With the mark removed, the first line is read for the first time: what it holds then is the line's own.
  const unmarked = withoutMarkErrors(text, findings, options.lint);
  const rulesBefore = countBy(findings, (finding) => finding.ruleId);

  const tryEdits = (what: string, fixed: Finding[], edits: TextEdit[], revealsValue = false) => {
    const rules = [...new Set(fixed.map((finding) => finding.ruleId))].join(',');
    let after: Finding[];
    let result: string;
    try {
      result = applyEdits(text, edits);
      after = options.lint(result);
    } catch (error) {
      problems.push({ kind: `fix-throws:${rules}`, detail: `${what}: ${String(error)}` });
      return;
    }
    if (result === text) {
      problems.push({ kind: `fix-no-effect:${rules}`, detail: `${what}: the text is unchanged` });
      return;
    }
    // A rule that crashes on the fixed text is that rule's bug, reported as such (not as the fix's new error).
    for (const crash of after.filter((finding) => finding.messageId === 'internal-error')) {
      problems.push({ kind: `internal-error:${crash.ruleId}`, detail: `after ${what}: ${crash.message}` });
    }
    after = after.filter((finding) => finding.messageId !== 'internal-error');
    const resultDocument = TextDocument.create('file:///fixed', 'plaintext', 1, result);
    const rulesAfter = countBy(after, (finding) => finding.ruleId);
    for (const finding of fixed) {
      const line = resultDocument.positionAt(mapOffset(document, edits, finding.range.start)).line;
      const left = after.some((other) => other.ruleId === finding.ruleId && other.message === finding.message && other.range.start.line === line);
      const wholeFileLeft = FILE_SCOPED_RULE_IDS.has(finding.ruleId) && (rulesAfter.get(finding.ruleId) ?? 0) >= (rulesBefore.get(finding.ruleId) ?? 0);
      if (left || wholeFileLeft) problems.push({ kind: `fix-leaves-finding:${finding.ruleId}`, detail: `${what}: ${finding.ruleId} still on line ${line}; after: ${JSON.stringify(result.slice(0, 300))}` });
    }
    const editedLines = new Set<number>();
    // The edited line as cron and configobj count lines ("\n" only): a lone "\r" in it starts another editor line.
    if (revealsValue) {
      for (const edit of edits) {
        const start = mapOffset(document, edits, edit.range.start);
        const newline = result.indexOf('\n', start);
        const last = resultDocument.positionAt(newline < 0 ? result.length : newline).line;
        for (let line = resultDocument.positionAt(start).line; line <= last; line++) editedLines.add(line);
      }
    }
    const errorsAfter = countBy(after.filter((finding) => finding.severity === 'error' && !editedLines.has(finding.range.start.line)), (finding) => finding.ruleId);
    const baseline = unmarked && fixed.some((finding) => finding.ruleId === BOM_RULE) ? atLeast(errorsBefore, unmarked) : errorsBefore;
    for (const [ruleId, count] of errorsAfter) {
      if (count > (baseline.get(ruleId) ?? 0)) problems.push({ kind: `fix-new-error:${ruleId}`, detail: `${what}: new ${ruleId} error (${baseline.get(ruleId) ?? 0} → ${count}); after: ${JSON.stringify(result.slice(0, 300))}` });
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
      tryEdits(`fix "${fix.title}" of ${where}`, [finding], fix.edits, REVEALS_LINE.has(finding.ruleId));
    }
    if (options.disables && !disabled.has(finding.ruleId) && canDisableInline(finding.ruleId, document.getText())) {
      disabled.add(finding.ruleId);
      tryEdits(`disable for ${where}`, [finding], [disableLineEdit(finding.ruleId, document, finding.range.start.line, FILE_SCOPED_RULE_IDS.has(finding.ruleId))]);
    }
  }

  const allEdits = fixAllEdits(findings);
  if (allEdits.length > 0) {
    // What fix-all takes: the preferred fix of each finding whose edits all made it into the list.
    const taken = findings.filter((finding) => {
      const fix = finding.fixes?.find((candidate) => candidate.isPreferred);
      return fix && !fix.otherFiles?.length && fix.edits.length > 0 && fix.edits.every((edit) => allEdits.includes(edit));
    });
    tryEdits('fix all', taken, allEdits, taken.some((finding) => REVEALS_LINE.has(finding.ruleId)));
  }
  problems.push(...checkFixLoop(text, findings, options.lint));
  return problems;
}

/**
 * `schedlint --fix` on one text: the safe preferred fixes, applied and linted again until none is left, must
 * settle within MAX_PASSES, change the text each pass, and bring no error of a rule beyond its count before.
 */
export function checkFixLoop(text: string, findings: Finding[], lint: (text: string) => Finding[]): FixProblem[] {
  let current = text;
  let currentFindings = findings;
  for (let pass = 0; ; pass++) {
    const edits = fixAllEdits(currentFindings, true);
    if (edits.length === 0) break;
    const rules = [...new Set(currentFindings.filter((finding) => finding.fixes?.some((fix) => fix.safe && fix.isPreferred)).map((finding) => finding.ruleId))].join(',');
    if (pass === MAX_PASSES) return [{ kind: `fix-loop-unstable:${rules}`, detail: `--fix: still fixing after ${MAX_PASSES} passes: ${JSON.stringify(current.slice(0, 300))}` }];
    let next: string;
    try {
      next = applyEdits(current, edits);
      currentFindings = lint(next);
    } catch (error) {
      return [{ kind: `fix-throws:${rules}`, detail: `--fix pass ${pass + 1}: ${String(error)}` }];
    }
    if (next === current) return [{ kind: `fix-no-effect:${rules}`, detail: `--fix pass ${pass + 1}: the text is unchanged` }];
    current = next;
  }
  if (current === text) return [];
  const errorsBefore = countBy(findings.filter((finding) => finding.severity === 'error'), (finding) => finding.ruleId);
  const unmarked = withoutMarkErrors(text, findings, lint);
  const respaced = withBlanksErrors(text, findings, lint);
  const before = [unmarked, respaced].reduce<Map<string, number>>((counts, others) => (others ? atLeast(counts, others) : counts), errorsBefore);
  const after = countBy(currentFindings.filter((finding) => finding.severity === 'error' && finding.messageId !== 'internal-error'), (finding) => finding.ruleId);
  return [...after]
    .filter(([ruleId, count]) => count > (before.get(ruleId) ?? 0))
    .map(([ruleId, count]) => ({ kind: `fix-new-error:${ruleId}`, detail: `--fix: new ${ruleId} error (${before.get(ruleId) ?? 0} → ${count}); after: ${JSON.stringify(current.slice(0, 300))}` }));
}

const BOM_RULE = 'file/byte-order-mark';

/**
 * The errors of the text with only its byte-order mark removed (the mark's own fix), by rule; undefined without a
 * mark. While the mark is there the first line does not parse: its finding stands in for the line's errors
 * (lint.ts dropBomEchoes) and the rules that need a parsed line (user field, CRLF, …) skip it. So what removing
 * the mark alone brings is the line's own, not a fix's; anything beyond that on any line is the fix's.
 */
function withoutMarkErrors(text: string, findings: Finding[], lint: (text: string) => Finding[]): Map<string, number> | undefined {
  const fix = findings.find((finding) => finding.ruleId === BOM_RULE)?.fixes?.find((candidate) => candidate.isPreferred);
  if (!fix) return undefined;
  try {
    return countBy(lint(applyEdits(text, fix.edits)).filter((finding) => finding.severity === 'error' && finding.messageId !== 'internal-error'), (finding) => finding.ruleId);
  } catch {
    // The fix's own check (tryEdits) reports the throw.
    return undefined;
  }
}

/**
 * The errors of the text with only its Unicode spaces between fields replaced by blanks (crontab/unicode-space's
 * fixes, and the mark's fix when there is one), by rule; undefined without one. Like the mark above: the finding stands in for the misread line's
 * errors (rules/crontab/unicode-space.ts dropUnicodeSpaceEchoes), and what the line says once cron reads it as
 * written is the line's own.
 */
function withBlanksErrors(text: string, findings: Finding[], lint: (text: string) => Finding[]): Map<string, number> | undefined {
  if (!findings.some((finding) => finding.ruleId === 'crontab/unicode-space')) return undefined;
  // With a byte-order mark's fix too: the first line is only read once both are gone.
  const edits = fixAllEdits(findings.filter((finding) => finding.ruleId === 'crontab/unicode-space' || finding.ruleId === BOM_RULE));
  try {
    return countBy(lint(applyEdits(text, edits)).filter((finding) => finding.severity === 'error' && finding.messageId !== 'internal-error'), (finding) => finding.ruleId);
  } catch {
    return undefined;
  }
}

/** Per rule, the larger of the two counts. */
function atLeast(counts: Map<string, number>, others: Map<string, number>): Map<string, number> {
  const result = new Map(counts);
  for (const [ruleId, count] of others) result.set(ruleId, Math.max(count, result.get(ruleId) ?? 0));
  return result;
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

/**
 * Rules whose fix renames a misspelt key: the value is read for the first time after the rename, so an error
 * about it on the edited line is the value's own (`OnCalender=x` → `OnCalendar=x`), not the fix's.
 */
const RENAMES_KEY = new Set(['systemd/unknown-directive', 'certbot/unknown-key', 'certbot/renew-hook-spelling']);

/**
 * Rules whose fix lets the edited line be read for the first time: the renames above, and a Unicode space
 * replaced by a blank (cron then reads the words the writer saw: what is wrong with them is the line's own, and
 * crontab/unicode-space held back the other rules' findings on that line). (Removing a byte-order mark does
 * too; what it reveals is measured instead: withoutMarkErrors.)
 */
const REVEALS_LINE: ReadonlySet<string> = new Set([...RENAMES_KEY, 'crontab/unicode-space']);

/** Where a position of the original text is after the edits, as an offset (an edit's start if it replaced it). */
function mapOffset(document: TextDocument, edits: readonly TextEdit[], position: Position): number {
  const offset = document.offsetAt(position);
  const spans = edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), length: edit.newText.length }));
  const containing = spans.find((span) => span.start < offset && offset < span.end);
  const target = containing ? containing.start : offset;
  let delta = 0;
  // An insertion at the position itself goes before it (a comment above the line, `root ` before the command).
  for (const span of spans) if (span !== containing && span.end <= target) delta += span.length - (span.end - span.start);
  return target + delta;
}

function countBy(findings: Finding[], key: (finding: Finding) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
  return counts;
}
