// Windows line endings: neither cron strips `\r` from a command (it becomes part of the last argument, so
// `script.sh\r` is not found); Debian trims it only on environment lines (env.c), and a line that is just
// `\r` is a syntax error that drops the whole file (entry.c get_number sees no digits).
import { isCarriageReturnOnly } from '../../crontab/lines';
import { commandWords } from '../../crontab/command';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

export const crlfLineEnding: CrontabRule = {
  id: 'crontab/crlf-line-ending',
  meta: { defaultSeverity: 'error', fixable: true },
  check(context) {
    const lines = context.document.lines.filter((line) => line.text.endsWith('\r'));
    if (lines.length === 0) return;
    const blank = lines.find((line) => isCarriageReturnOnly(line.text));
    const firstJob = context.document.lines.find((line) => line.type === 'job' && line.text.endsWith('\r'));
    const where = (context.dialect.dialect === 'debian' ? blank : undefined) ?? firstJob ?? lines[0];
    const command = firstJob?.type === 'job' ? commandWords(firstJob.command, 1)[0]?.text ?? '' : '';
    if (!firstJob && !(blank && context.dialect.dialect === 'debian')) return;
    context.report({
      messageId: where === blank ? 'blank-debian' : 'message',
      params: { count: lines.length, command: command ? `${command}\\r` : '' },
      range: range(where.line, where.text.length - 1, where.text.length),
      fixes: [
        {
          title: context.t('crontab/crlf-line-ending.fix'),
          edits: lines.map((line) => ({ range: range(line.line, line.text.length - 1, line.text.length), newText: '' })),
          isPreferred: true,
        },
      ],
    });
  },
};
