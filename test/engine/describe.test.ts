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
  ['* */12 * * *', 'Every minute of every 12th hour (00:00, 12:00 hours)', '毎日 12 時間ごと（0 時・12 時）の毎分に実行'],
  ['*/15 * * * *', 'Every 15 minutes', '毎日 15 分ごとに実行'],
  ['17 * * * *', 'At minute 17 of every hour', '毎日 毎時 17 分に実行'],
  ['0 9 * * 1-5', 'At 09:00, on Monday through Friday', '毎週月〜金曜日、09:00 に実行'],
  ['0 0 1-7 * 1', 'At 00:00, on day 1–7 of the month or on Monday', '1〜7 日または月曜日、00:00 に実行'],
  ['0 0 */2 * 1', 'At 00:00, on day 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29 and 31 of the month, but only on Monday', '1、3、5、7、9、11、13、15、17、19、21、23、25、27、29、31 日のうち月曜日、00:00 に実行'],
  ['30 4 1 jan,jul *', 'At 04:30, on day 1 of the month, in January and July', '1 月・7 月の 1 日、04:30 に実行'],
  ['0 6 * 12 *', 'At 06:00, in December', '12 月の毎日 06:00 に実行'],
  ['@reboot', 'Once, when cron starts (at boot)', '起動時に 1 回'],
];

for (const [expression, english, japanese] of CASES) {
  test(`describe ${expression}`, () => {
    assert.equal(describe(expression, 'en'), english);
    assert.equal(describe(expression, 'ja'), japanese);
  });
}
