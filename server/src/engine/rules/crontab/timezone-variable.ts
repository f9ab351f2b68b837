// Time zone variables that do not do what they look like. Debian's cron has no per-crontab zone: it ignores
// `CRON_TZ` (cron(8)); cronie reads `CRON_TZ` for scheduling (src/entry.c, src/cron.c). On both, `TZ=` only
// reaches the job's environment. cronie takes each job's zone from the `CRON_TZ` of its own environment, the
// lines above it (src/cron.c find_jobs: `env_get("CRON_TZ", e->envp)`; an empty value means the host's zone),
// so a `TZ=` line below a `CRON_TZ=` is about jobs that run in that `CRON_TZ`. busybox crond reads neither
// (crontab/busybox-ignored-variable says so there). dcron reads no variable lines at all: database.c
// SynchronizeFile parses every line that is not blank or `#` as a schedule, so `TZ=…` fails ParseField and the
// line is dropped ("failed parsing crontab"); the man page: it sets only USER, LOGNAME, HOME and SHELL.
import { range } from '../../types';
import type { CrontabRule } from '../../rule';
import { cronieZone } from '../../crontab/cron-tz';

export const timezoneVariable: CrontabRule = {
  id: 'crontab/timezone-variable',
  meta: { defaultSeverity: 'warning', fixable: false, notFor: ['busybox', 'dcron'] },
  check(context) {
    const dialect = context.dialect.dialect;
    const document = context.document;
    /** The `CRON_TZ` value in effect at this point of the file (the last one above), '' when none. */
    let cronTz = '';
    for (let index = 0; index < document.environmentCount; index++) {
      const name = document.environmentName(index);
      if (name !== 'CRON_TZ' && name !== 'TZ') continue;
      const where = range(document.environmentLine(index), document.environmentNameStart(index), document.environmentValueEnd(index));
      if (name === 'CRON_TZ') {
        const value = document.environmentValue(index);
        cronTz = value;
        if (dialect === 'debian') context.report({ messageId: 'cron-tz-debian', params: { zone: context.timeZone }, range: where });
        else if (!cronieZone(context.facts.host, value).known) context.report({ messageId: 'unknown-zone', params: { zone: value }, range: where });
      } else if (dialect === 'cronie' && cronTz !== '') {
        context.report({ messageId: 'tz-cronie-under-cron-tz', severity: 'info', params: { cronTz }, range: where });
      } else {
        context.report({ messageId: dialect === 'debian' ? 'tz' : 'tz-cronie', severity: 'info', params: { zone: context.timeZone }, range: where });
      }
    }
  },
};

