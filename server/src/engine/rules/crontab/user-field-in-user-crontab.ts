// Seed 000: `39 1,13 * * * root certbot renew` typed into `crontab -e`. User crontabs have no user column,
// so cron runs `root` as the command. crontab(5); Debian cron entry.c (no username parse when pw != NULL).
import { commandWords, jobPath } from '../../crontab/command';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';
import { jobLines } from '../../crontab/lines';

export const userFieldInUserCrontab: CrontabRule = {
  id: 'crontab/user-field-in-user-crontab',
  meta: { defaultSeverity: 'error', fixable: true },
  check(context) {
    if (context.document.kind !== 'crontab-user') return;
    for (const job of jobLines(context.document)) {
      const [first, next] = commandWords(job.command, 2);
      if (!first || context.facts.isUser(first.text) !== true) continue;
      const searchPath = jobPath(job, context.dialect.dialect);
      // `mail -s …` (crontab(5)'s own example), `sync`, `man`: users that are also programs. When the word
      // runs as a program and what follows reads as its arguments, it is a command, not a misplaced user.
      let messageId = 'clear';
      if (context.facts.isCommand(first.text, searchPath)) {
        const nextIsCommand = next !== undefined && (next.text.startsWith('/') || context.facts.isCommand(next.text, searchPath));
        if (!nextIsCommand) continue;
        messageId = 'ambiguous';
      }
      const removeEnd = next ? next.start : first.end;
      context.report({
        messageId,
        severity: messageId === 'clear' ? 'error' : 'warning',
        params: { user: first.text, next: next?.text ?? '' },
        range: range(job.line, first.start, first.end),
        fixes: [
          {
            title: context.t('crontab/user-field-in-user-crontab.fix', { user: first.text }),
            edits: [{ range: range(job.line, first.start, removeEnd), newText: '' }],
            isPreferred: messageId === 'clear',
          },
        ],
      });
    }
  },
};
