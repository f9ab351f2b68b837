// crontab/file-permissions on a simulated live host (in memory, labelled `/`), per dialect.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { lintHostFile } from '../../server/src/engine/scan';
import type { MemoryFile } from '../../server/src/engine/host/memory-host';
import { fixtureHost } from '../support/fixture-host';

const JOB = '0 3 * * * root /usr/bin/backup.sh\n';
const USER_JOB = '0 3 * * * /usr/bin/backup.sh\n';

function findings(dialect: 'debian' | 'cronie', file: string, entry: MemoryFile, live = true): string[] {
  const host = fixtureHost(dialect);
  host.set(file, entry);
  if (live) host.label = '/';
  return lintHostFile(file, { facts: new HostFacts(host), locale: 'en' })
    .findings.filter((finding) => finding.ruleId === 'crontab/file-permissions')
    .map((finding) => `${finding.severity}: ${finding.message}`);
}

test('Debian: group-writable /etc/cron.d file is never run', () => {
  const [finding] = findings('debian', '/etc/cron.d/backup', { text: JOB, mode: 0o664 });
  assert.match(finding, /^error: .*mode 0664.*INSECURE MODE/);
  assert.deepEqual(findings('debian', '/etc/cron.d/backup', { text: JOB, mode: 0o644 }), []);
  assert.deepEqual(findings('debian', '/etc/cron.d/backup', { text: JOB, mode: 0o755 }), [], 'Debian accepts 0755');
});

test('Debian: a user crontab must be 0600 and owned by its user or root', () => {
  assert.match(findings('debian', '/var/spool/cron/crontabs/alice', { text: USER_JOB, mode: 0o644, uid: 1000 })[0], /only with mode 0600.*0644/);
  assert.deepEqual(findings('debian', '/var/spool/cron/crontabs/alice', { text: USER_JOB, mode: 0o600, uid: 1000 }), []);
  assert.match(findings('debian', '/var/spool/cron/crontabs/alice', { text: USER_JOB, mode: 0o600, uid: 105 })[0], /belongs to `postgres`/);
});

test('cronie: 0755 in /etc/cron.d is skipped, 0644 and 0600 load', () => {
  assert.match(findings('cronie', '/etc/cron.d/backup', { text: JOB, mode: 0o755 })[0], /07533.*0755/);
  assert.deepEqual(findings('cronie', '/etc/cron.d/backup', { text: JOB, mode: 0o644 }), []);
  assert.deepEqual(findings('cronie', '/var/spool/cron/alice', { text: USER_JOB, mode: 0o600, uid: 1000 }), []);
});

test('owner, hard links; nothing for copied --root trees or crontab -e temp files', () => {
  assert.match(findings('debian', '/etc/crontab', { text: JOB, mode: 0o644, uid: 1000 })[0], /owned by `alice`, not root/);
  assert.match(findings('debian', '/etc/cron.d/backup', { text: JOB, mode: 0o644, links: 2 })[0], /2 hard links/);
  assert.deepEqual(findings('debian', '/etc/cron.d/backup', { text: JOB, mode: 0o666, uid: 1000 }, false), []);
  assert.deepEqual(findings('debian', '/tmp/crontab.AbC123/crontab', { text: USER_JOB, mode: 0o644, uid: 1000 }), []);
});
