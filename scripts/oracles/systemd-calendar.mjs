#!/usr/bin/env node
// Oracle table for the systemd calendar and time span engine (server/src/engine/systemd/): runs the real
// `systemd-analyze calendar` and `systemd-analyze timespan` (Debian 12: systemd 252) over every
// OnCalendar= in test/corpus, hand-picked edge cases, generated combinations and invalid texts, with
// TZ and --base-time pinned, and writes test/oracles/systemd-calendar.json. The test
// (test/engine/systemd-calendar-oracle.test.ts) replays the table without systemd.
//
// One systemd-analyze process per case: glibc keeps state between calls (mktime's offset guess, and
// localtime() rewrites `tzname`, which systemd matches expression suffixes against), so cases must not
// share a process. The zone files used are embedded (base64 TZif) so the test computes with the same data.
//
// Usage: node scripts/oracles/systemd-calendar.mjs [--out FILE]
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zoneFileBase64 } from './zone-files.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.join(repo, 'test', 'corpus');
const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? process.argv[outIndex + 1] : path.join(repo, 'test', 'oracles', 'systemd-calendar.json');

// Base times: the brief's, then the instants just before Berlin's spring-forward and fall-back changes
// (2027-03-28 01:00 UTC, 2026-10-25 01:00 UTC), New York's (2027-03-14 07:00 UTC, 2026-11-01 06:00 UTC)
// and Sydney's end of DST (2027-04-03 16:00 UTC).
const BASE = '2026-11-25 10:17:00 UTC';
const BERLIN_SPRING = '2027-03-28 00:17:00 UTC';
const BERLIN_FALL = '2026-10-25 00:17:00 UTC';
const NEW_YORK_SPRING = '2027-03-14 06:17:00 UTC';
const NEW_YORK_FALL = '2026-11-01 05:17:00 UTC';
const SYDNEY_FALL = '2027-04-03 15:17:00 UTC';
const ITERATIONS = 5;

// ---------------------------------------------------------------------------------------------------------
// Expressions

function corpusExpressions() {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && (entry.name.endsWith('.timer') || full.includes('.timer.d/'))) {
        for (const line of fs.readFileSync(full, 'utf8').split('\n')) {
          // systemd's config parser trims blanks around the key and the value.
          const match = /^\s*OnCalendar\s*=(.*)$/.exec(line);
          if (match && match[1].trim() !== '') found.push(match[1].trim());
        }
      }
    }
  };
  if (fs.existsSync(corpus)) walk(corpus);
  return found;
}

