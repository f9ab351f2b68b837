// The calendar search's shortcut (systemd/calendar-shortcut.ts) against the general search it short-cuts
// (calendar-search.ts, systemd's find_next step by step): the same elapses, and the same end, on random
// expressions in zones with clock changes (Europe/Berlin, America/New_York, Australia/Lord_Howe's half hour),
// with their own zones and standard/daylight suffixes, from base times on and around the changes, up to the
// end of systemd's years. Also the zone spans the shortcut and the clock rest on (ZoneRules.stableSpan).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { parseCalendar } from '../../server/src/engine/systemd/calendar';
import { firstMatch } from '../../server/src/engine/systemd/calendar-shortcut';
import { searchElapses, shortcutStats } from '../../server/src/engine/systemd/calendar-search';
import { GlibcClock, Tm } from '../../server/src/engine/systemd/glibc-time';
import type { ZoneRules, ZoneSource } from '../../server/src/engine/time/zone-rules';
import { localZoneRules, tzifZoneSource } from '../../server/src/engine/time/zone-source';
import { PosixZoneRules } from '../../server/src/engine/time/posix-tz';
import { repoPath } from '../support/paths';
import { Random } from '../support/random';
import { randomCalendarExpression } from '../support/random-calendar';

// The zone files systemd-analyze read for the oracle table (test/oracles/systemd-calendar.json).
const table = JSON.parse(fs.readFileSync(repoPath('test', 'oracles', 'systemd-calendar.json'), 'utf8')) as { zones: Record<string, string> };
const ZONEINFO = '/usr/share/zoneinfo/';
const zones: ZoneSource = tzifZoneSource((path) => {
  const data = path.startsWith(ZONEINFO) ? table.zones[path.slice(ZONEINFO.length)] : undefined;
  return data === undefined ? undefined : new Uint8Array(Buffer.from(data, 'base64'));
});

const LOCAL_ZONES = ['UTC', 'Asia/Tokyo', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'CET-1CEST,M3.5.0,M10.5.0/3', 'EST5EDT,M3.2.0,M11.1.0'];

/** A base time: anywhere from 1971 to 2199, or within days of a clock change in the zones above. */
function randomBase(random: Random): number {
  if (random.chance(0.3)) return Math.floor(random.next() * (7_258_118_400 - 31_536_000) + 31_536_000) * 1_000_000;
  const year = 2000 + random.int(140);
  const month = random.pick([2, 3, 9, 10, 3, 4]);
  return (Date.UTC(year, month, 1) / 1000 + random.int(40 * 86_400)) * 1_000_000 + random.int(1_000_000);
}

test('the shortcut gives the general search’s elapses and end, on random expressions, zones and base times', () => {
  const random = new Random(20);
  let cases = 0;
  let elapses = 0;
  const takenBefore = shortcutStats.taken;
  for (let round = 0; round < 1500; round++) {
    const expression = randomCalendarExpression(random);
    const zone = random.pick(LOCAL_ZONES);
    const options = { zone, zones };
    const parsed = parseCalendar(expression, options);
    if (!parsed.ok) continue;
    const base = randomBase(random);
    const count = random.pick([2, 50, 300]);
    const fast = searchElapses(parsed.spec, base, count, options);
    const general = searchElapses(parsed.spec, base, count, options, false);
    assert.deepEqual(fast, general, `${expression} TZ=${zone} base ${new Date(base / 1000).toISOString()}`);
    cases++;
    elapses += general.elapses.length;
  }
  assert.ok(cases > 900, `${cases} of 1500 random expressions parsed`);
  // The comparison means something only when the shortcut ran for much of it.
  const taken = shortcutStats.taken - takenBefore;
  assert.ok(taken > elapses / 3, `the shortcut gave ${taken} of ${elapses} elapses`);
});

test('the bench list and the oracle expressions: shortcut and general search agree, in Tokyo and Berlin', () => {
  const expressions = fs
    .readFileSync(repoPath('bench', 'lists', 'calendar.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t')[0]);
  const base = Date.UTC(2026, 10, 25, 10, 17) * 1000;
  for (const zone of ['Asia/Tokyo', 'Europe/Berlin', 'Australia/Lord_Howe']) {
    for (const expression of expressions) {
      const options = { zone, zones };
      const parsed = parseCalendar(expression, options);
      assert.ok(parsed.ok, expression);
      const before = shortcutStats.taken;
      assert.deepEqual(searchElapses(parsed.spec, base, 1000, options), searchElapses(parsed.spec, base, 1000, options, false), `${expression} TZ=${zone}`);
      assert.ok(shortcutStats.taken - before > 500, `${expression} TZ=${zone}: the shortcut gave ${shortcutStats.taken - before} of 1000`);
    }
  }
});

