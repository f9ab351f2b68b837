// Debian cron entry.c get_list(): after the last valid element of a field, Skip_Nonblanks() discards
// everything up to the next blank, so `5;6` means minute 5 and `1-5#x` means 1-5, without any error.
import { acceptedJobs } from '../../crontab/lines';
import { FIELD_SPECS } from '../../crontab/fields';
import type { MessageKey } from '../../i18n/catalog';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

export const ignoredCharacters: CrontabRule = {
  id: 'crontab/ignored-characters',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    for (const job of acceptedJobs(context.document)) {
      job.fields.forEach((field, index) => {
        const suffix = field.ignoredSuffix;
        if (!suffix) return;
        const token = job.timeTokens[index];
        const where = range(job.line, token.start + suffix.start, token.start + suffix.end);
        context.report({
          messageId: 'message',
          params: { field: context.t(`field.${FIELD_SPECS[index].name}` as MessageKey), text: suffix.text, meaning: token.text.slice(0, suffix.start) },
          range: where,
          fixes: [{ title: context.t('crontab/ignored-characters.fix', { text: suffix.text }), edits: [{ range: where, newText: '' }], isPreferred: true }],
        });
      });
    }
  },
};
