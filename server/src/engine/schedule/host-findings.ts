// Findings that span several files of a host (a timer and a cron job), computed from the host's schedule
// inventory and grouped by the host path each finding belongs to. The host-level counterpart of lint.ts:
// rules get the inventory, report with a path, and get their severity settings and messages applied here.
import { translate, type MessageKey } from '../i18n/catalog';
import { ruleErrorFinding, runRuleSafely } from '../rule';
import { hostRules } from '../rules/schedule';
import type { HostRuleContext } from './host-rule';
import type { Finding, Locale, SeveritySetting } from '../types';
import type { HostInventory } from './model';

export interface HostFindingOptions {
  from: number;
  locale?: Locale;
  severities?: Record<string, SeveritySetting>;
}

/** Every host rule's findings, by the host path of the file each one is in. */
export function hostScheduleFindings(inventory: HostInventory, options: HostFindingOptions): Map<string, Finding[]> {
  const locale = options.locale ?? 'en';
  const byPath = new Map<string, Finding[]>();
  for (const rule of hostRules) {
    const configured = options.severities?.[rule.id];
    if (configured === 'off') continue;
    const errors: Finding[] = [];
    const context: HostRuleContext = {
      inventory,
      from: options.from,
      locale,
      t: (key, params) => translate(locale, key, params),
      report(path, report) {
        const list = byPath.get(path) ?? [];
        list.push({
          ruleId: rule.id,
          messageId: report.messageId,
          severity: (configured as Finding['severity'] | undefined) ?? report.severity ?? rule.meta.defaultSeverity,
          range: report.range,
          message: translate(locale, `${rule.id}.${report.messageId}` as MessageKey, report.params),
          related: report.related,
          fixes: report.fixes,
          terminalActions: report.terminalActions,
        });
        byPath.set(path, list);
      },
    };
    runRuleSafely(rule.id, () => rule.check(context), errors, locale);
    // A rule bug has no file of its own: shown on the first file the inventory knows.
    const anchor = inventory.jobs[0]?.path ?? inventory.timers[0]?.path;
    if (errors.length > 0 && anchor) byPath.set(anchor, [...(byPath.get(anchor) ?? []), ...errors]);
  }
  for (const failure of inventory.failures ?? []) byPath.set(failure.path, [...(byPath.get(failure.path) ?? []), ruleErrorFinding(failure.step, failure.error, locale, 'file')]);
  for (const list of byPath.values()) list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return byPath;
}
