// A schedule whose days exist in none of its months (`0 0 30 2 *`, `0 0 31 4,6,9,11 *`): GitHub never runs the
// workflow on it, as cron never runs such a job. The decision is crontab/never-runs' (rules/crontab/never-runs.ts,
// its `no-date` finding, which counts day of week in: `0 0 30 2 1` runs on Mondays), run on the schedule by
// github-actions/lint-workflow.ts. Backwards ranges, crontab/never-runs' other case, are invalid-schedule's here.
import type { WorkflowRule } from '../../github-actions/rule';

export const neverRuns: WorkflowRule = {
  id: 'github-actions/never-runs',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    for (const schedule of context.schedules) {
      const cron = schedule.cron;
      if (!cron || !context.crontabVerdicts(schedule).some((verdict) => verdict.ruleId === 'crontab/never-runs' && verdict.messageId === 'no-date')) continue;
      context.report({
        messageId: 'message',
        params: { days: cron.fields[2].text, months: cron.fields[3].text },
        range: context.rangeIn(schedule, cron.fields[2].start, cron.fields[3].end),
      });
    }
  },
};
