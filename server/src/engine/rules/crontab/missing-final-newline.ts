// The last job or environment line has no newline. Debian cron user.c: load_env() hits EOF with text read
// and logs "Missing newline before EOF, this crontab file will be ignored"; cronie loses only that line.
// A final comment without a newline is harmless (skip_comments() consumes it), so it is not reported.
// busybox crond reads the last line like any other (libbb/parse_config.c config_read takes lines from
// xmalloc_fgetline, which returns a last line without its newline), so an Alpine image's crontab is left alone.
// So does dcron: database.c SynchronizeFile reads lines with fgets(), which returns the last one without its
// newline, and strips a `\n` only when there is one (dubiousjim/dcron 4.5).
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

export const missingFinalNewline: CrontabRule = {
  id: 'crontab/missing-final-newline',
  meta: { defaultSeverity: 'error', fixable: true, safeFix: true, notFor: ['busybox', 'dcron'] },
  check(context) {
    const document = context.document;
    if (!document.missingFinalNewline) return;
    const last = document.lineCount - 1;
    const end = document.lineLength(last);
    context.report({
      messageId: context.dialect.dialect,
      severity: context.dialect.dialect === 'debian' ? 'error' : 'warning',
      range: range(last, Math.max(0, end - 1), end),
      fixes: [{ title: context.t('crontab/missing-final-newline.fix'), edits: [{ range: range(last, end, end), newText: '\n' }], isPreferred: true, safe: true }],
    });
  },
};
