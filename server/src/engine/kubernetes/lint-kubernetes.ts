// Runs the Kubernetes rules on every CronJob of a manifest, as the other formats' linters run theirs: a
// finding per report, its message from the catalog, a rule's bug one internal/rule-error finding.
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import { findingReporter, runRuleSafely } from '../rule';
import { kubernetesRules } from '../rules/kubernetes';
import type { Finding, Locale, SeveritySetting } from '../types';
import { QUOTED_VALUE_LIMIT, shortenedReports } from '../util/shorten';
import { isPlaceholder, readCronJobs, type CronJobManifest } from './manifest';
import type { KubernetesContext } from './rule';
import { parseCronJobSchedule } from './schedule';

export interface KubernetesLintResult {
  findings: Finding[];
  cronJobs: CronJobManifest[];
}

export function lintKubernetes(input: { text: string; locale: Locale; severities?: Record<string, SeveritySetting> }): KubernetesLintResult {
  const findings: Finding[] = [];
  const cronJobs = readCronJobs(input.text);
  const t = (key: MessageKey, params?: MessageParams) => translate(input.locale, key, params);
  for (const job of cronJobs) {
    const value = job.schedule?.value;
    const schedule = typeof value === 'string' && !isPlaceholder(value) ? parseCronJobSchedule(value) : undefined;
    for (const rule of kubernetesRules) {
      const configured = input.severities?.[rule.id];
      if (configured === 'off') continue;
      // Messages quote the schedule and the zone: a runaway value is cut (util/shorten.ts).
      const report = shortenedReports(findingReporter(rule, configured, t, findings), QUOTED_VALUE_LIMIT);
      const context: KubernetesContext = { job, schedule, locale: input.locale, t, report };
      runRuleSafely(rule.id, () => rule.check(context), findings, input.locale);
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings, cronJobs };
}
