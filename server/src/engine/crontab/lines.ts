// Small selectors over a parsed crontab, so rules read as what they check.
import type { CrontabDocument, EnvironmentLine, InvalidLine, JobLine } from './parse';

// Every rule asks for the same selections; compute them once per document.
const jobsCache = new WeakMap<CrontabDocument, { all: JobLine[]; accepted: JobLine[] }>();

function jobs(document: CrontabDocument): { all: JobLine[]; accepted: JobLine[] } {
  let cached = jobsCache.get(document);
  if (!cached) {
    const all = document.lines.filter((line): line is JobLine => line.type === 'job');
    cached = { all, accepted: all.filter((job) => job.problem === undefined && job.schedule !== undefined) };
    jobsCache.set(document, cached);
  }
  return cached;
}

export function jobLines(document: CrontabDocument): readonly JobLine[] {
  return jobs(document).all;
}

/** Jobs cron accepts (no line problem), with their schedule. */
export function acceptedJobs(document: CrontabDocument): readonly JobLine[] {
  return jobs(document).accepted;
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
