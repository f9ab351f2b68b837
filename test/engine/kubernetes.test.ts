// The Kubernetes CronJob format: the schedule read as robfig/cron v3 ParseStandard and validation.go read it
// (a table of cases with the API server's error text), the time zones the API server loads (every zone file of
// the machine's tzdata, when it has one), the claim, and every annotated fixture under test/fixtures/kubernetes/
// (each finding expected on its line, the characters it covers, the text after "fix all").
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { decideFormat } from '../../server/src/engine/file-format';
import { fixAllEdits } from '../../server/src/engine/fix-all';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { kubernetesFormat } from '../../server/src/engine/kubernetes/format';
import { lintKubernetes } from '../../server/src/engine/kubernetes/lint-kubernetes';
import { readCronJobs } from '../../server/src/engine/kubernetes/manifest';
import { isGoDuration, parseCronJobSchedule } from '../../server/src/engine/kubernetes/schedule';
import { judgeTimeZone } from '../../server/src/engine/rules/kubernetes/unknown-time-zone';
import { applyEdits, describeFinding, fixtureFiles, loadFixture, assertFixtureFindings } from '../support/fixtures';
import { repoPath } from '../support/paths';

// robfig/cron v3.0.1 parser.go: what ParseStandard answers (the error strings are Go's, as `kubectl apply` prints them).
const REJECTED: [string, string][] = [
  ['0 3 * * 7', 'end of range (7) above maximum (6): 7'],
  ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
  ['60 * * * *', 'end of range (60) above maximum (59): 60'],
  ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
  ['0 22-6 * * *', 'beginning of range (22) beyond end of range (6): 22-6'],
  ['*/0 * * * *', 'step of range should be a positive number: */0'],
  ['*/-1 * * * *', 'negative number (-1) not allowed: */-1'],
  ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
  ['*/2/3 * * * *', 'too many slashes: */2/3'],
  ['0 0 L * *', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
  ['0 0 * * MONDAY', 'failed to parse int from MONDAY: strconv.Atoi: parsing "MONDAY": invalid syntax'],
  ['0 0 * * 1#2', 'failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax'],
  ['0 0 * *', 'expected exactly 5 fields, found 4: [0 0 * *]'],
  ['0 0 0 * * *', 'expected exactly 5 fields, found 6: [0 0 0 * * *]'],
  ['@Daily', 'unrecognized descriptor: @Daily'],
  ['@reboot', 'unrecognized descriptor: @reboot'],
  ['@every 90', 'failed to parse duration @every 90: time: invalid duration "90"'],
  ['TZ=UTC 0 3 * * *', 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
  ['CRON_TZ=Asia/Tokyo 0 3 * * *', 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
  ['', 'Required value'],
];

test('schedules the API server rejects, with its error', () => {
  for (const [schedule, error] of REJECTED) {
    const parsed = parseCronJobSchedule(schedule);
    assert.equal(parsed.ok, false, schedule);
    if (!parsed.ok) assert.equal(parsed.problem.error, error, schedule);
  }
});

test('schedules the API server accepts, read as robfig/cron reads them', () => {
  const values = (schedule: string, field: number) => {
    const parsed = parseCronJobSchedule(schedule);
    assert.ok(parsed.ok && parsed.fields, schedule);
    return [...parsed.fields[field].values].sort((a, b) => a - b);
  };
  // "N/step" means "N-max/step" (parser.go getRange); Vixie cron would read 5.
  assert.deepEqual(values('5/15 * * * *', 0), [5, 20, 35, 50]);
  assert.deepEqual(values('0 5/12 * * *', 1), [5, 17]);
  // Names in any case, `?` as `*`, empty list items dropped, `*-5` the whole range.
  assert.deepEqual(values('0 0 * * Mon-FRI', 4), [1, 2, 3, 4, 5]);
  assert.deepEqual(values('0 0 ? * *', 2).length, 31);
  assert.deepEqual(values('1,,2 * * * *', 0), [1, 2]);
  assert.deepEqual(values('*-5 * * * *', 0).length, 60);
  assert.deepEqual(values('+5 * * * *', 0), [5]);
  for (const schedule of ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly', '@every 1h30m', '@every 1.5h', '@every 0', '  0  3 * * *  ']) assert.equal(parseCronJobSchedule(schedule).ok, true, schedule);
  // The star bit: `*` and `?` have it, a step above 1 clears it (parser.go), so `*/2` is a restriction.
  const star = (schedule: string) => {
    const parsed = parseCronJobSchedule(schedule);
    return parsed.ok && parsed.fields ? parsed.fields.map((field) => field.star) : [];
  };
  assert.deepEqual(star('* */1 */2 ? 1'), [true, true, false, true, false]);
});

test('Go durations as time.ParseDuration reads them', () => {
  for (const text of ['1h', '1h30m', '1.5h', '.5s', '300ms', '2h45m0s', '1µs', '-1m', '0']) assert.ok(isGoDuration(text), text);
  for (const text of ['', '1', '1d', '1H', 'h', '.s', '1h ', ' 1h']) assert.ok(!isGoDuration(text), text);
});

test('time zones: the names validation.go and time.LoadLocation accept', () => {
  for (const zone of ['UTC', 'Asia/Tokyo', 'Japan', 'US/Eastern', 'Etc/GMT-9', 'EST5EDT', 'America/Argentina/ComodRivadavia', 'America/Port-au-Prince']) assert.equal(judgeTimeZone(zone), 'ok', zone);
  assert.equal(judgeTimeZone(''), 'empty');
  for (const zone of ['Local', 'local', 'LOCAL']) assert.equal(judgeTimeZone(zone), 'local', zone);
  for (const zone of ['JST', 'asia/tokyo', 'Asia/Tokyo ', 'UTC+9', 'GMT+9', 'Europe/Pariss', '../etc/passwd', 'Asia//Tokyo', '/Asia/Tokyo', 'America/-Foo', 'America/Averyveryverylongname']) assert.equal(judgeTimeZone(zone), 'unknown', zone);
});

// Every zone file of the machine's tz database is a name LoadLocation loads on a host with that database.
test('time zones: every zone of the machine’s tzdata is accepted', { skip: !fs.existsSync('/usr/share/zoneinfo/Asia/Tokyo') && 'no /usr/share/zoneinfo here' }, () => {
  const root = '/usr/share/zoneinfo';
  const names: string[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const name = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!['posix', 'right'].includes(name)) visit(name);
      } else if (/^[A-Z]/.test(entry.name) && !/\.(tab|zi|list)$/.test(entry.name) && entry.name !== 'SECURITY') names.push(name);
    }
  };
  visit('');
  assert.ok(names.length > 300, `${names.length} zones`);
  assert.deepEqual(names.filter((name) => judgeTimeZone(name) !== 'ok'), []);
});

test('the claim: a YAML document of kind CronJob, not other YAML or a crontab', () => {
  const facts = new HostFacts(new MemoryHost());
  assert.deepEqual(decideFormat({ path: '/repo/k8s/backup.yaml', text: 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "0 3 * * *"\n', facts }), { format: 'kubernetes-cronjob', reason: 'content' });
  assert.equal(kubernetesFormat.claimContent('apiVersion: apps/v1\nkind: Deployment\n', facts), undefined);
  assert.equal(kubernetesFormat.claimContent('0 3 * * * root /usr/bin/backup # kind: CronJob\n', facts), undefined);
  // Several documents, the CronJob not the first; comments and quotes around the kind.
  assert.equal(readCronJobs('kind: ConfigMap\napiVersion: v1\n---\n# a job\nkind: "CronJob" # nightly\napiVersion: batch/v1\nspec:\n  schedule: "@daily"\n').length, 1);
});

test('bad YAML, templates and odd values give no crash and no finding', () => {
  const texts = [
    'kind: CronJob\napiVersion: batch/v1\nspec: [\n',
    '{{- if .Values.enabled }}\nkind: CronJob\napiVersion: batch/v1\nspec:\n  schedule: {{ .Values.schedule }}\n{{- end }}\n',
    'kind: CronJob\napiVersion: batch/v1\nspec: 5\n',
    'kind: CronJob\napiVersion: batch/v1\nspec:\n  schedule: "0 3 * * *"\n  timeZone: 9\n  startingDeadlineSeconds: "5"\n',
    'kind: CronJob\n',
  ];
  for (const text of texts) {
    const result = lintKubernetes({ text, locale: 'en' });
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId !== 'kubernetes/invalid-schedule' || finding.messageId !== 'required').map(describeFinding), [], text);
  }
});

test('merge keys that merge each other twice over are each searched once (no 2^n walk), and the spec still reads', () => {
  const maps = ['m0: &m0 {startingDeadlineSeconds: 600}'];
  for (let level = 1; level <= 40; level++) maps.push(`m${level}: &m${level} {<<: [*m${level - 1}, *m${level - 1}]}`);
  const text = `${maps.join('\n')}\napiVersion: batch/v1\nkind: CronJob\nspec:\n  <<: *m40\n  schedule: "0 3 * * *"\n`;
  const [job] = readCronJobs(text);
  assert.equal(job.schedule?.value, '0 3 * * *');
  assert.equal(job.timeZone, undefined);
  // m0 is 40 merges down: past the depth bound, so not read (go-yaml would; no real manifest nests so).
  assert.equal(job.startingDeadlineSeconds, undefined);
});

test('a runaway schedule or zone is quoted cut short: the message stays bounded (a 200,000-digit @every)', () => {
  const every = `@every ${'9'.repeat(200_000)}`;
  const zone = `Asia/${'x'.repeat(300_000)}`;
  const text = `apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "${every}"\n  timeZone: ${zone}\n`;
  const findings = lintKubernetes({ text, locale: 'en' }).findings;
  assert.deepEqual(findings.map((finding) => finding.ruleId).sort(), ['kubernetes/invalid-schedule', 'kubernetes/unknown-time-zone']);
  for (const finding of findings) {
    assert.ok(finding.message.length < 600, `${finding.ruleId}: ${finding.message.length} characters`);
    assert.match(finding.message, /…/);
  }
  // A real value is quoted whole, the API server's error with it.
  const [short] = lintKubernetes({ text: 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "0 0 * * MONDAY"\n', locale: 'en' }).findings;
  assert.match(short.message, /"failed to parse int from MONDAY: strconv\.Atoi: parsing "MONDAY": invalid syntax"/);
});

test('a finding points at the schedule’s own characters, inside quotes, in every document', () => {
  const text = 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "0 3 * * 7"\n---\napiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: \'* 0,12 * * *\'\n';
  const findings = lintKubernetes({ text, locale: 'ja' }).findings;
  const lines = text.split('\n');
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, lines[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character)]),
    [['kubernetes/invalid-schedule', '7'], ['kubernetes/wildcard-minute', '*']],
  );
  assert.match(findings[0].message, /曜日/);
  assert.equal(lintKubernetes({ text, locale: 'en', severities: { 'kubernetes/invalid-schedule': 'off' } }).findings.length, 1, 'a rule turned off');
});

for (const file of fixtureFiles('kubernetes')) {
  test(`fixture ${path.relative(repoPath('test', 'fixtures'), file)}`, () => {
    const fixture = loadFixture(file);
    const lint = (text: string) => kubernetesFormat.lint({ text, facts: new HostFacts(new MemoryHost()), locale: fixture.locale });
    const result = lint(fixture.text);
    assertFixtureFindings(fixture, result.findings);
    if (fixture.fixed !== undefined) {
      const fixedText = applyEdits(fixture.text, fixAllEdits(result.findings));
      assert.equal(fixedText.replace(/^ *# expect:.*\n/gm, ''), fixture.fixed, 'text after fix all');
    }
  });
}

test('hover on the schedule: in words, as robfig/cron reads it, with the zone it runs in', () => {
  const text = 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "0 3 */2 * 1"\n  timeZone: Asia/Tokyo\n---\napiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "@every 90m"\n---\napiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "@weekly"\n';
  const result = kubernetesFormat.lint({ text, facts: new HostFacts(new MemoryHost()), locale: 'en' });
  const hover = (line: number, character: number, locale: 'en' | 'ja' = 'en') => kubernetesFormat.hover?.(result, { line, character }, { facts: new HostFacts(new MemoryHost()), locale, trusted: true, now: new Date(Date.UTC(2026, 11, 7)) });
  // `*/2` has no star bit: odd days OR Mondays (cron would say AND).
  assert.match(hover(3, 14)?.markdown ?? '', /^\*\*At 03:00, on day 1, 3, .* of the month or on Monday\*\*\n\nIn `Asia\/Tokyo`/);
  assert.deepEqual(hover(3, 14)?.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 25 } });
  assert.match(hover(9, 14)?.markdown ?? '', /Every 90m, counted from the CronJob's creation/);
  assert.match(hover(9, 14, 'ja')?.markdown ?? '', /kube-controller-manager のタイムゾーン/);
  assert.match(hover(14, 14)?.markdown ?? '', /Sunday/);
  assert.equal(hover(2, 2), undefined, 'not on the schedule');
});
