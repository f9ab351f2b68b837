// A system crontab line whose user column names nobody in /etc/passwd. cron resolves it with getpwnam(),
// which may also see LDAP/SSSD users we cannot, hence a warning rather than an error.
import { jobPath } from '../../crontab/command';
import { jobLines } from '../../crontab/lines';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';
import { looksLikeCommandWord } from './missing-user-field';

export const unknownUser: CrontabRule = {
  id: 'crontab/unknown-user',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    if (context.document.kind !== 'crontab-system') return;
    for (const job of jobLines(context.document)) {
      const user = job.user;
      // An empty command after the user is the same mistake seen from the other side; other line problems win.
      if (!user || (job.problem && job.problem.id !== 'no-command') || context.facts.isUser(user.text) !== false) continue;
      if (looksLikeCommandWord(user.text, context.facts.isCommand(user.text, jobPath(job, context.dialect.dialect)))) continue;
      context.report({ messageId: context.dialect.dialect, params: { user: user.text }, range: range(job.line, user.start, user.end) });
    }
  },
};
