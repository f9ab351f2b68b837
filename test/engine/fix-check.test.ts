// The fix checker itself (test/support/fix-check.ts) on a byte-order mark (review 7 item 9): removing the mark
// lets the first line be read, and what that alone brings is the line's own; an error another fix brings there is
// still the fix's. Lint functions written here, so each case says exactly what the linter would report.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkFindings, checkFixLoop } from '../support/fix-check';
import type { Finding, Range } from '../../server/src/engine/types';

const at = (line: number, start: number, end = start): Range => ({ start: { line, character: start }, end: { line, character: end } });

/** The mark's finding with its safe fix, as text-check.ts makes it. */
const MARK: Finding = {
  ruleId: 'file/byte-order-mark',
  messageId: 'crontab',
  severity: 'error',
  range: at(0, 0),
  message: 'byte-order mark',
  fixes: [{ title: 'Remove the byte-order mark', edits: [{ range: at(0, 0, 1), newText: '' }], isPreferred: true, safe: true }],
};

/** A warning on line 2 whose safe fix (a rule that declares one) turns `b` into `B`. */
const UPPER: Finding = {
  ruleId: 'crontab/unescaped-percent',
  messageId: 'x',
  severity: 'warning',
  range: at(1, 0, 1),
  message: 'lower case',
  fixes: [{ title: 'Upper case', edits: [{ range: at(1, 0, 1), newText: 'B' }], isPreferred: true, safe: true }],
};

/** An error on the first line, not one the mark stands in for (lint.ts BOM_ECHOES). */
const firstLineError = (message: string): Finding => ({ ruleId: 'crontab/missing-user-field', messageId: 'x', severity: 'error', range: at(0, 2, 3), message });

test('an error the mark alone reveals on the first line is the line\'s own: no problem, for the fix and for --fix', () => {
  const lint = (text: string): Finding[] => [...(text.startsWith('\uFEFF') ? [MARK] : [firstLineError('revealed')]), ...(text.includes('\nb') ? [UPPER] : [])];
  const text = '\uFEFFa x\nb\n';
  assert.deepEqual(checkFixLoop(text, lint(text), lint), []);
  assert.deepEqual(checkFindings(text, { lint }).map((problem) => problem.kind), []);
});

test('an error another fix brings to the first line of a file that had a mark is the fix\'s', () => {
  // Removing the mark alone reveals nothing; upper-casing line 2 breaks line 1.
  const lint = (text: string): Finding[] => [...(text.startsWith('\uFEFF') ? [MARK] : []), ...(text.includes('\nb') ? [UPPER] : []), ...(text.includes('\nB') ? [firstLineError('brought by the fix')] : [])];
  const text = '\uFEFFa x\nb\n';
  assert.deepEqual(checkFixLoop(text, lint(text), lint).map((problem) => problem.kind), ['fix-new-error:crontab/missing-user-field']);
  // The editor's "fix all" (both fixes at once) too; the mark's own fix alone is fine.
  assert.deepEqual(checkFindings(text, { lint }).map((problem) => problem.kind).sort(), ['fix-new-error:crontab/missing-user-field', 'fix-new-error:crontab/missing-user-field', 'fix-new-error:crontab/missing-user-field']);
});
