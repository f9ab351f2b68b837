// Small selectors over a parsed crontab, so rules read as what they check.
import type { CrontabDocument, EnvironmentLine, InvalidLine, JobLine } from './parse';

export function jobLines(document: CrontabDocument): JobLine[] {
  return document.lines.filter((line): line is JobLine => line.type === 'job');
}

/** Jobs cron accepts (no line problem), with their schedule. */
export function acceptedJobs(document: CrontabDocument): JobLine[] {
  return jobLines(document).filter((job) => job.problem === undefined && job.schedule !== undefined);
}

export function environmentLines(document: CrontabDocument): EnvironmentLine[] {
  return document.lines.filter((line): line is EnvironmentLine => line.type === 'environment');
}

export function invalidLines(document: CrontabDocument): InvalidLine[] {
  return document.lines.filter((line): line is InvalidLine => line.type === 'invalid');
}

/** A line that is only a carriage return (plus blanks): the CRLF rule owns it. */
export function isCarriageReturnOnly(text: string): boolean {
  return /^[ \t]*\r$/.test(text);
}

/** A rejected line that was meant as `NAME=value` (cron reads it as a job because load_env refused it). */
export function looksLikeAssignment(text: string): boolean {
  return /^[ \t]*["']?[A-Za-z_][^=]*=/.test(text) && !/^[ \t]*@/.test(text);
}
