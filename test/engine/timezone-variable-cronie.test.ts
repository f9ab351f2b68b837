// crontab/timezone-variable's note on `TZ=` under cronie says which zone the jobs below it run in: the host's
// when no `CRON_TZ=` is in effect there, that `CRON_TZ`'s when one is (stranger report 14; cronie src/cron.c
// find_jobs reads `CRON_TZ` from each job's own environment, an empty value meaning the host's zone).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { lintCrontab } from '../../server/src/engine/lint';
import { fixtureFacts } from '../support/fixture-host';

function tzNotes(text: string, locale: 'en' | 'ja' = 'en'): string[] {
  const result = lintCrontab({ text, path: '/etc/cron.d/report', facts: fixtureFacts('cronie'), locale });
  return result.findings.filter((finding) => finding.ruleId === 'crontab/timezone-variable' && finding.severity === 'info').map((finding) => finding.message);
}

test('cronie: TZ= below CRON_TZ= names the CRON_TZ zone the jobs run in, not the host zone', () => {
  const [note] = tzNotes('CRON_TZ=Asia/Tokyo\nTZ=Asia/Tokyo\n0 9 * * * root /bin/true\n');
  assert.equal(note, "`TZ=` only changes the jobs' environment: cronie schedules the jobs below in the zone of `CRON_TZ=Asia/Tokyo` set above, not by `TZ=`.");
  assert.doesNotMatch(note, /host's time zone/);
  const [ja] = tzNotes('CRON_TZ=Asia/Tokyo\nTZ=Asia/Tokyo\n0 9 * * * root /bin/true\n', 'ja');
  assert.match(ja, /上にある `CRON_TZ=Asia\/Tokyo` のタイムゾーンで cronie が実行します/);
});

test('cronie: TZ= with no CRON_TZ= above it (none, one below, or an empty one) keeps the host-zone note', () => {
  for (const text of ['TZ=Asia/Tokyo\n0 9 * * * root /bin/true\n', 'TZ=Asia/Tokyo\nCRON_TZ=Asia/Tokyo\n0 9 * * * root /bin/true\n', 'CRON_TZ=Asia/Tokyo\nCRON_TZ=\nTZ=Asia/Tokyo\n0 9 * * * root /bin/true\n']) {
    const [note] = tzNotes(text);
    assert.match(note, /cronie schedules them on the host's time zone \(.+\) unless `CRON_TZ=` is set/, text);
  }
});
