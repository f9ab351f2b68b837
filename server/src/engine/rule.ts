// What every rule module exports, ESLint-style: an id that never changes, metadata, and a check().
import type { HostFacts, DialectChoice } from './host/facts';
import { translate, type MessageKey, type MessageParams } from './i18n/catalog';
import type { CrontabDocument } from './crontab/document';
import type { KindDecision } from './crontab/kind';
import type { CronProgram, InstallStep } from './install/model';
import type { Finding, Fix, Locale, Range, RelatedLocation, Severity, TerminalAction } from './types';

export interface RuleMeta {
  defaultSeverity: Severity;
  /** True when at least one of its findings carries a fix. */
  fixable: boolean;
  /** True when some of its fixes are safe (Fix.safe): `schedlint --fix` applies them; its page says `--fix: yes`. */
  safeFix?: boolean;
  /**
   * `file`: the findings are about the file itself (its name, mode, owner), reported on its first line, so an
   * inline disable for them is `schedlint-disable-file` (a next-line comment above line 1 would not reach it).
   */
  scope?: 'file';
  /**
   * Crons whose reading of the file takes away what the rule warns about, when a repository installs the file
   * for one of them and the lint only stands in with another's dialect (an Alpine image's busybox crond, linted
   * with Debian's rules: install/model.ts installDialect). The rule does not run for such a file.
   */
  notFor?: readonly CronProgram[];
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
  /**
   * The cron that reads the file when the dialect only stands in for it: `busybox` for an Alpine image's
   * crontab, linted with Debian's rules (install/model.ts installStandIn). Rules of that cron's own read it.
   */
  reader?: CronProgram;
  t(key: MessageKey, params?: MessageParams): string;
  /** "Debian's cron ignores this whole file…" or "cronie skips this line…". */
  consequence(): string;
  report(report: Report): void;
}

export interface CrontabRule {
  id: string;
  meta: RuleMeta;
  check(context: CrontabContext): void;
  /**
   * For a rule whose findings on a job are on the job's line and depend only on that line (and on what the
   * whole lint shares: format, dialect, facts, settings, locale, the assignments above it): the findings of
   * one job. `check` reports what checkJob reports for each job in turn. lintCrontab then takes the rule's
   * findings on every other line from the previous lint of a document edited inside one job line (issue #20).
   */
  checkJob?(context: CrontabContext, job: number): void;
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

/** The rule id of a finding that reports a bug in schedlint itself (the CLI exits 2 for it). */
export const RULE_ERROR_ID = 'internal/rule-error';

export function isRuleError(finding: Finding): boolean {
  return finding.ruleId === RULE_ERROR_ID;
}

/**
 * The finding for a bug in schedlint: `rule` threw on this file (`messageId` thrown), or reading the whole file
 * failed outside any rule (`file`, with `rule` the step that failed). Named, translated, and with where to report it.
 */
export function ruleErrorFinding(rule: string, error: unknown, locale: Locale, messageId: 'thrown' | 'file' = 'thrown'): Finding {
  const raw = error instanceof Error ? error.message : String(error);
  // One line, short: the message is shown in editors and terminals (cli/output.ts escapes control characters).
  const detail = (raw.split('\n')[0] ?? '').slice(0, 200) || (error instanceof Error ? error.name : 'error');
  return {
    ruleId: RULE_ERROR_ID,
    messageId,
    severity: 'error',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: translate(locale, `${RULE_ERROR_ID}.${messageId}`, { rule, detail }),
  };
}

/**
 * Runs one rule, turning a bug in it into one `internal/rule-error` finding instead of losing the other rules'
 * results (or taking the editor or the CLI down): shared by every linter family's rule loop.
 */
export function runRuleSafely(ruleId: string, check: () => void, findings: Finding[], locale: Locale = 'en'): void {
  try {
    check();
  } catch (error) {
    findings.push(ruleErrorFinding(ruleId, error, locale));
  }
}
