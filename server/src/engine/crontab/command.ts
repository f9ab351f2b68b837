// What cron does with the command part of a job line before the shell sees it.
import type { CronDialect } from '../types';
import type { JobLine, Token } from './model';

// Debian cron pathnames.h _PATH_DEFPATH; cronie src/entry.c.
const DEBIAN_PATH = '/usr/bin:/bin';
// cronie 1.7.0 (commit 7575e75) widened its default; older cronie used Debian's value.
const CRONIE_PATH = '/usr/bin:/bin:/usr/sbin:/sbin';

export function defaultCronPath(dialect: CronDialect): string {
  return dialect === 'cronie' ? CRONIE_PATH : DEBIAN_PATH;
}

/** PATH cron gives this job: the last `PATH=` above it, else the default. */
export function jobPath(job: JobLine, dialect: CronDialect): string {
  return environmentPath(job.environment, dialect);
}

/** PATH in an environment cron builds for a job, else the default. */
export function environmentPath(environment: ReadonlyMap<string, string>, dialect: CronDialect): string {
  return environment.get('PATH') ?? defaultCronPath(dialect);
}

/** The first few blank-separated words of the command, with positions on the line (no shell parsing beyond that). */
export function commandWords(command: Token, limit = 3): Token[] {
  const words: Token[] = [];
  const pattern = /[^ \t\r]+/g;
  let match: RegExpExecArray | null;
  while (words.length < limit && (match = pattern.exec(command.text)) !== null) {
    words.push({ text: match[0], start: command.start + match.index, end: command.start + match.index + match[0].length });
  }
  return words;
}

/**
 * Offsets (in the command text) of every `%` cron treats as a newline. Debian's do_command.c: a backslash
 * escapes the next character, so `\%` is a literal % and `\\` a literal backslash; cronie only unescapes `\%`,
 * but a backslash before any character still keeps that character from starting an escape of its own.
 */
export function unescapedPercents(commandText: string): number[] {
  const offsets: number[] = [];
  if (!commandText.includes('%')) return offsets;
  let escaped = false;
  for (let index = 0; index < commandText.length; index++) {
    const ch = commandText[index];
    if (escaped) {
      escaped = false;
      continue;
    }
    if (ch === '\\') escaped = true;
    else if (ch === '%') offsets.push(index);
  }
  return offsets;
}

// Words that start a shell command without being a program on PATH.
export const SHELL_WORDS = new Set(['[', '[[', 'test', 'cd', 'if', 'for', 'while', 'until', 'case', 'exec', 'echo', 'printf', 'true', 'false', ':', '.', 'source', 'export', 'set', 'eval', 'command', 'nice', 'env', 'sleep', '{', '(', '!', 'umask', 'ulimit', 'trap', 'time']);
