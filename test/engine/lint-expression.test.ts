// The engine's side of `schedlint cron` and `schedlint calendar --iterations` (moved out of the CLI, review 7
// item 11): one crontab schedule linted on its own, and a count read as systemd's safe_atou reads it.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { lintCronExpression } from '../../server/src/engine/crontab/lint-expression';
import { safeAtou } from '../../server/src/engine/systemd/safe-atou';

test('lintCronExpression: the schedule, and the lint\'s errors and warnings on its line with their severities', () => {
  const options = { dialect: 'debian', locale: 'en' } as const;
  const user = lintCronExpression('0 0 * * * root', options);
  assert.ok(user.valid);
  assert.deepEqual(user.findings.map((finding) => [finding.severity, finding.ruleId]), [['error', 'crontab/user-field-in-user-crontab']]);
  const hash = lintCronExpression('15 10 * * 5#3', options);
  assert.ok(hash.valid);
  assert.deepEqual(hash.findings.map((finding) => finding.severity), ['warning']);
  // Infos (day-of-month or day-of-week) are advice for a file, not about the schedule.
  const both = lintCronExpression('0 0 29 2 1', options);
  assert.ok(both.valid);
  assert.deepEqual(both.findings, []);
  const blank = lintCronExpression('   ', options);
  assert.ok(!blank.valid);
  assert.match(blank.error, /minute/);
  const short = lintCronExpression('0 0', options);
  assert.ok(!short.valid);
  assert.match(short.error, /day-of-month/);
  assert.ok(!lintCronExpression('15 10 * * 5#3', { dialect: 'cronie', locale: 'en' }).valid);
});

test('safeAtou: as systemd-analyze 252 reads --iterations', () => {
  const cases: [string, number][] = [['2', 2], [' 2', 2], ['+2', 2], ['0x10', 16], ['010', 8], ['-0', 0], ['0', 0]];
  for (const [text, value] of cases) assert.equal(safeAtou(text), value, text);
  for (const text of ['1e3', '2 ', '-1', '', 'x', '08']) assert.ok(Number.isNaN(safeAtou(text)), text);
});
