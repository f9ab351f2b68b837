// The rows of elapses in `systemd-analyze calendar`'s report (calendar-report.ts writes them as bytes, each
// from its day's text and the seconds since local midnight while the zone's type holds) against the plain way:
// localtime() of every elapse (GlibcClock.convert) printed as format_timestamp() does. Random expressions,
// base times around clock changes, zones from TZif files, POSIX TZ strings and Intl (which gives no spans, so
// every row converts), and local zones that are UTC (no "(in UTC):" rows).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { parseCalendar } from '../../server/src/engine/systemd/calendar';
import { formatCalendarReport } from '../../server/src/engine/systemd/calendar-report';
import { searchElapses } from '../../server/src/engine/systemd/calendar-search';
import { resolveLocalZone } from '../../server/src/engine/systemd/calendar-spec';
import { GlibcClock, Tm } from '../../server/src/engine/systemd/glibc-time';
import type { ZoneRules, ZoneSource } from '../../server/src/engine/time/zone-rules';
import { escapeControls } from '../../server/src/engine/util/visible';
import { intlZoneSource, tzifZoneSource } from '../../server/src/engine/time/zone-source';
import { repoPath } from '../support/paths';
import { Random } from '../support/random';
import { randomCalendarExpression } from '../support/random-calendar';

const table = JSON.parse(fs.readFileSync(repoPath('test', 'oracles', 'systemd-calendar.json'), 'utf8')) as { zones: Record<string, string> };
const ZONEINFO = '/usr/share/zoneinfo/';
const tzif: ZoneSource = tzifZoneSource((path) => {
  const data = path.startsWith(ZONEINFO) ? table.zones[path.slice(ZONEINFO.length)] : undefined;
  return data === undefined ? undefined : new Uint8Array(Buffer.from(data, 'base64'));
});

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** format_timestamp() of one elapse, from a conversion. */
function timestamp(clock: GlibcClock, usec: number, utc: boolean): string {
  const tm = new Tm();
  clock.convert(Math.floor(usec / 1_000_000), tm);
  const text = `${WEEKDAYS[tm.wday]} ${pad(tm.year + 1900, 4)}-${pad(tm.mon + 1)}-${pad(tm.mday)} ${pad(tm.hour)}:${pad(tm.min)}:${pad(tm.sec)}`;
  return utc ? `${text} UTC` : tm.zone ? `${text} ${tm.zone}` : text;
}

