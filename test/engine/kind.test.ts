// Which format a path implies: the files cron reads and the temporary copies `crontab -e` opens.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { kindFromPath } from '../../server/src/engine/crontab/kind';

test('paths of Debian cron and cronie, crontab -e temp files, and what is not a crontab', () => {
  const cases: [string, string | undefined][] = [
    ['/etc/crontab', 'crontab-system'],
    ['/etc/cron.d/certbot', 'crontab-system'],
    ['/var/spool/cron/crontabs/root', 'crontab-user'],
    ['/var/spool/cron/root', 'crontab-user'],
    ['/tmp/crontab.Xq3vT9/crontab', 'crontab-user'], // Debian: mkdtemp("crontab.XXXXXX") + "/crontab"
    ['/tmp/crontab.AbC123', 'crontab-user'], // cronie: crontab.XXXXXX in /tmp or $TMPDIR
    ['/root/tmp/crontab.AbC123', 'crontab-user'],
    ['/var/spool/cron/atjobs', undefined],
    ['/var/spool/cron/atspool', undefined],
    ['/var/spool/cron/atjobs/a0001', undefined],
    ['/tmp/crontab.toolong1/crontab', undefined],
    ['/etc/cron.daily/logrotate', undefined],
    ['/srv/app/crontab', undefined],
  ];
  for (const [path, kind] of cases) assert.equal(kindFromPath(path), kind, path);
});
