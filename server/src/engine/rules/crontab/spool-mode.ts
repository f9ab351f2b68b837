// A user crontab the repository puts straight into cron's spool (a Dockerfile COPY, a compose bind mount, a
// Kubernetes ConfigMap volume, an Ansible copy with `mode:`) with a mode, owner or link cron refuses.
// Debian cron 3.0pl1-162 database.c process_crontab(), user crontabs: opened with O_NOFOLLOW (a symbolic link
// is "CAN'T OPEN"), owned by the user or root ("WRONG FILE OWNER"), mode exactly 0600 ("INSECURE MODE (mode
// 0600 expected)"). cronie src/database.c check_open(): links followed, `(mode & 07533) == 0400`, owner root
// or the user. A file so refused is skipped whole. `crontab FILE` always writes 0600 and the right owner.
// Unlike cron-d-mode, the mode a plain COPY keeps (0644 from a git checkout) counts: it is never 0600.
import * as path from 'node:path';
import { installRelated, stepParams } from '../../install/describe';
import type { InstallStep } from '../../install/model';
import type { CrontabRule } from '../../rule';
import { range, type CronDialect } from '../../types';

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

/** The cron whose spool `target` is, when the step or the path says: undefined for busybox or unknown images. */
function spoolCron(step: InstallStep): CronDialect | undefined {
  const folder = path.posix.dirname(step.target);
  if (folder === '/var/spool/cron' && step.dialect === 'cronie') return 'cronie';
  if (folder !== '/var/spool/cron/crontabs') return undefined;
  if (step.dialect === 'debian') return 'debian';
  // An Ansible host is not an image: the path is Debian's spool (cronie's is /var/spool/cron/USER).
  // busybox crond (Alpine links /var/spool/cron/crontabs to /etc/crontabs) checks no mode: an image whose
  // cron is not known is left alone.
  return step.via === 'ansible' ? 'debian' : undefined;
}

export const spoolMode: CrontabRule = {
  id: 'crontab/spool-mode',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    for (const step of context.installs ?? []) {
      if (step.format !== 'crontab-user' || !['copy', 'mount', 'configmap', 'ansible'].includes(step.via)) continue;
      const cron = spoolCron(step);
      if (!cron) continue;
      const t = context.t.bind(context);
      const user = path.posix.basename(step.target);
      // COPY and bind mounts keep the checkout's mode; Ansible without `mode:` keeps an existing file's mode.
      const mode = step.mode ?? (step.via === 'ansible' ? undefined : 0o644);
      let messageId: string | undefined;
      if (cron === 'debian' && step.linked) messageId = 'linked-debian';
      else if (cron === 'debian' && mode !== undefined && mode !== 0o600) messageId = step.via === 'configmap' ? 'configmap-debian' : step.via === 'mount' ? 'mount-debian' : step.mode === undefined ? 'checkout-debian' : 'mode-debian';
      else if (cron === 'cronie' && mode !== undefined && (mode & 0o7533) !== 0o400) messageId = step.via === 'configmap' ? 'configmap-cronie' : 'mode-cronie';
      // A numeric owner other than 0 may be the user's own uid, and a name Jinja writes may be the owner's: not known.
      else if (step.owner !== undefined && !step.templatedName && !['root', '0', user].includes(step.owner) && !/^\d+$/.test(step.owner)) messageId = 'owner';
      if (!messageId) continue;
      // The line that set what is wrong: an Ansible task's `owner:` line for the owner, else its `mode:` line.
      const where = (messageId === 'owner' ? step.ownerRange : undefined) ?? step.modeRange ?? step.range;
      const params = { ...stepParams(step, t), line: where.start.line + 1, mode: mode === undefined ? '' : octal(mode), owner: step.owner ?? '', user, folder: path.posix.dirname(step.target) };
      const first = context.document.jobCount > 0 ? context.document.jobLine(0) : 0;
      context.report({
        messageId,
        params,
        range: range(first, 0, context.document.lineCount > first ? context.document.lineLength(first) : 0),
        related: step.modeRange || step.ownerRange ? [{ path: step.installer, range: where, message: t('install.related.mode', { installer: params.installer, line: where.start.line + 1 }) }, installRelated(step, t)] : [installRelated(step, t)],
      });
    }
  },
};
