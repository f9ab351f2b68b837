// Timer windows against cron runs (server/src/engine/schedule/windows.ts): the incident (certbot.timer's
// 12-hour windows), exact collisions, daylight-saving days in three zones, a job and a timer in different
// zones, and a brute-force oracle: random seeded pairs compared minute by minute over two weeks.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { CronSchedule } from '../../server/src/engine/crontab/model';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { nextRuns } from '../../server/src/engine/crontab/next-runs';
import { parseCalendar } from '../../server/src/engine/systemd/calendar';
import { nextElapse } from '../../server/src/engine/systemd/calendar-search';
import type { CalendarSpec } from '../../server/src/engine/systemd/calendar-spec';
import { bootCollision, calendarPeriodDays, cronPeriodDays, cronRunAtOrAfter, findCollision, timerWindows, type TimerWindowSpec } from '../../server/src/engine/schedule/windows';
import { seeded } from '../support/random';

const MINUTE = 60_000;
const DAY = 86_400_000;
const YEAR = 366 * DAY;

function schedule(fields: string): CronSchedule {
  const line = parseCrontab(`${fields} true\n`, 'crontab-user', 'debian').lines[0];
  assert.ok(line.type === 'job' && !line.problem && line.schedule, `${fields} is a job`);
  return line.schedule;
}

function calendar(text: string, zone: string): CalendarSpec {
  const parsed = parseCalendar(text, { zone });
  assert.ok(parsed.ok, `${text} parses`);
  return parsed.spec;
}

function timer(texts: string | string[], zone = 'UTC', randomizedDelaySec = 0, accuracySec = 60, persistent = false): TimerWindowSpec {
  return { calendars: (Array.isArray(texts) ? texts : [texts]).map((text) => calendar(text, zone)), randomizedDelaySec, accuracySec, persistent, timeZone: zone };
}

const cron = (fields: string, timeZone = 'UTC') => ({ schedule: schedule(fields), timeZone });
const at = (iso: string): number => Date.parse(iso);
const iso = (instant: number | undefined): string | undefined => (instant === undefined ? undefined : new Date(instant).toISOString());

test('certbot.timer (00,12:00 with a 12-hour random delay) meets a 03:15 cron job on the first day, window 00:00–12:01', () => {
  const certbot = timer('*-*-* 00,12:00:00', 'UTC', 43200);
  const found = findCollision(cron('15 3 * * *'), certbot, at('2026-01-01T00:00:00Z'), YEAR);
  assert.ok(found);
  assert.equal(iso(found.cronRun), '2026-01-01T03:15:00.000Z');
  assert.equal(iso(found.elapse), '2026-01-01T00:00:00.000Z');
  assert.equal(iso(found.windowStart), '2026-01-01T00:00:00.000Z');
  assert.equal(iso(found.windowEnd), '2026-01-01T12:01:00.000Z');
  assert.equal(found.catchUpAtBoot, false);
  // A run in the afternoon belongs to the 12:00 window; from just after 03:15 the next run is the next day's.
  const later = findCollision(cron('15 15 * * *'), certbot, at('2026-01-01T00:00:00Z'), YEAR);
  assert.equal(iso(later?.elapse), '2026-01-01T12:00:00.000Z');
  const nextDay = findCollision(cron('15 3 * * *'), certbot, at('2026-01-01T03:15:00Z'), YEAR);
  assert.equal(iso(nextDay?.cronRun), '2026-01-02T03:15:00.000Z');
});

test('the whole day is covered by certbot.timer: every job collides on its first run', () => {
  const certbot = timer('*-*-* 00,12:00:00', 'Europe/Berlin', 43200);
  const from = at('2026-05-01T00:00:00Z');
  for (const fields of ['0 0 * * *', '59 11 * * *', '0 12 * * *', '59 23 * * *', '*/7 * * * *', '30 4 1 * *', '0 6 * * 5']) {
    const job = cron(fields, 'Europe/Berlin');
    const first = nextRuns(job.schedule, from, 1, 'Europe/Berlin')[0];
    assert.equal(findCollision(job, certbot, from, YEAR)?.cronRun, first, fields);
  }
});

