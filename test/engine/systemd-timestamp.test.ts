// parseSystemdTimestamp (--base-time) against `systemd-analyze timestamp` 252: recorded UNIX times for the
// absolute forms in three zones (DST gap and overlap in Berlin), and, where systemd-analyze is on the machine,
// the forms relative to the clock compared with it run at the same moment. Zones are read as glibc reads TZ
// (zone file, POSIX string, else UTC), from this machine's zoneinfo when it has one.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { resolveLocalZone } from '../../server/src/engine/systemd/calendar-spec';
import { parseSystemdTimestamp } from '../../server/src/engine/systemd/timestamp';
import type { ZoneRules } from '../../server/src/engine/time/zone-rules';
import { tzifZoneSource } from '../../server/src/engine/time/zone-source';

const zoneFiles = fs.existsSync('/usr/share/zoneinfo/Europe/Dublin') ? tzifZoneSource((file) => (fs.existsSync(file) ? fs.readFileSync(file) : undefined)) : undefined;
const rules = (zone: string): ZoneRules => resolveLocalZone({ zone, ...(zoneFiles ? { zones: zoneFiles } : {}) });
/** Zones whose rules only the zone files have right (Intl marks Dublin's summer, not its winter, as DST). */
const NEEDS_ZONE_FILES = new Set(['Europe/Dublin']);

// zone, text, UNIX seconds from systemd-analyze timestamp (undefined: refused).
const RECORDED: [string, string, number | undefined][] = [
  ['UTC', '2026-03-29 02:30', 1774751400],
  ['UTC', '2026-07-01', 1782864000],
  ['UTC', 'Wed 2026-07-01 12:00:00.5', 1782907200.5],
  ['UTC', '99-12-31 23:59:59', 946684799],
  ['UTC', '2026-02-30 10:00', 1772445600],
  ['UTC', '@1800000000', 1800000000],
  ['UTC', '@1800000000s', 1800000000],
  ['UTC', '70-01-01', 0],
  ['UTC', '2026-01-01 23:59:60', 1767312000],
  ['UTC', 'monday 2026-01-05', 1767571200],
  ['UTC', '2026-1-1 1:2', 1767229320],
  ['Europe/Berlin', '2026-03-29 02:30', 1774747800],
  ['Europe/Berlin', '2026-10-25 02:30', 1792891800],
  ['Europe/Berlin', '2026-07-01', 1782856800],
  ['America/New_York', '2026-03-08 02:30', 1772955000],
  ['America/New_York', '2026-11-01 01:30', 1793511000],
  ['Australia/Sydney', '2026-10-04 02:30', 1791045000],
  ['Australia/Sydney', '2026-04-05 02:30', 1775320200],
  ['Europe/Berlin', '2026-07-01 10:00 UTC', 1782900000],
  ['Asia/Tokyo', 'Wed 2026-07-01 12:00:00.5', 1782874800.5],
  ['Asia/Tokyo', '2026-02-30 10:00', 1772413200],
  // Seconds 60 and 61 (strptime's %S) are carried into the next minute by mktime; 62 is refused.
  ['UTC', '2026-01-01 10:00:61', 1767261661],
  ['Europe/Berlin', '2026-12-31 23:59:61', 1798758001],
  ['UTC', '2026-01-01 10:00:62', undefined],
  // Dublin keeps winter (GMT) as its daylight-saving time and summer (IST) as standard: a wall time in the
  // spring gap comes out an hour earlier, at 00:30 GMT, where Berlin's moves an hour later.
  ['Europe/Dublin', '2026-03-29 01:30', 1774744200],
  ['Europe/Dublin', '2026-03-29 02:30', 1774747800],
  ['Europe/Dublin', '2026-10-25 01:30', 1792891800],
  ['Europe/Dublin', '2026-07-01 12:00', 1782903600],
  // TZ as glibc reads it: a POSIX string, and a name with no zone file (UTC).
  ['JST-9', '2026-01-01 00:00', 1767193200],
  ['CET-1CEST,M3.5.0,M10.5.0/3', '2026-07-01 00:00', 1782856800],
  ['europe/berlin', '2026-01-01 00:00', 1767225600],
  ['UTC', 'Mon 2026-01-01', undefined],
  // ` UTC` only after a date, a time or a day word; the words themselves only in lower case.
  ['UTC', 'now UTC', undefined],
  ['UTC', '+1h UTC', undefined],
  ['UTC', 'NOW', undefined],
  ['UTC', 'TODAY', undefined],
  ['UTC', '1h AGO', undefined],
  ['UTC', '2026-01-01 24:00', undefined],
  ['UTC', '2026-01-01 23:60', undefined],
  ['UTC', '69-01-01', undefined],
  ['UTC', '2026-01-01T10:00:00', undefined],
  ['UTC', '2026-01-01 10', undefined],
  ['UTC', '20260101', undefined],
  ['UTC', ' now', undefined],
  ['UTC', 'now ', undefined],
  ['UTC', '@-5', undefined],
  ['UTC', '@1e3', undefined],
  ['UTC', '+infinity', undefined],
  ['UTC', '1h', undefined],
  ['UTC', 'today +1h', undefined],
  ['UTC', 'yesterday 10:00', undefined],
];

