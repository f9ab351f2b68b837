// A file the repository copies into /etc/cron.d (or onto /etc/crontab) with a mode or owner cron refuses,
// where the installer shows them (`COPY --chmod/--chown`, `RUN chmod/chown`, `install -m`, Ansible mode/owner).
// Debian cron database.c process_crontab(): a system crontab writable by group or others is skipped
// ("INSECURE MODE"), one not owned by root too ("WRONG FILE OWNER"); cronie src/database.c check_open()
// requires `(mode & 07533) == 0400` and owner root. Git checkouts keep 0644, so only an explicit mode counts.
import * as path from 'node:path';
import { installRelated, stepParams } from '../../install/describe';
import type { CrontabRule } from '../../rule';
import { range } from '../../types';

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

export const cronDMode: CrontabRule = {
  id: 'crontab/cron-d-mode',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    for (const step of context.installs ?? []) {
      if (step.format !== 'crontab-system' || step.via === 'mount' || step.via === 'configmap') continue;
      if (!(step.target === '/etc/crontab' || path.posix.dirname(step.target) === '/etc/cron.d')) continue;
      if (step.mode === undefined && step.owner === undefined) continue;
      const t = context.t.bind(context);
      const dialect = step.dialect ?? context.dialect.dialect;
      let messageId: string | undefined;
      if (step.mode !== undefined && (step.mode & 0o022) !== 0) messageId = dialect === 'cronie' ? 'mode-cronie' : 'writable-debian';
      else if (step.mode !== undefined && dialect === 'cronie' && (step.mode & 0o7533) !== 0o400) messageId = 'mode-cronie';
      else if (step.owner !== undefined && step.owner !== 'root' && step.owner !== '0') messageId = 'owner';
      if (!messageId) continue;
      // The line that set what is wrong: an Ansible task's `owner:` line for the owner, else its `mode:` line.
      const where = (messageId === 'owner' ? step.ownerRange : undefined) ?? step.modeRange ?? step.range;
      const params = { ...stepParams(step, t), line: where.start.line + 1, mode: step.mode === undefined ? '' : octal(step.mode), owner: step.owner ?? '' };
      const first = context.document.jobCount > 0 ? context.document.jobLine(0) : 0;
      context.report({
        messageId,
        params,
        range: range(first, 0, context.document.lineCount > first ? context.document.lineLength(first) : 0),
        related: [{ path: step.installer, range: where, message: t('install.related.mode', { installer: params.installer, line: where.start.line + 1 }) }, installRelated(step, t)],
      });
    }
  },
};