test('a timer without random delay at exactly the cron minute collides; 30 s later it does not', () => {
  const from = at('2026-01-01T00:00:00Z');
  const exact = findCollision(cron('15 3 * * *'), timer('*-*-* 03:15:00'), from, YEAR);
  assert.equal(iso(exact?.cronRun), '2026-01-01T03:15:00.000Z');
  assert.equal(iso(exact?.windowEnd), '2026-01-01T03:16:00.000Z');
  // The window of 03:14:30 (accuracy 1 min) reaches over 03:15:00; the one of 03:15:30 starts after it.
  assert.equal(iso(findCollision(cron('15 3 * * *'), timer('*-*-* 03:14:30'), from, YEAR)?.cronRun), '2026-01-01T03:15:00.000Z');
  assert.equal(findCollision(cron('15 3 * * *'), timer('*-*-* 03:15:30'), from, YEAR), undefined);
  // The window ends one accuracy after the elapse: 03:14:00 + 1 min does not hold 03:15:00, + 2 min does.
  assert.equal(findCollision(cron('15 3 * * *'), timer('*-*-* 03:14:00'), from, YEAR), undefined);
  assert.ok(findCollision(cron('15 3 * * *'), timer('*-*-* 03:14:00', 'UTC', 0, 120), from, YEAR));
});

test('Monday 04:00 and a Tuesday 04:00 cron job never meet within a year', () => {
  assert.equal(findCollision(cron('0 4 * * 2', 'Europe/Berlin'), timer('Mon *-*-* 04:00', 'Europe/Berlin'), at('2026-01-01T00:00:00Z'), YEAR), undefined);
  // With a day of random delay they do, on the first Tuesday.
  const delayed = findCollision(cron('0 4 * * 2', 'Europe/Berlin'), timer('Mon *-*-* 04:00', 'Europe/Berlin', 86400), at('2026-01-01T00:00:00Z'), YEAR);
  assert.equal(iso(delayed?.cronRun), '2026-01-06T03:00:00.000Z');
});

test('spring forward in Berlin: a cron job in the skipped hour runs at 03:00 CEST, where a 03:00 timer fires', () => {
  // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC). Debian cron runs a fixed-time job of the gap at once.
  const found = findCollision(cron('30 2 * * *', 'Europe/Berlin'), timer('*-03-29 03:00', 'Europe/Berlin'), at('2026-03-01T00:00:00Z'), YEAR);
  assert.equal(iso(found?.cronRun), '2026-03-29T01:00:00.000Z');
  assert.equal(iso(found?.elapse), '2026-03-29T01:00:00.000Z');
});

test('fall back in New York: the repeated hour, as cron and systemd each see it', () => {
  // 2026-11-01: 02:00 EDT falls back to 01:00 EST. A wildcard-hour job runs in both passes (cron.c).
  const job = cron('30 * * * *', 'America/New_York');
  const timerAt = timer('*-11-01 01:30', 'America/New_York');
  const from = at('2026-10-31T12:00:00Z');
  const elapse = nextElapse(timerAt.calendars[0], from, 1, { zone: 'America/New_York' })[0];
  const found = findCollision(job, timerAt, from, 30 * DAY);
  assert.equal(found?.elapse, elapse);
  assert.equal(found?.cronRun, elapse);
  // Every cron run of that day as nextRuns() gives them, with the instants our fast path computes.
  const runs = nextRuns(job.schedule, at('2026-11-01T00:00:00Z'), 30, 'America/New_York');
  for (const run of runs) assert.equal(cronRunAtOrAfter(job.schedule, run - MINUTE + 1, 'America/New_York'), run);
  assert.ok(runs.includes(at('2026-11-01T05:30:00Z')) && runs.includes(at('2026-11-01T06:30:00Z')), 'both 01:30 passes');
});

test('Europe and America change clocks on different days: noon in Berlin meets 06:00 in New York only when both agree', () => {
  const job = cron('0 12 * * *', 'Europe/Berlin');
  const nyTimer = timer('*-*-* 06:00', 'America/New_York');
  // In January both are 11:00 UTC.
  assert.equal(iso(findCollision(job, nyTimer, at('2026-01-01T00:00:00Z'), YEAR)?.cronRun), '2026-01-01T11:00:00.000Z');
  // New York moved on 8 March, Berlin follows on 29 March: three weeks apart by an hour.
  assert.equal(iso(findCollision(job, nyTimer, at('2026-03-09T00:00:00Z'), YEAR)?.cronRun), '2026-03-29T10:00:00.000Z');
  // Berlin goes back on 25 October, New York on 1 November (at 06:00 UTC, before the 11:00 UTC run).
  assert.equal(iso(findCollision(job, nyTimer, at('2026-10-25T00:00:00Z'), YEAR)?.cronRun), '2026-11-01T11:00:00.000Z');
});

