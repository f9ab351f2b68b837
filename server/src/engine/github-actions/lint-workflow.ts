// Lints a GitHub Actions workflow file's schedules: reads them (workflow.ts, cron.ts) and runs the
// github-actions rules. The checks whose meaning is the same for GitHub as for cron (a minute `*` under chosen
// hours, day-of-month OR day-of-week) are crontab's own rules run on the schedule written as a crontab line
// (crontab/lint-expression.ts cronLineText, lint.ts lintCrontab), their findings moved back onto the cron
// string's fields; the github-actions rules decide what to say about them.
import { cronLineText } from '../crontab/lint-expression';
import { HostFacts } from '../host/facts';
import { MemoryHost } from '../host/memory-host';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import { lintCrontab } from '../lint';
import { findingReporter, runRuleSafely } from '../rule';
import { githubActionsRules } from '../rules/github-actions';
import type { Finding, Locale, Range, SeveritySetting } from '../types';
import { lfLineStarts, positionAt } from '../util/line-starts';
import { QUOTED_VALUE_LIMIT, shortenedReports } from '../util/shorten';
import { asCrontabFields, parseGithubCron } from './cron';
import type { CheckedSchedule, CrontabVerdict, WorkflowContext } from './rule';
import { parseWorkflow, type Workflow } from './workflow';

export interface WorkflowLintResult {
  kind: 'github-actions-workflow';
  workflow: Workflow;
  findings: Finding[];
}

export function lintWorkflow(request: { text: string; locale: Locale; severities?: Record<string, SeveritySetting> }): WorkflowLintResult {
  const workflow = parseWorkflow(request.text);
  const findings: Finding[] = [];
  const result: WorkflowLintResult = { kind: 'github-actions-workflow', workflow, findings };
  if (workflow.schedules.length === 0 && workflow.parsed) return result;
  const starts = lfLineStarts(request.text);
  const schedules: CheckedSchedule[] = workflow.schedules.map((entry) => (entry.cron !== undefined ? { entry, cron: parseGithubCron(entry.cron) } : { entry }));
  const verdicts = new Map<CheckedSchedule, CrontabVerdict[]>();
  const rangeAt = (start: number, end: number): Range => ({ start: positionAt(starts, start), end: positionAt(starts, Math.max(end, start + 1)) });
  const t = (key: MessageKey, params?: MessageParams) => translate(request.locale, key, params);
  const rangeIn = (schedule: CheckedSchedule, start: number, end: number): Range =>
    schedule.entry.offset === undefined ? schedule.entry.range : { start: positionAt(starts, schedule.entry.offset + start), end: positionAt(starts, schedule.entry.offset + Math.max(end, start + 1)) };
  const crontabVerdicts = (schedule: CheckedSchedule): CrontabVerdict[] => {
    let found = verdicts.get(schedule);
    if (!found) verdicts.set(schedule, (found = crontabVerdictsOf(schedule, rangeIn)));
    return found;
  };
  for (const rule of githubActionsRules) {
    const configured = request.severities?.[rule.id];
    if (configured === 'off') continue;
    // Messages quote fields, ranges and zones as written: a runaway value is cut (util/shorten.ts).
    const report = shortenedReports(findingReporter(rule, configured, t, findings), QUOTED_VALUE_LIMIT);
    const context: WorkflowContext = { text: request.text, workflow, schedules, locale: request.locale, t, rangeIn, rangeAt, crontabVerdicts, report };
    runRuleSafely(rule.id, () => rule.check(context), findings, request.locale);
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return result;
}

/** Crontab's findings on the schedule as a user crontab line of Debian's cron, on the cron string's characters. */
function crontabVerdictsOf(schedule: CheckedSchedule, rangeIn: (schedule: CheckedSchedule, start: number, end: number) => Range): CrontabVerdict[] {
  const fields = schedule.cron && asCrontabFields(schedule.cron);
  if (!fields || !schedule.cron) return [];
  const line = fields.join(' ');
  const lint = lintCrontab({ text: cronLineText(line), facts: new HostFacts(new MemoryHost(), 'debian'), explicitKind: { kind: 'crontab-user', reason: 'cli' }, locale: 'en' });
  // Where each field starts in the crontab line, and in the cron string.
  const lineStarts: number[] = [];
  let at = 0;
  for (const field of fields) {
    lineStarts.push(at);
    at += field.length + 1;
  }
  const original = schedule.cron.fields;
  // A character of the crontab line, as the cron string's: the same character when the field is written the same.
  const move = (character: number, isEnd: boolean): number => {
    let index = lineStarts.length - 1;
    while (index > 0 && character < lineStarts[index]) index--;
    const inside = character - lineStarts[index];
    if (fields[index] === original[index].text) return original[index].start + Math.min(inside, original[index].text.length);
    return isEnd ? original[index].end : original[index].start;
  };
  return lint.findings
    .filter((finding) => finding.range.start.line === 0 && finding.range.end.line === 0)
    .map((finding) => ({
      ruleId: finding.ruleId,
      messageId: finding.messageId,
      severity: finding.severity,
      range: rangeIn(schedule, move(finding.range.start.character, false), move(finding.range.end.character, true)),
    }));
}
