// Schedules cron accepts but that never fire: ranges written backwards (`5-2`: Debian's get_range loops from
// 5 up to 2 and sets nothing; cronie does the same except that it wraps day-of-week), and dates that do not
// exist (`0 0 30 2 *`).
import { acceptedJobs } from '../../crontab/lines';
import { canEverRun } from '../../crontab/next-runs';
import { FIELD_SPECS } from '../../crontab/fields';
import type { MessageKey } from '../../i18n/catalog';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

export const neverRuns: CrontabRule = {
  id: 'crontab/never-runs',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    for (const job of acceptedJobs(context.document)) {
      let reported = false;
      job.fields.forEach((field, index) => {
        const token = job.timeTokens[index];
        for (const empty of field.emptyRanges) {
          reported = true;
          context.report({
            messageId: 'empty-range',
            params: { range: empty.text, field: context.t(`field.${FIELD_SPECS[index].name}` as MessageKey), dialect: context.t(`dialect.${context.dialect.dialect}`) },
            range: range(job.line, token.start + empty.start, token.start + empty.end),
          });
        }
      });
      const schedule = job.schedule;
      if (reported || !schedule || schedule.reboot || canEverRun(schedule)) continue;
      const [, , dayToken, monthToken] = job.timeTokens;
      if (!dayToken || !monthToken) continue;
      context.report({
        messageId: 'no-date',
        params: { detail: context.t('crontab/never-runs.no-date-detail', { days: dayToken.text, months: monthToken.text }) },
        range: range(job.line, dayToken.start, monthToken.end),
      });
    }
  },
};
