// The GitHub Actions workflow format (server/src/engine/github-actions/): every annotated fixture under
// test/fixtures/github-actions/ linted through the registry's format (each finding expected on its line with its
// severity and the characters it covers, nothing else, and "fix all" giving the `.fixed` text), then the
// reading of workflows: the shapes `on` takes, where a cron string's characters are, and files that are not
// workflows with schedules (no findings, no exceptions).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import { fixAllEdits } from '../../server/src/engine/fix-all';
import { FORMATS } from '../../server/src/engine/formats/registry';
import { asCrontabFields, parseGithubCron, shortestGap } from '../../server/src/engine/github-actions/cron';
import { parseWorkflow } from '../../server/src/engine/github-actions/workflow';
import { formatFromPath } from '../../server/src/engine/file-format';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import type { Finding } from '../../server/src/engine/types';
import { applyEdits, describeFinding, fixtureFiles, loadFixture, assertFixtureFindings } from '../support/fixtures';
import { repoPath } from '../support/paths';

const format = FORMATS.find((candidate) => candidate.id === 'github-actions')!;
const facts = new HostFacts(new MemoryHost());
const lint = (text: string, locale: 'en' | 'ja' = 'en'): Finding[] => format.lint({ text, path: '/repo/.github/workflows/ci.yml', facts, locale }).findings;

for (const file of fixtureFiles('github-actions')) {
  test(`fixture ${path.relative(repoPath('test', 'fixtures'), file)}`, () => {
    const fixture = loadFixture(file);
    const findings = format.lint({ text: fixture.text, path: fixture.path, facts, locale: fixture.locale }).findings;
    assertFixtureFindings(fixture, findings);
    if (fixture.fixed !== undefined) assert.equal(applyEdits(fixture.text, fixAllEdits(findings)), fixture.fixed, 'text after fix all');
  });
}

test('workflow files are claimed by their path only: directly in .github/workflows, .yml or .yaml', () => {
  assert.equal(formatFromPath('/src/app/.github/workflows/ci.yml'), 'github-actions-workflow');
  assert.equal(formatFromPath('.github/workflows/nightly.yaml'), 'github-actions-workflow');
  // GitHub reads no subfolders of .github/workflows, and no other YAML.
  assert.notEqual(formatFromPath('/src/app/.github/workflows/templates/ci.yml'), 'github-actions-workflow');
  assert.notEqual(formatFromPath('/src/app/.github/dependabot.yml'), 'github-actions-workflow');
  assert.notEqual(formatFromPath('/src/app/ci.yml'), 'github-actions-workflow');
  assert.equal(format.claimContent('on:\n  schedule:\n    - cron: "* * * * *"\n', facts), undefined);
});

test('`on` as a map finds its schedules; as a string or a list it has none; other keys are not read', () => {
  assert.deepEqual(parseWorkflow('on: push\n').schedules, []);
  assert.deepEqual(parseWorkflow('on: [push, schedule]\n').schedules, []);
  assert.deepEqual(parseWorkflow('on:\n  push:\n').schedules, []);
  assert.deepEqual(parseWorkflow('jobs:\n  a:\n    schedule:\n      - cron: "* * * * *"\n').schedules, []);
  const { schedules } = parseWorkflow('"on":\n  schedule:\n    - cron: "0 1 * * *"\n      timezone: Asia/Tokyo\n    - {cron: "0 2 * * *"}\n');
  assert.deepEqual(schedules.map((entry) => [entry.cron, entry.timezone]), [['0 1 * * *', 'Asia/Tokyo'], ['0 2 * * *', undefined]]);
});

test('aliases are followed on the way to a schedule (GitHub reads anchors); a merge key is not (GitHub does not take it)', () => {
  const text = 'x-nightly: &nightly\n  - cron: "0 0 * * 7"\n    timezone: &tz Asia/Tokio\non:\n  schedule: *nightly\n  workflow_dispatch:\nx-other:\n  - cron: "0 1 * * *"\n    timezone: *tz\n';
  assert.deepEqual(parseWorkflow(text).schedules.map((entry) => [entry.cron, entry.timezone]), [['0 0 * * 7', 'Asia/Tokio']]);
  const zones = parseWorkflow('on:\n  schedule:\n    - cron: "0 1 * * *"\n      timezone: &tz Asia/Tokio\n    - cron: "0 2 * * *"\n      timezone: *tz\n').schedules;
  // The alias's finding is where the alias is written.
  assert.deepEqual(zones.map((entry) => entry.timezoneRange?.start), [{ line: 3, character: 20 }, { line: 5, character: 16 }]);
  assert.deepEqual(parseWorkflow('x: &base\n  cron: "0 1 * * *"\non:\n  schedule:\n    - <<: *base\n').schedules, []);
});

