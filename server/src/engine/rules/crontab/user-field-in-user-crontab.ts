// Seed 000: `39 1,13 * * * root certbot renew` typed into `crontab -e`. User crontabs have no user column,
// so cron runs `root` as the command. crontab(5); Debian cron entry.c (no username parse when pw != NULL).
import { commandWords, jobPath } from '../../crontab/command';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';
import { Interner } from '../../util/text-table';

// The first word of every command, shared between lines (most are the same few programs); bounded.
const firstWords = new Interner(10_000);

export const userFieldInUserCrontab: CrontabRule = {
  id: 'crontab/user-field-in-user-crontab',
  meta: { defaultSeverity: 'error', fixable: true, safeFix: true },
  check(context) {
    const document = context.document;
    if (document.kind !== 'crontab-user') return;
    // When the repository's install step decided the format, crontab/install-target-mismatch reports this.
    if (context.kindDecision?.reason === 'install') return;
    const text = document.text;
    for (let index = 0; index < document.jobCount; index++) {
      // Cheap check first: the first word of the command (as commandWords reads it) names a user.
      const lineOffset = document.lineOffset(document.jobLine(index));
      const lineEnd = lineOffset + document.lineLength(document.jobLine(index));
      let wordStart = lineOffset + document.commandStart(index);
      while (wordStart < lineEnd && isWordBreak(text.charCodeAt(wordStart))) wordStart++;
      let wordEnd = wordStart;
      while (wordEnd < lineEnd && !isWordBreak(text.charCodeAt(wordEnd))) wordEnd++;
      if (wordStart === wordEnd || context.facts.isUser(firstWords.intern(text, wordStart, wordEnd)) !== true) continue;
      const job = document.job(index);
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
      // Without the user there must still be a command cron takes: not nothing, and not one starting with `*`
      // (entry.c rejects that as a sixth time field), or the fix would turn a working line into an error.
      const removable = next !== undefined && !next.text.startsWith('*');
      context.report({
        messageId,
        severity: messageId === 'clear' ? 'error' : 'warning',
        params: { user: first.text, next: next?.text ?? '' },
        range: range(job.line, first.start, first.end),
        fixes: removable
          ? [
              {
                title: context.t('crontab/user-field-in-user-crontab.fix', { user: first.text }),
                edits: [{ range: range(job.line, first.start, removeEnd), newText: '' }],
                isPreferred: messageId === 'clear',
                // Not when the word is also a program (`mail`): which one was meant is the user's call.
                safe: messageId === 'clear',
              },
            ]
          : undefined,
      });
    }
  },
};

/** What separates command words for commandWords(): blanks and `\r`. */
function isWordBreak(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}
