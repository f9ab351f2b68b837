// busybox crond ends every line at its first `#`, wherever it stands: load_crontab() reads lines with
// config_read(parser, tokens, 6, 1, "# \t", …), whose first delimiter is the comment character, and
// config_read() cuts the line at strchrnul(line, '#') before it splits it (libbb/parse_config.c; busybox
// 1.36, miscutils/crond.c). Quotes and backslashes do not protect it. Where the shell would read the same
// `#` as the start of a comment (unquoted, at the start of a word) nothing changes; anywhere else the job
// runs a shorter command than written: a URL's `#fragment`, `$#`, `${#var}`, `"#"` (then an unclosed quote).
import { range } from '../../types';
import type { CrontabContext, CrontabRule } from '../../rule';
import { shorten } from '../../util/shorten';

export const busyboxHashInCommand: CrontabRule = {
  id: 'crontab/busybox-hash-in-command',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    if (context.reader !== 'busybox') return;
    for (let job = 0; job < context.document.jobCount; job++) checkJob(context, job);
  },
  checkJob,
};

function checkJob(context: CrontabContext, job: number): void {
  if (context.reader !== 'busybox') return;
  const document = context.document;
  const command = document.commandText(job);
  const at = meaningfulHash(command);
  if (at < 0) return;
  const start = document.commandStart(job) + at;
  context.report({
    messageId: 'message',
    params: { cut: shorten(command.slice(at)), kept: shorten(command.slice(0, at).trimEnd()) },
    range: range(document.jobLine(job), start, start + 1),
  });
}

/**
 * The offset of the first `#` of a command when cutting there changes what the shell runs, or -1: a `#` the
 * shell also reads as a comment (unquoted, after a blank or at the start) loses nothing.
 */
export function meaningfulHash(command: string): number {
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < command.length; index++) {
    const char = command[index];
    if (char === '#') {
      const startsWord = index === 0 || command[index - 1] === ' ' || command[index - 1] === '\t';
      return quote === undefined && startsWord ? -1 : index;
    }
    if (quote === "'") {
      if (char === "'") quote = undefined;
    } else if (char === '\\') {
      // `\#` is still cut (busybox does not read escapes): only skip a character that is not `#`.
      if (command[index + 1] !== '#') index++;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    }
  }
  return -1;
}
