// A crontab line written into OnCalendar=: the message translates the user's own line (issue #19). Each
// translation is checked two ways: systemd-analyze (systemd 252) accepts it and lists the same next elapses
// as our cron engine's next runs for the line, and our calendar engine agrees over a longer stretch.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { nextRuns } from '../../server/src/engine/crontab/next-runs';
import type { CronSchedule } from '../../server/src/engine/crontab/model';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { parseCalendar } from '../../server/src/engine/systemd/calendar';
import { nextElapse } from '../../server/src/engine/systemd/calendar-search';
import { cronLineAdvice, cronToCalendar } from '../../server/src/engine/systemd/cron-to-calendar';
import { lintUnit } from '../../server/src/engine/systemd/lint-unit';
import { fixtureFacts } from '../support/fixture-host';

// cron line → the OnCalendar= value(s) the message offers.
const CASES: [string, string[]][] = [
  ['0 3 * * *', ['*-*-* 03:00:00']],
  ['30 4 * * *', ['*-*-* 04:30:00']],
  ['*/15 * * * *', ['*:00/15']],
  ['* * * * *', ['*:*']],
  ['0 3 * * 1-5', ['Mon..Fri *-*-* 03:00:00']],
  ['0 0 * * mon-fri', ['Mon..Fri *-*-* 00:00:00']],
  ['0 0 * * 0', ['Sun *-*-* 00:00:00']],
  ['0 0 * * 7', ['Sun *-*-* 00:00:00']],
  ['0 0 * * 6,0', ['Sat,Sun *-*-* 00:00:00']],
  ['5 */2 * * *', ['*-*-* 00/2:05:00']],
  ['0 9-17 * * *', ['*-*-* 09..17:00:00']],
  ['0,30 9,17 * * *', ['*-*-* 09,17:00,30:00']],
  ['15 2 1 * *', ['*-*-01 02:15:00']],
  ['0 0 */2 * *', ['*-*-01/2 00:00:00']],
  ['0 0 1 jan,jul *', ['*-01,07-01 00:00:00']],
  ['0 12 * 3-5 *', ['*-03..05-* 12:00:00']],
  // A day field starting with `*` makes cron AND the two day fields.
  ['0 0 */2 * 1', ['Mon *-*-01/2 00:00:00']],
  // Both restricted: cron ORs them, so two lines.
  ['0 3 1 * 1', ['*-*-01 03:00:00', 'Mon *-*-* 03:00:00']],
  ['0 0 1-7 * 1', ['*-*-01..07 00:00:00', 'Mon *-*-* 00:00:00']],
];

function schedule(cron: string): CronSchedule {
  const line = parseCrontab(`${cron} true\n`, 'crontab-user', 'debian').lines[0];
  assert.ok(line.type === 'job' && line.schedule, cron);
  return line.schedule;
}

/** The union of the calendars' next elapses (ms), sorted and distinct. */
function elapses(calendars: string[], after: number, count: number, zone: string): number[] {
  const all = new Set<number>();
  for (const calendar of calendars) {
    const parsed = parseCalendar(calendar, { zone });
    assert.ok(parsed.ok, `${calendar} parses`);
    for (const at of nextElapse(parsed.spec, after, count, { zone })) all.add(at);
  }
  return [...all].sort((a, b) => a - b).slice(0, count);
}

test('cron lines translate to the calendar events the message offers', () => {
  for (const [cron, calendars] of CASES) assert.deepEqual(cronToCalendar(cron), { kind: 'calendar', calendars }, cron);
});

test('each translation fires when cron does (our engines, two zones, 300 runs)', () => {
  const base = Date.parse('2026-03-01T00:00:00Z');
  for (const [cron, calendars] of CASES) {
    for (const zone of ['UTC', 'Asia/Tokyo']) {
      // The cron engine looks a few years ahead at most; compare as many runs as it gives.
      const cronRuns = nextRuns(schedule(cron), base, 300, zone);
      assert.ok(cronRuns.length >= 8, `${cron}: ${cronRuns.length} runs`);
      assert.deepEqual(elapses(calendars, base, cronRuns.length, zone), cronRuns, `${cron} in ${zone}`);
    }
  }
});

