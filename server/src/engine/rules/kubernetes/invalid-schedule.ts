// A CronJob schedule the API server rejects (`kubectl apply` fails, the CronJob is never created or updated):
// empty, `TZ=`/`CRON_TZ=` inside it, or anything robfig/cron's ParseStandard refuses. The reading is
// kubernetes/schedule.ts, with the source lines of each fact; the message names the part at fault and what
// the API server answers.
import type { MessageKey } from '../../i18n/catalog';
import type { KubernetesRule } from '../../kubernetes/rule';

export const invalidSchedule: KubernetesRule = {
  id: 'kubernetes/invalid-schedule',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    const { job, schedule } = context;
    const value = job.schedule?.value;
    // validation.go: `len(spec.Schedule) == 0` is "Required value" (a missing key and `schedule:` alike).
    if (job.schedule === undefined || value === null || value === '') {
      context.report({ messageId: 'required', range: job.schedule?.range ?? job.specRange ?? job.kindRange });
      return;
    }
    // The API server decodes the manifest into a Go string field: `schedule: 5` fails to decode.
    if (typeof value !== 'string') {
      context.report({ messageId: 'not-string', range: job.schedule.range });
      return;
    }
    if (!schedule || schedule.ok) return;
    const problem = schedule.problem;
    context.report({
      messageId: problem.id,
      params: {
        error: problem.error,
        value: problem.value ?? value,
        field: problem.field ? context.t(`field.${problem.field}` as MessageKey) : '',
        low: problem.low ?? 0,
        high: problem.high ?? 0,
        count: problem.count ?? 0,
      },
      range: job.schedule.at(problem.start, problem.end),
    });
  },
};