const handPicked = [
  // shorthands, any case, with zones
  'minutely', 'hourly', 'daily', 'weekly', 'monthly', 'yearly', 'annually', 'anually', 'quarterly', 'semiannually',
  'semi-annually', 'biannually', 'bi-annually', 'DAILY', 'Weekly', 'hOURLY', 'daily UTC', 'daily utc', 'weekly Europe/Berlin',
  'hourly Asia/Tokyo', 'monthly America/New_York', 'daily CET', 'daily CEST', 'daily cet', 'daily JST', 'daily JDT', 'daily EST',
  'daily GMT', 'daily Etc/UTC', 'daily Europe/berlin', 'daily asia/tokyo', 'daily  UTC', ' daily', 'daily ', 'dailyx', 'daily 10:00',
  'weekly Mon', 'now', 'today', 'tomorrow', 'yesterday',
  // weekdays
  'Mon', 'Monday', 'mon', 'MONDAY', 'monDay', 'Mon..Fri', 'Mon-Fri', 'Sat,Sun', 'Mon,Wed,Fri', 'Mon..Wed,Fri..Sun', 'Mon..Sun',
  'Sun..Mon', 'Wed,', 'Wednesday,', 'Mon,Tue,Wed,Thu,Fri,Sat,Sun', 'Fri..Fri', 'Tue..Thu *-*-* 12:00', 'Thursday 08:00', 'Sat,Thu,Mon-Wed,Sat-Sun',
  'Sat,Thu,Mon..Wed,Sat..Sun', 'Wed *-1', 'Wed-Wed,Wed *-1', 'Wed..Wed,Wed *-1', 'Wed, 17:48', 'Wed-Sat,Tue 12-10-15 1:2:3', 'monday *-12-* 17:00',
  'Mon,Fri *-*-3,1,2 *:30:45', 'mon,fri *-1/2-1,3 *:30:45', 'Sat,Sun 12-05 08:05:40', 'Sat,Sun 08:05:40', 'Mon,Sun 12-*-* 2,1:23',
  'Mon  10:00', 'Fri *-*-13 13:13', 'Sun *-*-1..7 1:00:00', 'Mon..Fri 08..17:00', 'Mon *-*~1..7', 'Mon 2017-05~01..07 UTC', 'Mon 2017-05~07/1 UTC',
  // dates
  '*-*-*', '2026-12-24', '12-24', '*-12-24', '*-*-1', '*-*-01,15', '*-*-1..7', '*-*-1/3', '*-1/2-1', '*-01..06-01', '2027..2030-01-01',
  '26-12-24', '99-01-01', '93..00-*-*', '00..07-*-*', '*-02-29', '*-02-29 12:00', '*-02-30', '*-04-31', '2026-*-*', '2027-*-* 00:00',
  '*-*-31', '*-*-29..31', '*-*-15/5', '*-*-* ', '*-*-7 0:0:0', '10-15', '03-05 08:05:40', '2003-03-05 05:40', '2003-03-05', '03-05',
  '2199-12-31 23:59:59', '2026-12-31 23:59:59.999999', '*-*-01/5 04:00:00 UTC', '*-01/7-01 04:00:00 UTC', '2027-02-28..31', '*-2..3-*',
  // end of month
  '*-*~1', '*-*~01', '*-02~1', '*-02~01', '*-*~1..3', '*-*~7/1', '*-*~07/1', '*-*~3,5', '*-*~05,3 ', '*-*~28', '*~1', '*-*~*', '*-*~* 00:00:00',
  '*-*~5/2', '*-*~1/2', '2027-02~1..3 12:00', '*-*~9,28', '*-*~9,25', '*-*~1,2,3,4,5,6,7,8,9', '*-*~1,2,3,4,5,6,7,8,9,10', '*-*~1..28',
  '*-*~1..25,2', '*-*~2,1..25', '*-05~28,9', '*~03/1,03..05', '*-*~1 Utc', '2016-02~01 UTC', '*-*~29', '*~29', '*~16..31', '*-*~5/5',
  // times
  '10:00', '10:00:30', '*:0/15', '*:00/15', '*:*', '*:*:*', '*:00', '12:*', '0/2:00', '8..18:00', '8..18/2:00', '9,12,15:30', '*:05..10/6',
  '*:20..39/5', '00:00:20..40/1', '*:*:0/0.5', '*:*:1.5', '*:*:0/1.25', '00:00:1.125..2.125', '00:00:1.0..3.8', '*:*:30.4200005',
  '23:59:59.999999', '*:*:59.9999995', '6:00', '6,18:00', '07..23:30', '1:05:00', '2:00:00', '12,14,13,12:20,10,30', '*:2/3', '9..11,13:00,30',
  '1..3-1..3 1..3:1..3', '00:00:01..03', '00:00:01/2,02..03', '*:4,30:0..3', '*:4,30:0/1', '*:4,30:0/1,3,5', '*:05..05', '08:05:40', '05:40',
  '*-*-* 0/7:00', '*-*-* 0/9:00', '*-*-* 3..21/6:00', '2026-12-* 3..21/6:00', '*-*-* 02:30', '*-*-* 02:00', '*-*-* 02:*', '*-*-* 01..03:00',
  '*-*-* 02:30:00 Europe/Berlin', '*-*-* 02:30:00 America/New_York', 'Sun *-*-* 02:30', '*:30', '*-*-* *:00:00', '*-*-* 00,12:00:00',
  '00:00:00/0.42', '2016-03-27 03:17:00.4200005', '2016-03-27 03:17:00/0.42', '*:*:0/7', '*:*:0/0.000001', '*:*:0/0.001', '*:*:59.5/0.25',
  '0..23:0..59:0..59', '23:59', '0:0', '00:00:00', '*:59:59', '*:*:59',
  // zones
  '*-*-* 10:00 Europe/Berlin', '10:00 Asia/Tokyo', '10:00 America/New_York', '10:00 Australia/Sydney', '02:30 Europe/Berlin', '10:00 UTC',
  '10:00 utc', '10:00 GMT', '10:00 Etc/UTC', '10:00 CET', '10:00 CEST', '10:00 JST', '10:00 EST', '10:00 Europe/berlin', '10:00 asia/tokyo',
  '10:00 Foo/Bar', '10:00 Pacific/Auckland', '2017-09-24 03:30:00 Pacific/Auckland', '2017-09-24 02:30:00 Pacific/Auckland',
  '2027-09-26 02:30:00 Pacific/Auckland', '2027-04-04 02:30:00 Pacific/Auckland', 'weekly Pacific/Auckland', 'Sun *-*-* 01:00:00 Europe/Dublin',
  '*-*-* 01:30 Europe/Dublin', '*-*-* 02:30 Australia/Sydney', '*-*-* 00:30 America/Sao_Paulo', '*-*-* 12:00 Asia/Kolkata',
  '*-*-* 12:00 Etc/GMT+5', '*-*-* 12:00 Etc/GMT-14', '*-*-* 12:00 Europe/Kyiv', 'hourly America/New_York', '*:0/30 Australia/Lord_Howe',
  '10:00 Europe/Berlin UTC', '10:00 UTC Europe/Berlin',
  // @ timestamps
  '@0', '@1493187147', '@1800000000', '@1800000000 UTC', '@1800000000 Europe/Berlin', '@+5', '@ 5', '@-1', '@abc', '@', '@1e3',
  '@99999999999', '@88588582097858858', '@1800000000 ', '@1800000000.5', '@18446744073709551616', '@-88588582097858858',
  // invalid: systemd's own list
  'test', ' utc', '    ', '', '7', '121212:1:2', '2000-03-05.23 00:00:00', '2000-03-05 00:00.1:00', '00:00:00/0.00000001', '00:00:00.0..00.9',
  '2016~11-22', 'Monday.. 12:00', 'Monday..', '-00:+00/-5', '00:+00/-5', '2016- 11- 24 12: 30: 00', '12..1/2-*', '20/4:00', '00:00/60',
  '00:00:2300', '00:00:18446744073709551615', '*:4,30:*,5', '*:4,30:5,*', '*:4,30:*\n',
  // invalid: others
  '*/15 * * * *', '0 0 * * *', '*:*/15', '*/2:00', '*-*-*/2', 'Mon-', 'Mon..Fri..Sun', 'Mon-Wed-Fri', 'Fri..Mon', 'Mon,,Tue', 'Mo', 'Mon.Fri',
  'Monx', 'Mon10:00', 'Mon,10:00', 'Tues 10:00', 'Mon\t10:00', '24:00', '23:60', '*:*:60', '2026-13-01', '2026-00-01', '2026-12-32', '2026-12-00',
  '1969-01-01', '2200-01-01', '0..12:00', '12..0:00', '*:0/0', '10:00:00:00', '10::00', ':00', '10:', '2026-01', '1-1-1-1', '*-*-*-*', '10:00,',
  '10,:00', '1..:00', '..5:00', '5..:00', '1//2:00', '1/2/3:00', '01:02:03.', '01:02:03.x', '*:*:*.5', '*.5:00', '\t10:00', '10:00\t',
  '2147483648:00', '2147483647:00', '99999999999999999999:00', '00:00:2147', '00:00:2148', '00:00:18446744073709', '00:00:1.5/0',
  '2026-12-24 10', '12', '10 00', '12:00 12:30', '2026-12-24T10:00', '2026/12/24', '*-*-* 10:00 +01:00', 'Mon..Fri 09:00-17:00',
  '*-*~0', '*-*~32', '*-*-1..31/40', '*:0/59', '*:1/59', '*:0/60', '0/24:00', '*-0/13-*', '1970-01-01', '1970..2199-*-*', '2199..1970-*-*',
  '*-*-* *:*:00..59/0.5', '*-*-* 00:00:59..0/1', '1..5/0:00', '*:0..59/15', '*:*:0..0.5/0.1', 'last', 'Sun,', ',Sun', 'Sun , Mon',
];