test('a CRON_TZ=UTC job against a timer in Asia/Tokyo (no daylight saving)', () => {
  const tokyo = timer('*-*-* 03:00', 'Asia/Tokyo');
  assert.equal(iso(findCollision(cron('0 18 * * *', 'UTC'), tokyo, at('2026-06-01T00:00:00Z'), YEAR)?.cronRun), '2026-06-01T18:00:00.000Z');
  assert.equal(findCollision(cron('0 3 * * *', 'UTC'), tokyo, at('2026-06-01T00:00:00Z'), YEAR), undefined);
  // A calendar with its own zone is computed there, whatever the host's zone.
  const ownZone = timer('*-*-* 03:00 Asia/Tokyo', 'Europe/Berlin');
  assert.equal(iso(findCollision(cron('0 18 * * *', 'UTC'), ownZone, at('2026-06-01T00:00:00Z'), YEAR)?.cronRun), '2026-06-01T18:00:00.000Z');
});

test('monthly and yearly', () => {
  assert.equal(iso(findCollision(cron('0 0 1 * *'), timer('monthly'), at('2026-01-15T00:00:00Z'), YEAR)?.cronRun), '2026-02-01T00:00:00.000Z');
  assert.equal(iso(findCollision(cron('0 0 1 1 *'), timer('yearly'), at('2026-02-01T00:00:00Z'), YEAR)?.cronRun), '2027-01-01T00:00:00.000Z');
  assert.equal(findCollision(cron('0 0 1 1 *'), timer('yearly'), at('2026-02-01T00:00:00Z'), 300 * DAY), undefined);
  // Last day of the month (`~01`) against cron's 28th–31st.
  assert.equal(iso(findCollision(cron('0 5 28-31 * *'), timer('*-*~01 05:00'), at('2026-02-01T00:00:00Z'), YEAR)?.cronRun), '2026-02-28T05:00:00.000Z');
  // Several OnCalendar= lines: the earliest matching one counts.
  assert.equal(iso(findCollision(cron('0 6 * * *'), timer(['*-*-* 05:00', '*-*-* 06:00']), at('2026-01-01T00:00:00Z'), YEAR)?.elapse), '2026-01-01T06:00:00.000Z');
});

test('Persistent= is reported as a catch-up at boot, and meets @reboot jobs', () => {
  const persistent = timer('daily', 'UTC', 0, 60, true);
  assert.equal(findCollision(cron('0 0 * * *'), persistent, at('2026-01-01T12:00:00Z'), YEAR)?.catchUpAtBoot, true);
  const reboot = { schedule: parseCrontab('@reboot true\n', 'crontab-user', 'debian').lines[0].type === 'job' ? (parseCrontab('@reboot true\n', 'crontab-user', 'debian').lines[0] as { schedule: CronSchedule }).schedule : schedule('0 0 * * *') };
  assert.equal(reboot.schedule.reboot, true);
  assert.equal(findCollision({ ...reboot, timeZone: 'UTC' }, persistent, at('2026-01-01T00:00:00Z'), YEAR), undefined);
  assert.equal(bootCollision(reboot, persistent), true);
  assert.equal(bootCollision(reboot, timer('daily')), false);
});