// Where the clock springs forward, Debian's cron still runs a fixed-time job set inside the skipped hour (at
// the first minute after it, cron.c), while systemd has no such time that day: the one known difference.
test('in a zone with DST, the translations differ only on the day the clock skips the job', () => {
  const base = Date.parse('2026-03-01T00:00:00Z');
  const zone = 'Europe/Berlin';
  for (const [cron, calendars] of CASES) {
    const cronRuns = nextRuns(schedule(cron), base, 300, zone);
    const systemd = elapses(calendars, base, 400, zone);
    const last = cronRuns[cronRuns.length - 1];
    const onlyCron = cronRuns.filter((at) => !systemd.includes(at)).map((at) => new Date(at).toISOString());
    const onlySystemd = systemd.filter((at) => at <= last && !cronRuns.includes(at));
    assert.deepEqual(onlySystemd, [], cron);
    for (const at of onlyCron) assert.match(at, /^(2026-03-29|2027-03-28)T01:00/, `${cron}: ${at}`);
  }
  assert.deepEqual(nextRuns(schedule('30 2 * * *'), base, 40, zone).filter((at) => !elapses(['*-*-* 02:30:00'], base, 40, zone).includes(at)).map((at) => new Date(at).toISOString()), ['2026-03-29T01:00:00.000Z']);
});

test('systemd-analyze accepts each translation and lists the runs cron would make', (t) => {
  if (spawnSync('systemd-analyze', ['--version']).status !== 0) {
    t.skip('systemd-analyze is not installed');
    return;
  }
  const base = '2026-03-01 00:00:00 UTC';
  for (const [cron, calendars] of CASES) {
    const seen = new Set<number>();
    for (const calendar of calendars) {
      const run = spawnSync('systemd-analyze', ['calendar', '--iterations=40', `--base-time=${base}`, calendar], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
      assert.equal(run.status, 0, `systemd-analyze rejects ${calendar}: ${run.stderr}`);
      for (const match of run.stdout.matchAll(/(?:Next elapse|Iter\. #\d+): \w+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC/g)) seen.add(Date.parse(`${match[1].replace(' ', 'T')}Z`));
    }
    const cronRuns = nextRuns(schedule(cron), Date.parse('2026-03-01T00:00:00Z'), 40, 'UTC');
    assert.deepEqual([...seen].sort((a, b) => a - b).slice(0, cronRuns.length), cronRuns, cron);
  }
});

test('no translation where none is exact', () => {
  assert.deepEqual(cronToCalendar('0 0 * * 5-2'), { kind: 'none' });
  assert.deepEqual(cronToCalendar('0~30 3 * * *'), { kind: 'none' });
  assert.deepEqual(cronLineAdvice('0~30 3 * * *')?.id, 'systemd-calendar.cron-syntax-no-equivalent');
  assert.equal(cronLineAdvice('*-*-* 03:00:00'), undefined);
  assert.equal(cronLineAdvice('Mon 03:00'), undefined);
});

function timerMessage(value: string, locale: 'en' | 'ja' = 'en'): string {
  const text = `[Timer]\nOnCalendar=${value}\n\n[Install]\nWantedBy=timers.target\n`;
  const result = lintUnit({ text, path: '/etc/systemd/system/backup.timer', facts: fixtureFacts('debian'), locale });
  const finding = result.findings.find((found) => found.ruleId === 'systemd/invalid-calendar');
  assert.ok(finding, `no invalid-calendar finding for ${value}`);
  return finding.message;
}

test('the invalid-calendar message translates the line that is there', () => {
  assert.match(timerMessage('0 3 * * *'), /`0 3 \* \* \*` is a crontab schedule.*Write `\*-\*-\* 03:00:00`, the same schedule in systemd's syntax/);
  assert.doesNotMatch(timerMessage('0 3 * * *'), /04:30/);
  assert.match(timerMessage('*/15 * * * *'), /Write `\*:00\/15`/);
  assert.match(timerMessage('0 3 * * 1-5', 'ja'), /systemd の書き方では `Mon\.\.Fri \*-\*-\* 03:00:00` です/);
  assert.match(timerMessage('0 3 1 * 1'), /two lines can: `OnCalendar=\*-\*-01 03:00:00` and `OnCalendar=Mon \*-\*-\* 03:00:00`/);
  assert.match(timerMessage('0 0 * * 5-2'), /no calendar event fires at exactly the times cron would/);
});
