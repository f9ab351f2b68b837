// A system crontab (/etc/crontab, /etc/cron.d/*) line without its user column: cron reads the first word of
// the command as the user. Debian cron entry.c (getpwnam fails → e_username) then user.c drops the whole file;
// cronie skips just that line.
import { classifyUserColumn, prepareUsers } from '../../crontab/user-column';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

export const missingUserField: CrontabRule = {
  id: 'crontab/missing-user-field',
  meta: { defaultSeverity: 'error', fixable: true },
  check(context) {
    const document = context.document;
    if (document.kind !== 'crontab-system') return;
    // When the repository's install step decided the format, crontab/install-target-mismatch reports this.
    if (context.kindDecision?.reason === 'install') return;
    prepareUsers(context);
    for (let job = 0; job < document.jobCount; job++) {
      if (classifyUserColumn(context, job) !== 'command') continue;
      const user = document.userText(job);
      const line = document.jobLine(job);
      const start = document.userStart(job);
      const candidates = ['root', ...context.facts.loginUsers().slice(0, 4)];
      context.report({
        messageId: context.dialect.dialect,
        params: { word: user },
        range: range(line, start, document.userEnd(job)),
        fixes: candidates.map((name, index) => ({
          title: context.t('crontab/missing-user-field.fix', { user: name }),
          edits: [{ range: range(line, start, start), newText: `${name} ` }],
          isPreferred: index === 0,
        })),
      });
    }
  },
};
