// A system crontab line whose user column names nobody in /etc/passwd. cron resolves it with getpwnam(),
// which may also see LDAP/SSSD users we cannot, hence a warning rather than an error.
import { environmentPath } from '../../crontab/command';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';
import { looksLikeCommandWord, prepareUsers } from './missing-user-field';

export const unknownUser: CrontabRule = {
  id: 'crontab/unknown-user',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const document = context.document;
    if (document.kind !== 'crontab-system') return;
    prepareUsers(context);
    for (let job = 0; job < document.jobCount; job++) {
      if (!document.hasUser(job)) continue;
      const user = document.userText(job);
      // An empty command after the user is the same mistake seen from the other side; other line problems win.
      const problem = document.jobProblem(job);
      if ((problem && problem.id !== 'no-command') || context.facts.isUser(user) !== false) continue;
      if (looksLikeCommandWord(user, context.facts.isCommand(user, environmentPath(document.jobEnvironment(job), context.dialect.dialect)))) continue;
      context.report({ messageId: context.dialect.dialect, params: { user }, range: range(document.jobLine(job), document.userStart(job), document.userEnd(job)) });
    }
  },
};
