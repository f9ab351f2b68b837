// `spec.startingDeadlineSeconds` below 10: the Kubernetes documentation warns that such a CronJob may not be
// scheduled at all, because the CronJob controller checks things every 10 seconds (kubernetes/website
// content/en/docs/concepts/workloads/controllers/cron-jobs.md, the caution under "Job creation"). A negative
// value is rejected by the API server (validation.go validateCronJobSpec: ValidateNonnegativeField).
import type { KubernetesRule } from '../../kubernetes/rule';

export const shortStartingDeadline: KubernetesRule = {
  id: 'kubernetes/short-starting-deadline',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const field = context.job.startingDeadlineSeconds;
    if (!field || typeof field.value !== 'number' || !Number.isInteger(field.value)) return;
    const seconds = field.value;
    if (seconds < 0) context.report({ messageId: 'negative', severity: 'error', params: { seconds }, range: field.range });
    else if (seconds < 10) context.report({ messageId: 'message', params: { seconds }, range: field.range });
  },
};
