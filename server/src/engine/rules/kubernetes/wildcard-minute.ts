// The seed-003 mistake in a CronJob: `* */12 * * *` meant as "twice a day" runs every minute of hours 0 and 12
// (120 Jobs a day, each a Pod). robfig/cron reads a minute of `*` as every minute, as cron does
// (kubernetes/schedule.ts), so the judgement is crontab/wildcard-minute's: its isHourSpan() decides how sure
// the finding is (a span of hours, `* 9-17 * * *`, is often meant: information; steps, single hours and
// lists: a warning).
import type { KubernetesRule } from '../../kubernetes/rule';
import { isHourSpan } from '../crontab/wildcard-minute';

export const wildcardMinute: KubernetesRule = {
  id: 'kubernetes/wildcard-minute',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    const { schedule, job } = context;
    if (!schedule?.ok || !schedule.fields || !job.schedule) return;
    const [minute, hour] = schedule.fields;
    if (minute.text !== '*' && minute.text !== '?') return;
    const hours = hour.values.size;
    if (hours === 24 || hours === 0) return;
    const span = isHourSpan(hour.text);
    const range = job.schedule.at(minute.start, minute.start + minute.text.length);
    context.report({
      messageId: span ? 'span' : 'message',
      params: { count: hours * 60, hours: hour.text },
      range,
      ...(span ? { severity: 'info' as const } : {}),
      fixes: [{ title: context.t('kubernetes/wildcard-minute.fix'), edits: [{ range, newText: '0' }], isPreferred: !span }],
    });
  },
};
