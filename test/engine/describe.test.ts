// Schedules in words, as cron applies them (OR/AND of the day fields included), in both languages.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { describeSchedule } from '../../server/src/engine/crontab/describe';
import { parseCrontab } from '../../server/src/engine/crontab/parse';

function describe(expression: string, locale: 'en' | 'ja'): string {
  const [line] = parseCrontab(`${expression} /bin/true\n`, 'crontab-user', 'debian').lines;
  assert.ok(line.type === 'job' && line.schedule, expression);
  return describeSchedule(line.schedule, locale);
}

const CASES: [string, string, string][] = [
  ['39 1,13 * * *', 'At 01:39 and 13:39', '毎日 01:39、13:39 に実行'],
  ['* */12 * * *', 'Every minute during the hours starting at 00:00 and 12:00 (every 12 hours)', '毎日 12 時間ごと（0 時台・12 時台）の毎分に実行'],
  ['*/30 */6 * * *', 'Every 30 minutes during the hours starting at 00:00, 06:00, 12:00 and 18:00 (every 6 hours)', '毎日 6 時間ごと（0 時台・6 時台・12 時台・18 時台）の 30 分ごとに実行'],
  ['* * * * *', 'Every minute', '毎分に実行'],
  ['*/15 9-17 * * 1-5', 'Every 15 minutes, during 09:00–17:59, on Monday through Friday', '毎週月〜金曜日、9 時〜17 時台の 15 分ごとに実行'],
  ['0 6 * 12 1', 'At 06:00, on Monday, in December', '12 月の毎週月曜日、06:00 に実行'],
  ['*/15 * * * *', 'Every 15 minutes', '毎日 15 分ごとに実行'],
  ['17 * * * *', 'At minute 17 of every hour', '毎時 17 分に実行'],
  ['0 9 * * 1-5', 'At 09:00, on Monday through Friday', '毎週月〜金曜日、09:00 に実行'],
  ['0 0 1-7 * 1', 'At 00:00, on day 1–7 of the month or on Monday', '1〜7 日または月曜日、00:00 に実行'],
  ['0 0 */2 * 1', 'At 00:00, on day 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29 and 31 of the month, but only on Monday', '1、3、5、7、9、11、13、15、17、19、21、23、25、27、29、31 日のうち月曜日、00:00 に実行'],
  ['30 4 1 jan,jul *', 'At 04:30, on day 1 of the month, in January and July', '1 月・7 月の 1 日、04:30 に実行'],
  ['0 6 * 12 *', 'At 06:00, in December', '12 月の毎日 06:00 に実行'],
  ['@reboot', 'Once, when cron starts (at boot)', '起動時に 1 回'],
  // A reversed range (`1-0`, `5-2`) sets no value (Debian's entry.c get_range; released cronie alike). In the
  // OR of two restricted day fields it drops out; anywhere else it stops every run.
  ['0 0 1 1 1-0', 'At 00:00, on day 1 of the month, in January (the day-of-week field matches no value)', '1 月の 1 日、00:00 に実行（曜日のフィールドに当てはまる値がありません）'],
  ['0 0 5-2 * 1', 'At 00:00, on Monday (the day-of-month field matches no value)', '毎週月曜日、00:00 に実行（日のフィールドに当てはまる値がありません）'],
  ['0 0 5-2 * *', 'Never: the day-of-month field matches no value', '実行されません（日のフィールドに当てはまる値がありません）'],
  ['0 0 * * 5-2', 'Never: the day-of-week field matches no value', '実行されません（曜日のフィールドに当てはまる値がありません）'],
  ['0 0 5-2 * 6-1', 'Never: the day-of-month field matches no value', '実行されません（日のフィールドに当てはまる値がありません）'],
  ['0 23-1 * * *', 'Never: the hour field matches no value', '実行されません（時のフィールドに当てはまる値がありません）'],
];

for (const [expression, english, japanese] of CASES) {
  test(`describe ${expression}`, () => {
    assert.equal(describe(expression, 'en'), english);
    assert.equal(describe(expression, 'ja'), japanese);
  });
}
