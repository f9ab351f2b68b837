// One repository file installed both as a system crontab (copied into /etc/cron.d or /etc/crontab) and as a
// user crontab (`crontab FILE`): the popular container recipe. System crontabs need a user column after the
// schedule and user crontabs must not have one (crontab(5)), so one of the two copies is always broken.
// Reported on the crontab and, through installLineFindings(), on each install line.
import type { CrontabDocument } from '../../crontab/document';
import { installRelated, installerLabel, sourceLabel, stepPhrase } from '../../install/describe';
import type { InstallStep } from '../../install/model';
import { translate } from '../../i18n/catalog';
import type { CrontabRule } from '../../rule';
import { range, type FileKind, type Finding, type Fix, type Locale, type Severity, type SeveritySetting } from '../../types';

export const RULE_ID = 'crontab/installed-both-ways';

function split(installs: readonly InstallStep[] | undefined): { system: InstallStep[]; user: InstallStep[] } {
  return { system: (installs ?? []).filter((step) => step.format === 'crontab-system'), user: (installs ?? []).filter((step) => step.format === 'crontab-user') };
}

function removalFix(step: InstallStep, locale: Locale, isPreferred: boolean, inOwnFile: boolean): Fix | undefined {
  if (!step.removal) return undefined;
  const title = translate(locale, 'crontab/installed-both-ways.fix', { step: step.description, installer: installerLabel(step) });
  return inOwnFile ? { title, edits: [step.removal], isPreferred } : { title, edits: [], otherFiles: [{ path: step.installer, edits: [step.removal] }], isPreferred };
}

export const installedBothWays: CrontabRule = {
  id: RULE_ID,
  meta: { defaultSeverity: 'error', fixable: true },
  check(context) {
    const { system, user } = split(context.installs);
    if (system.length === 0 || user.length === 0) return;
    const document = context.document;
    const where = document.jobCount > 0 ? range(document.jobLine(0), 0, document.lineLength(document.jobLine(0))) : range(0, 0, 0);
    const t = context.t.bind(context);
    const hasUser = document.kind === 'crontab-system';
    // Keep the copy whose format the text already has: remove the other install.
    const remove = hasUser ? user : system;
    const fixes = [...remove, ...(hasUser ? system : user)]
      .map((step, index) => removalFix(step, context.locale, index === 0, false))
      .filter((fix): fix is Fix => fix !== undefined);
    const dialect = system[0].dialect ?? context.dialect.dialect;
    context.report({
      messageId: hasUser ? 'has-user' : 'no-user',
      params: {
        systemStep: stepPhrase(system[0], t),
        userStep: stepPhrase(user[0], t),
        word: document.jobCount > 0 && document.hasUser(0) ? document.userText(0) : '',
        target: system[0].target,
        consequence: t(`crontab/installed-both-ways.consequence.${dialect}`),
      },
      range: where,
      related: [...system, ...user].map((step) => installRelated(step, t)),
      fixes,
    });
  },
};

/**
 * What installLineFindings() reads of a crontab's lint result (lint.ts LintResult), named here so that the
 * rule does not import the linter that runs it.
 */
export interface LintedCrontab {
  kind: FileKind;
  installs?: readonly InstallStep[];
  document: CrontabDocument;
  findings: readonly Finding[];
}

/**
 * The same finding on each install line (in the Dockerfile, playbook, script), for the CLI and the server
 * to show on those files: keyed by the installer's path.
 */
export function installLineFindings(result: LintedCrontab, crontabPath: string, locale: Locale, severities?: Record<string, SeveritySetting>): Map<string, Finding[]> {
  const byInstaller = new Map<string, Finding[]>();
  if (severities?.[RULE_ID] === 'off' || !result.findings.some((finding) => finding.ruleId === RULE_ID)) return byInstaller;
  const { system, user } = split(result.installs);
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params);
  const firstLine = result.document.jobCount > 0 ? result.document.jobLine(0) : 0;
  const removeFormat = result.kind === 'crontab-system' ? 'crontab-user' : 'crontab-system';
  for (const step of [...system, ...user]) {
    const other = step.format === 'crontab-system' ? user[0] : system[0];
    const fix = removalFix(step, locale, step.format === removeFormat, true);
    const finding: Finding = {
      ruleId: RULE_ID,
      messageId: 'install-line',
      severity: (severities?.[RULE_ID] as Severity | undefined) ?? 'error',
      range: step.range,
      message: t('crontab/installed-both-ways.install-line', { source: sourceLabel(step), kind: t(`kind.${step.format}`), otherStep: stepPhrase(other, t), otherKind: t(`kind.${other.format}`) }),
      related: [{ path: crontabPath, range: range(firstLine, 0, 0), message: t('install.related.file', { source: sourceLabel(step) }) }, installRelated(other, t)],
      fixes: fix ? [fix] : undefined,
    };
    let list = byInstaller.get(step.installer);
    if (!list) byInstaller.set(step.installer, (list = []));
    list.push(finding);
  }
  return byInstaller;
}
