// The systemd calendar and time span engine against the real systemd-analyze (systemd 252, Debian 12),
// from the table test/oracles/systemd-calendar.json that scripts/oracles/systemd-calendar.mjs writes.
// Every case is compared: validity (and the errno text systemd prints), the normalized form, the elapses
// to the second in the case's TZ, how the search ends ("never", systemd's "Infinite loop" error), and for
// some cases the whole `systemd-analyze calendar` output. The zones are the TZif files systemd used,
// embedded in the table; a second pass computes with Intl instead (no zoneinfo needed) and reports how far
// that fallback agrees. Disagreements may only be listed below as known differences, with the reason.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { parseCalendar } from '../../server/src/engine/systemd/calendar';
import { searchElapses } from '../../server/src/engine/systemd/calendar-search';
import { formatCalendarReport } from '../../server/src/engine/systemd/calendar-report';
import { formatTimespan, parseTimespan } from '../../server/src/engine/systemd/timespan';
import type { ZoneSource } from '../../server/src/engine/time/zone-rules';
import { intlZoneSource, localZoneRules, tzifZoneSource } from '../../server/src/engine/time/zone-source';
import { repoPath } from '../support/paths';

interface CalendarCase {
  group: string;
  expression: string;
  tz: string;
  base: string;
  iterations: number;
  valid: boolean;
  normalized?: string;
  elapses?: string[];
  end?: 'never' | 'error';
  error?: string;
  report?: string;
  stderr?: string;
}

interface LongRun extends Omit<CalendarCase, 'elapses' | 'report' | 'stderr'> {
  count: number;
  deltas: number[];
}

interface TimespanCase {
  text: string;
  valid: boolean;
  usec?: string;
  human?: string;
  error?: string;
  report?: string;
}

interface OracleTable {
  oracle: string;
  /** What a case leaves out: its base time and number of iterations. */
  defaults: { base: string; iterations: number };
  glibc: string;
  tzdata: string;
  zones: Record<string, string>;
  calendar: CalendarCase[];
  long: LongRun[];
  timespans: TimespanCase[];
}

const table = JSON.parse(fs.readFileSync(repoPath('test', 'oracles', 'systemd-calendar.json'), 'utf8')) as OracleTable;
for (const entry of [...table.calendar, ...table.long]) {
  entry.base ??= table.defaults.base;
  entry.iterations ??= table.defaults.iterations;
}

// The zone files systemd-analyze read, as a zone source.
const ZONEINFO = '/usr/share/zoneinfo/';
const embeddedZones: ZoneSource = tzifZoneSource((path) => {
  const data = path.startsWith(ZONEINFO) ? table.zones[path.slice(ZONEINFO.length)] : undefined;
  return data === undefined ? undefined : new Uint8Array(Buffer.from(data, 'base64'));
});

/**
 * Known differences: cases where our engine and systemd disagree, each with its reason. Keyed by
 * `expression|tz|base`. Empty for the exact (TZif) engine.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {};

/**
 * Known differences of the Intl fallback (no zoneinfo): ICU has the offsets but not tzdata's DST flags and
 * abbreviations, which glibc uses in two places systemd depends on.
 */
const KNOWN_INTL_DIFFERENCES: Record<string, string> = {
  // glibc's tzname for Asia/Tokyo is JST/JDT (the latest daylight type in the file, from 1951); ICU has no
  // name for that period, so the fallback calls it "+10" and `JDT` is not recognized as a suffix.
  'daily JDT|Asia/Tokyo|2026-11-25 10:17:00 UTC': 'tzname[1] of Asia/Tokyo is JDT in glibc, "+10" from Intl',
  // tzdata gives Europe/Dublin negative DST: winter GMT is the "daylight" type and summer IST standard time.
  // ICU names summer "Irish Standard Time" and winter "Greenwich Mean Time", so the fallback sees no DST
  // flag at all, and mktime resolves the repeated hour of the October change the other way.
  '*-*-* 01:30 Europe/Dublin|Europe/Berlin|2026-10-25 00:17:00 UTC': 'Europe/Dublin DST flags (negative DST) are not in ICU',
};

const key = (entry: { expression: string; tz: string; base: string }): string => `${entry.expression}|${entry.tz}|${entry.base}`;
const baseUsec = (base: string): number => Date.parse(base.replace(' UTC', 'Z').replace(' ', 'T')) * 1000;
const STRERROR: Record<string, string> = { EINVAL: 'Invalid argument', ERANGE: 'Numerical result out of range', ENOBUFS: 'No buffer space available' };
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function isoIn(usec: number, tz: string, zones: ZoneSource): string {
  const seconds = Math.floor(usec / 1_000_000);
  const offset = localZoneRules(tz, zones).typeAt(seconds).offset;
  const wall = new Date((seconds + offset) * 1000);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60;
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T` +
    `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
  );
}

