// A system crontab (/etc/crontab, /etc/cron.d/*) line without its user column: cron reads the first word of
// the command as the user. Debian cron entry.c (getpwnam fails → e_username) then user.c drops the whole file;
// cronie skips just that line.
import { environmentPath, SHELL_WORDS } from '../../crontab/command';
import { range } from '../../types';
import type { CrontabContext, CrontabRule } from '../../rule';

/** The word cannot be a user name: it is a path, shell syntax, or a program cron would find. */
export function looksLikeCommandWord(word: string, isOnPath: boolean): boolean {
  return word.includes('/') || /[;&|<>()$`"'\\={}[\]!*?]/.test(word) || SHELL_WORDS.has(word) || isOnPath;
}

/**
 * Reads the host's users (HostFacts.users) when a loop over the jobs is about to ask about one other than
 * root — exactly when facts.isUser would read them — but before that loop. The read happens once per lint;
 * inside the loop V8 would compile it into the loop's optimized code without ever having seen it run, and
 * throw that code away when it did.
 */
export function prepareUsers(context: CrontabContext): void {
  const document = context.document;
  for (let job = 0; job < document.jobCount; job++) {
    if (!document.hasUser(job) || document.userText(job) === 'root') continue;
    const problem = document.jobProblem(job);
    if (problem && problem.id !== 'no-command') continue;
    context.facts.users();
    return;
  }
}

export const missingUserField: CrontabRule = {
  id: 'crontab/missing-user-field',
  meta: { defaultSeverity: 'error', fixable: true },
  check(context) {
    const document = context.document;
    if (document.kind !== 'crontab-system') return;
    prepareUsers(context);
    for (let job = 0; job < document.jobCount; job++) {
      if (!document.hasUser(job)) continue;
      const user = document.userText(job);
      // An empty command after the user is the same mistake seen from the other side; other line problems win.
      const problem = document.jobProblem(job);
      if ((problem && problem.id !== 'no-command') || context.facts.isUser(user) === true) continue;
      // Inserting a user before `*…` would leave a glob as the command: that line needs rewriting, not this fix.
      if (user.startsWith('*')) continue;
      if (!looksLikeCommandWord(user, context.facts.isCommand(user, environmentPath(document.jobEnvironment(job), context.dialect.dialect)))) continue;
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
