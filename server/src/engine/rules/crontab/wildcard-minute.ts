// Seed 002: `* */12 * * *` meant as "twice a day" runs every minute of hours 0 and 12 (120 runs).
// A minute field of `*` with a restricted hour field is almost always a forgotten `0`.
import { acceptedJobs } from '../../crontab/lines';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

export const wildcardMinute: CrontabRule = {
  id: 'crontab/wildcard-minute',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    for (const job of acceptedJobs(context.document)) {
      const [minute] = job.timeTokens;
      if (job.keyword || minute?.text !== '*' || !job.schedule) continue;
      const hours = job.schedule.hours.filter(Boolean).length;
      if (hours === 24 || hours === 0) continue;
      context.report({
        messageId: 'message',
        params: { count: hours * 60 },
        range: range(job.line, minute.start, minute.end),
        fixes: [{ title: context.t('crontab/wildcard-minute.fix'), edits: [{ range: range(job.line, minute.start, minute.end), newText: '0' }], isPreferred: true }],
      });
    }
  },
};
