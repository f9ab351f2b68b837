// Time zone variables that do not do what they look like. Debian's cron has no per-crontab zone: it ignores
// `CRON_TZ` (cron(8)); cronie reads `CRON_TZ` for scheduling (src/entry.c, src/cron.c). On both, `TZ=` only
// reaches the job's environment.
import { environmentLines } from '../../crontab/lines';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';
import { cronieZone } from '../../crontab/cron-tz';

export const timezoneVariable: CrontabRule = {
  id: 'crontab/timezone-variable',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const dialect = context.dialect.dialect;
    for (const line of environmentLines(context.document)) {
      const where = range(line.line, line.name.start, line.valueToken.end);
      if (line.name.text === 'CRON_TZ') {
        if (dialect === 'debian') context.report({ messageId: 'cron-tz-debian', params: { zone: context.timeZone }, range: where });
        else if (!cronieZone(context.facts.host, line.value).known) context.report({ messageId: 'unknown-zone', params: { zone: line.value }, range: where });
      } else if (line.name.text === 'TZ') {
        context.report({ messageId: dialect === 'debian' ? 'tz' : 'tz-cronie', severity: 'info', params: { zone: context.timeZone }, range: where });
      }
    }
  },
};

