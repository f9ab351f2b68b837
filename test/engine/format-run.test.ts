// RunTimeFormatter (time/format-run.ts), the date part kept while the local day is the same, held to
// formatRunTime on runs as `schedlint cron` prints them (ascending, a minute to months apart) and on jumps back,
// in zones with and without clock changes (Lord Howe moves by 30 minutes), in both languages, with zone rules
// from Intl and from the machine's zoneinfo files.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { formatRunTime, RunTimeFormatter } from '../../server/src/engine/time/format-run';
import { tzifZoneSource, useZoneSource } from '../../server/src/engine/time/zone-source';
import { Random } from '../support/random';

const ZONES = ['UTC', 'Asia/Tokyo', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];

function compare(random: Random): number {
  let sameDay = 0;
  for (const zone of ZONES) {
    for (const locale of ['en', 'ja'] as const) {
      const formatter = new RunTimeFormatter(zone, locale);
      let instant = Date.UTC(2026, 0, 1) + random.int(400) * 86_400_000;
      let previous = '';
      for (let run = 0; run < 3000; run++) {
        // Whole minutes, as cron runs; now and then a jump back, or across a clock change.
        instant += random.chance(0.02) ? -random.int(90) * 86_400_000 : random.pick([1, 5, 30, 60, 61, 1439, 1440, 43_200]) * 60_000;
        const expected = formatRunTime(instant, zone, locale);
        assert.equal(formatter.format(instant), expected, `${zone} ${locale} ${new Date(instant).toISOString()}`);
        if (expected.slice(0, -5) === previous.slice(0, -5)) sameDay++;
        previous = expected;
      }
    }
  }
  return sameDay;
}

test('RunTimeFormatter writes what formatRunTime writes (zone rules from Intl)', () => {
  useZoneSource(undefined);
  assert.ok(compare(new Random(61)) > 10_000, 'runs within one day, where the kept date part is used');
});

test('RunTimeFormatter writes what formatRunTime writes (zone rules from the zoneinfo files)', { skip: fs.existsSync('/usr/share/zoneinfo/Europe/Berlin') ? false : 'no /usr/share/zoneinfo here' }, () => {
  useZoneSource(tzifZoneSource((file) => new Uint8Array(fs.readFileSync(file))));
  try {
    assert.ok(compare(new Random(62)) > 10_000);
  } finally {
    useZoneSource(undefined);
  }
});
