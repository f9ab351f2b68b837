// busybox crond reads three kinds of variable line and no others: a line whose first word starts with
// `MAILTO=`, `SHELL=` or `PATH=` (miscutils/crond.c load_crontab(), busybox 1.36; PATH= since 1.36.0,
// commit 52a7bf6). Any other `NAME=value` line has fewer than six words and is skipped as a bad job line,
// so the jobs never see it; `PATH = /bin`, with blanks, has a first word `PATH` and is skipped too. The value
// is the rest of that first word as written: quotes stay in it. TZ and CRON_TZ are among the ignored: the
// jobs run in the zone of the crond process (localtime() in flag_starting_jobs()).
import type { MessageKey } from '../../i18n/catalog';
import { range } from '../../types';
import type { CrontabContext, CrontabRule } from '../../rule';

const READ = new Set(['MAILTO', 'SHELL', 'PATH']);

export const busyboxIgnoredVariable: CrontabRule = {
  id: 'crontab/busybox-ignored-variable',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    if (context.reader !== 'busybox') return;
    const document = context.document;
    for (let index = 0; index < document.environmentCount; index++) checkVariable(context, index);
  },
};

function checkVariable(context: CrontabContext, index: number): void {
  const document = context.document;
  const name = document.environmentName(index);
  const line = document.environmentLine(index);
  const text = document.lineText(line);
  const nameStart = document.environmentNameStart(index);
  const nameEnd = document.environmentNameEnd(index);
  const valueStart = document.environmentValueStart(index);
  const whole = range(line, nameStart, document.environmentValueEnd(index));
  if (!READ.has(name)) {
    context.report({ messageId: name === 'TZ' || name === 'CRON_TZ' ? 'zone' : 'ignored', params: { name }, range: whole });
  } else if (text[nameEnd] !== '=') {
    context.report({ messageId: 'blank', params: { name }, range: range(line, nameStart, nameEnd) });
  } else if (valueStart > nameEnd + 1 && (text[valueStart - 1] === '"' || text[valueStart - 1] === "'")) {
    // The value was written in quotes (valueStart is inside them): busybox keeps them.
    const quote = text[valueStart - 1];
    const close = text.indexOf(quote, valueStart);
    const value = text.slice(valueStart - 1, close < 0 ? document.environmentValueEnd(index) : close + 1);
    const consequence = context.t(`crontab/busybox-ignored-variable.quoted-${name.toLowerCase()}` as MessageKey);
    context.report({ messageId: 'quoted', params: { name, value, consequence }, range: range(line, nameStart, close < 0 ? whole.end.character : close + 1) });
  }
}
