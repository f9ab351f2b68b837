// Debian cron entry.c get_list(): after the last valid element of a field, Skip_Nonblanks() discards
// everything up to the next blank, so `5;6` means minute 5 and `1-5#x` means 1-5, without any error.
import { FIELD_SPECS } from '../../crontab/fields';
import type { MessageKey } from '../../i18n/catalog';
import { range } from '../../types';
import type { CrontabContext, CrontabRule } from '../../rule';

export const ignoredCharacters: CrontabRule = {
  id: 'crontab/ignored-characters',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    // Skipped text is rare: when no distinct field text of the file has any, no job needs a look.
    if (!context.document.anyField((field) => field.ignoredSuffix !== undefined)) return;
    for (let job = 0; job < context.document.jobCount; job++) checkJob(context, job);
  },
  checkJob,
};

function checkJob(context: CrontabContext, job: number): void {
  const document = context.document;
  if (document.jobKeyword(job) !== undefined) return;
  for (let index = 0; index < 5; index++) {
    const suffix = document.jobField(job, index).ignoredSuffix;
    if (!suffix || !document.isAccepted(job)) continue;
    const tokenStart = document.timeTokenStart(job, index);
    const where = range(document.jobLine(job), tokenStart + suffix.start, tokenStart + suffix.end);
    context.report({
      messageId: 'message',
      params: { field: context.t(`field.${FIELD_SPECS[index].name}` as MessageKey), text: suffix.text, meaning: document.timeTokenText(job, index).slice(0, suffix.start) },
      range: where,
      fixes: [{ title: context.t('crontab/ignored-characters.fix', { text: suffix.text }), edits: [{ range: where, newText: '' }], isPreferred: true }],
    });
  }
}
