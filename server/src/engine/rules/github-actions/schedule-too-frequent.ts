// A schedule that asks for runs less than 5 minutes apart. GitHub's docs ("Events that trigger workflows",
// `schedule`): "The shortest interval you can run scheduled workflows is once every 5 minutes." The workflow is
// still valid, so the runs the cron asks for in between just do not happen: a warning. `*/5` is exactly the
// limit and is not reported (actionlint's first version said `<= 5 minutes` and reported it; rule_events.go).
// A minute `*` under chosen hours is github-actions/wildcard-minute's finding, not reported twice.
import { shortestGap } from '../../github-actions/cron';
import type { WorkflowRule } from '../../github-actions/rule';

/** GitHub's documented shortest interval, in minutes. */
export const SHORTEST_INTERVAL = 5;

export const scheduleTooFrequent: WorkflowRule = {
  id: 'github-actions/schedule-too-frequent',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    for (const schedule of context.schedules) {
      const cron = schedule.cron;
      if (!cron) continue;
      const gap = shortestGap(cron);
      if (gap === undefined || gap >= SHORTEST_INTERVAL) continue;
      if (context.crontabVerdicts(schedule).some((verdict) => verdict.ruleId === 'crontab/wildcard-minute')) continue;
      const minute = cron.fields[0];
      context.report({ messageId: 'message', params: { minutes: gap, shortest: SHORTEST_INTERVAL }, range: context.rangeIn(schedule, minute.start, minute.end) });
    }
  },
};
