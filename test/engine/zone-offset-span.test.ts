// zoneOffsetSpan (time/zone.ts), which `schedlint cron` uses to write a day's rows without a conversion each,
// held to zoneOffset: the offset it gives is zoneOffset's at the instant, and zoneOffset gives that same offset
// everywhere in the span (its ends, and instants inside); with zone rules from the zoneinfo files the spans are
// long (a DST period, or years), from Intl a second.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { zoneOffset, zoneOffsetSpan } from '../../server/src/engine/time/zone';
import { tzifZoneSource, useZoneSource } from '../../server/src/engine/time/zone-source';
import { Random } from '../support/random';

const ZONES = ['UTC', 'Asia/Tokyo', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Sao_Paulo'];
const YEAR_MS = 365.25 * 86_400_000;

/** The median length of the spans seen, in milliseconds. */
function check(random: Random, instants: number): number {
  const lengths: number[] = [];
  for (const zone of ZONES) {
    for (let index = 0; index < instants; index++) {
      const instant = Math.round((random.next() * 300 - 130) * YEAR_MS) + (random.chance(0.5) ? 0 : random.int(1000));
      const span = zoneOffsetSpan(instant, zone);
      const label = `${zone} ${new Date(instant).toISOString()} [${span.start}, ${span.end})`;
      assert.equal(span.offset, zoneOffset(instant, zone), label);
      assert.ok(span.start <= instant && instant < span.end, label);
      // Infinite ends are sampled 200 years out.
      const start = Math.max(span.start, instant - 200 * YEAR_MS);
      const end = Math.min(span.end, instant + 200 * YEAR_MS);
      for (const inside of [start, end - 1, ...Array.from({ length: 8 }, () => start + Math.floor(random.next() * (end - start)))]) {
        assert.equal(zoneOffset(inside, zone), span.offset, `${label} at ${new Date(inside).toISOString()}`);
      }
      if (zone !== 'UTC') lengths.push(span.end - span.start);
    }
  }
  return lengths.sort((a, b) => a - b)[lengths.length >> 1];
}

test('zoneOffsetSpan gives zoneOffset and a span where it holds (zone rules from Intl: a second)', () => {
  useZoneSource(undefined);
  assert.equal(check(new Random(71), 150), 1000);
});

test('zoneOffsetSpan gives zoneOffset and a span where it holds (zone rules from the zoneinfo files)', { skip: fs.existsSync('/usr/share/zoneinfo/Europe/Berlin') ? false : 'no /usr/share/zoneinfo here' }, () => {
  useZoneSource(tzifZoneSource((file) => (fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : undefined)));
  try {
    assert.ok(check(new Random(72), 400) > 100 * 86_400_000, 'spans of months at least');
  } finally {
    useZoneSource(undefined);
  }
});
