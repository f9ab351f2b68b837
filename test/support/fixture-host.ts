// A small fake Debian (or RHEL) host for engine tests: base-passwd users plus a person, the usual programs
// on cron's PATH (certbot, mail, sync, man), an os-release that picks the cron dialect.
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { HostFacts } from '../../server/src/engine/host/facts';
import type { CronDialect } from '../../server/src/engine/types';

export const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
  'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
  'sync:x:4:65534:sync:/bin:/bin/sync',
  'games:x:5:60:games:/usr/games:/usr/sbin/nologin',
  'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
  'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin',
  'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin',
  'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin',
  'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
  'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
  'postgres:x:105:111:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash',
  'alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash',
  '',
].join('\n');

const PROGRAMS = ['/usr/bin/certbot', '/usr/bin/mail', '/bin/sync', '/usr/bin/man', '/usr/bin/perl', '/usr/bin/test', '/usr/bin/date', '/usr/bin/env', '/usr/sbin/run-parts', '/usr/bin/backup.sh'];

const OS_RELEASE: Record<CronDialect, string> = {
  debian: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n',
  cronie: 'NAME="Red Hat Enterprise Linux"\nVERSION="9.4 (Plow)"\nID="rhel"\nID_LIKE="fedora"\nPRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"\n',
};

export function fixtureHost(dialect: CronDialect = 'debian', extra: Record<string, string> = {}): MemoryHost {
  const host = new MemoryHost({ '/etc/passwd': PASSWD, '/etc/os-release': OS_RELEASE[dialect], '/etc/timezone': 'Asia/Tokyo\n', ...extra });
  for (const program of PROGRAMS) host.set(program, { text: '#!/bin/sh\n', mode: 0o755 });
  return host;
}

export function fixtureFacts(dialect: CronDialect = 'debian', extra: Record<string, string> = {}): HostFacts {
  return new HostFacts(fixtureHost(dialect, extra));
}
