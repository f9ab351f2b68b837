// The lint of one crontab schedule on its own, as `schedlint cron` shows it: the expression given a command so
// that it reads as a job line of a user crontab, parsed with the chosen cron's rules, and the lint's findings
// on that line (the same rules as in a file, so `5#3` gets Debian's "ignores `#3`"). The reference is the
// crontab parser and rules (crontab/parse.ts, rules/crontab/); this module only frames the one line.
import { translate, type MessageKey } from '../i18n/catalog';
import { HostFacts } from '../host/facts';
import { MemoryHost } from '../host/memory-host';
import { lintCrontab } from '../lint';
import type { CronDialect, Locale, Severity } from '../types';
import type { CronSchedule } from './model';
import { parseCrontab } from './parse';

/** A finding of the lint on the schedule's line, with the severity it is reported at. */
export interface ScheduleFinding {
  ruleId: string;
  severity: Severity;
  message: string;
}

export type CronExpressionLint =
  | { valid: true; schedule: CronSchedule; findings: ScheduleFinding[] }
  | { valid: false; error: string };

/**
 * The expression read as cron would read it: invalid with the lint's error (or the too-few-fields message for
 * a blank one), else its schedule and the lint's errors and warnings on the line (hints and infos left out:
 * they are advice for a file, not about the schedule).
 */
export function lintCronExpression(expression: string, options: { dialect: CronDialect; locale: Locale }): CronExpressionLint {
  const text = cronLineText(expression);
  const facts = new HostFacts(new MemoryHost(), options.dialect);
  const findings = lintCrontab({ text, facts, explicitKind: { kind: 'crontab-user', reason: 'cli' }, locale: options.locale }).findings;
  const [line] = parseCrontab(text, 'crontab-user', options.dialect).lines;
  if (line?.type !== 'job' || line.problem || !line.schedule) {
    const error = findings.find((candidate) => candidate.severity === 'error');
    return { valid: false, error: error?.message ?? blankScheduleError(options) };
  }
  const reported = findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
  return { valid: true, schedule: line.schedule, findings: reported.map(({ ruleId, severity, message }) => ({ ruleId, severity, message })) };
}

/**
 * The crontab line linted for an expression: five fields (or an @keyword) get a command (`/bin/true`, which no
 * rule finds fault with), so the lint reads them as a job; fewer do not, so the lint names the field the line
 * ends before (`0 0`) instead of reading the command as one ("found `/`").
 */
export function cronLineText(expression: string): string {
  const words = expression.trim() === '' ? [] : expression.trim().split(/\s+/);
  return words.length >= 5 || words[0]?.startsWith('@') ? `${expression} /bin/true\n` : `${expression}\n`;
}

/** A blank expression is a blank line to cron, which the lint passes over: the too-few-fields message for it. */
export function blankScheduleError(options: { locale: Locale; dialect: CronDialect }): string {
  const t = (key: MessageKey) => translate(options.locale, key);
  return translate(options.locale, 'crontab/invalid-schedule.too-few-fields', {
    field: t('field.minute'),
    expected: t('crontab/invalid-schedule.expected-user'),
    consequence: t(options.dialect === 'debian' ? 'consequence.debian-file' : 'consequence.cronie-line'),
  });
}
