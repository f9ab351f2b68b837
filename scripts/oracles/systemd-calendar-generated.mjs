#!/usr/bin/env node
// Oracle table of generated calendar expressions and time spans: a seeded generator writes expressions from
// the OnCalendar= grammar (systemd.time(7)) and mutates them (characters dropped, doubled, swapped or
// inserted, odd Unicode, spaces, huge numbers, long lists and long texts), adds the shapes people write by
// mistake (crontab schedules, `*/2`, `noon`, `fortnightly`, `Mo 10:00`, `daily/2`, `Feb 30`, …), and runs each
// through the real `systemd-analyze calendar` (Debian 12: systemd 252) with TZ=Asia/Tokyo and a fixed
// --base-time; time spans go through `systemd-analyze timespan`. It writes
// test/oracles/systemd-calendar-generated.json, which test/engine/systemd-calendar-generated-oracle.test.ts
// replays without systemd: verdict, error, normalized form and the next elapses of every row.
// (scripts/oracles/systemd-calendar.mjs is the hand-picked table with DST runs; this one is about breadth.)
//
// One systemd-analyze process per case, as there: glibc keeps state between calls. Elapses are stored as
// seconds since the epoch (systemd prints them to the second), the first absolute and the others as
// differences, to keep the table small. Zone files the expressions name are embedded (base64 TZif).
//
// Usage: node scripts/oracles/systemd-calendar-generated.mjs [--out FILE]
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zoneFileBase64 } from './zone-files.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? process.argv[outIndex + 1] : path.join(repo, 'test', 'oracles', 'systemd-calendar-generated.json');
const TZ = 'Asia/Tokyo';
const BASE = '2026-11-25 10:17:00 UTC';
const ITERATIONS = 3;
const CALENDAR_COUNT = 2400;
const TIMESPAN_COUNT = 600;
/** systemd's log line limit (LINE_MAX): longer messages are cut. */
const LINE_MAX = 2048;

// ---------------------------------------------------------------------------------------------------------
// A seeded random source, so the table regenerates identically.

