// The hover on a workflow's cron string: the schedule in words (crontab/describe.ts, on the same schedule read as
// cron reads it), its next runs in the zone GitHub reads it in (`timezone:`, else UTC: "Events that trigger
// workflows", `schedule`), and the same runs in the editor's local zone when that differs (an operator in
// Japan sees `0 0 * * *` start at 09:00 Asia/Tokyo). Shown on demand rather than as a finding on every file.
import { lintCronExpression } from '../crontab/lint-expression';
import { describeSchedule } from '../crontab/describe';
import { nextRuns } from '../crontab/next-runs';
import type { Hover, HoverContext } from '../formats/format';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import { formatRunTime } from '../time/format-run';
import { intlZoneSource } from '../time/zone-source';
import type { Position, Range } from '../types';
import { asCrontabFields, parseGithubCron } from './cron';
import type { WorkflowLintResult } from './lint-workflow';

const RUNS = 5;

function contains(range: Range, position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

export function workflowHover(result: WorkflowLintResult, position: Position, context: HoverContext): Hover | undefined {
  const entry = result.workflow.schedules.find((candidate) => contains(candidate.range, position));
  if (!entry || entry.cron === undefined) return undefined;
  // A cron GitHub rejects has its diagnostic; nothing to describe.
  const fields = asCrontabFields(parseGithubCron(entry.cron));
  if (!fields) return undefined;
  const read = lintCronExpression(fields.join(' '), { dialect: 'debian', locale: context.locale });
  if (!read.valid) return undefined;
  const t = (key: MessageKey, params?: MessageParams) => translate(context.locale, key, params);
  const zoned = entry.timezone !== undefined && intlZoneSource.load(entry.timezone) !== undefined;
  const zone = zoned ? entry.timezone! : 'UTC';
  const runs = nextRuns(read.schedule, context.now.getTime(), RUNS, zone);
  const parts = [`**${describeSchedule(read.schedule, context.locale)}**`];
  if (runs.length === 0) parts.push(t('github-actions-hover.never'));
  else {
    const list = (in_: string) => runs.map((run) => `- ${formatRunTime(run, in_, context.locale)}`).join('\n');
    parts.push(`${t('github-actions-hover.runs', { zone })}\n${list(zone)}`);
    const local = context.facts.timeZone();
    if (local !== zone && intlZoneSource.load(local) !== undefined) parts.push(`${t('github-actions-hover.local', { zone: local })}\n${list(local)}`);
  }
  parts.push(t(zoned ? 'github-actions-hover.zone-set' : 'github-actions-hover.zone-default', { zone }));
  return { markdown: parts.join('\n\n'), range: entry.range };
}
