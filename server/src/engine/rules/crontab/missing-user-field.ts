// A system crontab (/etc/crontab, /etc/cron.d/*) line without its user column: cron reads the first word of
// the command as the user. Debian cron entry.c (getpwnam fails → e_username) then user.c drops the whole file;
// cronie skips just that line.
import { jobPath, SHELL_WORDS } from '../../crontab/command';
import { jobLines } from '../../crontab/lines';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

/** The word cannot be a user name: it is a path, shell syntax, or a program cron would find. */
export function looksLikeCommandWord(word: string, isOnPath: boolean): boolean {
  return word.includes('/') || /[;&|<>()$`"'\\={}[\]!*?]/.test(word) || SHELL_WORDS.has(word) || isOnPath;
}

export const missingUserField: CrontabRule = {
  id: 'crontab/missing-user-field',
  meta: { defaultSeverity: 'error', fixable: true },
  check(context) {
    if (context.document.kind !== 'crontab-system') return;
    for (const job of jobLines(context.document)) {
      const user = job.user;
      // An empty command after the user is the same mistake seen from the other side; other line problems win.
      if (!user || (job.problem && job.problem.id !== 'no-command') || context.facts.isUser(user.text) === true) continue;
      // Inserting a user before `*…` would leave a glob as the command: that line needs rewriting, not this fix.
      if (user.text.startsWith('*')) continue;
      if (!looksLikeCommandWord(user.text, context.facts.isCommand(user.text, jobPath(job, context.dialect.dialect)))) continue;
      const candidates = ['root', ...context.facts.loginUsers().slice(0, 4)];
      context.report({
        messageId: context.dialect.dialect,
        params: { word: user.text },
        range: range(job.line, user.start, user.end),
        fixes: candidates.map((name, index) => ({
          title: context.t('crontab/missing-user-field.fix', { user: name }),
          edits: [{ range: range(job.line, user.start, user.start), newText: `${name} ` }],
          isPreferred: index === 0,
        })),
      });
    }
  },
};
