// What a GitHub Actions workflow rule (engine/rules/github-actions/) exports, and the context it checks: the
// workflow's schedules (workflow.ts), each cron read as GitHub documents it (cron.ts), and what crontab's own
// checks say about the same schedule where cron and GitHub read it alike (lint-workflow.ts runs them).
import type { MessageKey, MessageParams } from '../i18n/catalog';
import type { Report, RuleMeta } from '../rule';
import type { Locale, Range } from '../types';
import type { GithubCron } from './cron';
import type { ScheduleEntry, Workflow } from './workflow';

/** One schedule of the workflow with its cron read. */
export interface CheckedSchedule {
  entry: ScheduleEntry;
  /** Undefined when the value is not a string. */
  cron?: GithubCron;
}

/** A finding of a crontab rule on the same schedule, its range moved into the workflow file. */
export interface CrontabVerdict {
  ruleId: string;
  messageId: string;
  severity: string;
  range: Range;
}

export interface WorkflowContext {
  /** The file's text. */
  text: string;
  workflow: Workflow;
  schedules: readonly CheckedSchedule[];
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  /** The range of the characters `start`..`end` of the schedule's cron string in the file (the whole value when unknown). */
  rangeIn(schedule: CheckedSchedule, start: number, end: number): Range;
  /** The range of the characters `start`..`end` of the file. */
  rangeAt(start: number, end: number): Range;
  /** What crontab's rules find on the schedule (a valid cron only), read as Debian's cron reads it. */
  crontabVerdicts(schedule: CheckedSchedule): readonly CrontabVerdict[];
  report(report: Report): void;
}

export interface WorkflowRule {
  id: string;
  meta: RuleMeta;
  check(context: WorkflowContext): void;
}
