// `schedlint DIR` over the fixture repositories: the same findings as the engine test (expected.json), on the
// crontabs and on the Dockerfile/playbook lines, in text, JSON and SARIF (related locations at install lines).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../support/paths';
import { runSchedlint } from '../support/run-cli';

const REPOS = repoPath('test', 'fixtures', 'repos');

interface JsonOutput {
  files: { path: string; kind: string; diagnostics: { rule: string; severity: string; line: number; related: { path: string; line: number; message: string }[] }[] }[];
}

// Fixtures whose verdict does not depend on the users and programs of the machine running the test.
// alpine-percent and debian-percent hold the same crontab: busybox crond reads `%` and a last line without a
// newline as the shell and as any other line; Debian's cron does not (rules' notFor).
for (const name of ['copy-and-crontab', 'cron-d-only', 'crontab-with-root', 'alpine', 'compose', 'ansible-copy', 'kubernetes', 'supercronic', 'chmod-writable', 'script-copy', 'cron-d-dotted-name', 'cron-d-dotted-name-cronie', 'alpine-percent', 'debian-percent', 'alpine-busybox-lines', 'alpine-spool', 'cron-d-readme', 'crontab-append-group', 'crontab-stdin', 'crontab-stdin-cronie', 'spool-copy', 'spool-configmap', 'spool-cronie', 'spool-compose', 'ansible-template']) {
  test(`schedlint ${name}/: the expected findings, exit code by severity`, () => {
    const folder = path.join(REPOS, name);
    const expected: { path: string; line: number; rule: string; severity: string }[] = JSON.parse(fs.readFileSync(path.join(folder, 'expected.json'), 'utf8'));
    const run = runSchedlint(['--format', 'json', folder]);
    assert.equal(run.code, expected.some((item) => item.severity === 'error') ? 1 : 0, run.stderr);
    const output = JSON.parse(run.stdout) as JsonOutput;
    const actual = output.files.flatMap((file) =>
      file.diagnostics.filter((item) => item.severity === 'error' || item.severity === 'warning').map((item) => `${path.relative(folder, file.path)}:${item.line} ${item.rule} ${item.severity}`),
    );
    assert.deepEqual(actual.sort(), expected.map((item) => `${item.path}:${item.line} ${item.rule} ${item.severity}`).sort());
  });
}

test('text output names the Dockerfile lines; SARIF related locations point at the install lines', () => {
  const folder = path.join(REPOS, 'copy-and-crontab');
  const text = runSchedlint([folder]);
  assert.match(text.stdout, new RegExp(`^${folder.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/Dockerfile:5:1: error: .*\\[crontab/installed-both-ways\\]$`, 'm'));
  assert.match(text.stdout, /\/Dockerfile:11:5: error: /);
  const sarif = JSON.parse(runSchedlint(['--format', 'sarif', folder]).stdout);
  const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
  const onCrontab = results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri.endsWith('/docker/hello-cron'))!;
  assert.equal(onCrontab.ruleId, 'crontab/installed-both-ways');
  assert.deepEqual(
    onCrontab.relatedLocations.map((related) => `${path.basename(decodeURI(related.physicalLocation.artifactLocation.uri))}:${related.physicalLocation.region.startLine}`),
    ['Dockerfile:5', 'Dockerfile:11'],
  );
  assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'crontab/cron-d-mode'));
});

test('a crontab only an install step names (compose ./cron/jobs) is linted; its format comes from the mount', () => {
  const folder = path.join(REPOS, 'compose');
  const output = JSON.parse(runSchedlint(['--format', 'json', '--lang', 'ja', folder]).stdout) as JsonOutput;
  const jobs = output.files.find((file) => file.path.endsWith('/cron/jobs'))!;
  assert.equal(jobs.kind, 'crontab-system');
  assert.match(jobs.diagnostics[0].related[0].message, /docker-compose\.yml の 10 行目で \/etc\/cron\.d\/jobs として設置/);
});

// Stranger report 6: -v and JSON say that busybox crond reads an Alpine image's crontab and which dialect
// stands in for it, not the machine's os-release.
test('alpine/: -v and JSON name busybox crond and the Debian stand-in, from the install', () => {
  const folder = path.join(REPOS, 'alpine');
  assert.match(runSchedlint(['-v', folder]).stdout, /\/crontab: read as a user crontab \(from how the repository installs it\) for busybox crond, the image's cron, checked with the rules of Debian's cron/);
  assert.doesNotMatch(runSchedlint(['-v', folder]).stdout, /os-release|GNU\/Linux/);
  const json = JSON.parse(runSchedlint(['--format', 'json', folder]).stdout) as { files: { assumed: Record<string, unknown> }[] };
  assert.deepEqual(json.files[0].assumed, { format: 'crontab-user', reason: 'install', weak: false, dialect: 'debian', dialectReason: 'install', cron: 'busybox' });
});

