// When both day-of-month and day-of-week are restricted, cron runs on days matching *either* (Debian cron.c,
// cronie src/cron.c: OR unless DOM_STAR or DOW_STAR). A field starting with `*` (also `*/2`) counts as
// unrestricted, so `0 0 */2 * 1` is an AND. `1-7` with one weekday is the classic "first Monday" that runs
// on the first seven days and on every Monday.
import { acceptedJobs } from '../../crontab/lines';
import type { MessageKey } from '../../i18n/catalog';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

const WEEK_RANGES = new Set(['1-7', '8-14', '15-21', '22-28']);

export const dayOfMonthOrDayOfWeek: CrontabRule = {
  id: 'crontab/day-of-month-or-day-of-week',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    for (const job of acceptedJobs(context.document)) {
      const schedule = job.schedule;
      if (!schedule || job.keyword || schedule.dayOfMonthStar || schedule.dayOfWeekStar) continue;
      const dayOfMonth = job.timeTokens[2];
      const dayOfWeek = job.timeTokens[4];
      const weekdays = schedule.daysOfWeek.flatMap((on, day) => (on ? [day] : []));
      const where = range(job.line, dayOfMonth.start, dayOfWeek.end);
      if (WEEK_RANGES.has(dayOfMonth.text) && weekdays.length === 1) {
        context.report({
          messageId: 'first-weekday',
          params: { dayOfMonth: dayOfMonth.text, dayOfWeek: dayOfWeek.text, weekday: context.t(`weekday.${weekdays[0]}` as MessageKey) },
          range: where,
        });
      } else {
        context.report({ messageId: 'message', severity: 'info', params: { dayOfMonth: dayOfMonth.text, dayOfWeek: dayOfWeek.text }, range: where });
      }
    }
  },
};