// Too many components: systemd stops at 241 in one field.
const manyComponents = (count) => `${Array.from({ length: count }, (_, index) => index % 24).join(',')}:00`;
handPicked.push(manyComponents(241), manyComponents(242));

// Generated combinations, from a fixed seed so the table regenerates identically.
function generated(count) {
  let seed = 20261125;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const pick = (items) => items[Math.floor(random() * items.length)];
  const weekdays = ['', '', '', 'Mon ', 'Sat,Sun ', 'Mon..Fri ', 'Tue,Thu ', 'Fri ', 'Sun ', 'Wed..Sat ', 'Sun..Tue '];
  const dates = ['', '', '*-*-* ', '*-*-1 ', '*-*-1..7 ', '*-*~1 ', '*-*~1..3 ', '*-02-29 ', '*-1/3-1 ', '2027-*-* ', '*-06,12-15 ', '*-*-10/5 ',
    '*-*-31 ', '*-*~7/2 ', '*-2..3-* ', '*-03-28 ', '*-10-25 ', '2027-03-* ', '*-*-20..31 ', '2026..2028-02-28..29 '];
  const times = ['00:00', '*:0/15', '12:30', '2:30', '3:00', '0/5:00', '*:*:0/20', '1..4:30', '*:59:59', '23:59:59', '8..17/3:00', '*:00',
    '02:00:30.5', '*:*:7/11', '2:*', '1..3:0/20', '0/2:30', '*:45', '02:30:15', '01,02,03:00'];
  const zones = ['', '', '', '', ' UTC', ' Europe/Berlin', ' America/New_York', ' Asia/Tokyo', ' Australia/Sydney'];
  const out = new Set();
  while (out.size < count) out.add(`${pick(weekdays)}${pick(dates)}${pick(times)}${pick(zones)}`.trim());
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------
// Running systemd-analyze

function analyze(args, tz) {
  const result = spawnSync('systemd-analyze', args, { env: { PATH: process.env.PATH, TZ: tz, LANG: 'C.UTF-8', SYSTEMD_COLORS: '0', SYSTEMD_PAGER: '' }, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const pad = (value, width = 2) => String(value).padStart(width, '0');

/** `Thu 2026-11-26 10:00:00 CET` + `Thu 2026-11-26 09:00:00 UTC` → `2026-11-26T10:00:00+01:00`. */
function isoWithOffset(local, utc) {
  const wall = (text) => {
    const match = /^\w+ (\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)/.exec(text);
    return Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6]);
  };
  const offset = (wall(local) - wall(utc)) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  const match = /^\w+ (\S+) (\S+)/.exec(local);
  return `${match[1]}T${match[2]}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

function runCalendar(expression, tz, base, iterations) {
  const { stdout, stderr } = analyze(['calendar', `--iterations=${iterations}`, `--base-time=${base}`, '--', expression], tz);
  const report = stdout
    .split('\n')
    .filter((line) => !/^\s*From now: /.test(line))
    .join('\n');
  const parseFailure = stderr.indexOf(`Failed to parse calendar specification '${expression}': `);
  if (parseFailure >= 0) {
    const error = stderr.slice(parseFailure + `Failed to parse calendar specification '${expression}': `.length).split('\n')[0];
    return { valid: false, error, stderr: stderr.trimEnd() };
  }
  const nextFailure = stderr.indexOf(`Failed to determine next elapse for '${expression}': `);
  if (nextFailure >= 0) {
    return { valid: true, failed: stderr.slice(nextFailure + `Failed to determine next elapse for '${expression}': `.length).split('\n')[0], stderr: stderr.trimEnd() };
  }
  const lines = stdout.split('\n');
  const normalized = /^\s*Normalized form: (.*)$/m.exec(stdout)[1];
  // --iterations=0 prints the forms only.
  const elapses = [];
  let never = false;
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*(?:Next elapse|Iter\. #\d+): (.*)$/.exec(lines[i]);
    if (!match) continue;
    if (match[1] === 'never') {
      never = true;
      continue;
    }
    const utcLine = /^\s*\(in UTC\): (.*)$/.exec(lines[i + 1] ?? '');
    elapses.push(isoWithOffset(match[1], utcLine ? utcLine[1] : match[1]));
  }
  const result = { valid: true, normalized, elapses };
  if (never || (iterations > 0 && elapses.length < iterations)) result.end = 'never';
  result.report = report.replace(/\n+$/, '');
  return result;
}

function calendarCase(expression, tz, base, iterations, options = {}) {
  let result = runCalendar(expression, tz, base, iterations);
  const entry = { expression, tz, base, iterations };
  if (!result.valid) {
    Object.assign(entry, { valid: false, error: result.error });
    if (options.report) entry.stderr = result.stderr;
    return entry;
  }
  if (result.failed) {
    // systemd prints nothing but the error when any iteration fails: find how many succeed.
    const { failed: error, stderr } = result;
    let low = 0;
    let high = iterations;
    let best;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      const attempt = runCalendar(expression, tz, base, middle);
      if (attempt.failed) high = middle;
      else {
        low = middle;
        best = attempt;
      }
    }
    const normalized = best?.normalized ?? runCalendar(expression, tz, base, 0).normalized;
    Object.assign(entry, { valid: true, normalized, elapses: best?.elapses ?? [], end: 'error', error });
    if (options.report) entry.stderr = stderr;
    return entry;
  }
  Object.assign(entry, { valid: true, normalized: result.normalized, elapses: result.elapses });
  if (result.end) entry.end = result.end;
  if (options.report) entry.report = result.report;
  return entry;
}

/** Long runs store elapses as seconds since the epoch, each after the first as a difference. */
function longRun(expression, tz, base, iterations) {
  const entry = calendarCase(expression, tz, base, iterations);
  const seconds = entry.elapses.map((iso) => Date.parse(iso) / 1000);
  const deltas = seconds.map((value, index) => (index === 0 ? value : value - seconds[index - 1]));
  const { elapses, ...rest } = entry;
  return { ...rest, count: elapses.length, deltas };
}

// ---------------------------------------------------------------------------------------------------------
// Time spans

const timespans = [
  '1h 30min', '1.5h', '1h30min', '90min', '1.5s', '0.000001s', '61.5s', '1.5min', '3.14159', '0', '0s', '5', ' 5s ', '5 s', '5\ts', '+5s',
  '.5s', '1y', '1year', '2years', '1M', '1month', '2months', '1w', '1week', '2weeks', '1d', '1day', '2days', '1h', '1hr', '1hour', '2hours',
  '1m', '1min', '1minute', '2minutes', '1s', '1sec', '1second', '2seconds', '1ms', '1msec', '1us', '1usec', '1µs', '1μs', '1 µs',
  '5sec5', '5s.5', '07s', '1 2 3', '5 min 3', '1.23456789s', '59.9999999s', '0.0000001s', '1.999999999h', '1d 0.5h', '12.34 .56',
  '12.34s.56', '2weeks 3days', '1us 1ms', '1234567us', '100ms', '9223372036854775807us', '584542y', '1y 1month 1w 1d 1h 1min 1s 1ms 1us',
  'infinity', 'infinity ', ' infinity', '5s\n', '\u000b-0', '5 \u000b6',
  // refused
  '1H', '1Y', '1mo', '1D', '1W', '1S', '1Min', '1ns', '1nsec', '-5s', '-0', '\u000b-5', '5.', '.', '1.5.5', '1e3', '0x10s', '', ' ', '5mins',
  '5 hrs', '5secs', 'infinityx', 'Infinity', 'infinity5', '1,5s', '1h-1m', '18446744073709551615us', '9223372036854775808us', '584543y',
  '99999999999999999999s', '+.5', '5\u00a0s', 'five seconds', '1:30', '00:30',
];

function timespanCase(text) {
  const { stdout, stderr } = analyze(['timespan', '--', text], 'UTC');
  const prefix = `Failed to parse time span '${text}': `;
  const failure = stderr.indexOf(prefix);
  if (failure >= 0) return { text, valid: false, error: stderr.slice(failure + prefix.length).split('\n')[0] };
  return { text, valid: true, usec: /^\s*μs: (\d+)$/m.exec(stdout)[1], human: /^\s*Human: (.*)$/m.exec(stdout)[1], report: stdout.replace(/\n+$/, '') };
}

// ---------------------------------------------------------------------------------------------------------


/** JSON with one case per line, so the table diffs well. */
function stringify(table) {
  const lines = ['{'];
  const keys = Object.keys(table);
  keys.forEach((key, index) => {
    const value = table[key];
    const comma = index < keys.length - 1 ? ',' : '';
    if (Array.isArray(value)) {
      lines.push(`  ${JSON.stringify(key)}: [`);
      value.forEach((item, itemIndex) => lines.push(`    ${JSON.stringify(item)}${itemIndex < value.length - 1 ? ',' : ''}`));
      lines.push(`  ]${comma}`);
    } else if (value && typeof value === 'object' && key === 'zones') {
      lines.push(`  ${JSON.stringify(key)}: {`);
      const names = Object.keys(value);
      names.forEach((name, nameIndex) => lines.push(`    ${JSON.stringify(name)}: ${JSON.stringify(value[name])}${nameIndex < names.length - 1 ? ',' : ''}`));
      lines.push(`  }${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function main() {
  const version = execFileSync('systemd-analyze', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const query = (name) => spawnSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' }).stdout || 'unknown';

  const corpusList = corpusExpressions();
  const expressions = [...new Set([...corpusList, ...handPicked, ...generated(130)])];
  const calendar = [];
  const reportCases = new Set([
    'daily', 'Mon..Fri *-*-* 10:00', '*-02-30', '*:*:0/0.5', 'hourly', 'weekly Europe/Berlin', 'daily CET', '@1800000000', 'bogus', '*-*-* 0/9:00',
    '*:4,30:*\n', 'quarterly', '10:00 Asia/Tokyo', 'Sat,Sun', '*-*~1 12:00', '5min', 'now',
  ]);
  let done = 0;
  for (const expression of expressions) {
    const report = reportCases.has(expression);
    const utc = calendarCase(expression, 'UTC', BASE, ITERATIONS, { report });
    calendar.push({ group: corpusList.includes(expression) ? 'corpus' : handPicked.includes(expression) ? 'hand-picked' : 'generated', ...utc });
    const berlin = calendarCase(expression, 'Europe/Berlin', BASE, ITERATIONS, { report });
    calendar.push({ group: calendar[calendar.length - 1].group, ...berlin });
    if (utc.valid || berlin.valid) {
      calendar.push({ group: 'dst', ...calendarCase(expression, 'Europe/Berlin', BERLIN_SPRING, ITERATIONS) });
      calendar.push({ group: 'dst', ...calendarCase(expression, 'Europe/Berlin', BERLIN_FALL, ITERATIONS) });
      if (/ [A-Z][a-z]+\/[A-Za-z_]+$/.test(expression)) {
        for (const base of [NEW_YORK_SPRING, NEW_YORK_FALL, SYDNEY_FALL]) calendar.push({ group: 'dst', ...calendarCase(expression, 'UTC', base, ITERATIONS) });
      }
    }
    if (++done % 50 === 0) process.stderr.write(`${done}/${expressions.length} expressions\n`);
  }
  // A few in a zone without DST today whose tzname still carries an old daylight name (JDT, 1951).
  const tokyo = ['daily', 'daily JST', 'daily JDT', 'daily jst', '*:0/15', 'Mon..Fri 09:00', '*-*~1 23:30', '10:00 Asia/Tokyo', '10:00 Europe/Berlin',
    'hourly UTC', '*-*-* 02:30', 'weekly', 'monthly', '*:*:0/0.5', '@1800000000', '*-02-29 00:00', '2027-03-28 02:30 Europe/Berlin', 'daily CET',
    'Sat,Sun 12:00', '*-*-* 00:00:00 JST'];
  for (const expression of tokyo) calendar.push({ group: 'tokyo', ...calendarCase(expression, 'Asia/Tokyo', BASE, ITERATIONS, { report: true }) });
  for (const expression of ['bogus', '5min', 'now', 'daily 10:00']) calendar.push({ group: 'report', ...calendarCase(expression, 'Asia/Tokyo', BASE, ITERATIONS, { report: true }) });
  // systemd's "Infinite loop in calendar calculation" within five iterations: no table, two messages.
  calendar.push({ group: 'report', ...calendarCase('*-*-* 0/7:00', 'Europe/Berlin', '2027-03-27 12:00:00 UTC', ITERATIONS, { report: true }) });
  calendar.push({ group: 'report', ...calendarCase('*-*-* 0/9:00', 'America/New_York', '2027-03-13 12:00:00 UTC', ITERATIONS, { report: true }) });
  // Twelve iterations: "Iter. #10:" is one character wider.
  calendar.push({ group: 'report', ...calendarCase('hourly', 'Europe/Berlin', BASE, 12, { report: true }) });
  calendar.push({ group: 'report', ...calendarCase('*:0/10', 'UTC', BASE, 12, { report: true }) });

  // Long runs over a year and more: every DST change, and systemd's "Infinite loop" on some of them.
  const long = [];
  const longExpressions = ['hourly', '*:0/15', '*-*-* 02:30', '*-*-* 02:00', '*-*-* 01..03:00', '*-*-* 0/7:00', '*-*-* 0/9:00', '*-*-* 0/20:00',
    '*-*-* 02:*:00', 'Sun *-*-* 02:30', '*-*-* 03:00', '*-*-* 2,3:30', '*-*~1 02:30', '*-*-* *:30:00', '*-*-* 00/3:00', 'daily'];
  for (const expression of longExpressions) {
    for (const [tz, base] of [['Europe/Berlin', '2026-10-01 00:00:00 UTC'], ['America/New_York', '2026-10-01 00:00:00 UTC']]) {
      const iterations = /^\*:/.test(expression) || expression === 'hourly' || expression.includes('*:30') ? 400 : 1000;
      long.push(longRun(expression, tz, base, iterations));
    }
  }
  for (const [expression, base] of [['hourly', '2027-03-27 12:00:00 UTC'], ['*:0/15', '2027-03-28 00:00:00 UTC'], ['*:0/15', '2026-10-24 23:00:00 UTC'],
    ['hourly', '2026-10-24 12:00:00 UTC'], ['*:*:0/30', '2027-03-28 00:50:00 UTC'], ['*:*:0/30', '2026-10-25 00:50:00 UTC']]) {
    long.push(longRun(expression, 'Europe/Berlin', base, 200));
  }

  const zoneNames = new Set(['UTC', 'Europe/Berlin', 'Asia/Tokyo', 'America/New_York']);
  for (const entry of [...calendar, ...long]) {
    const last = entry.expression.slice(entry.expression.lastIndexOf(' ') + 1);
    if (entry.expression.includes(' ') && zoneFileBase64(last)) zoneNames.add(last);
  }
  const zones = {};
  for (const name of [...zoneNames].sort()) {
    const data = zoneFileBase64(name);
    if (data) zones[name] = data;
  }

  // Defaults left out of each case: base BASE, 5 iterations.
  const compact = (entry) => {
    const { base, iterations, ...rest } = entry;
    return { ...rest, ...(base !== BASE ? { base } : {}), ...(iterations !== ITERATIONS ? { iterations } : {}) };
  };
  const table = {
    oracle: version,
    generator: 'scripts/oracles/systemd-calendar.mjs',
    glibc: query('libc6'),
    tzdata: query('tzdata'),
    defaults: { base: BASE, iterations: ITERATIONS },
    note: 'Each case ran in its own systemd-analyze process with TZ and --base-time as given; elapses are ISO 8601 in that TZ, to the second, as systemd prints them. "end": "never" when fewer elapses came than asked for, "error" when systemd failed (no table printed; elapses are the longest prefix that succeeded). Zones are the TZif files used, base64.',
    bases: { BASE, BERLIN_SPRING, BERLIN_FALL, NEW_YORK_SPRING, NEW_YORK_FALL, SYDNEY_FALL },
    counts: { expressions: expressions.length + tokyo.length, calendar: calendar.length, long: long.length, timespans: timespans.length },
    zones,
    calendar: calendar.map(compact),
    long: long.map(compact),
    timespans: timespans.map(timespanCase),
  };
  fs.writeFileSync(outFile, stringify(table));
  process.stderr.write(`wrote ${outFile}: ${calendar.length} calendar cases, ${long.length} long runs, ${timespans.length} time spans\n`);
}

main();