// Review 8 item 3: an Alpine image that installs dcron (`apk add dcron`) has dcron's crond read
// /etc/crontabs/root, not busybox's: -v and JSON name dcron, and /etc/cron.d is root's crontab without a user column.
test('alpine-dcron/: -v and JSON name dcron and the Debian stand-in', () => {
  const folder = path.join(REPOS, 'alpine-dcron');
  const verbose = runSchedlint(['-v', folder]).stdout;
  assert.match(verbose, /\/crontab: read as a user crontab \(from how the repository installs it\) for dcron, the image's cron, checked with the rules of Debian's cron/);
  assert.doesNotMatch(verbose, /busybox/);
  const json = JSON.parse(runSchedlint(['--format', 'json', folder]).stdout) as { files: { path: string; assumed: Record<string, unknown> }[] };
  const crontab = json.files.find((file) => file.path.endsWith('/crontab'))!;
  assert.deepEqual(crontab.assumed, { format: 'crontab-user', reason: 'install', weak: false, dialect: 'debian', dialectReason: 'install', cron: 'dcron' });
  assert.equal(json.files.find((file) => file.path.endsWith('/cleanup'))!.assumed.format, 'crontab-user');
});

// Stranger report 8 item 6: a user crontab put into the spool by COPY (the checkout's 0644) or by a ConfigMap
// (a folder mount makes links; a subPath mount has defaultMode 0644) is skipped by Debian's cron: crontab/spool-mode.
test('spool-copy/, spool-configmap/: crontab/spool-mode names the mode, the link and the way out', () => {
  const copy = runSchedlint([path.join(REPOS, 'spool-copy')]).stdout;
  assert.match(copy, /root-cron:1:1: warning: Dockerfile line 4 puts this file in the spool as \/var\/spool\/cron\/crontabs\/root with the mode it has in the checkout \(0644 from git\).*\[crontab\/spool-mode\]$/m);
  assert.doesNotMatch(copy, /alice-cron/);
  const configMap = runSchedlint(['--lang', 'ja', path.join(REPOS, 'spool-configmap')]).stdout;
  assert.match(configMap, /folder\.yaml:8:5: warning: .*シンボリックリンク（`root -> \.\.data\/root`）.*\[crontab\/spool-mode\]$/m);
  assert.match(configMap, /subpath\.yaml:8:5: warning: .*パーミッション 0644.*\[crontab\/spool-mode\]$/m);
  assert.doesNotMatch(configMap, /good\.yaml/);
});

// Stranger report 8 item 4: an Ansible template with Jinja is linted with its Jinja masked (install/jinja.ts):
// the install step's findings stay, `{{ … }}` in a command is text, Jinja in a schedule or user column is not
// checked and -v (and JSON's `assumed.unchecked`) says which lines.
test('ansible-template/: the template is linted, -v lists the lines Jinja decides, fixes outside the Jinja stay', () => {
  const folder = path.join(REPOS, 'ansible-template');
  const verbose = runSchedlint(['-v', folder]).stdout;
  assert.match(verbose, /certbot\.cron\.j2: note: a Jinja template \(Ansible `template:`\): lines 3, 7, 8 are not checked/);
  assert.match(runSchedlint(['-v', '--lang', 'ja', folder]).stdout, /certbot\.cron\.j2: 注意：Jinja テンプレート（Ansible の `template:`）です。3、7、8 行目は/);
  assert.doesNotMatch(runSchedlint([folder]).stdout, /note: a Jinja template/);
  const output = JSON.parse(runSchedlint(['--format', 'json', folder]).stdout) as { files: { path: string; assumed: { unchecked?: number[] }; diagnostics: { rule: string; line: number; fixes: unknown[] }[] }[] };
  const template = output.files.find((file) => file.path.endsWith('certbot.cron.j2'))!;
  assert.deepEqual(template.assumed.unchecked, [3, 7, 8]);
  // Line 9 has Jinja in its command; the minute fix edits the schedule, which the masking left as written.
  assert.equal(template.diagnostics.find((item) => item.rule === 'crontab/wildcard-minute')?.fixes.length, 1);
  assert.ok(!template.diagnostics.some((item) => item.rule === 'crontab/invalid-schedule' || item.rule === 'crontab/unknown-user'));
});
