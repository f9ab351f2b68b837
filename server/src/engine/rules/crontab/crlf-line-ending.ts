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
    const document = context.document;
    // Nearly every file has no `\r` at all.
    if (!document.text.includes('\r')) return;
    const lines: number[] = [];
    for (let line = 0; line < document.lineCount; line++) {
      const length = document.lineLength(line);
      if (length > 0 && document.text.charCodeAt(document.lineOffset(line) + length - 1) === 13) lines.push(line);
    }
    if (lines.length === 0) return;
    const blank = lines.find((line) => isCarriageReturnOnly(document.lineText(line)));
    const firstJob = lines.find((line) => document.lineType(line) === 'job');
    const where = (context.dialect.dialect === 'debian' ? blank : undefined) ?? firstJob ?? lines[0];
    const job = firstJob === undefined ? undefined : document.line(firstJob);
    const command = job?.type === 'job' ? commandWords(job.command, 1)[0]?.text ?? '' : '';
    if (firstJob === undefined && !(blank !== undefined && context.dialect.dialect === 'debian')) return;
    const length = document.lineLength(where);
    context.report({
      messageId: where === blank ? 'blank-debian' : 'message',
      params: { count: lines.length, command: command ? `${command}\\r` : '' },
      range: range(where, length - 1, length),
      fixes: [
        {
          title: context.t('crontab/crlf-line-ending.fix'),
          edits: lines.map((line) => ({ range: range(line, document.lineLength(line) - trailingCarriageReturns(document.text, document.lineOffset(line), document.lineLength(line)), document.lineLength(line)), newText: '' })),
          isPreferred: true,
        },
      ],
    });
  },
};

/** How many `\r` end the line (`\r\r\n` from a file converted to CRLF twice): the fix removes them all. */
function trailingCarriageReturns(text: string, offset: number, length: number): number {
  let count = 0;
  while (count < length && text.charCodeAt(offset + length - 1 - count) === 13) count++;
  return count;
}
