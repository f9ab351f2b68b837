// What the sixth field of a system crontab line is, as cron will find out: a user on this host, a word that
// cannot be a user (a path, shell syntax, a program on cron's PATH: the user column is missing), a user-like
// name the host does not have, or something another problem of the line already explains. Shared by the
// missing-user-field and unknown-user rules so the two can never disagree about a line.
import type { CrontabContext } from '../rule';
import { environmentPath, SHELL_WORDS } from './command';

export type UserColumn = 'user' | 'command' | 'unknown-user' | 'skip';

/** The word cannot be a user name: it is a path, shell syntax, or a program cron would find. */
export function looksLikeCommandWord(word: string, isOnPath: boolean): boolean {
  return word.includes('/') || /[;&|<>()$`"'\\={}[\]!*?]/.test(word) || SHELL_WORDS.has(word) || isOnPath;
}

export function classifyUserColumn(context: CrontabContext, job: number): UserColumn {
  const document = context.document;
  if (!document.hasUser(job)) return 'skip';
  const user = document.userText(job);
  // An empty command after the user is the same mistake seen from the other side; other line problems win.
  const problem = document.jobProblem(job);
  if (problem && problem.id !== 'no-command') return 'skip';
  const known = context.facts.isUser(user);
  if (known === true) return 'user';
  // Inserting a user before `*…` would leave a glob as the command: that line needs rewriting (invalid-schedule).
  if (user.startsWith('*')) return 'skip';
  if (looksLikeCommandWord(user, context.facts.isCommand(user, environmentPath(document.jobEnvironment(job), context.dialect.dialect)))) return 'command';
  return known === false ? 'unknown-user' : 'skip';
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
