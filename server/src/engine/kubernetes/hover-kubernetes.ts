// The hover on a CronJob's `spec.schedule`: the schedule in words (crontab/describe.ts, given the fields as
// robfig/cron reads them, its star bits deciding day-of-month AND/OR as spec.go dayMatches does) and the zone it
// runs in. Descriptors expand as robfig/cron parser.go parseDescriptor does; `@every` is a constant delay
// (constantdelay.go) that the controller counts from the CronJob's creation or its last scheduled time
// (kubernetes/kubernetes pkg/controller/cronjob/utils.go mostRecentScheduleTime), not from the clock.
import { describeSchedule } from '../crontab/describe';
import type { Hover, HoverContext } from '../formats/format';
import { translate } from '../i18n/catalog';
import type { Position, Range } from '../types';
import { judgeTimeZone } from '../rules/kubernetes/unknown-time-zone';
import type { KubernetesLintResult } from './lint-kubernetes';
import { isPlaceholder } from './manifest';
import { cronScheduleOf, parseCronJobSchedule } from './schedule';

export function kubernetesHover(result: KubernetesLintResult, position: Position, context: HoverContext): Hover | undefined {
  for (const job of result.cronJobs) {
    const field = job.schedule;
    if (!field || typeof field.value !== 'string' || isPlaceholder(field.value) || !within(field.range, position)) continue;
    const parsed = parseCronJobSchedule(field.value);
    if (!parsed.ok) return undefined;
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(context.locale, key, params);
    const words = parsed.descriptor === '@every' ? t('kubernetes-format.hover.every', { duration: field.value.slice('@every '.length) }) : describeSchedule(cronScheduleOf(parsed), context.locale);
    const zone = job.timeZone?.value;
    const where = typeof zone === 'string' && judgeTimeZone(zone) === 'ok' ? t('kubernetes-format.hover.zone', { zone }) : t('kubernetes-format.hover.controller-zone');
    return { markdown: `**${words}**\n\n${where}`, range: field.range };
  }
  return undefined;
}

function within(range: Range, position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}
