// What every rule module exports, ESLint-style: an id that never changes, metadata, and a check().
import type { HostFacts, DialectChoice } from './host/facts';
import type { MessageKey, MessageParams } from './i18n/catalog';
import type { CrontabDocument } from './crontab/parse';
import type { KindDecision } from './crontab/kind';
import type { InstallStep } from './install/model';
import type { Finding, Fix, Locale, Range, RelatedLocation, Severity, TerminalAction } from './types';

export interface RuleMeta {
  defaultSeverity: Severity;
  /** True when at least one of its findings carries a fix. */
  fixable: boolean;
  /**
   * `file`: the findings are about the file itself (its name, mode, owner), reported on its first line, so an
   * inline disable for them is `schedlint-disable-file` (a next-line comment above line 1 would not reach it).
   */
  scope?: 'file';
}

export interface Report {
  messageId: string;
  params?: MessageParams;
  range: Range;
  /** When one message of a rule is milder or harsher than its default (e.g. cronie vs Debian). */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedLocation[];
  terminalActions?: TerminalAction[];
}

export interface CrontabContext {
  document: CrontabDocument;
  /** Host path of the file, when it has one. */
  path?: string;
  facts: HostFacts;
  dialect: DialectChoice;
  /** The IANA zone cron schedules this file in. */
  timeZone: string;
  locale: Locale;
  /** How the format was decided (reason `install` when an install step in the repository decided it). */
  kindDecision?: KindDecision;
  /** How the repository installs this file, when it was linted as part of one (install/find.ts). */
  installs?: readonly InstallStep[];
  t(key: MessageKey, params?: MessageParams): string;
  /** "Debian's cron ignores this whole file…" or "cronie skips this line…". */
  consequence(): string;
  report(report: Report): void;
}

export interface CrontabRule {
  id: string;
  meta: RuleMeta;
  check(context: CrontabContext): void;
}

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/**
 * The `report` of a rule's context: turns a Report into a Finding with the configured severity (else the
 * report's, else the rule's default) and the message from the catalog (`<rule id>.<message id>`). Shared by
 * the unit-file and certbot linters (the crontab linter memoizes messages per line and has its own).
 */
export function findingReporter(
  rule: { id: string; meta: RuleMeta },
  configured: Severity | undefined,
  t: (key: MessageKey, params?: MessageParams) => string,
  findings: Finding[],
): (report: Report) => void {
  return (report) => {
    findings.push({
      ruleId: rule.id,
      messageId: report.messageId,
      severity: configured ?? report.severity ?? rule.meta.defaultSeverity,
      range: report.range,
      message: t(`${rule.id}.${report.messageId}` as MessageKey, report.params),
      related: report.related,
      terminalActions: report.terminalActions,
      fixes: report.fixes,
    });
  };
}

/**
 * Runs one rule, turning a bug in it into a loud finding instead of losing the other rules' results (or
 * taking the editor down): shared by the crontab and unit-file linters.
 */
export function runRuleSafely(ruleId: string, check: () => void, findings: Finding[]): void {
  try {
    check();
  } catch (error) {
    findings.push({
      ruleId,
      messageId: 'internal-error',
      severity: 'error',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `schedlint internal error in ${ruleId}: ${(error as Error).message}`,
    });
  }
}
