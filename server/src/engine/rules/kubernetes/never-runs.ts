// A schedule the API server accepts but that matches no date (`0 0 30 2 *`, `0 0 31 4,6,9,11 *`): robfig/cron
// spec.go Next gives up ("If no time can be found to satisfy the schedule, return the zero time") and the
// CronJob controller fails on it instead of creating Jobs (kubernetes/kubernetes pkg/controller/cronjob/utils.go
// mostRecentScheduleTime: two zero times are less than a second apart, "time difference between two schedules
// is less than 1 second"; its comment names "59 23 31 2 *"). Whether any date
// matches is crontab/next-runs.ts searchForRun's answer, given robfig's fields and star bits.
import { searchForRun } from '../../crontab/next-runs';
import type { KubernetesRule } from '../../kubernetes/rule';
import { cronScheduleOf } from '../../kubernetes/schedule';

export const neverRuns: KubernetesRule = {
  id: 'kubernetes/never-runs',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const { schedule, job } = context;
    if (!schedule?.ok || !schedule.fields || !job.schedule || searchForRun(cronScheduleOf(schedule))) return;
    const [, , dayOfMonth, month] = schedule.fields;
    context.report({
      messageId: 'message',
      params: { days: dayOfMonth.text, months: month.text },
      range: job.schedule.at(dayOfMonth.start, month.start + month.text.length),
    });
  },
};
