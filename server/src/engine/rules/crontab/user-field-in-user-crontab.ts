// Seed 000: `39 1,13 * * * root certbot renew` typed into `crontab -e`. User crontabs have no user column,
// so cron runs `root` as the command. crontab(5); Debian cron entry.c (no username parse when pw != NULL).
// A user is a name this machine has, or the crontab's own owner (its spool file's name, the install step's
// user or owner): a CI runner has no `deploy` in its /etc/passwd, but `deploy` in deploy's crontab is that user.
import { commandWords, jobPath } from '../../crontab/command';
import { spoolOwner } from '../../crontab/kind';
import { range } from '../../types';
import type { CrontabContext, CrontabRule } from '../../rule';
import { Interner } from '../../util/text-table';

// The first word of every command, shared between lines (most are the same few programs); bounded.
const firstWords = new Interner(10_000);

export const userFieldInUserCrontab: CrontabRule = {
  id: 'crontab/user-field-in-user-crontab',
  meta: { defaultSeverity: 'error', fixable: true, safeFix: true },
  check(context) {
    if (!applies(context)) return;
    for (let job = 0; job < context.document.jobCount; job++) checkJobOf(context, job);
  },
  checkJob(context, job) {
    if (applies(context)) checkJobOf(context, job);
  },
};

function applies(context: CrontabContext): boolean {
  // When the repository's install step decided the format, crontab/install-target-mismatch reports this.
  return context.document.kind === 'crontab-user' && context.kindDecision?.reason !== 'install';
}

function checkJobOf(context: CrontabContext, job: number): void {
  const document = context.document;
  const text = document.text;
  // Cheap check first: the first word of the command (as commandWords reads it) names a user.
  const lineOffset = document.lineOffset(document.jobLine(job));
  const lineEnd = lineOffset + document.lineLength(document.jobLine(job));
  let wordStart = lineOffset + document.commandStart(job);
  while (wordStart < lineEnd && isWordBreak(text.charCodeAt(wordStart))) wordStart++;
  let wordEnd = wordStart;
  while (wordEnd < lineEnd && !isWordBreak(text.charCodeAt(wordEnd))) wordEnd++;
  if (wordStart === wordEnd || !isUser(context, firstWords.intern(text, wordStart, wordEnd))) return;
  const line = document.job(job);
  const [first, next] = commandWords(line.command, 2);
  if (!first || !isUser(context, first.text)) return;
  const searchPath = jobPath(line, context.dialect.dialect);
  // `mail -s …` (crontab(5)'s own example), `sync`, `man`: users that are also programs. When the word
  // runs as a program and what follows reads as its arguments, it is a command, not a misplaced user.
  let messageId = 'clear';
  if (context.facts.isCommand(first.text, searchPath)) {
    const nextIsCommand = next !== undefined && (next.text.startsWith('/') || context.facts.isCommand(next.text, searchPath));
    if (!nextIsCommand) return;
    messageId = 'ambiguous';
  }
  const removeEnd = next ? next.start : first.end;
  // Without the user there must still be a command cron takes: not nothing, and not one starting with `*`
  // (entry.c rejects that as a sixth time field), or the fix would turn a working line into an error.
  const removable = next !== undefined && !next.text.startsWith('*');
  context.report({
    messageId,
    severity: messageId === 'clear' ? 'error' : 'warning',
    params: { user: first.text, next: next?.text ?? '' },
    range: range(line.line, first.start, first.end),
    fixes: removable
      ? [
          {
            title: context.t('crontab/user-field-in-user-crontab.fix', { user: first.text }),
            edits: [{ range: range(line.line, first.start, removeEnd), newText: '' }],
            isPreferred: messageId === 'clear',
            // Not when the word is also a program (`mail`): which one was meant is the user's call.
            safe: messageId === 'clear',
          },
        ]
      : undefined,
  });
}

function isUser(context: CrontabContext, word: string): boolean {
  return context.facts.isUser(word) === true || ownersOf(context).has(word);
}

const owners = new WeakMap<CrontabContext, Set<string>>();

/**
 * The users this crontab belongs to, as far as its path and its install steps say: the spool file's name
 * (kind.ts spoolOwner), a user-format step's user (`crontab -u deploy FILE`, the spool target's name) and its
 * owner (`COPY --chown=deploy`, Ansible `owner: deploy`; cron accepts a spool file owned by its user or root,
 * so a named owner other than root is the user). Numeric owners name no one.
 */
function ownersOf(context: CrontabContext): Set<string> {
  let found = owners.get(context);
  if (found) return found;
  found = new Set();
  const fromPath = context.path === undefined ? undefined : spoolOwner(context.path);
  if (fromPath) found.add(fromPath);
  for (const step of context.installs ?? []) {
    if (step.format !== 'crontab-user') continue;
    if (step.user && !step.templatedName) found.add(step.user);
    if (step.owner && !/^\d+$/.test(step.owner)) found.add(step.owner);
  }
  owners.set(context, found);
  return found;
}

/** What separates command words for commandWords(): blanks and `\r`. */
function isWordBreak(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}