test('expressions whose repetition overflows a field take the general search, which skips what systemd skips', () => {
  // `0/7` hours: 21:00, then 28:00 = 04:00 on the next day; at a month's end systemd goes on from 04:00 of
  // the 1st (tm_within_bounds restarts the day, not the hour), so midnight of the 1st never elapses: 07:00 does.
  const options = { zone: 'UTC', zones };
  const parsed = parseCalendar('*-*-* 0/7:00', options);
  assert.ok(parsed.ok);
  const before = shortcutStats.taken;
  const search = searchElapses(parsed.spec, Date.UTC(2026, 10, 30, 22) * 1000, 2, options);
  assert.equal(shortcutStats.taken, before);
  assert.deepEqual(search.elapses, [Date.UTC(2026, 11, 1, 7) * 1000, Date.UTC(2026, 11, 1, 14) * 1000]);
});

test('firstMatch is find_matching_component: the first value at or after the one given', () => {
  const chain = [
    { start: 5, stop: -1, repeat: 0, from: 0, to: 0 },
    { start: 10, stop: 30, repeat: 7, from: 0, to: 0 },
  ];
  assert.deepEqual(
    [0, 5, 6, 11, 17, 18, 24, 25, 31].map((value) => firstMatch(chain, value)),
    [5, 5, 10, 17, 17, 24, 24, -1, -1],
  );
});

/** Every stable span holds one type: at its ends and at random instants inside, typeAt says what it says at t. */
function checkSpans(rules: ZoneRules, random: Random, label: string): number {
  let checked = 0;
  for (let round = 0; round < 400; round++) {
    const t = random.chance(0.5) ? Math.floor(random.next() * 7_258_118_400) : Math.floor(random.next() * 4_000_000_000) - 2_000_000_000;
    const span = rules.stableSpan!(t);
    assert.ok(span.start <= t && t < span.end, `${label}: ${t} outside its span [${span.start}, ${span.end})`);
    const type = rules.typeAt(t);
    // Its ends, and instants within months either side of t (spans can be endless).
    const probes = [span.start, span.end - 1, ...Array.from({ length: 20 }, () => t + Math.floor((random.next() - 0.5) * 4e7))];
    for (const probe of probes) {
      if (!Number.isFinite(probe) || probe < span.start || probe >= span.end) continue;
      assert.deepEqual(rules.typeAt(probe), type, `${label}: type at ${probe} differs from ${t} within [${span.start}, ${span.end})`);
      checked++;
    }
    // Within a TZif file's table a span ends where the type changes (a POSIX rule, also the footer's past the
    // table, cuts its spans at the turn of the UTC year too).
    if (Number.isFinite(span.end) && span.end < 2_100_000_000 && !(rules instanceof PosixZoneRules)) assert.notDeepEqual(rules.typeAt(span.end), type, `${label}: no change at ${span.end}`);
  }
  return checked;
}

test('stable spans hold one type (TZif files, their POSIX footers, POSIX TZ strings, UTC)', () => {
  const random = new Random(252);
  for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Tokyo', 'Europe/Dublin', 'Pacific/Auckland', 'UTC', 'CET-1CEST,M3.5.0,M10.5.0/3', 'AEST-10AEDT,M10.1.0,M4.1.0/3', 'JST-9']) {
    const rules = localZoneRules(zone, zones);
    assert.ok(rules.stableSpan, zone);
    assert.ok(checkSpans(rules, random, zone) > 2000, zone);
  }
});

test('the clock converts an instant the same with and without its remembered span', () => {
  const random = new Random(7);
  for (const zone of ['Europe/Berlin', 'Australia/Lord_Howe', 'EST5EDT,M3.2.0,M11.1.0']) {
    const rules = localZoneRules(zone, zones);
    const clock = new GlibcClock(rules);
    // A clock over rules without spans: it looks every instant up.
    const plain = new GlibcClock({ name: rules.name, tzname: rules.tzname, utcLike: rules.utcLike, typeAt: (t) => rules.typeAt(t) });
    let t = Date.UTC(2026, 0, 1) / 1000;
    for (let step = 0; step < 5000; step++) {
      t += random.int(random.chance(0.5) ? 3600 : 40 * 86_400) - 1800;
      const a = new Tm();
      const b = new Tm();
      clock.convert(t, a);
      plain.convert(t, b);
      assert.deepEqual(a, b, `${zone} at ${t}`);
    }
  }
});