/** Ours for one case, in the table's terms. */
function ours(entry: { expression: string; tz: string; base: string; iterations: number }, zones: ZoneSource): Omit<CalendarCase, 'group' | 'report' | 'stderr'> {
  const options = { zone: entry.tz, zones };
  const parsed = parseCalendar(entry.expression, options);
  const result: Omit<CalendarCase, 'group' | 'report' | 'stderr'> = { expression: entry.expression, tz: entry.tz, base: entry.base, iterations: entry.iterations, valid: parsed.ok };
  if (!parsed.ok) return { ...result, error: STRERROR[parsed.error.errno] };
  const search = searchElapses(parsed.spec, baseUsec(entry.base), entry.iterations, options);
  result.normalized = parsed.normalized;
  result.elapses = search.elapses.map((usec) => isoIn(usec, entry.tz, zones));
  if (search.stop === 'never') result.end = 'never';
  if (search.stop === 'infinite-loop') {
    result.end = 'error';
    result.error = 'Resource deadlock avoided';
  } else if (search.stop === 'invalid') {
    result.end = 'error';
    result.error = 'Invalid argument';
  }
  return result;
}

function differences(expected: CalendarCase, actual: ReturnType<typeof ours>): string[] {
  const found: string[] = [];
  if (expected.valid !== actual.valid) {
    found.push(`valid: systemd ${expected.valid}${expected.error ? ` (${expected.error})` : ''}, ours ${actual.valid}${actual.error ? ` (${actual.error})` : ''}`);
    return found;
  }
  if (!expected.valid) {
    if (expected.error !== actual.error) found.push(`error: systemd ${expected.error}, ours ${actual.error}`);
    return found;
  }
  if (expected.normalized !== actual.normalized) found.push(`normalized: systemd ${expected.normalized}, ours ${actual.normalized}`);
  if (JSON.stringify(expected.elapses) !== JSON.stringify(actual.elapses)) found.push(`elapses: systemd ${expected.elapses?.join(' ')}, ours ${actual.elapses?.join(' ')}`);
  if ((expected.end ?? '') !== (actual.end ?? '')) found.push(`end: systemd ${expected.end ?? '-'}, ours ${actual.end ?? '-'}`);
  if (expected.end === 'error' && expected.error !== actual.error) found.push(`error: systemd ${expected.error}, ours ${actual.error}`);
  return found;
}

function compareAll(zones: ZoneSource, known: Record<string, string>): { compared: number; agree: number; knownHits: string[]; unexpected: string[]; staleKnown: string[] } {
  const unexpected: string[] = [];
  const knownHits: string[] = [];
  const knownDiffering = new Set<string>();
  let agree = 0;
  for (const entry of table.calendar) {
    const found = differences(entry, ours(entry, zones));
    const id = key(entry);
    if (found.length === 0) agree++;
    else if (known[id]) {
      knownDiffering.add(id);
      knownHits.push(`${JSON.stringify(entry.expression)} TZ=${entry.tz} base ${entry.base}: ${known[id]} (${found.join('; ')})`);
    } else unexpected.push(`${JSON.stringify(entry.expression)} TZ=${entry.tz} base ${entry.base}: ${found.join('; ')}`);
  }
  // A known difference that no longer differs (or no longer exists) must come off the list.
  const staleKnown = Object.keys(known).filter((id) => !knownDiffering.has(id));
  return { compared: table.calendar.length, agree, knownHits, unexpected, staleKnown };
}

test(`calendar: every case agrees with ${table.oracle} (zone files as systemd read them)`, (t) => {
  const groups = new Map<string, number>();
  for (const entry of table.calendar) groups.set(entry.group, (groups.get(entry.group) ?? 0) + 1);
  const { compared, agree, knownHits, unexpected, staleKnown } = compareAll(embeddedZones, KNOWN_DIFFERENCES);
  const valid = table.calendar.filter((entry) => entry.valid).length;
  t.diagnostic(`${table.oracle}; glibc ${table.glibc}; tzdata ${table.tzdata}`);
  t.diagnostic(`${compared} cases (${valid} valid, ${compared - valid} invalid; ${[...groups].map(([group, count]) => `${group} ${count}`).join(', ')})`);
  t.diagnostic(`agree: ${agree}/${compared} (${((100 * agree) / compared).toFixed(2)}%); known differences: ${knownHits.length}; unexplained: ${unexpected.length}`);
  for (const item of knownHits) t.diagnostic(`known: ${item}`);
  for (const item of unexpected) t.diagnostic(`disagree: ${item}`);
  assert.deepEqual(unexpected, [], `${unexpected.length} cases disagree with systemd`);
  assert.deepEqual(staleKnown, [], 'known differences that agree now');
  assert.ok(new Set(table.calendar.map((entry) => entry.expression)).size >= 300, 'at least 300 expressions');
});

