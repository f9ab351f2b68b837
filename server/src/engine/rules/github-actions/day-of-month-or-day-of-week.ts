// Day of the month and day of the week both restricted: cron runs on days matching either (Debian cron.c,
// cronie src/cron.c), and so does robfig/cron (actionlint's parser). GitHub documents POSIX cron, whose
// crontab(1) says the same ("the command shall be executed when either field matches"). The decision is
// crontab/day-of-month-or-day-of-week's, run on the schedule by github-actions/lint-workflow.ts; like it, a
// field starting with `*` is left alone (cron reads `*/2` as unrestricted, robfig/cron does not: GitHub's
// reading is not documented).
import type { WorkflowRule } from '../../github-actions/rule';

export const dayOfMonthOrDayOfWeek: WorkflowRule = {
  id: 'github-actions/day-of-month-or-day-of-week',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    for (const schedule of context.schedules) {
      const cron = schedule.cron;
      const verdict = context.crontabVerdicts(schedule).find((candidate) => candidate.ruleId === 'crontab/day-of-month-or-day-of-week');
      if (!cron || !verdict) continue;
      const firstWeekday = verdict.messageId === 'first-weekday';
      context.report({
        messageId: firstWeekday ? 'first-weekday' : 'message',
        params: { dayOfMonth: cron.fields[2].text, dayOfWeek: cron.fields[4].text },
        range: context.rangeIn(schedule, cron.fields[2].start, cron.fields[4].end),
        ...(firstWeekday ? {} : { severity: 'info' as const }),
      });
    }
  },
};
