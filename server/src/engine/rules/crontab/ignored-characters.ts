// Debian cron entry.c get_list(): after the last valid element of a field, Skip_Nonblanks() discards
// everything up to the next blank, so `5;6` means minute 5 and `1-5#x` means 1-5, without any error.
import { FIELD_SPECS } from '../../crontab/fields';
import type { MessageKey } from '../../i18n/catalog';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

export const ignoredCharacters: CrontabRule = {
  id: 'crontab/ignored-characters',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    const document = context.document;
    if (!document.anyField((field) => field.ignoredSuffix !== undefined)) return;
    for (let job = 0; job < document.jobCount; job++) {
      if (document.jobKeyword(job) !== undefined) continue;
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
  },
};
