// A run time as an operator reads it: `Tue 2026-12-01 01:39` / `2026年12月1日(火) 01:39`.
import type { Locale } from '../types';
import { toLocal, zoneOffset } from './zone';

const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const JA_DAYS = ['日', '月', '火', '水', '木', '金', '土'];

export function formatRunTime(instant: number, zone: string, locale: Locale): string {
  const local = toLocal(instant, zone);
  const pad = (value: number) => String(value).padStart(2, '0');
  const time = `${pad(local.hour)}:${pad(local.minute)}`;
  if (locale === 'ja') return `${local.year}年${local.month}月${local.day}日(${JA_DAYS[local.weekday]}) ${time}`;
  return `${EN_DAYS[local.weekday]} ${local.year}-${pad(local.month)}-${pad(local.day)} ${time}`;
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));

/**
 * formatRunTime for many run times in one zone and language (`schedlint cron` prints 1,000 per expression):
 * the date part is kept while the local day stays the same, and the time of day is written from the zone's
 * offset without a Date per run (issue #20). test/engine/format-run.test.ts holds it to formatRunTime.
 */
export class RunTimeFormatter {
  private day = Number.NaN;
  private datePart = '';

  constructor(
    private readonly zone: string,
    private readonly locale: Locale,
  ) {}

  format(instant: number): string {
    const local = instant + zoneOffset(instant, this.zone);
    const day = Math.floor(local / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      // Both languages end in `HH:MM`: the rest is the date part.
      const whole = formatRunTime(instant, this.zone, this.locale);
      this.datePart = whole.slice(0, -5);
      return whole;
    }
    const minutes = Math.floor((local - day * DAY_MS) / 60_000);
    return `${this.datePart}${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}`;
  }
}
