// civilFromDays (systemd/glibc-time.ts), which the calendar parser's @timestamp and glibc's offtime both use,
// against the JavaScript Date's proleptic Gregorian calendar, over ±2,000 years and every day of 2000–2001.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { civilFromDays } from '../../server/src/engine/systemd/glibc-time';

function expected(days: number): { year: number; month: number; day: number } {
  const date = new Date(days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

test('civilFromDays gives the date the Date object gives, leap days and year ends included', () => {
  const days: number[] = [];
  for (let day = -730_000; day <= 730_000; day += 97) days.push(day);
  for (let day = 10_957; day < 10_957 + 731; day++) days.push(day); // 2000-01-01 … 2001-12-31
  days.push(-1, 0, 1, 11_016, 11_017, 11_018); // 1969-12-31 … 1970-01-02, 2000-02-28 … 2000-03-01
  for (const day of days) assert.deepEqual(civilFromDays(day), expected(day), `day ${day}`);
  assert.deepEqual(civilFromDays(11_016), { year: 2000, month: 2, day: 29 });
});
