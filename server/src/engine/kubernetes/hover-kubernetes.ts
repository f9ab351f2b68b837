// The hover on a CronJob's `spec.schedule`: the schedule in words (crontab/describe.ts, given the fields as
// robfig/cron reads them, its star bits deciding day-of-month AND/OR as spec.go dayMatches does) and the zone it
// runs in. Descriptors expand as robfig/cron parser.go parseDescriptor does; `@every` is a constant delay
// (constantdelay.go) that the controller counts from the CronJob's creation or its last scheduled time
// (kubernetes/kubernetes pkg/controller/cronjob/utils.go mostRecentScheduleTime), not from the clock.
import type { CronSchedule } from '../crontab/model';
import { describeSchedule } from '../crontab/describe';
import type { Hover, HoverContext } from '../formats/format';
import { translate } from '../i18n/catalog';
import type { Position, Range } from '../types';
import { judgeTimeZone } from '../rules/kubernetes/unknown-time-zone';
import type { KubernetesLintResult } from './lint-kubernetes';
import { isPlaceholder } from './manifest';
import { parseCronJobSchedule, type ScheduleField } from './schedule';

export function kubernetesHover(result: KubernetesLintResult, position: Position, context: HoverContext): Hover | undefined {
  for (const job of result.cronJobs) {
    const field = job.schedule;
    if (!field || typeof field.value !== 'string' || isPlaceholder(field.value) || !within(field.range, position)) continue;
    const parsed = parseCronJobSchedule(field.value);
    if (!parsed.ok) return undefined;
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(context.locale, key, params);
    const words = parsed.descriptor === '@every' ? t('kubernetes-format.hover.every', { duration: field.value.slice('@every '.length) }) : describeSchedule(scheduleOf(parsed.descriptor, parsed.fields), context.locale);
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

const flags = (count: number, on: (value: number) => boolean) => Array.from({ length: count }, (_, value) => on(value));

/** The fields as the crontab model holds them; a descriptor as parseDescriptor expands it. */
function scheduleOf(descriptor: string | undefined, fields: readonly ScheduleField[] | undefined): CronSchedule {
  if (fields) {
    const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
    return {
      minutes: flags(60, (value) => minute.values.has(value)),
      hours: flags(24, (value) => hour.values.has(value)),
      daysOfMonth: flags(32, (value) => dayOfMonth.values.has(value)),
      months: flags(13, (value) => month.values.has(value)),
      daysOfWeek: flags(7, (value) => dayOfWeek.values.has(value)),
      dayOfMonthStar: dayOfMonth.star,
      dayOfWeekStar: dayOfWeek.star,
      minuteStar: minute.star,
      hourStar: hour.star,
      reboot: false,
    };
  }
  const yearly = descriptor === '@yearly' || descriptor === '@annually';
  const monthly = yearly || descriptor === '@monthly';
  const weekly = descriptor === '@weekly';
  const hourly = descriptor === '@hourly';
  return {
    minutes: flags(60, (value) => value === 0),
    hours: flags(24, (value) => hourly || value === 0),
    daysOfMonth: flags(32, (value) => (monthly ? value === 1 : value >= 1)),
    months: flags(13, (value) => (yearly ? value === 1 : value >= 1)),
    daysOfWeek: flags(7, (value) => !weekly || value === 0),
    dayOfMonthStar: !monthly,
    dayOfWeekStar: !weekly,
    minuteStar: false,
    hourStar: hourly,
    reboot: false,
  };
}
