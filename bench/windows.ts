// findCollision per pair over a year: the incident, typical pairs and the worst shapes (a minutely timer, an
// every-minute job, two dense schedules that never meet). Each case is timed after a warm-up run, as the
// median of several rounds; the inventory's own bench (bench/schedule.ts) times the whole analysis.
import { performance } from 'node:perf_hooks';
import type { CronSchedule } from '../server/src/engine/crontab/model';
import { parseCrontab } from '../server/src/engine/crontab/parse';
import { parseCalendar } from '../server/src/engine/systemd/calendar';
import { findCollision, type TimerWindowSpec } from '../server/src/engine/schedule/windows';

const DAY = 86_400_000;

function schedule(fields: string): CronSchedule {
  const line = parseCrontab(`${fields} true\n`, 'crontab-user', 'debian').lines[0];
  if (line.type !== 'job' || !line.schedule) throw new Error(fields);
  return line.schedule;
}

function timer(text: string, zone: string, delay = 0, accuracy = 60): TimerWindowSpec {
  const parsed = parseCalendar(text, { zone });
  if (!parsed.ok) throw new Error(text);
  return { calendars: [parsed.spec], randomizedDelaySec: delay, accuracySec: accuracy, persistent: false, timeZone: zone };
}

export function benchWindows(): string[] {
  const zone = 'Europe/Berlin';
  const from = Date.parse('2026-01-02T00:00:00Z');
  const cases: [string, string, TimerWindowSpec][] = [
    ['certbot.timer × 15 3 * * * (hit, day 1)', '15 3 * * *', timer('*-*-* 00,12:00:00', zone, 43200)],
    ['daily 03:00 × 30 5 * * * (no hit, a year)', '30 5 * * *', timer('*-*-* 03:00', zone)],
    ['Mon 04:00 × 0 4 * * 2 (no hit, a year)', '0 4 * * 2', timer('Mon *-*-* 04:00', zone)],
    ['monthly × 0 6 15 * * (no hit, a year)', '0 6 15 * *', timer('monthly', zone)],
    ['minutely × 0 0 1 1 * (hit on day 365)', '0 0 1 1 *', timer('minutely', zone)],
    ['yearly × * * * * * (hit on day 365)', '* * * * *', timer('yearly', zone)],
    ['*:2/5 AccuracySec=1s × */5 * * * * (no hit, a year)', '*/5 * * * *', timer('*:2/5', zone, 0, 1)],
  ];
  const lines: string[] = [];
  for (const [name, fields, spec] of cases) {
    const job = { schedule: schedule(fields), timeZone: zone };
    findCollision(job, spec, from, 366 * DAY);
    const samples: number[] = [];
    for (let round = 0; round < 7; round++) {
      const start = performance.now();
      findCollision(job, spec, from, 366 * DAY);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    lines.push(`findCollision ${name}: ${(samples[3] * 1000).toFixed(0)} µs`);
  }
  return lines;
}

if (require.main === module) benchWindows().forEach((line) => console.log(line));