let seed = 18_2026;
function random() {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (low, high) => low + Math.floor(random() * (high - low + 1));
const pick = (items) => items[Math.floor(random() * items.length)];
const chance = (p) => random() < p;
const pad = (value, width = 2) => String(value).padStart(width, '0');

// ---------------------------------------------------------------------------------------------------------
// The grammar

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FULL_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHORTHANDS = ['minutely', 'hourly', 'daily', 'weekly', 'monthly', 'yearly', 'annually', 'quarterly', 'semiannually', 'semi-annually', 'biannually', 'bi-annually', 'anually'];
const ZONES = ['UTC', 'utc', 'Asia/Tokyo', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'JST', 'jst', 'JDT', 'CET', 'Etc/UTC', 'GMT', 'Europe/Berln', 'asia/tokyo'];

function dayName() {
  const index = int(0, 6);
  const name = chance(0.3) ? FULL_DAYS[index] : DAYS[index];
  return chance(0.15) ? (chance(0.5) ? name.toLowerCase() : name.toUpperCase()) : name;
}

function weekdays() {
  const parts = [];
  for (let i = int(1, 3); i > 0; i--) {
    if (chance(0.4)) {
      const a = int(0, 6);
      const b = chance(0.85) ? int(a, 6) : int(0, 6);
      parts.push(`${DAYS[a]}${chance(0.8) ? '..' : '-'}${DAYS[b]}`);
    } else parts.push(dayName());
  }
  return parts.join(',') + (chance(0.05) ? ',' : '');
}

/** One component: value, range, repetition (numbers in [low, high], sometimes outside). */
function component(low, high, width) {
  const value = () => (chance(0.04) ? int(high + 1, high + 5) : int(low, high));
  const show = (n) => (chance(0.5) ? pad(n, width) : String(n));
  const r = random();
  if (r < 0.5) return show(value());
  if (r < 0.7) {
    const a = value();
    return `${show(a)}..${show(chance(0.9) ? int(a, high) : int(low, high))}`;
  }
  if (r < 0.85) return `${show(value())}/${int(chance(0.03) ? 0 : 1, Math.max(1, Math.floor((high - low) / 2)))}`;
  const a = value();
  return `${show(a)}..${show(int(a, high))}/${int(1, Math.max(1, Math.floor((high - low) / 3)))}`;
}

function chain(low, high, width, star = 0.4) {
  if (chance(star)) return '*';
  const parts = [];
  for (let i = chance(0.75) ? 1 : int(2, 4); i > 0; i--) parts.push(component(low, high, width));
  return parts.join(',');
}

function date() {
  const year = chance(0.7) ? '*' : chance(0.15) ? String(int(0, 99)) : chain(2025, 2035, 4, 0);
  const month = chain(1, 12, 2);
  const endOfMonth = chance(0.12);
  const day = endOfMonth ? chain(1, 7, 2, 0.1) : chain(1, 31, 2);
  if (chance(0.25)) return `${month}${endOfMonth ? '~' : '-'}${day}`;
  return `${year}-${month}${endOfMonth ? '~' : '-'}${day}`;
}

function seconds() {
  if (chance(0.3)) return '*';
  if (chance(0.25)) {
    const start = `${int(0, 59)}${chance(0.5) ? `.${int(0, 999999)}` : ''}`;
    return chance(0.5) ? start : `${start}/${pick(['0.5', '0.25', '1.5', '10', '15', '0.000001', '7'])}`;
  }
  return chain(0, 59, 2, 0);
}

function time() {
  const hour = chain(0, 23, 2, 0.3);
  const minute = chain(0, 59, 2, 0.3);
  return chance(0.5) ? `${hour}:${minute}` : `${hour}:${minute}:${seconds()}`;
}

function grammar() {
  if (chance(0.06)) return `${pick(SHORTHANDS)}${chance(0.3) ? ` ${pick(ZONES)}` : ''}`;
  if (chance(0.03)) return `@${int(0, 4_000_000_000)}`;
  const parts = [];
  if (chance(0.35)) parts.push(weekdays());
  const hasDate = chance(0.6);
  if (hasDate) parts.push(date());
  if (!hasDate || chance(0.7)) parts.push(time());
  if (parts.length === 0) parts.push(time());
  if (chance(0.2)) parts.push(pick(ZONES));
  return parts.join(chance(0.05) ? '  ' : ' ');
}

// ---------------------------------------------------------------------------------------------------------
// Mutations: what a typo, a copy from elsewhere or a hostile input does to a good expression

const ODD = ['\u00a0', '\u3000', '\u200b', '\u00b5', '\u03bc', '\uff0a', '\uff1a', '\u2026', '\u2013', '\u00e9', '\ud83d\udd52', '\u6708', '\t', '\n', '\r', '\u000b', '#', ';', '"', "'", '\\', '$', '%', '+', '_', '=', '?'];
const PUNCT = ['*', '-', ':', '.', ',', '/', '~', ' ', '..', '@'];

function mutate(text) {
  const at = int(0, text.length);
  switch (int(0, 11)) {
    case 0: // drop a character
      return text.length > 1 ? text.slice(0, at) + text.slice(at + 1) : text + '0';
    case 1: // double one
      return text.slice(0, at) + (text[at] ?? '0') + text.slice(at);
    case 2: // swap two
      return at + 1 < text.length ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2) : `${text}:`;
    case 3: // odd Unicode or control characters
      return text.slice(0, at) + pick(ODD) + text.slice(at);
    case 4: // punctuation
      return text.slice(0, at) + pick(PUNCT) + text.slice(at);
    case 5: // a huge number for one of the numbers
      return text.replace(/\d+/, pick(['2147483647', '2147483648', '4294967296', '18446744073709551615', '18446744073709551616', '99999999999999999999999', '000000000000000000001', '1e3']));
    case 6: // spaces around
      return pick([' ', '  ', '\t']) + text + (chance(0.5) ? ' ' : '');
    case 7: // case
      return chance(0.5) ? text.toUpperCase() : text.toLowerCase();
    case 8: // cut short
      return text.slice(0, at);
    case 9: // a long list
      return `${Array.from({ length: pick([120, 240, 241, 242, 300]) }, (_, index) => index % 60).join(',')}:${text.includes(':') ? '00' : '*'}`;
    case 10: // a long text
      return text.repeat(int(20, 200)).slice(0, pick([1000, 4000, 10_000]));
    default: // a digit for a letter or the other way round
      return text.replace(/[0-9]/, pick(['O', 'l', 'x'])).replace(/[A-Za-z]/, '0');
  }
}

