// `%` in a cron command is a newline: the command ends at the first one and the rest is its standard input
// (crontab(5); Debian cron do_command.c). Quotes do not protect it, so `date +%F` breaks. busybox crond has no
// such rule: it runs the command as written with `sh -c` (miscutils/crond.c load_crontab copies tokens[5], the
// rest of the line, and fork_job execs `sh -c` with it), so an Alpine image's crontab is left alone. Nor has
// dcron: database.c SynchronizeFile keeps the rest of the line (`cl_Shell = strdup(ptr)`) and job.c RunJob
// execs `/bin/sh -c` with it (dubiousjim/dcron 4.5).
import { unescapedPercents } from '../../crontab/command';
import { range } from '../../types';
import type { CrontabContext, CrontabRule } from '../../rule';

export const unescapedPercent: CrontabRule = {
  id: 'crontab/unescaped-percent',
  meta: { defaultSeverity: 'warning', fixable: true, safeFix: true, notFor: ['busybox', 'dcron'] },
  check(context) {
    const document = context.document;
    const text = document.text;
    // Most commands have no `%`: find the next one in the whole text and skip every job before it.
    let nextPercent = text.indexOf('%');
    for (let job = 0; job < document.jobCount && nextPercent >= 0; job++) {
      const line = document.jobLine(job);
      const lineOffset = document.lineOffset(line);
      const commandStart = document.commandStart(job);
      if (nextPercent < lineOffset + commandStart) nextPercent = text.indexOf('%', lineOffset + commandStart);
      if (nextPercent < 0 || nextPercent >= lineOffset + document.lineLength(line)) continue;
      checkJob(context, job);
    }
  },
  checkJob,
};

function checkJob(context: CrontabContext, job: number): void {
  const document = context.document;
  const line = document.jobLine(job);
  const commandStart = document.commandStart(job);
  const command = document.commandText(job);
  const offsets = unescapedPercents(command);
  if (offsets.length === 0) return;
  const first = commandStart + offsets[0];
  const context_ = command.slice(offsets[0]).match(/^%[^ \t'"\r)]*/)?.[0] ?? '%';
  const accidental = looksAccidental(command, offsets[0]);
  context.report({
    messageId: accidental ? 'message' : 'stdin',
    severity: accidental ? undefined : 'info',
    params: { context: context_ },
    range: range(line, first, first + 1),
    fixes: [
      {
        title: context.t('crontab/unescaped-percent.fix'),
        edits: offsets.map((offset) => ({ range: range(line, commandStart + offset, commandStart + offset), newText: '\\' })),
        isPreferred: accidental,
        // Only where the `%` is plainly not meant as cron's newline (`date +%F`): elsewhere it may feed stdin.
        safe: accidental,
      },
    ],
  });
}

/**
 * crontab(5)'s own example (`mail -s "…" joe%Joe,%%Where are your kids?%`) uses `%` on purpose to feed
 * standard input. A `%` inside quotes, `$(…)` or backquotes, or right after `+` (a date format), cannot be
 * meant that way; those are the ones worth a warning.
 */
export function looksAccidental(command: string, offset: number): boolean {
  let single = false;
  let double = false;
  let backquote = false;
  let substitution = 0;
  for (let index = 0; index < offset; index++) {
    const ch = command[index];
    if (ch === '\\' && !single) {
      index++;
      continue;
    }
    if (ch === "'" && !double) single = !single;
    else if (ch === '"' && !single) double = !double;
    else if (ch === '`' && !single) backquote = !backquote;
    else if (ch === '$' && command[index + 1] === '(' && !single) {
      substitution++;
      index++;
    } else if (ch === ')' && substitution > 0 && !single && !double) substitution--;
  }
  return single || double || backquote || substitution > 0 || command[offset - 1] === '+';
}
