// Both day fields restricted: the CronJob runs on days matching either, as cron does (robfig/cron spec.go
// dayMatches: OR unless one field has the star bit). One difference from cron: a step above 1 clears the star
// bit (parser.go getRange), so `*/2` is a restriction here, while Debian's cron and cronie treat a field
// starting with `*` as unrestricted. `0 0 */2 * 1` is "odd days AND Mondays" to cron but "odd days OR Mondays"
// to Kubernetes. The "first Monday" shape (`1-7` with one weekday) is crontab/day-of-month-or-day-of-week's
// (its WEEK_RANGES).
import type { MessageKey } from '../../i18n/catalog';
import type { KubernetesRule } from '../../kubernetes/rule';
import { daysAreOr } from '../../kubernetes/schedule';
import { WEEK_RANGES } from '../crontab/day-of-month-or-day-of-week';

export const dayOfMonthOrDayOfWeek: KubernetesRule = {
  id: 'kubernetes/day-of-month-or-day-of-week',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const { schedule, job } = context;
    if (!schedule?.ok || !schedule.fields || !job.schedule || !daysAreOr(schedule.fields)) return;
    const dayOfMonth = schedule.fields[2];
    const dayOfWeek = schedule.fields[4];
    const range = job.schedule.at(dayOfMonth.start, dayOfWeek.start + dayOfWeek.text.length);
    const params = { dayOfMonth: dayOfMonth.text, dayOfWeek: dayOfWeek.text };
    const weekdays = [...dayOfWeek.values];
    if (WEEK_RANGES.has(dayOfMonth.text) && weekdays.length === 1) {
      context.report({ messageId: 'first-weekday', params: { ...params, weekday: context.t(`weekday.${weekdays[0]}` as MessageKey) }, range });
    } else if (dayOfMonth.text.startsWith('*') || dayOfWeek.text.startsWith('*')) {
      context.report({ messageId: 'star-step', params, range });
    } else {
      context.report({ messageId: 'message', severity: 'info', params, range });
    }
  },
};
