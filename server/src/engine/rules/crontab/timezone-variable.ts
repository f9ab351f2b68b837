// Time zone variables that do not do what they look like. Debian's cron has no per-crontab zone: it ignores
// `CRON_TZ` (cron(8)); cronie reads `CRON_TZ` for scheduling (src/entry.c, src/cron.c). On both, `TZ=` only
// reaches the job's environment.
import { range } from '../../types';
import type { CrontabRule } from '../../rule';
import { cronieZone } from '../../crontab/cron-tz';

export const timezoneVariable: CrontabRule = {
  id: 'crontab/timezone-variable',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const dialect = context.dialect.dialect;
    const document = context.document;
    for (let index = 0; index < document.environmentCount; index++) {
      const name = document.environmentName(index);
      if (name !== 'CRON_TZ' && name !== 'TZ') continue;
      const where = range(document.environmentLine(index), document.environmentNameStart(index), document.environmentValueEnd(index));
      if (name === 'CRON_TZ') {
        const value = document.environmentValue(index);
        if (dialect === 'debian') context.report({ messageId: 'cron-tz-debian', params: { zone: context.timeZone }, range: where });
        else if (!cronieZone(context.facts.host, value).known) context.report({ messageId: 'unknown-zone', params: { zone: value }, range: where });
      } else {
        context.report({ messageId: dialect === 'debian' ? 'tz' : 'tz-cronie', severity: 'info', params: { zone: context.timeZone }, range: where });
      }
    }
  },
};