test('findings point at the field inside the string, quoted or not; escaped or folded strings get the whole value', () => {
  const covered = (text: string) => {
    const [finding] = lint(text);
    const lines = text.split('\n');
    return lines[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character);
  };
  assert.equal(covered("on:\n  schedule:\n    - cron: '0 24 * * *'\n"), '24');
  assert.equal(covered('on:\n  schedule:\n    - cron: "0 24 * * *"\n'), '24');
  assert.equal(covered('on:\n  schedule:\n    - cron: 0 24 * * *\n'), '24');
  assert.equal(covered('on:\n  schedule:\n    - cron: "0 24 * *\\t*"\n'), '"0 24 * *\\t*"');
  // A block scalar spans lines: the finding starts where the value does.
  const [block] = lint('on:\n  schedule:\n    - cron: >-\n        0 24 * * *\n');
  assert.equal(block.ruleId, 'github-actions/invalid-schedule');
  assert.equal(block.range.start.line, 2);
});

test('files without schedules and odd values give no findings and never throw', () => {
  for (const text of ['', 'name: ci\non: push\njobs: {}\n', 'on:\n  schedule:\n', 'on:\n  schedule: "0 0 * * *"\n', 'on:\n  schedule:\n    - 0 0 * * *\n', 'on:\n  schedule:\n    - cron: &a "0 0 * * *"\n    - cron: *a\n', '\u0000\uffff', 'a: b\n---\non: x\n']) {
    assert.doesNotThrow(() => lint(text), JSON.stringify(text));
    assert.deepEqual(lint(text).map(describeFinding), [], JSON.stringify(text));
  }
});

// Stranger report 8b, item 3: a workflow that is not YAML passed clean; GitHub runs none of its events.
test('broken YAML gives one invalid-yaml error and never throws', () => {
  for (const text of ['on: [\n', '\t- :\n', 'on:\n  schedule:\n    - cron: */5 * * * *\n']) {
    assert.doesNotThrow(() => lint(text), JSON.stringify(text));
    assert.deepEqual(lint(text).map((finding) => `${finding.ruleId} ${finding.severity}`), ['github-actions/invalid-yaml error'], JSON.stringify(text));
  }
});

test('the messages in Japanese', () => {
  const [finding] = lint("on:\n  schedule:\n    - cron: '* */12 * * *'\n", 'ja');
  assert.equal(finding.ruleId, 'github-actions/wildcard-minute');
  assert.match(finding.message, /1 日 120 回/);
});

test('a word in a field without names says the numbers it takes; in month or day of week, the names (en and ja)', () => {
  const message = (cron: string, locale: 'en' | 'ja') => lint(`on:\n  schedule:\n    - cron: '${cron}'\n`, locale)[0].message;
  assert.equal(
    message('0 H * * *', 'en'),
    '`H` is not a number: the hour field takes only numbers 0–23 (GitHub knows no names there, nor cron extensions such as `L`, `W` or `H`). GitHub reports the whole workflow file as invalid and runs it for none of its events.',
  );
  assert.equal(
    message('0 0 L * *', 'ja'),
    '`L` は数字ではありません。日のフィールドに書けるのは 1〜31 の数字だけです（名前や、`L`、`W`、`H` のような cron の拡張は GitHub にはありません）。GitHub はワークフローファイル全体を無効とし、どのイベントでも実行しません。',
  );
  assert.match(message('0 0 * * MONDAY', 'en'), /^`MONDAY` is not a day-of-week GitHub knows: use a number or a name from SUN-SAT\./);
  assert.match(message('0 0 * * MONDAY', 'ja'), /数字か SUN-SAT の名前を使ってください/);
});

