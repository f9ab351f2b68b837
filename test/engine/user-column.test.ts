// Whether the sixth field of a system crontab line is a user or the command, on a root that holds only
// configuration (a repository, a copied /etc: users, no programs) as well as on one with the programs
// installed (issue #19, "Recall without the program on disk").
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { lintCrontab } from '../../server/src/engine/lint';
import { PASSWD } from '../support/fixture-host';

const OS_RELEASE = 'ID=debian\n';

function findings(text: string, programs: string[] = []): string[] {
  const host = new MemoryHost({ '/etc/passwd': PASSWD, '/etc/os-release': OS_RELEASE });
  for (const program of programs) host.set(program, { text: '#!/bin/sh\n', mode: 0o755 });
  const result = lintCrontab({ text, path: '/etc/crontab', facts: new HostFacts(host) });
  return result.findings
    .filter((finding) => finding.ruleId === 'crontab/missing-user-field' || finding.ruleId === 'crontab/unknown-user')
    .map((finding) => `${finding.range.start.line} ${finding.ruleId} ${finding.severity}`);
}

const HEADER = 'SHELL=/bin/sh\nPATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin\n';

test('`0 3 * * * certbot renew` in /etc/crontab: missing-user-field with or without /usr/bin/certbot', () => {
  const text = `${HEADER}0 3 * * * certbot renew\n`;
  assert.deepEqual(findings(text, ['/usr/bin/certbot']), ['2 crontab/missing-user-field error']);
  assert.deepEqual(findings(text), ['2 crontab/missing-user-field error']);
});

test('an option right after the word: the word is the command (no such program needed)', () => {
  assert.deepEqual(findings(`${HEADER}30 2 * * * backup-etc --full /etc\n`), ['2 crontab/missing-user-field error']);
});

test('the same word run as a command by another line of the file: the user column is missing here', () => {
  const text = `${HEADER}0 1 * * 0 root renew-all weekly\n0 3 * * * renew-all daily\n`;
  assert.deepEqual(findings(text), ['3 crontab/missing-user-field error']);
});

test('precision: a user-like word with a path after it stays unknown-user; users that are also commands are users', () => {
  assert.deepEqual(findings(`${HEADER}*/10 * * * * deploy /srv/app/bin/sync\n`), ['2 crontab/unknown-user warning']);
  const users = `${HEADER}0 5 * * * mail /usr/local/bin/digest\n0 6 * * * sync /usr/local/bin/mirror\n0 7 * * * man mandb --quiet\n0 8 * * * postgres pg_dumpall -f /var/backups/all.sql\n0 9 * * * backup tar -czf /var/backups/etc.tgz /etc\n`;
  assert.deepEqual(findings(users, ['/usr/bin/mail', '/bin/sync', '/usr/bin/man']), []);
  assert.deepEqual(findings(users), []);
});
