// Wall-clock arithmetic across daylight saving changes, and cron's behaviour there.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { nextRuns } from '../../server/src/engine/crontab/next-runs';
import { formatIsoInZone, fromLocal, toLocal, zoneOffset } from '../../server/src/engine/time/zone';
import { tzifZoneSource, useZoneSource } from '../../server/src/engine/time/zone-source';

function runs(expression: string, afterIso: string, count: number, zone: string): string[] {
  const [line] = parseCrontab(`${expression} /bin/true\n`, 'crontab-user', 'debian').lines;
  assert.ok(line.type === 'job' && line.schedule);
  return nextRuns(line.schedule, Date.parse(afterIso), count, zone).map((instant) => formatIsoInZone(instant, zone));
}

test('local ↔ instant in Tokyo (no DST)', () => {
  const instant = fromLocal(2026, 12, 1, 1, 39, 'Asia/Tokyo');
  assert.equal(new Date(instant).toISOString(), '2026-11-30T16:39:00.000Z');
  assert.deepEqual(toLocal(instant, 'Asia/Tokyo'), { year: 2026, month: 12, day: 1, hour: 1, minute: 39, second: 0, weekday: 2 });
});

test('spring forward in Berlin: a job inside the gap runs right after it', () => {
  // 2026-03-29 02:00 CET → 03:00 CEST; 02:30 does not exist.
  assert.deepEqual(runs('30 2 * * *', '2026-03-28T12:00:00Z', 3, 'Europe/Berlin'), ['2026-03-29T03:00:00+02:00', '2026-03-30T02:30:00+02:00', '2026-03-31T02:30:00+02:00']);
});

test('fall back in Berlin: a fixed-time job inside the repeated hour runs once', () => {
  // 2026-10-25 03:00 CEST → 02:00 CET; 02:30 happens twice.
  assert.deepEqual(runs('30 2 * * *', '2026-10-24T12:00:00Z', 2, 'Europe/Berlin'), ['2026-10-25T02:30:00+02:00', '2026-10-26T02:30:00+01:00']);
});

test('UTC and the OR/AND day rule', () => {
  assert.deepEqual(runs('0 0 1 * 1', '2026-11-25T00:00:00Z', 3, 'UTC'), ['2026-11-30T00:00:00+00:00', '2026-12-01T00:00:00+00:00', '2026-12-07T00:00:00+00:00']);
  assert.deepEqual(runs('0 0 */2 * 1', '2026-11-25T00:00:00Z', 2, 'UTC'), ['2026-12-07T00:00:00+00:00', '2026-12-21T00:00:00+00:00']);
  assert.deepEqual(runs('0 12 29 2 *', '2026-11-25T00:00:00Z', 1, 'UTC'), ['2028-02-29T12:00:00+00:00']);
  assert.deepEqual(runs('0 0 30 2 *', '2026-11-25T00:00:00Z', 1, 'UTC'), []);
});

test('zoneinfo files registered for the process give the same wall clock as Intl (the server uses them)', (context) => {
  if (!fs.existsSync('/usr/share/zoneinfo/Europe/Berlin')) return context.skip('no /usr/share/zoneinfo on this machine');
  const expected = (instant: number, zone: string) => [toLocal(instant, zone), zoneOffset(instant, zone)];
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Asia/Kolkata'];
  const instants: number[] = [];
  for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 3 * 3600_000 + 17 * 60_000) instants.push(instant);
  const intl = zones.map((zone) => instants.map((instant) => expected(instant, zone)));
  useZoneSource(tzifZoneSource((file) => (fs.existsSync(file) ? fs.readFileSync(file) : undefined)));
  try {
    assert.deepEqual(zones.map((zone) => instants.map((instant) => expected(instant, zone))), intl);
  } finally {
    useZoneSource(undefined);
  }
});
