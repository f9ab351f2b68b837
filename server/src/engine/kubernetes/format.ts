// Kubernetes CronJob manifests as a format of the registry (formats/format.ts): YAML files with one or more
// documents, claimed by their content (a line `kind: CronJob`), linted for what the API server rejects in
// `spec.schedule` and `spec.timeZone` and for schedules that run other than meant (rules/kubernetes/).
// Reference: kubernetes/kubernetes pkg/apis/batch/validation/validation.go and robfig/cron v3 parser.go
// (kubernetes/schedule.ts has the facts with their sources).
import type { FileFormat } from '../formats/format';
import { kubernetesRules } from '../rules/kubernetes';
import { kubernetesHover } from './hover-kubernetes';
import { lintKubernetes, type KubernetesLintResult } from './lint-kubernetes';
import { CRONJOB_KIND_LINE } from './manifest';

export const kubernetesFormat: FileFormat<KubernetesLintResult> = {
  id: 'kubernetes',
  kinds: ['kubernetes-cronjob'],
  languageIds: ['kubernetes-cronjob'],
  rules: kubernetesRules,
  messagePrefixes: ['kubernetes-format.'],
  fixtures: 'kubernetes',
  comments: { line: ['#'] },
  inlineDisables: false,
  repositoryFiles: 'claimed',

  // Manifests have no name of their own (`cronjob.yaml`, `k8s/backup.yml`, `base/jobs.yaml`): the content decides.
  claimPath: () => undefined,

  // `kind: CronJob` at the start of a line is a top-level key of a document: no crontab, unit, certbot file or
  // certificate has one. Which documents really are batch CronJobs is manifest.ts's business.
  claimContent(text) {
    return CRONJOB_KIND_LINE.test(text) ? { kind: 'kubernetes-cronjob', strength: 'signature' } : undefined;
  },

  // The host runs no CronJob: the cluster's control plane does.
  affectsHost: () => false,

  lint(input) {
    return lintKubernetes({ text: input.text, locale: input.locale, severities: input.settings?.severities });
  },

  report(_result, decision) {
    return { kind: 'kubernetes-cronjob', assumed: decision };
  },

  hover: (result, position, context) => kubernetesHover(result, position, context),
};
