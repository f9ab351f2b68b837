// Small selectors over a parsed crontab, so rules read as what they check.
import type { CrontabDocument } from './document';
import type { EnvironmentLine, InvalidLine, JobLine } from './model';

// Rules read the document's columns directly (CrontabDocument's job*/environment* methods); these build line
// objects, for callers that prefer them.

export function jobLines(document: CrontabDocument): readonly JobLine[] {
  const jobs: JobLine[] = [];
  for (let job = 0; job < document.jobCount; job++) jobs.push(document.job(job));
  return jobs;
}

/** Jobs cron accepts (no line problem), with their schedule. */
export function acceptedJobs(document: CrontabDocument): readonly JobLine[] {
  const jobs: JobLine[] = [];
  for (let job = 0; job < document.jobCount; job++) if (document.isAccepted(job)) jobs.push(document.job(job));
  return jobs;
}

export function environmentLines(document: CrontabDocument): EnvironmentLine[] {
  const lines: EnvironmentLine[] = [];
  for (let index = 0; index < document.environmentCount; index++) lines.push(document.line(document.environmentLine(index)) as EnvironmentLine);
  return lines;
}

export function invalidLines(document: CrontabDocument): InvalidLine[] {
  return [...document.invalidLines];
}

/** A line that is only a carriage return (plus blanks): the CRLF rule owns it. */
export function isCarriageReturnOnly(text: string): boolean {
  return /^[ \t]*\r$/.test(text);
}

/** A rejected line that was meant as `NAME=value` (cron reads it as a job because load_env refused it). */
export function looksLikeAssignment(text: string): boolean {
  return /^[ \t]*["']?[A-Za-z_][^=]*=/.test(text) && !/^[ \t]*@/.test(text);
}