/** The rows formatCalendarReport prints, and the rows converting every elapse gives. */
function bothRows(expression: string, zone: string, source: ZoneSource, baseTime: number, iterations: number): { printed: string[]; expected: string[] } | undefined {
  const options = { zone, zones: source };
  const parsed = parseCalendar(expression, options);
  if (!parsed.ok) return undefined;
  const search = searchElapses(parsed.spec, baseTime * 1000, iterations, options);
  if (search.stop === 'infinite-loop' || search.stop === 'invalid') return undefined;
  const report = formatCalendarReport(expression, { ...options, baseTime, iterations });
  const local = resolveLocalZone(options);
  const localClock = new GlibcClock(local);
  const utcClock = new GlibcClock(undefined);
  const width = Math.max(16, `Iter. #${search.elapses.length}:`.length);
  const expected: string[] = [];
  search.elapses.forEach((usec, index) => {
    expected.push(`${(index === 0 ? 'Next elapse:' : `Iter. #${index + 1}:`).padStart(width)} ${timestamp(localClock, usec, false)}`);
    if (!local.utcLike) expected.push(`${'(in UTC):'.padStart(width)} ${timestamp(utcClock, usec, true)}`);
  });
  const printed = report.stdout.split('\n').filter((line) => /^ *(Next elapse|Iter\. #\d+|\(in UTC\)):/.test(line) && !line.endsWith(' never'));
  return { printed, expected };
}

test('report rows across clock changes: the same text as converting every elapse', () => {
  // Days before the changes of 2026 (Europe, America, Lord Howe's half hour) and of 2045 (past the TZif
  // tables, from their POSIX rules): elapses on both sides of a change within one local day.
  const bases = ['2026-03-27', '2026-10-23', '2026-03-06', '2026-10-30', '2026-04-03', '2026-10-02', '2045-03-24', '2045-10-27'].map((day) => Date.parse(`${day}T00:00:00Z`));
  const zones: [string, ZoneSource][] = [
    ['Europe/Berlin', tzif],
    ['America/New_York', tzif],
    ['Australia/Lord_Howe', tzif],
    ['CET-1CEST,M3.5.0,M10.5.0/3', tzif],
    ['Europe/Berlin', intlZoneSource],
  ];
  let rows = 0;
  for (const [zone, source] of zones) {
    for (const base of bases) {
      for (const expression of ['*:0/20', 'hourly', '*-*-* 0/1:30', '*-*-* 01..04:*:0/30']) {
        const both = bothRows(expression, zone, source, base, 400);
        assert.ok(both, expression);
        assert.deepEqual(both.printed, both.expected, `${expression} TZ=${zone} base ${new Date(base).toISOString()}`);
        rows += both.expected.length;
      }
    }
  }
  assert.ok(rows > 50_000, `${rows} rows compared`);
});

test('report rows: the same text as converting every elapse, in TZif, POSIX and Intl zones', () => {
  const random = new Random(34_000);
  const zones: [string, ZoneSource][] = [
    ['Europe/Berlin', tzif],
    ['Australia/Lord_Howe', tzif],
    ['America/New_York', tzif],
    ['Asia/Tokyo', tzif],
    ['UTC', tzif],
    ['CET-1CEST,M3.5.0,M10.5.0/3', tzif],
    ['Europe/Berlin', intlZoneSource],
    ['America/New_York', intlZoneSource],
  ];
  let rows = 0;
  for (let round = 0; round < 300; round++) {
    const expression = randomCalendarExpression(random);
    const [zone, source] = random.pick(zones);
    const year = 2000 + random.int(150);
    const baseTime = Date.UTC(year, random.pick([2, 3, 9, 10]), 1 + random.int(28), random.int(24), random.int(60));
    const both = bothRows(expression, zone, source, baseTime, random.pick([1, 40, 200]));
    if (!both) continue;
    assert.deepEqual(both.printed, both.expected, `${expression} TZ=${zone} base ${new Date(baseTime).toISOString()}`);
    rows += both.expected.length;
  }
  assert.ok(rows > 10_000, `${rows} rows compared`);
});

test('report: plainFrom marks where the rows begin, only when no zone abbreviation needs escaping', () => {
  const baseTime = Date.parse('2026-11-25T10:17:00Z');
  const zone = (abbreviation: string, spans: boolean): ZoneRules => ({
    name: 'Test/Zone',
    tzname: [abbreviation, abbreviation],
    utcLike: false,
    typeAt: () => ({ offset: 3600, isdst: false, abbreviation }),
    ...(spans ? { stableSpan: () => ({ start: -Infinity, end: Infinity }) } : {}),
  });
  for (const spans of [true, false]) {
    // A date in the past: the report says `never` and has no rows to mark.
    const never = formatCalendarReport('2020-01-01', { zone: zone('TST', spans), baseTime, iterations: 3 });
    assert.ok(never.ok && never.stdout.includes('Next elapse: never'));
    assert.equal(never.plainFrom, undefined);
    const report = formatCalendarReport('daily', { zone: zone('TST', spans), baseTime, iterations: 3 });
    assert.ok(report.plainFrom !== undefined);
    assert.equal(report.stdout.slice(0, report.plainFrom), '  Original form: daily\nNormalized form: *-*-* 00:00:00\n');
    assert.match(report.stdout.slice(report.plainFrom), /^    Next elapse: Thu 2026-11-26 00:00:00 TST\n/);
    assert.equal(escapeControls(report.stdout), report.stdout);
    // An abbreviation that would clear a terminal: the whole text is left for the printer to escape.
    const hostile = formatCalendarReport('daily', { zone: zone('T\u001b[2JT', spans), baseTime, iterations: 3 });
    assert.equal(hostile.plainFrom, undefined);
    assert.notEqual(escapeControls(hostile.stdout), hostile.stdout);
  }
  // A local zone that is UTC prints no "(in UTC)" rows; its rows are plain too.
  const utc = formatCalendarReport('daily', { zone: 'UTC', baseTime, iterations: 2 });
  assert.equal(utc.stdout.slice(utc.plainFrom), '    Next elapse: Thu 2026-11-26 00:00:00 UTC\n       Iter. #2: Fri 2026-11-27 00:00:00 UTC\n');
});
