// `* */12 * * *` meant as "twice a day" runs every minute of two hours, on GitHub as in cron (seed 003). The
// decision is crontab/wildcard-minute's (rules/crontab/wildcard-minute.ts, run on the schedule by
// github-actions/lint-workflow.ts): a warning for steps, single hours and lists of hours, info for spans of
// hours (`* 9-17 * * 1-5`, often meant). GitHub then runs it at most every 5 minutes (schedule-too-frequent).
import type { WorkflowRule } from '../../github-actions/rule';

export const wildcardMinute: WorkflowRule = {
  id: 'github-actions/wildcard-minute',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    for (const schedule of context.schedules) {
      const cron = schedule.cron;
      const verdict = context.crontabVerdicts(schedule).find((candidate) => candidate.ruleId === 'crontab/wildcard-minute');
      if (!cron || !verdict) continue;
      const span = verdict.severity === 'info';
      const hours = cron.fields[1].values.filter(Boolean).length;
      const range = context.rangeIn(schedule, cron.fields[0].start, cron.fields[0].end);
      context.report({
        messageId: span ? 'span' : 'message',
        params: { count: hours * 60, hours: cron.fields[1].text },
        range,
        ...(span ? { severity: 'info' as const } : {}),
        // Only where the `*` is the file's own character (not inside an escaped or folded string).
        ...(schedule.entry.offset !== undefined ? { fixes: [{ title: context.t('github-actions/wildcard-minute.fix'), edits: [{ range, newText: '0' }], isPreferred: !span }] } : {}),
      });
    }
  },
};
