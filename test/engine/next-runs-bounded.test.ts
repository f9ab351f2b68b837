// nextRuns with an upper bound (what the timeline asks: one day's runs) gives exactly the unbounded runs
// before that bound, on random schedules in zones with clock changes, across the changes themselves. The runs
// themselves (the fast path on days without a change included) are checked against croniter, cron-parser and
// cron's own DST rules in next-runs-oracle.test.ts.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { nextRuns } from '../../server/src/engine/crontab/next-runs';
import type { CronSchedule } from '../../server/src/engine/crontab/model';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { seeded } from '../support/random';

function schedule(cron: string): CronSchedule {
  const line = parseCrontab(`${cron} true\n`, 'crontab-user', 'debian').lines[0];
  assert.ok(line.type === 'job' && line.schedule, cron);
  return line.schedule;
}


test('runs before a bound are the unbounded runs cut at it, near clock changes too', () => {
  const next = seeded(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe', 'UTC'];
  // Spring-forward and fall-back days of 2026 in Europe and America, and ordinary days.
  const starts = [Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 9, 24, 12), Date.UTC(2026, 2, 7, 12), Date.UTC(2026, 10, 1, 0), Date.UTC(2026, 5, 15, 7, 13)];
  const fields = [
    () => pick(['*', '*/5', '0', '30', '0,15,30,45', '59', '1-10']),
    () => pick(['*', '2', '1-3', '*/2', '0', '23', '2,14']),
    () => pick(['*', '*', '1', '15', '28-31']),
    () => pick(['*', '*', '3', '10,11']),
    () => pick(['*', '*', '0', '1-5', '6,0']),
  ];
  for (let index = 0; index < 300; index++) {
    const cron = fields.map((field) => field()).join(' ');
    const zone = pick(zones);
    const from = pick(starts);
    const before = from + Math.floor(next() * 3 * 86_400_000);
    const unbounded = nextRuns(schedule(cron), from, 5000, zone).filter((instant) => instant < before);
    const bounded = nextRuns(schedule(cron), from, 5000, zone, before);
    assert.deepEqual(bounded, unbounded, `${cron} in ${zone} from ${new Date(from).toISOString()} before ${new Date(before).toISOString()}`);
  }
});
