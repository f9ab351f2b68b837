// A cron GitHub does not accept, read as GitHub documents it (github-actions/cron.ts: five fields, the documented
// ranges and names, `* , - /` only, no `@daily`). GitHub then reports the whole workflow file as invalid and
// runs none of its triggers (day of week `7` too: GitHub answers "invalid cron attribute", cron.ts's header
// names the issues). A backwards range is only a warning: the docs leave it open.
// So is a `timezone:` that names no zone of the tz database: the docs ask for "an IANA timezone string" and
// say nothing of what GitHub does with another (actionlint reports it as an error).
import type { MessageKey } from '../../i18n/catalog';
import { intlZoneSource } from '../../time/zone-source';
import type { WorkflowRule } from '../../github-actions/rule';

export const invalidSchedule: WorkflowRule = {
  id: 'github-actions/invalid-schedule',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    for (const schedule of context.schedules) {
      const { timezone, timezoneRange } = schedule.entry;
      if (timezone !== undefined && timezoneRange && intlZoneSource.load(timezone) === undefined) {
        context.report({ messageId: 'unknown-timezone', params: { timezone }, range: timezoneRange, severity: 'warning' });
      }
      if (!schedule.cron) {
        context.report({ messageId: 'not-text', range: schedule.entry.range });
        continue;
      }
      const problem = schedule.cron.problem;
      if (!problem) continue;
      const params = { ...problem.params };
      if (typeof params.field === 'string') params.field = context.t(`field.${params.field}` as MessageKey);
      context.report({ messageId: problem.id, params, range: context.rangeIn(schedule, problem.start, problem.end), ...(problem.severity ? { severity: problem.severity } : {}) });
    }
  },
};
