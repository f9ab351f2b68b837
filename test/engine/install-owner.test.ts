// Stranger report 8b, items 4, 6 and 12, on the fixture repositories beside the others in test/fixtures/repos/
// (whose expected.json install-repos.test.ts checks): the crontab's own owner as a user column when this machine
// has no such user; cronie taken from an install's /var/spool/cron/USER destination; Ansible mode and owner
// findings placed at the task's `mode:` and `owner:` lines.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { lintRepository } from '../../server/src/engine/install/repository';
import { lintCrontab } from '../../server/src/engine/lint';
import { applyEdits } from '../support/apply-edits';
import { repoPath } from '../support/paths';

const REPOS = repoPath('test', 'fixtures', 'repos');

/** The tree as its own root: no /etc/passwd, as on a CI runner that has none of the image's users. */
function lint(name: string) {
  const host = new FsHost(path.join(REPOS, name));
  return lintRepository('/', { facts: new HostFacts(host), locale: 'en' });
}

function findingsOf(name: string, file: string) {
  const report = lint(name).reports.find((candidate) => candidate.path === file);
  assert.ok(report, file);
  return report.findings;
}

test('item 4: the owner named by COPY --chown, the spool name, crontab -u or Ansible owner: is a user column, with the same fix', () => {
  const deploy = findingsOf('user-owner', '/deploy-cron').filter((finding) => finding.ruleId === 'crontab/install-target-mismatch');
  assert.deepEqual(deploy.map((finding) => finding.range.start.line + 1), [2]);
  const fix = deploy[0].fixes?.[0];
  assert.ok(fix);
  const text = '# The owner\'s name in the user column: cron runs `deploy` as the command.\n0 5 * * * deploy /srv/deploy/bin/job\n';
  assert.equal(applyEdits(text, fix.edits), '# The owner\'s name in the user column: cron runs `deploy` as the command.\n0 5 * * * /srv/deploy/bin/job\n');
  // `deployctl` only begins with the owner's name; `worker` in app's crontab is another file's owner.
  assert.match(deploy[0].message, /cron runs `deploy` as the command/);
  assert.deepEqual(findingsOf('user-owner', '/app/app.cron').map((finding) => `${finding.range.start.line + 1} ${finding.ruleId}`), ['1 crontab/install-target-mismatch']);
  // Only Ansible's `owner: worker` names the user: the destination's file name is Jinja.
  assert.deepEqual(findingsOf('user-owner', '/ansible/templates/worker.cron.j2').map((finding) => finding.ruleId), ['crontab/install-target-mismatch']);
});

test('item 4: a spool path names the owner; the same line elsewhere, or another name, stays quiet', () => {
  const facts = new HostFacts(new MemoryHost({ '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n' }));
  const text = '0 5 * * * deploy /srv/deploy/bin/job\n';
  const ids = (file: string | undefined) => lintCrontab({ text, path: file, facts, explicitKind: file ? undefined : { kind: 'crontab-user', reason: 'cli' } }).findings.map((finding) => finding.ruleId);
  assert.deepEqual(ids('/srv/ci/checkout/var/spool/cron/crontabs/deploy'), ['crontab/user-field-in-user-crontab']);
  assert.deepEqual(ids('/var/spool/cron/deploy'), ['crontab/user-field-in-user-crontab']);
  assert.deepEqual(ids('/var/spool/cron/crontabs/deployer'), []);
  assert.deepEqual(ids('/var/spool/cron/crontabs/app'), []);
  assert.deepEqual(ids(undefined), []);
});

test('item 6: an Ansible copy or an unknown image\'s COPY to /var/spool/cron/USER is read for cronie', () => {
  const { reports, installs } = lint('spool-cronie-ansible');
  for (const file of ['/files/root.cron', '/image/app.cron']) {
    assert.deepEqual(installs.get(file)?.map((step) => [step.cron, step.dialect]), [['cronie', 'cronie']], file);
    const report = reports.find((candidate) => candidate.path === file)!;
    // cronie honours CRON_TZ (src/cron.c): no timezone-variable finding.
    assert.ok(!report.findings.some((finding) => finding.ruleId === 'crontab/timezone-variable'), file);
  }
  const newline = reports.find((candidate) => candidate.path === '/files/root.cron')!.findings.find((finding) => finding.ruleId === 'crontab/missing-final-newline');
  assert.equal(newline?.severity, 'warning');
  // Debian's spool (and a known Debian image) keep Debian's cron.
  assert.equal(lint('spool-copy').installs.get('/root-cron')?.[0].dialect, 'debian');
});

test('item 12: Ansible mode and owner findings point at the `mode:` and `owner:` lines, in the message and the related location', () => {
  const mode = findingsOf('ansible-mode-line', '/roles/cron/files/report').find((finding) => finding.ruleId === 'crontab/cron-d-mode')!;
  assert.match(mode.message, /tasks\/main\.yml line 8 leaves/);
  assert.deepEqual(mode.related?.map((related) => [related.path, related.range.start.line + 1]), [['/roles/cron/tasks/main.yml', 8], ['/roles/cron/tasks/main.yml', 2]]);
  const owner = findingsOf('ansible-mode-line', '/roles/web/files/web.cron').find((finding) => finding.ruleId === 'crontab/spool-mode')!;
  assert.match(owner.message, /tasks\/main\.yml line 6 makes `www-data` the owner/);
  assert.deepEqual(owner.related?.map((related) => [related.path, related.range.start.line + 1]), [['/roles/web/tasks/main.yml', 6], ['/roles/web/tasks/main.yml', 2]]);
});