function systemdAnalyze(text: string, zone: string): number | undefined | null {
  const run = spawnSync('systemd-analyze', ['timestamp', '--', text], { encoding: 'utf8', env: { ...process.env, TZ: zone } });
  if (run.error) return null;
  const unix = /UNIX seconds: @([\d.]+)/.exec(run.stdout);
  return unix ? Number(unix[1]) : undefined;
}

test('parseSystemdTimestamp: the absolute forms as systemd-analyze timestamp reads them', () => {
  for (const [zone, text, seconds] of RECORDED) {
    const real = systemdAnalyze(text, zone);
    if (real !== null) assert.equal(real, seconds, `the recording of ${zone} ${JSON.stringify(text)} still holds`);
    if (NEEDS_ZONE_FILES.has(zone) && !zoneFiles) continue;
    const ours = parseSystemdTimestamp(text, Date.UTC(2026, 11, 7, 12), rules(zone));
    assert.equal(ours === undefined ? undefined : ours / 1000, seconds, `${zone} ${JSON.stringify(text)}`);
  }
});

test('parseSystemdTimestamp: the forms relative to the clock', () => {
  const now = Date.UTC(2026, 11, 7, 12, 34, 56);
  const cases: [string, string, number][] = [
    ['UTC', 'now', now],
    ['UTC', 'today', Date.UTC(2026, 11, 7)],
    ['UTC', 'tomorrow', Date.UTC(2026, 11, 8)],
    ['UTC', 'yesterday', Date.UTC(2026, 11, 6)],
    ['Asia/Tokyo', 'today', Date.UTC(2026, 11, 6, 15)],
    ['Asia/Tokyo', 'today UTC', Date.UTC(2026, 11, 7)],
    ['UTC', '+1h', now + 3_600_000],
    ['UTC', '-1h 30min', now - 5_400_000],
    ['UTC', '+5', now + 5000],
    ['UTC', '90min ago', now - 5_400_000],
    ['UTC', '2h left', now + 7_200_000],
    ['UTC', '10:00', Date.UTC(2026, 11, 7, 10)],
    ['UTC', 'Mon 10:00', Date.UTC(2026, 11, 7, 10)],
  ];
  for (const [zone, text, expected] of cases) assert.equal(parseSystemdTimestamp(text, now, rules(zone)), expected, `${zone} ${text}`);
  assert.equal(parseSystemdTimestamp('Tue 10:00', now, rules('UTC')), undefined, 'a weekday that is not today');
  // The same instants as systemd's own clock gives them (a run across a second or midnight may differ).
  for (const text of ['today', 'tomorrow', 'yesterday', '+1h', '1h ago']) {
    const before = Date.now();
    const real = systemdAnalyze(text, 'Europe/Berlin');
    if (real === null) return;
    const ours = parseSystemdTimestamp(text, before, rules('Europe/Berlin'))!;
    assert.ok(Math.abs(ours / 1000 - real!) < 5, `${text}: ${ours / 1000} vs ${real}`);
  }
});
