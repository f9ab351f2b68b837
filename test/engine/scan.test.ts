// The host's cron locations and read failures, on in-memory hosts (CI runs as root, so permission
// denied cannot be produced with chmod there).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { hostCrontabPaths, lintHostFile } from '../../server/src/engine/scan';
import { fixtureHost } from '../support/fixture-host';

test('a spool the user may not list is reported, not skipped silently', () => {
  const host = fixtureHost('debian', { '/etc/crontab': 'SHELL=/bin/sh\n' });
  host.set('/var/spool/cron/crontabs', { unreadable: true });
  const found = hostCrontabPaths(new HostFacts(host));
  assert.deepEqual(found.files, ['/etc/crontab']);
  assert.deepEqual(found.unreadableFolders, ['/var/spool/cron/crontabs']);
});

test('an unreadable file becomes a file/unreadable warning in the chosen language', () => {
  const host = fixtureHost('debian');
  host.set('/var/spool/cron/crontabs/alice', { unreadable: true });
  const english = lintHostFile('/var/spool/cron/crontabs/alice', { facts: new HostFacts(host), locale: 'en' });
  assert.equal(english.kind, 'unreadable');
  assert.equal(english.findings[0].ruleId, 'file/unreadable');
  assert.equal(english.findings[0].severity, 'warning');
  assert.match(english.findings[0].message, /permission denied/);
  const japanese = lintHostFile('/var/spool/cron/crontabs/alice', { facts: new HostFacts(host), locale: 'ja' });
  assert.match(japanese.findings[0].message, /アクセス権がありません/);
});

test('cronie hosts: every file in /var/spool/cron except at(1) and hidden files', () => {
  const host = fixtureHost('cronie', {
    '/var/spool/cron/root': '0 1 * * * /usr/bin/true\n',
    '/var/spool/cron/alice': '0 1 * * * /usr/bin/true\n',
    '/var/spool/cron/atjobs/a000': '#!/bin/sh\n',
    '/var/spool/cron/#tmp.host.abc': 'partial\n',
    '/etc/cron.d/0hourly': '01 * * * * root run-parts /etc/cron.hourly\n',
  });
  assert.deepEqual(hostCrontabPaths(new HostFacts(host)).files, ['/etc/cron.d/0hourly', '/var/spool/cron/alice', '/var/spool/cron/root']);
});

test('a host without /etc/passwd still lints; only root is known', () => {
  const facts = new HostFacts(new MemoryHost({ '/var/spool/cron/crontabs/x': '0 1 * * * bob /usr/bin/true\n0 2 * * * root /usr/bin/true\n' }));
  const report = lintHostFile('/var/spool/cron/crontabs/x', { facts, locale: 'en' });
  assert.deepEqual(report.findings.map((finding) => `${finding.range.start.line}:${finding.ruleId}`), ['1:crontab/user-field-in-user-crontab']);
});