// What people write instead of a calendar event: the brief's shapes and their relatives.
const MISTAKES = [
  '*/2', '*/5', '*/15', '*/0', '*/60', '0 3 * * *', '30 4 * * *', '*/15 * * * *', '0 */2 * * *', '0 9-17 * * 1-5', '0 0 1 * *', '0 0 * * 0', '0 0 * * 7',
  '15 10 * * mon-fri', '0 0 1,15 * *', '0 12 * jan,jul *', '0 0 1 * 1', '@daily', '@hourly', '@weekly', '@monthly', '@yearly', '@annually', '@midnight', '@reboot',
  'fortnightly', 'biweekly', 'Fortnightly', 'noon', 'midnight', 'midday', 'Mon noon', 'everyday', 'weekdays', 'weekends', 'weekdays 09:00', 'Mo 10:00', 'Tu', 'We 10:00',
  'Th', 'Fr 17:00', 'Sa,Su 10:00', 'Mo-Fr 08:00', 'Mo..Fr', 'Tues', 'Thurs 10:00', 'Thur', 'Weds', 'Mondays', 'daily/2', 'hourly/0', 'hourly/2', 'hourly/30',
  'minutely/5', 'minutely/90', 'weekly/2', 'monthly/3', 'monthly/13', 'yearly/2', 'daily/x', 'daily/', 'Feb 30', 'Feb 29', 'Apr 31', 'Dec 25', 'Dec 25 10:00',
  '25 Dec', 'December 24', 'Jan 1 2027', 'Sept 1', 'Mar', 'May 5', '  ', ' ', '\t', ' daily', 'daily ', ' Mon 10:00 ', '10:00 ', 'dayly', 'hourley', 'weekley', 'montly',
  'anualy', 'Wendesday', 'Satruday 10:00', '10pm', '10 pm', '10am', '12am', '12pm', '9:30pm', '13pm', '0am', 'Mon 6pm', '2026-12-24T10:00', '2026-12-24T10:00:00',
  '2026/12/24', '2026/12/24 10:00', '5min', '1h', '30s', '1d', '2w', '1h 30min', '15m', '5', '7', '12', 'now', 'today', 'tomorrow', 'every day', 'every 5 minutes',
  'daily at 10:00', 'xyz', 'xyz 10:00', 'foo bar', '10:00 Foo/Bar', '24:00', '23:60', '*:*:60', '2026-02-30', 'Mon 25:00', 'Fri..Mon', '10:00:00:00', '-1:00',
  'Mon,', ',Mon', 'Mon..', '..Mon', '*-*-*/2', '*:*/15', '*/2:00', 'daily UTC UTC', 'UTC', 'Asia/Tokyo', 'JST', 'Mon UTC', '@', '@x', '@-1', '@1e10',
  '\u6708\u66dc 10:00', '\uff11\uff10:\uff10\uff10', '10\uff1a00', '\u00a010:00', '10:00\u00a0', '\ud83d\udd52', 'Mon\u200b10:00', 'Mon\u3000 10:00',
];

function expressions() {
  const out = new Set(MISTAKES);
  const valid = [];
  while (valid.length < 1200) {
    const text = grammar();
    valid.push(text);
    out.add(text);
  }
  while (out.size < CALENDAR_COUNT) {
    let text = pick(valid);
    for (let i = chance(0.75) ? 1 : int(2, 3); i > 0; i--) text = mutate(text);
    // An argument cannot carry NUL; a lone surrogate would not reach systemd as written.
    if (text.includes('\u0000') || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) continue;
    out.add(text);
  }
  return [...out];
}

// Time spans: the grammar of parse_sec() and its near misses.
const UNITS = ['us', 'usec', '\u00b5s', '\u03bcs', 'ms', 'msec', 's', 'sec', 'second', 'seconds', 'm', 'min', 'minute', 'minutes', 'h', 'hr', 'hour', 'hours', 'd', 'day', 'days',
  'w', 'week', 'weeks', 'M', 'month', 'months', 'y', 'year', 'years', ''];
