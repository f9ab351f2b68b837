// searchForRun (the reference canEverRunFields is held to) answers from the month lengths instead of walking 28 years of days; checked here against that
// walk (matchesDay over 2000-01-01 … 2027-12-31, a full weekday cycle with its leap days) on random schedules
// built around the days that don't exist in every month (29–31, February, the 30-day months).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { matchesDay, searchForRun } from '../../server/src/engine/crontab/next-runs';
import type { CronSchedule } from '../../server/src/engine/crontab/model';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { seeded } from '../support/random';

function schedule(cron: string): CronSchedule {
  const line = parseCrontab(`${cron} true\n`, 'crontab-user', 'debian').lines[0];
  assert.ok(line.type === 'job' && line.schedule, cron);
  return line.schedule;
}

function walk(schedule: CronSchedule): boolean {
  if (!schedule.hours.some(Boolean) || !schedule.minutes.some(Boolean)) return false;
  for (let instant = Date.UTC(2000, 0, 1); instant < Date.UTC(2028, 0, 1); instant += 86_400_000) {
    const date = new Date(instant);
    if (matchesDay(schedule, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay())) return true;
  }
  return false;
}

test('searchForRun: the known never-firing schedules', () => {
  for (const cron of ['0 0 30 2 *', '0 0 31 4,6,9,11 *', '0 0 30,31 feb *']) assert.equal(searchForRun(schedule(cron)), false, cron);
  for (const cron of ['0 0 31 2 mon', '0 0 29 2 *', '0 0 29 2 1', '0 0 31 2 mon-fri', '0 0 31 4 0', '* * * * *']) assert.equal(searchForRun(schedule(cron)), true, cron);
});

test('searchForRun equals a walk over a 28-year weekday cycle', () => {
  const next = seeded(4242);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  let never = 0;
  for (let index = 0; index < 400; index++) {
    const cron = ['0', '0', pick(['*', '29', '30', '31', '30,31', '29-31', '*/10', '1', '31']), pick(['*', '2', '4', '2,4', '4,6,9,11', 'feb', '1-3', '12']), pick(['*', '*', '0', '1-5', '*/3'])].join(' ');
    const expected = walk(schedule(cron));
    if (!expected) never++;
    assert.equal(searchForRun(schedule(cron)), expected, cron);
  }
  assert.ok(never > 10, `too few never-firing cases drawn (${never}): the test would not catch a wrong "true"`);
});
