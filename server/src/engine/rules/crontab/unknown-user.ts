// A system crontab line whose user column names nobody in /etc/passwd. cron resolves it with getpwnam(),
// which may also see LDAP/SSSD users we cannot, hence a warning rather than an error.
import { range } from '../../types';
import type { CrontabRule } from '../../rule';
import { classifyUserColumn, prepareUsers } from '../../crontab/user-column';

export const unknownUser: CrontabRule = {
  id: 'crontab/unknown-user',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const document = context.document;
    if (document.kind !== 'crontab-system') return;
    prepareUsers(context);
    for (let job = 0; job < document.jobCount; job++) {
      if (classifyUserColumn(context, job) !== 'unknown-user') continue;
      const user = document.userText(job);
      context.report({ messageId: context.dialect.dialect, params: { user }, range: range(document.jobLine(job), document.userStart(job), document.userEnd(job)) });
    }
  },
};