const BAD_UNITS = ['H', 'Y', 'D', 'W', 'S', 'Min', 'mo', 'mon', 'mins', 'secs', 'hrs', 'ns', 'nsec', 'x', 'sek', 'seconde', 'µ', 'Ms'];

function timespan() {
  const parts = [];
  for (let i = chance(0.6) ? 1 : int(2, 4); i > 0; i--) {
    const number = chance(0.2) ? `${int(0, 99)}.${int(0, 999999)}` : chance(0.05) ? `.${int(0, 9)}` : String(chance(0.05) ? int(0, 9_999_999_999) : int(0, 120));
    const unit = chance(0.08) ? pick(BAD_UNITS) : pick(UNITS);
    parts.push(`${number}${chance(0.2) ? ' ' : ''}${unit}`);
  }
  return parts.join(chance(0.7) ? ' ' : '');
}

function timespans() {
  const out = new Set(['', ' ', 'infinity', ' infinity ', 'infinity 5s', 'Infinity', '-5s', '-0', '+5s', '5.', '.', '1.5.5', '1e3', '0x10', '1,5s', '1:30', '5\u00a0s',
    '18446744073709551615us', '18446744073709551614us', '9223372036854775807us', '9223372036854775808us', '584542y', '584543y', '99999999999999999999s', '1 2 3',
    '5 hrs', '5mins', '12 hourz', 'five seconds', '\u3000 5s', '5s\n', '\t5s', '5\u200bs', '\uff15s', '1H', '1Y', '1mo', '1ns']);
  const valid = [];
  while (valid.length < 250) {
    const text = timespan();
    valid.push(text);
    out.add(text);
  }
  while (out.size < TIMESPAN_COUNT) {
    const text = mutate(pick(valid));
    if (text.includes('\u0000') || /[\ud800-\udfff]/.test(text)) continue;
    out.add(text);
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------
// Running systemd-analyze

function analyze(args, tz) {
  const result = spawnSync('systemd-analyze', args, { env: { PATH: process.env.PATH, TZ: tz, LANG: 'C.UTF-8', SYSTEMD_COLORS: '0', SYSTEMD_PAGER: '' }, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

/** `Thu 2026-11-26 09:00:00 UTC` → seconds since the epoch. */
function utcSeconds(text) {
  const match = /^\w+ (\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+) UTC$/.exec(text);
  return Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6]) / 1000;
}

function runCalendar(expression, iterations) {
  const { stdout, stderr } = analyze(['calendar', `--iterations=${iterations}`, `--base-time=${BASE}`, '--', expression], TZ);
  // systemd's log lines stop at LINE_MAX (2048 bytes): for a long expression the reason is cut off (null).
  // (The expression may hold a newline itself, so the message is found by its prefix, not by lines.)
  const reason = (prefix) => {
    const at = stderr.indexOf(prefix);
    if (at < 0) return null;
    const end = stderr.indexOf('\n', at + prefix.length);
    const message = stderr.slice(at, end < 0 ? stderr.length : end);
    return Buffer.byteLength(message) < LINE_MAX - 1 ? message.slice(prefix.length) : null;
  };
  if (stderr.startsWith('Failed to parse calendar specification ')) return { valid: false, error: reason(`Failed to parse calendar specification '${expression}': `) };
  if (/^Failed to determine next elapse /m.test(stderr)) return { valid: true, failed: reason(`Failed to determine next elapse for '${expression}': `) ?? 'unknown' };
  const form = /^\s*Normalized form: (.*)$/m.exec(stdout);
  if (!form) throw new Error(`systemd-analyze calendar ${JSON.stringify(expression)}: ${JSON.stringify(stdout)} ${JSON.stringify(stderr)}`);
  const normalized = form[1];
  // TZ is not UTC, so every elapse has its "(in UTC):" line.
  const elapses = [...stdout.matchAll(/^\s*\(in UTC\): (.*)$/gm)].map((match) => utcSeconds(match[1]));
  return { valid: true, normalized, elapses };
}

function calendarRow(expression) {
  const result = runCalendar(expression, ITERATIONS);
  if (!result.valid) return { expression, valid: false, error: result.error };
  let row;
  if (result.failed) {
    // systemd prints no elapse when any iteration fails: the longest run that succeeds.
    let best;
    for (let n = ITERATIONS - 1; n >= 0 && !best; n--) {
      const attempt = runCalendar(expression, n);
      if (!attempt.failed) best = attempt;
    }
    row = { expression, valid: true, normalized: best.normalized, elapses: best.elapses, end: 'error', error: result.failed };
  } else {
    row = { expression, valid: true, normalized: result.normalized, elapses: result.elapses };
    if (result.elapses.length < ITERATIONS) row.end = 'never';
  }
  row.elapses = row.elapses.map((value, index) => (index === 0 ? value : value - row.elapses[index - 1]));
  return row;
}

function timespanRow(text) {
  const { stdout, stderr } = analyze(['timespan', '--', text], 'UTC');
  const prefix = `Failed to parse time span '${text}': `;
  if (stderr.startsWith('Failed to parse time span ')) {
    const end = stderr.indexOf('\n', stderr.startsWith(prefix) ? prefix.length : 0);
    const message = stderr.slice(0, end < 0 ? stderr.length : end);
    return { text, valid: false, error: stderr.startsWith(prefix) && Buffer.byteLength(message) < LINE_MAX - 1 ? message.slice(prefix.length) : null };
  }
  if (!/^\s*μs: /m.test(stdout)) throw new Error(`systemd-analyze timespan ${JSON.stringify(text)}: ${JSON.stringify(stdout)} ${JSON.stringify(stderr)}`);
  return { text, valid: true, usec: /^\s*μs: (\d+)$/m.exec(stdout)[1], human: /^\s*Human: (.*)$/m.exec(stdout)[1] };
}


function main() {
  const version = execFileSync('systemd-analyze', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const query = (name) => spawnSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' }).stdout || 'unknown';
  const calendarTexts = expressions();
  const spanTexts = timespans();
  const calendar = [];
  for (const expression of calendarTexts) {
    calendar.push(calendarRow(expression));
    if (calendar.length % 200 === 0) process.stderr.write(`${calendar.length}/${calendarTexts.length} expressions\n`);
  }
  const spans = spanTexts.map(timespanRow);

  const zoneNames = new Set([TZ]);
  for (const { expression } of calendar) {
    const last = expression.slice(expression.lastIndexOf(' ') + 1);
    if (expression.includes(' ') && zoneFileBase64(last)) zoneNames.add(last);
  }
  const zones = {};
  for (const name of [...zoneNames].sort()) zones[name] = zoneFileBase64(name);

  const table = {
    oracle: version,
    generator: 'scripts/oracles/systemd-calendar-generated.mjs',
    glibc: query('libc6'),
    tzdata: query('tzdata'),
    tz: TZ,
    base: BASE,
    iterations: ITERATIONS,
    note: 'Each row ran in its own systemd-analyze process, TZ and --base-time as given. elapses: seconds since the epoch (systemd prints them to the second), the first absolute and each further one as the difference to the one before. "end": "never" when fewer came than asked for, "error" when systemd failed (elapses are then the longest run that succeeded). Zones are the TZif files used, base64.',
    counts: { calendar: calendar.length, valid: calendar.filter((row) => row.valid).length, timespans: spans.length },
    zones,
    calendar,
    timespans: spans,
  };
  const lines = ['{'];
  const keys = Object.keys(table);
  keys.forEach((key, index) => {
    const comma = index < keys.length - 1 ? ',' : '';
    const value = table[key];
    if (Array.isArray(value)) lines.push(`  ${JSON.stringify(key)}: [`, ...value.map((item, i) => `    ${JSON.stringify(item)}${i < value.length - 1 ? ',' : ''}`), `  ]${comma}`);
    else lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
  });
  lines.push('}');
  fs.writeFileSync(outFile, `${lines.join('\n')}\n`);
  process.stderr.write(`wrote ${outFile}: ${calendar.length} expressions (${table.counts.valid} valid), ${spans.length} time spans\n`);
}

main();