test('a runaway field or zone is quoted cut short: the message stays bounded (a 300,000-character field)', () => {
  const text = `on:\n  schedule:\n    - cron: '0 ${'1'.repeat(300_000)} * * *'\n    - cron: '0 0 * * *'\n      timezone: Asia/${'x'.repeat(300_000)}\n    - cron: '0 0 31 ${'2,'.repeat(100_000)}2 *'\n`;
  const findings = lint(text);
  assert.deepEqual(findings.map((finding) => `${finding.ruleId}.${finding.messageId}`), ['github-actions/invalid-schedule.out-of-range', 'github-actions/invalid-schedule.unknown-timezone', 'github-actions/never-runs.message']);
  for (const finding of findings) {
    assert.ok(finding.message.length < 600, `${finding.ruleId}: ${finding.message.length} characters`);
    assert.match(finding.message, /…/);
  }
});

test('the cron grammar: the docs’ step from a single value, names, and what the crontab checks read', () => {
  assert.deepEqual(parseGithubCron('20/15 * * * *').fields[0].values.flatMap((on, minute) => (on ? [minute] : [])), [20, 35, 50]);
  assert.deepEqual(asCrontabFields(parseGithubCron('20/15 3 * jan MON/2')), ['20-59/15', '3', '*', 'jan', 'MON-6/2']);
  assert.equal(parseGithubCron('0 0 * * SUN-SAT').problem, undefined);
  assert.equal(parseGithubCron('0 0 * * 1 extra').problem?.id, 'field-count');
  assert.equal(parseGithubCron('0 0 1-  * *').problem?.id, 'empty-element');
  assert.equal(parseGithubCron('0 0 1,,2 * *').problem?.id, 'empty-element');
  assert.equal(parseGithubCron('0 0 L * *').problem?.id, 'not-a-number');
  assert.equal(parseGithubCron('0 0 * * MONDAY').problem?.id, 'unknown-name');
  assert.equal(parseGithubCron('0 0 * * 1#2').problem?.id, 'bad-character');
  assert.equal(parseGithubCron('*/5/2 * * * *').problem?.id, 'bad-step');
  assert.equal(shortestGap(parseGithubCron('*/5 * * * *')), 5);
  assert.equal(shortestGap(parseGithubCron('0 0 * * *')), undefined);
  // Across midnight only when every day runs: 23:58 and 00:01 are 3 minutes apart.
  assert.equal(shortestGap(parseGithubCron('1,58 0,23 * * *')), 3);
  assert.equal(shortestGap(parseGithubCron('1,58 0,23 * * 1')), 57);
});

test('the hover: the schedule in words, its runs in the zone GitHub reads it in, and in the local zone when that differs', () => {
  const text = "on:\n  schedule:\n    - cron: '30 0 * * 1-5'\n    - cron: '0 9 * * *'\n      timezone: Asia/Tokyo\n    - cron: '0 24 * * *'\n";
  const tokyo = new HostFacts(new MemoryHost({ '/etc/timezone': 'Asia/Tokyo\n' }));
  const result = format.lint({ text, facts: tokyo, locale: 'en' });
  const context = { facts: tokyo, locale: 'en' as const, trusted: true, now: new Date('2026-12-06T12:00:00Z') };
  const utc = format.hover!(result, { line: 2, character: 16 }, context);
  assert.ok(utc);
  assert.deepEqual(utc.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 25 } });
  assert.match(utc.markdown, /Next runs \(UTC\):\n- Mon 2026-12-07 00:30\n/);
  assert.match(utc.markdown, /this machine's zone \(Asia\/Tokyo\):\n- Mon 2026-12-07 09:30\n/);
  assert.match(utc.markdown, /GitHub reads this schedule in UTC/);
  const zoned = format.hover!(result, { line: 3, character: 16 }, context);
  assert.match(zoned?.markdown ?? '', /Next runs \(Asia\/Tokyo\):\n- Mon 2026-12-07 09:00\n/);
  assert.doesNotMatch(zoned?.markdown ?? '', /this machine's zone/, 'the same zone is not listed twice');
  // A cron GitHub rejects has its diagnostic instead; outside the strings, nothing.
  assert.equal(format.hover!(result, { line: 5, character: 16 }, context), undefined);
  assert.equal(format.hover!(result, { line: 1, character: 3 }, context), undefined);
  const ja = format.hover!(result, { line: 2, character: 16 }, { ...context, locale: 'ja' });
  assert.match(ja?.markdown ?? '', /次回の実行（UTC）：\n- 2026年12月7日\(月\) 00:30/);
});
