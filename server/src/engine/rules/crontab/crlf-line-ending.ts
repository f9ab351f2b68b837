// Windows line endings: neither cron strips `\r` from a command; it hands the command to `$SHELL -c` with the
// `\r` on its end (do_command.c), where `\r` is no blank, so it sticks to the last word: a one-word command
// becomes the program `script.sh\r`, which is not found; otherwise the last argument carries it. Debian trims it
// only on environment lines (env.c), and a line that is just `\r` is a syntax error that drops the whole file
// (entry.c get_number sees no digits).
import { isCarriageReturnOnly } from '../../crontab/lines';
import { unescapedPercents } from '../../crontab/command';
import type { JobLine } from '../../crontab/model';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

/** What the trailing `\r` does to a command once the shell splits it (undefined: nothing a reader would notice). */
export type CarriageReturnEffect =
  | { kind: 'program'; program: string }
  | { kind: 'argument'; program: string; word: string }
  | { kind: 'extra-argument'; program: string }
  // `2>&1\r`: dash says "Bad fd number", bash "ambiguous redirect"; either way the command does not run.
  | { kind: 'bad-redirect'; program: string; word: string }
  // `>/var/log/x.log\r`: the output goes to a new file whose name ends in `\r`.
  | { kind: 'redirect-file'; program: string; word: string };

// Words after which the next word starts a new command (`a && b\r` runs `b\r` as a program).
const COMMAND_SEPARATORS = new Set(['&&', '||', ';', '|', '&', '(', '{', '!', 'then', 'do', 'else']);

/**
 * The effect of the `\r` at the end of `command` (its text without the `\r`). Blank-separated words, as `sh`
 * splits an unquoted line; a `%` ends the command (the rest, `\r` included, is standard input) and a word
 * starting with `#` starts a comment that swallows the `\r`.
 */
export function carriageReturnEffect(command: string): CarriageReturnEffect | undefined {
  const percent = unescapedPercents(command)[0];
  if (percent !== undefined) return undefined;
  const words = command.split(/[ \t]+/).filter(Boolean);
  const comment = words.findIndex((word) => word.startsWith('#'));
  if (comment >= 0) return undefined;
  if (words.length === 0) return undefined;
  // Where the last simple command starts: after the last separator word (or a word ending in `;`).
  let start = 0;
  for (let index = 0; index < words.length - 1; index++) {
    if (COMMAND_SEPARATORS.has(words[index]) || /[;&|]$/.test(words[index])) start = index + 1;
  }
  if (/[ \t]$/.test(command)) return { kind: 'extra-argument', program: words[start] };
  const last = words[words.length - 1];
  if (start === words.length - 1) return { kind: 'program', program: `${last}\\r` };
  const program = words[start];
  if (/^\d*[<>]&\d+$/.test(last)) return { kind: 'bad-redirect', program, word: last };
  const attached = last.match(/^\d*>>?(?!&)(.+)$/);
  if (attached) return { kind: 'redirect-file', program, word: attached[1] };
  if (/^\d*>>?$/.test(words[words.length - 2]) && words.length - 2 > start) return { kind: 'redirect-file', program, word: last };
  return { kind: 'argument', program, word: last };
}

export const crlfLineEnding: CrontabRule = {
  id: 'crontab/crlf-line-ending',
  meta: { defaultSeverity: 'error', fixable: true, safeFix: true },
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
    if (firstJob === undefined && !(blank !== undefined && context.dialect.dialect === 'debian')) return;
    // The example is the first job whose `\r` reaches the program (not a comment or standard input).
    let example: { line: number; job: JobLine; effect: CarriageReturnEffect } | undefined;
    for (const line of lines) {
      const job = document.lineType(line) === 'job' ? document.line(line) : undefined;
      if (job?.type !== 'job') continue;
      const effect = carriageReturnEffect(job.command.text.replace(/\r$/, ''));
      if (effect) {
        example = { line, job, effect };
        break;
      }
    }
    const at = where === blank || example === undefined ? where : example.line;
    const length = document.lineLength(at);
    const effect = example?.effect;
    const shell = (example?.job.environment.get('SHELL') ?? '/bin/sh').replace(/\r$/, '');
    context.report({
      messageId: at === blank ? 'blank-debian' : effect === undefined ? 'comment-or-input' : effect.kind === 'program' ? 'message' : effect.kind,
      params: {
        count: lines.length,
        shell,
        command: effect?.program ?? '',
        program: effect?.program ?? '',
        word: effect !== undefined && 'word' in effect ? `${effect.word}\\r` : '',
        plain: effect !== undefined && 'word' in effect ? effect.word : '',
      },
      range: range(at, length - 1, length),
      fixes: [
        {
          title: context.t('crontab/crlf-line-ending.fix'),
          edits: lines.map((line) => ({ range: range(line, document.lineLength(line) - trailingCarriageReturns(document.text, document.lineOffset(line), document.lineLength(line)), document.lineLength(line)), newText: '' })),
          isPreferred: true,
          safe: true,
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
