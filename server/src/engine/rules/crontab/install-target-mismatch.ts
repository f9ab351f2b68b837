// The content contradicts the format of the place the repository installs the file to: a user column in a
// file installed with `crontab FILE`, or none in a file copied into /etc/cron.d. The same line checks as
// user-field-in-user-crontab and missing-user-field (which stay quiet when an install decided the format),
// reported with the install line as the reason.
import { installRelated, stepParams } from '../../install/describe';
import type { CrontabContext, CrontabRule, Report } from '../../rule';
import { missingUserField } from './missing-user-field';
import { userFieldInUserCrontab } from './user-field-in-user-crontab';

export const installTargetMismatch: CrontabRule = {
  id: 'crontab/install-target-mismatch',
  meta: { defaultSeverity: 'error', fixable: true },
  check(context) {
    const step = context.kindDecision?.reason === 'install' ? context.kindDecision.install : undefined;
    if (!step) return;
    const t = context.t.bind(context);
    const params = stepParams(step, t);
    const related = (context.installs ?? [step]).map((install) => installRelated(install, t));
    const system = context.document.kind === 'crontab-system';
    const prefix = system ? 'missing-user.' : 'user-field.';
    // The line rule runs on a view of this context whose reports become this rule's, with the install added.
    const view: CrontabContext = Object.create(context);
    view.kindDecision = undefined;
    view.report = (report: Report) => context.report({ ...report, messageId: prefix + report.messageId, params: { ...report.params, ...params }, related: [...(report.related ?? []), ...related] });
    (system ? missingUserField : userFieldInUserCrontab).check(view);
  },
};