test('timerWindows merges overlapping windows', () => {
  const from = at('2026-01-01T00:00:00Z');
  // certbot: each window reaches past the next elapse, so two days are one window.
  assert.deepEqual(
    timerWindows(timer('*-*-* 00,12:00:00', 'UTC', 43200), from, from + 2 * DAY).map((w) => [iso(w.start), iso(w.end)]),
    [['2025-12-31T12:00:00.000Z', '2026-01-03T00:01:00.000Z']],
  );
  // minutely: each window touches the next.
  assert.deepEqual(timerWindows(timer('minutely'), from, from + DAY).map((w) => [iso(w.start), iso(w.end)]), [['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z']]);
  // 03:00 daily: one minute a day.
  const daily = timerWindows(timer('*-*-* 03:00'), from, from + 3 * DAY);
  assert.deepEqual(daily.map((w) => [iso(w.start), iso(w.end), iso(w.elapse)]), [
    ['2026-01-01T03:00:00.000Z', '2026-01-01T03:01:00.000Z', '2026-01-01T03:00:00.000Z'],
    ['2026-01-02T03:00:00.000Z', '2026-01-02T03:01:00.000Z', '2026-01-02T03:00:00.000Z'],
    ['2026-01-03T03:00:00.000Z', '2026-01-03T03:01:00.000Z', '2026-01-03T03:00:00.000Z'],
  ]);
});

test('periods: daily and weekly schedules are recognised, calendar-bound ones are not', () => {
  assert.equal(cronPeriodDays(schedule('*/5 * * * *')), 1);
  assert.equal(cronPeriodDays(schedule('0 4 * * 2')), 7);
  assert.equal(cronPeriodDays(schedule('0 4 1 * *')), 0);
  assert.equal(cronPeriodDays(schedule('0 4 1-31 * 2')), 1); // OR of an unrestricted-looking day list
  assert.equal(cronPeriodDays(schedule('0 4 */2 * 1')), 0); // `*/2` counts as a star: AND
  assert.equal(calendarPeriodDays(calendar('*:2/5', 'UTC')), 1);
  assert.equal(calendarPeriodDays(calendar('Mon..Fri 04:00', 'UTC')), 7);
  assert.equal(calendarPeriodDays(calendar('monthly', 'UTC')), 0);
});

// ---------------------------------------------------------------------------------------------------------
// Speed: the worst shapes. Generous bounds, so that a loaded CI machine passes and an enumeration of a year's
// minutes (seconds of work) fails. Typical pairs take 20–200 µs; see bench/windows.ts.

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

test('worst cases stay fast (no enumeration of minutes)', () => {
  const from = at('2026-01-02T00:00:00Z');
  const cases: [string, () => unknown, unknown][] = [
    ['minutely timer × yearly cron, no hit within 300 days', () => findCollision(cron('0 0 1 1 *', 'Europe/Berlin'), timer('minutely', 'Europe/Berlin'), from, 300 * DAY), undefined],
    ['minutely timer × yearly cron, hit', () => iso(findCollision(cron('0 0 1 1 *', 'UTC'), timer('minutely'), from, YEAR)?.cronRun), '2027-01-01T00:00:00.000Z'],
    ['every-minute cron × yearly timer', () => iso(findCollision(cron('* * * * *', 'Europe/Berlin'), timer('yearly', 'Europe/Berlin'), from, YEAR)?.cronRun), '2026-12-31T23:00:00.000Z'],
    ['daily cron that never meets a daily timer', () => findCollision(cron('30 5 * * *', 'America/New_York'), timer('daily', 'America/New_York'), from, YEAR), undefined],
    ['*/5 cron × *:2/5 timer with AccuracySec=1s', () => findCollision(cron('*/5 * * * *', 'Europe/Berlin'), timer('*:2/5', 'Europe/Berlin', 0, 1), from, YEAR), undefined],
  ];
  for (const [name, run, expected] of cases) {
    run(); // warm up (zone tables, JIT)
    const [result, ms] = timed(run);
    assert.deepEqual(result, expected, name);
    assert.ok(ms < 500, `${name}: ${ms.toFixed(1)} ms`);
  }
});

// ---------------------------------------------------------------------------------------------------------
// Oracle: the same question answered by brute force, minute by minute, for random pairs over two weeks.


