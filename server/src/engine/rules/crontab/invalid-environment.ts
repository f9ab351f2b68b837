// Environment lines cron does not accept as such (Debian cron env.c load_env()); it then reads them as a job
// and rejects them: `FOO BAR=1` (space in the name), `MAILTO=` with nothing after it (Debian only: cronie
// accepts an empty value), text after a closing quote.
import { looksLikeAssignment } from '../../crontab/lines';
import { range } from '../../types';
import type { CrontabRule } from '../../rule';

export const invalidEnvironment: CrontabRule = {
  id: 'crontab/invalid-environment',
  meta: { defaultSeverity: 'error', fixable: true, safeFix: true },
  check(context) {
    for (const line of context.document.invalidLines) {
      if (!looksLikeAssignment(line.text)) continue;
      const text = line.text.replace(/\r$/, '');
      const start = text.length - text.trimStart().length;
      const equals = text.indexOf('=');
      const name = text.slice(start, equals).trim().replace(/^["']|["']$/g, '');
      const after = text.slice(equals + 1);
      const whole = range(line.line, start, text.length);
      if (/\s/.test(name)) {
        context.report({ messageId: 'space-in-name', params: { text: text.trim(), consequence: context.consequence() }, range: whole });
      } else if (after.trim() === '') {
        context.report({
          messageId: name === 'MAILTO' ? 'empty-mailto' : 'empty-value',
          params: { name },
          range: whole,
          // `PATH=""` (or SHELL, HOME) would make the file load and every job fail: no command is found on an
          // empty PATH. There the way out is a real value or no line at all (cron's default), the user's call.
          fixes: NO_EMPTY_FIX.has(name) ? undefined : [{ title: context.t('crontab/invalid-environment.fix-empty', { name }), edits: [{ range: range(line.line, equals + 1, text.length), newText: '""' }], isPreferred: true, safe: true }],
        });
      } else {
        context.report({ messageId: 'trailing-text', params: { text: text.trim(), consequence: context.consequence() }, range: whole });
      }
    }
  },
};

/** Variables an empty value breaks for every job. */
const NO_EMPTY_FIX = new Set(['PATH', 'SHELL', 'HOME']);
