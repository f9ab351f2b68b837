// findOverlaps passes one Elapses per timer to every findCollision about it (windows.ts keeps earlier runs of
// elapses for the next question): the answers must be those of a fresh Elapses per call, whatever the order of
// the questions. Seeded random jobs and timers in zones with clock changes, a year from several starts.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { CronSchedule } from '../../server/src/engine/crontab/model';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { parseCalendar } from '../../server/src/engine/systemd/calendar';
import { Elapses, findCollision, type TimerWindowSpec } from '../../server/src/engine/schedule/windows';

const DAY = 86_400_000;

function schedule(fields: string): CronSchedule {
  const line = parseCrontab(`${fields} true\n`, 'crontab-user', 'debian').lines[0];
  assert.ok(line.type === 'job' && !line.problem && line.schedule, `${fields} is a job`);
  return line.schedule;
}

function timer(text: string, zone: string, randomizedDelaySec: number, accuracySec = 60): TimerWindowSpec {
  const parsed = parseCalendar(text, { zone });
  assert.ok(parsed.ok, `${text} parses`);
  return { calendars: [parsed.spec], randomizedDelaySec, accuracySec, persistent: false, timeZone: zone };
}

test('a shared Elapses gives the same collisions as a fresh one, in any order of jobs and starts', () => {
  let seed = 20260105;
  const random = (count: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % count;
  };
  const zones = ['Europe/Berlin', 'America/New_York', 'UTC'];
  const calendars = ['*-*-* 03:00', '*-*-* 00,12:00:00', 'Mon *-*-* 04:00', 'hourly', '*:0/20', 'monthly', '*-*-* 02:30', 'Sat,Sun 22:15'];
  const fieldsList = ['15 3 * * *', '0 4 * * 2', '30 2 * * *', '*/10 * * * *', '0 0 1 * *', '45 22 * * 6', '5 1 * * 0', '0 12 * * 1-5', '59 23 31 12 *'];
  const starts = [Date.UTC(2026, 0, 5), Date.UTC(2026, 2, 20), Date.UTC(2026, 9, 20)];
  let compared = 0;
  let found = 0;
  for (const zone of zones) {
    for (const text of calendars) {
      const spec = timer(text, zone, [0, 600, 2700, 43200][random(4)], [60, 1][random(2)]);
      const shared = new Elapses(spec);
      for (let question = 0; question < 40; question++) {
        const job = { schedule: schedule(fieldsList[random(fieldsList.length)]), timeZone: random(4) === 0 ? 'UTC' : zone };
        const from = starts[random(starts.length)] + random(3) * DAY;
        const horizon = [366, 30][random(2)] * DAY;
        const expected = findCollision(job, spec, from, horizon);
        assert.deepEqual(findCollision(job, spec, from, horizon, shared), expected, `${text} in ${zone}, question ${question}`);
        compared++;
        if (expected) found++;
      }
    }
  }
  // Both outcomes are exercised, not only one of them.
  assert.ok(found > compared / 10 && found < compared - compared / 10, `${found} of ${compared} collide`);
});