test('calendar: long runs through DST changes (up to 1000 iterations), systemd\'s "Infinite loop" included', (t) => {
  const unexpected: string[] = [];
  let elapses = 0;
  for (const run of table.long) {
    const actual = ours(run, embeddedZones);
    const seconds = (actual.elapses ?? []).map((iso) => Date.parse(iso) / 1000);
    const deltas = seconds.map((value, index) => (index === 0 ? value : value - seconds[index - 1]));
    elapses += run.count;
    const first = deltas.findIndex((value, index) => value !== run.deltas[index]);
    const problems: string[] = [];
    if (deltas.length !== run.count || first >= 0) {
      const at = first >= 0 ? first : Math.min(deltas.length, run.count);
      problems.push(`elapses differ from #${at + 1} (systemd ${run.count}, ours ${deltas.length}; ours there ${actual.elapses?.[at] ?? 'none'})`);
    }
    if ((run.end ?? '') !== (actual.end ?? '')) problems.push(`end: systemd ${run.end ?? '-'} ${run.error ?? ''}, ours ${actual.end ?? '-'} ${actual.error ?? ''}`);
    if (problems.length > 0 && !KNOWN_DIFFERENCES[key(run)]) unexpected.push(`${JSON.stringify(run.expression)} TZ=${run.tz} base ${run.base}: ${problems.join('; ')}`);
  }
  t.diagnostic(`${table.long.length} long runs, ${elapses} elapses; ${table.long.filter((run) => run.end === 'error').length} end in systemd's infinite-loop error`);
  for (const item of unexpected) t.diagnostic(`disagree: ${item}`);
  assert.deepEqual(unexpected, []);
});

test('calendar: formatCalendarReport prints what systemd-analyze calendar prints', (t) => {
  const cases = table.calendar.filter((entry) => entry.report !== undefined || entry.stderr !== undefined);
  const unexpected: string[] = [];
  for (const entry of cases) {
    const report = formatCalendarReport(entry.expression, { zone: entry.tz, zones: embeddedZones, baseTime: baseUsec(entry.base) / 1000, iterations: entry.iterations });
    if (entry.report !== undefined && report.stdout !== `${entry.report}\n`) unexpected.push(`${JSON.stringify(entry.expression)} TZ=${entry.tz}:\n--- systemd\n${entry.report}\n--- ours\n${report.stdout}`);
    if (entry.stderr !== undefined && report.stderr !== `${entry.stderr}\n`) unexpected.push(`${JSON.stringify(entry.expression)} TZ=${entry.tz} (stderr):\n--- systemd\n${entry.stderr}\n--- ours\n${report.stderr}`);
  }
  t.diagnostic(`${cases.length} reports compared, ${cases.length - unexpected.length} identical`);
  for (const item of unexpected) t.diagnostic(item);
  assert.deepEqual(unexpected, []);
});

test('timespan: parse and format agree with systemd-analyze timespan', (t) => {
  const unexpected: string[] = [];
  for (const entry of table.timespans) {
    const parsed = parseTimespan(entry.text);
    if (entry.valid !== parsed.ok) {
      unexpected.push(`${JSON.stringify(entry.text)}: systemd ${entry.valid ? entry.usec : entry.error}, ours ${parsed.ok ? parsed.microseconds : parsed.error.errno}`);
      continue;
    }
    if (!parsed.ok) {
      if (STRERROR[parsed.error.errno] !== entry.error) unexpected.push(`${JSON.stringify(entry.text)}: systemd ${entry.error}, ours ${STRERROR[parsed.error.errno]}`);
      continue;
    }
    const human = formatTimespan(parsed.microseconds);
    if (String(parsed.microseconds) !== entry.usec || human !== entry.human) unexpected.push(`${JSON.stringify(entry.text)}: systemd ${entry.usec} "${entry.human}", ours ${parsed.microseconds} "${human}"`);
  }
  const valid = table.timespans.filter((entry) => entry.valid).length;
  t.diagnostic(`${table.timespans.length} time spans (${valid} valid, ${table.timespans.length - valid} refused): ${table.timespans.length - unexpected.length} agree`);
  for (const item of unexpected) t.diagnostic(`disagree: ${item}`);
  assert.deepEqual(unexpected, []);
});

test('calendar: the Intl fallback (no zoneinfo) agrees apart from its listed differences', (t) => {
  const { compared, agree, knownHits, unexpected, staleKnown } = compareAll(intlZoneSource, { ...KNOWN_DIFFERENCES, ...KNOWN_INTL_DIFFERENCES });
  t.diagnostic(`Intl (ICU ${process.versions.icu}, tz ${process.versions.tz ?? '?'}): agree ${agree}/${compared} (${((100 * agree) / compared).toFixed(2)}%); known differences: ${knownHits.length}`);
  for (const item of knownHits) t.diagnostic(`known: ${item}`);
  for (const item of unexpected) t.diagnostic(`disagree: ${item}`);
  assert.deepEqual(unexpected, []);
  assert.deepEqual(staleKnown, []);
});
