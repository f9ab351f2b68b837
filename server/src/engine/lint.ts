// The engine's entry point: text in, findings out. Decides the file's format and cron dialect, runs every
// rule, applies severity settings and inline disables, and localizes the messages.
import { decideKind, type FormatOverride, type KindReason } from './crontab/kind';
import { parseCrontab, type CrontabDocument } from './crontab/parse';
import type { DialectChoice, HostFacts } from './host/facts';
import { translate, type MessageKey } from './i18n/catalog';
import { crontabRules } from './rules';
import type { CrontabContext } from './rule';
import type { CronDialect, FileKind, Finding, Locale, SeveritySetting } from './types';
import { collectDisables } from './disable';

export interface LintSettings {
  /** Per-rule severity, `off` to disable (`{"crontab/wildcard-minute": "off"}`). */
  severities?: Record<string, SeveritySetting>;
  /** Globs mapped to a crontab format, checked before the path rules. */
  formatOverrides?: FormatOverride[];
  dialect?: CronDialect;
}

export interface LintRequest {
  text: string;
  /** Host path (`/etc/cron.d/certbot`), when the text is a file of the host. */
  path?: string;
  /** A format chosen by the user (status bar, `--kind`). */
  explicitKind?: { kind: FileKind; reason: KindReason };
  facts: HostFacts;
  settings?: LintSettings;
  locale?: Locale;
}

export interface LintResult {
  kind: FileKind;
  kindReason: KindReason;
  dialect: DialectChoice;
  timeZone: string;
  document: CrontabDocument;
  findings: Finding[];
}

export function lintCrontab(request: LintRequest): LintResult {
  const locale = request.locale ?? 'en';
  const settings = request.settings ?? {};
  const decision = decideKind({ path: request.path, text: request.text, facts: request.facts, overrides: settings.formatOverrides, explicit: request.explicitKind });
  const dialect = request.facts.dialect();
  const document = parseCrontab(request.text, decision.kind, dialect.dialect);
  const timeZone = request.facts.timeZone();
  const findings: Finding[] = [];
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);

  for (const rule of crontabRules) {
    const configured = settings.severities?.[rule.id];
    if (configured === 'off') continue;
    const context: CrontabContext = {
      document,
      path: request.path,
      facts: request.facts,
      dialect,
      timeZone,
      locale,
      t,
      consequence: () => t(dialect.dialect === 'debian' ? 'consequence.debian-file' : 'consequence.cronie-line'),
      report(report) {
        findings.push({
          ruleId: rule.id,
          messageId: report.messageId,
          severity: configured ?? report.severity ?? rule.meta.defaultSeverity,
          range: report.range,
          message: t(`${rule.id}.${report.messageId}` as MessageKey, report.params),
          related: report.related,
          fixes: report.fixes,
        });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      // A rule bug must not take the others (or the editor) down with it; surface it loudly instead.
      findings.push({
        ruleId: rule.id,
        messageId: 'internal-error',
        severity: 'error',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `schedlint internal error in ${rule.id}: ${(error as Error).message}`,
      });
    }
  }

  const disabled = collectDisables(document);
  const kept = findings.filter((finding) => !disabled.isDisabled(finding.ruleId, finding.range.start.line));
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { kind: decision.kind, kindReason: decision.reason, dialect, timeZone, document, findings: kept };
}
