// What a Kubernetes rule (engine/rules/kubernetes/) exports, and the context it checks: one CronJob of a
// manifest (manifest.ts) with its schedule as the API server reads it (schedule.ts).
import type { MessageKey, MessageParams } from '../i18n/catalog';
import type { Report, RuleMeta } from '../rule';
import type { Locale } from '../types';
import type { CronJobManifest } from './manifest';
import type { CronJobSchedule } from './schedule';

export interface KubernetesContext {
  job: CronJobManifest;
  /** The schedule parsed, when `spec.schedule` is a string that is no template placeholder. */
  schedule?: CronJobSchedule;
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  report(report: Report): void;
}

export interface KubernetesRule {
  id: string;
  meta: RuleMeta;
  check(context: KubernetesContext): void;
}
