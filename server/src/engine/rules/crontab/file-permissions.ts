// Crontabs that cron refuses to load because of their owner, mode or links, logged once in syslog and
// otherwise silent. Debian cron database.c process_crontab(): system crontabs (/etc/crontab, /etc/cron.d/*)
// must be owned by root, not group/other-writable, with one link; user crontabs in the spool must be owned by
// the user or root, mode exactly 0600, one link. cronie src/database.c check_open(): `(mode & 07533) == 0400`
// (so 0600, 0644, 0400 pass; 0755, 0664 do not), owner root (system) or the user/root (spool).
// Only on the live host (the editor over Remote-SSH, `--host`): a tree given with `--root` is usually a copy
// or a git checkout, which keeps neither owners nor modes (git stores 0644/0755 only).
import * as path from 'node:path';
import { kindFromPath } from '../../crontab/kind';
import { isLiveHost } from '../../host/host';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

export const filePermissions: CrontabRule = {
  id: 'crontab/file-permissions',
  meta: { defaultSeverity: 'error', fixable: false, scope: 'file' },
  check(context) {
    const file = context.path;
    if (!file || !isLiveHost(context.facts.host)) return;
    const directory = path.posix.dirname(file);
    const inSpool = directory === '/var/spool/cron/crontabs' || directory === '/var/spool/cron';
    const isSystem = file === '/etc/crontab' || directory === '/etc/cron.d';
    // Only the files cron itself loads; `crontab -e` temp files and repository files are not checked.
    if ((!inSpool && !isSystem) || kindFromPath(file) === undefined) return;
    const stat = context.facts.host.stat(file);
    if (!stat || stat.kind !== 'file') return;
    const where = range(0, 0, context.document.lineCount > 0 ? context.document.lineLength(0) : 0);
    const mode = octal(stat.mode);
    const dialect = context.dialect.dialect;
    const user = path.posix.basename(file);
    if (dialect === 'debian') {
      if (isSystem && (stat.mode & 0o022) !== 0) return context.report({ messageId: 'debian-system-mode', params: { mode }, range: where });
      if (inSpool && stat.mode !== 0o600) return context.report({ messageId: 'debian-user-mode', params: { mode, user }, range: where });
    } else if ((stat.mode & 0o7533) !== 0o400) {
      return context.report({ messageId: 'cronie-mode', params: { mode }, range: where });
    }
    // Debian checks links on every crontab; cronie's check_open() only on user crontabs (`if (pw && …)`).
    if (stat.links > 1 && (dialect === 'debian' || inSpool)) return context.report({ messageId: 'links', params: { links: stat.links }, range: where });
    if (stat.uid === 0) return;
    const owner = [...(context.facts.users()?.values() ?? [])].find((candidate) => candidate.uid === stat.uid)?.name ?? String(stat.uid);
    if (isSystem) context.report({ messageId: 'system-owner', params: { owner }, range: where });
    else if (owner !== user) context.report({ messageId: 'user-owner', params: { owner, user }, range: where });
  },
};
