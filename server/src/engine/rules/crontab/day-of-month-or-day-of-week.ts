// When both day-of-month and day-of-week are restricted, cron runs on days matching *either* (Debian cron.c,
// cronie src/cron.c: OR unless DOM_STAR or DOW_STAR). A field starting with `*` (also `*/2`) counts as
// unrestricted, so `0 0 */2 * 1` is an AND. `1-7` with one weekday is the classic "first Monday" that runs
// on the first seven days and on every Monday. dcron reads the two together differently: with both
// restricted, day-of-month 1–5 picks the first to fifth such weekday of the month, 6 and above the last
// (database.c FixDayDow; crontab(1): "it will be interpreted as the Nth such day in the month"), so `1-7`
// with one weekday there means every such weekday and the OR warning is wrong: it is skipped for dcron.
import type { MessageKey } from '../../i18n/catalog';
import { range, type Locale } from '../../types';
import type { ParsedField } from '../../crontab/fields';
import { FIELD_STARTS_WITH_STAR } from '../../crontab/document';
import type { CrontabContext, CrontabRule } from '../../rule';

/** Day-of-month ranges of one week each: with a single weekday, the "first Monday" people mean (kubernetes/ reuses it). */
export const WEEK_RANGES = new Set(['1-7', '8-14', '15-21', '22-28']);
const weekdayNamesByLocale = new Map<Locale, readonly string[]>();

export const dayOfMonthOrDayOfWeek: CrontabRule = {
  id: 'crontab/day-of-month-or-day-of-week',
  meta: { defaultSeverity: 'warning', fixable: false, notFor: ['dcron'] },
  check(context) {
    const names = weekdayNames(context);
    for (let job = 0; job < context.document.jobCount; job++) checkJobWith(context, job, names);
  },
  checkJob(context, job) {
    checkJobWith(context, job, weekdayNames(context));
  },
};

/** Looked up once per lint, before the loop (not on the first finding), so the loop's optimized code never meets it. */
function weekdayNames(context: CrontabContext): readonly string[] {
  let names = weekdayNamesByLocale.get(context.locale);
  if (names === undefined) weekdayNamesByLocale.set(context.locale, (names = [0, 1, 2, 3, 4, 5, 6].map((day) => context.t(`weekday.${day}` as MessageKey))));
  return names;
}

function checkJobWith(context: CrontabContext, job: number, names: readonly string[]): void {
  const document = context.document;
  // The field bits first: most jobs leave here without their field objects being read.
  if (document.jobKeyword(job) !== undefined || ((document.jobFieldFlags(job, 2) | document.jobFieldFlags(job, 4)) & FIELD_STARTS_WITH_STAR) !== 0 || !document.isAccepted(job)) return;
  const dayOfWeekField = document.jobField(job, 4);
  const dayOfMonth = document.timeTokenText(job, 2);
  const dayOfWeek = document.timeTokenText(job, 4);
  const where = range(document.jobLine(job), document.timeTokenStart(job, 2), document.timeTokenEnd(job, 4));
  const weekday = onlyWeekday(dayOfWeekField);
  if (WEEK_RANGES.has(dayOfMonth) && weekday >= 0) {
    context.report({ messageId: 'first-weekday', params: { dayOfMonth, dayOfWeek, weekday: names[weekday] }, range: where });
  } else {
    context.report({ messageId: 'message', severity: 'info', params: { dayOfMonth, dayOfWeek }, range: where });
  }
}

/** The one weekday a day-of-week field (0..7, 7 = Sunday as 0) selects, or -1 when none or several. */
function onlyWeekday(field: ParsedField): number {
  let found = -1;
  for (let day = 0; day < 7; day++) {
    if (!(field.has(day) || (day === 0 && field.has(7)))) continue;
    if (found >= 0) return -1;
    found = day;
  }
  return found;
}