const CRONS = ['15 3 * * *', '0 * * * *', '*/5 * * * *', '*/7 2-4 * * *', '30 2 * * *', '0 0,12 * * *', '0 4 * * 2', '45 23 * * 0,6', '0 1 1,15 * *', '0 6 * * 1-5', '* 1 * * *', '10 */3 * * *', '0 2 * * *', '59 1 * * *', '0 0 */2 * 1'];
const CALENDARS = ['daily', 'hourly', '*-*-* 00,12:00:00', '*-*-* 03:15:00', 'Mon *-*-* 04:00', '*:2/5', '*-*-* 02:30', '*-*-* 01:59:30', 'Sat,Sun 23:00', '*-*-1,15 01:00', 'weekly', '*-*-* 06:00 UTC', '*-*-* 09:00 Asia/Tokyo', 'minutely', '*-*-* 02,03:00:00'];
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
const DELAYS = [0, 0, 30, 300, 3600, 43200];
const ACCURACIES = [1, 60, 60, 3600];
// Starts around the 2026 clock changes (US 8 Mar / 1 Nov, EU 29 Mar / 25 Oct) and in quiet weeks.
const STARTS = ['2026-03-05T07:13:00Z', '2026-03-26T00:00:00Z', '2026-10-22T13:00:00Z', '2026-10-29T00:00:00Z', '2026-06-10T00:00:00Z', '2026-12-28T05:00:00Z'];

function bruteForce(job: { schedule: CronSchedule; timeZone: string }, spec: TimerWindowSpec, from: number, horizon: number): { run: number; elapse: number } | undefined {
  const length = (spec.randomizedDelaySec + spec.accuracySec) * 1000;
  const elapses: number[] = [];
  for (const calendarSpec of spec.calendars) elapses.push(...nextElapse(calendarSpec, from - length, 21_000, { zone: spec.timeZone }).filter((e) => e <= from + horizon));
  elapses.sort((a, b) => a - b);
  // Enough runs for the horizon's days (plus a repeated hour), and no more: nextRuns() walks on until it has them.
  const perDay = job.schedule.hours.filter(Boolean).length * job.schedule.minutes.filter(Boolean).length;
  const runs = new Set(nextRuns(job.schedule, from, (Math.ceil(horizon / DAY) + 1) * perDay + 60, job.timeZone).filter((run) => run <= from + horizon));
  // `next`: the first elapse whose window has not ended by this minute, i.e. the earliest that can hold it.
  let next = 0;
  for (let minute = Math.floor(from / MINUTE) * MINUTE; minute <= from + horizon; minute += MINUTE) {
    while (next < elapses.length && elapses[next] + length <= minute) next++;
    if (minute <= from || !runs.has(minute)) continue;
    if (next < elapses.length && elapses[next] <= minute) return { run: minute, elapse: elapses[next] };
  }
  return undefined;
}

test('oracle: findCollision agrees with a minute-by-minute enumeration over 14 days (seeded random pairs)', () => {
  const next = seeded(20260101);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  let collisions = 0;
  for (let index = 0; index < 120; index++) {
    const job = cron(pick(CRONS), pick(ZONES));
    const zone = pick(ZONES);
    const texts = next() < 0.2 ? [pick(CALENDARS), pick(CALENDARS)] : [pick(CALENDARS)];
    const spec = timer(texts, zone, pick(DELAYS), pick(ACCURACIES));
    const from = at(pick(STARTS));
    const horizon = 14 * DAY;
    const expected = bruteForce(job, spec, from, horizon);
    const found = findCollision(job, spec, from, horizon);
    const label = `#${index} cron ${job.timeZone} vs ${texts.join(' + ')} in ${zone} (+${spec.randomizedDelaySec}s, ±${spec.accuracySec}s) from ${iso(from)}`;
    assert.equal(iso(found?.cronRun), iso(expected?.run), label);
    assert.equal(iso(found?.elapse), iso(expected?.elapse), label);
    if (expected) collisions++;
  }
  // The sample must hold both answers, or the comparison proves little.
  assert.ok(collisions > 20 && collisions < 100, `${collisions} of 120 pairs collide`);
});

test('oracle: the cron fast path gives nextRuns() instants across clock changes', () => {
  const next = seeded(7);
  for (let index = 0; index < 150; index++) {
    const fields = CRONS[Math.floor(next() * CRONS.length)];
    const zone = ZONES[Math.floor(next() * ZONES.length)];
    const start = at(STARTS[Math.floor(next() * STARTS.length)]) + Math.floor(next() * 5 * DAY);
    const job = schedule(fields);
    const expected = nextRuns(job, start, 40, zone);
    let at2 = start + 1;
    for (const run of expected) {
      const got = cronRunAtOrAfter(job, at2, zone);
      assert.equal(iso(got), iso(run), `${fields} in ${zone} after ${iso(at2)}`);
      at2 = run + 1;
    }
  }
});
