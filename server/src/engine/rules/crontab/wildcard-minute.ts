// Seed 002: `* */12 * * *` meant as "twice a day" runs every minute of hours 0 and 12 (120 runs).
// A minute field of `*` with a restricted hour field is almost always a forgotten `0`.
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

export const wildcardMinute: CrontabRule = {
  id: 'crontab/wildcard-minute',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    const document = context.document;
    for (let job = 0; job < document.jobCount; job++) {
      const time = document.jobTime(job);
      if (time.keyword || time.texts[0] !== '*' || !document.isAccepted(job)) continue;
      const hours = time.hourCount;
      if (hours === 24 || hours === 0) continue;
      const line = document.jobLine(job);
      const start = document.timeTokenStart(job, 0);
      const end = document.timeTokenEnd(job, 0);
      context.report({
        messageId: 'message',
        params: { count: hours * 60 },
        range: range(line, start, end),
        fixes: [{ title: context.t('crontab/wildcard-minute.fix'), edits: [{ range: range(line, start, end), newText: '0' }], isPreferred: true }],
      });
    }
  },
};
