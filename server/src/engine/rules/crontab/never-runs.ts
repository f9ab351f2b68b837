// Schedules cron accepts but that never fire: ranges written backwards (`5-2`: Debian's get_range loops from
// 5 up to 2 and sets nothing; cronie does the same except that it wraps day-of-week), and dates that do not
// exist (`0 0 30 2 *`).
import { FIELD_SPECS } from '../../crontab/fields';
import type { MessageKey } from '../../i18n/catalog';
import { range } from '../../types';
import type { CrontabContext, CrontabRule } from '../../rule';

export const neverRuns: CrontabRule = {
  id: 'crontab/never-runs',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    // Backwards ranges are rare: when no distinct field text of the file has one, no job reads its fields for them.
    const emptyRangesSomewhere = context.document.anyField((field) => field.emptyRanges.length > 0);
    for (let job = 0; job < context.document.jobCount; job++) checkJobWith(context, job, emptyRangesSomewhere);
  },
  checkJob(context, job) {
    checkJobWith(context, job, true);
  },
};

function checkJobWith(context: CrontabContext, job: number, emptyRangesSomewhere: boolean): void {
  const document = context.document;
  // A keyword has no day or month token to point at (and every keyword runs).
  if (document.jobKeyword(job) !== undefined || !document.isAccepted(job)) return;
  let emptyRangeCount = 0;
  if (emptyRangesSomewhere) for (let index = 0; index < 5; index++) emptyRangeCount += document.jobField(job, index).emptyRanges.length;
  if (emptyRangeCount === 0 && document.jobCanEverRun(job)) return;
  let reported = false;
  for (let index = 0; index < 5; index++) {
    const emptyRanges = document.jobField(job, index).emptyRanges;
    if (emptyRanges.length === 0) continue;
    const tokenStart = document.timeTokenStart(job, index);
    for (const empty of emptyRanges) {
      reported = true;
      context.report({
        messageId: 'empty-range',
        params: { range: empty.text, field: context.t(`field.${FIELD_SPECS[index].name}` as MessageKey), dialect: context.t(`dialect.${context.dialect.dialect}`) },
        range: range(document.jobLine(job), tokenStart + empty.start, tokenStart + empty.end),
      });
    }
  }
  if (reported || document.jobCanEverRun(job)) return;
  context.report({
    messageId: 'no-date',
    params: { detail: context.t('crontab/never-runs.no-date-detail', { days: document.timeTokenText(job, 2), months: document.timeTokenText(job, 3) }) },
    range: range(document.jobLine(job), document.timeTokenStart(job, 2), document.timeTokenEnd(job, 3)),
  });
}
