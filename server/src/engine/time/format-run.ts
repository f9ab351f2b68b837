// A run time as an operator reads it: `Tue 2026-12-01 01:39` / `2026年12月1日(火) 01:39`.
import type { Locale } from '../types';
import { toLocal } from './zone';

export const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const JA_DAYS = ['日', '月', '火', '水', '木', '金', '土'];

export function formatRunTime(instant: number, zone: string, locale: Locale): string {
  const local = toLocal(instant, zone);
  const pad = (value: number) => String(value).padStart(2, '0');
  const time = `${pad(local.hour)}:${pad(local.minute)}`;
  if (locale === 'ja') return `${local.year}年${local.month}月${local.day}日(${JA_DAYS[local.weekday]}) ${time}`;
  return `${EN_DAYS[local.weekday]} ${local.year}-${pad(local.month)}-${pad(local.day)} ${time}`;
}
