// `schedlint cron`'s text output, written as bytes a row at a time (cli/cron-text.ts), against the way it was
// written before issue #20: a string per line, formatRunTime per run, the lines joined and the whole output
// passed through escapeControls (oldCronText below, kept as the oracle). Random expressions (valid, invalid,
// @reboot, never running, stopping at the 30-year horizon, with control characters), base times (near clock
// changes, and years where the date part is formatRunTime's own text), zones with and without clock changes,
// both languages and dialects, zone rules from Intl and from the machine's zoneinfo files; through the string
// io the tests use and through the byte path the real process uses, and output large enough to be written out
// in more than one chunk.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/schedlint';
import { describeSchedule } from '../../server/src/engine/crontab/describe';
import { nextRuns, SEARCH_YEARS } from '../../server/src/engine/crontab/next-runs';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { translate } from '../../server/src/engine/i18n/catalog';
import { lintCrontab } from '../../server/src/engine/lint';
import { blankScheduleError, cronLineText } from '../../server/src/engine/crontab/lint-expression';
import { formatRunTime } from '../../server/src/engine/time/format-run';
import { tzifZoneSource, useZoneSource } from '../../server/src/engine/time/zone-source';
import type { CronDialect, Locale } from '../../server/src/engine/types';
import { escapeControls } from '../../server/src/engine/util/visible';
import { Random } from '../support/random';

interface Case {
  expressions: string[];
  zone: string;
  locale: Locale;
  dialect: CronDialect;
  iterations: number;
  baseTime: number;
}

/**
 * The labels, written out: English byte for byte as before they came from the catalog; Japanese right-aligned
 * to the same column by the terminal's columns (a Japanese character takes two), with 「：」 and no space.
 */
const LABELS: Record<Locale, { original: string; error: string; description: string; dialect: string; zone: string; next: string; iteration: (n: number) => string; note: string }> = {
  en: { original: '  Original form: ', error: '          Error: ', description: '    Description: ', dialect: '        Dialect: ', zone: '           Zone: ', next: '       Next run: ', iteration: (n) => `       Iter. #${n}: `, note: '           Note: ' },
  ja: { original: '         元の式：', error: '         エラー：', description: '           説明：', dialect: '           方言：', zone: '   タイムゾーン：', next: '           次回：', iteration: (n) => `         ${n} 回目：`, note: '             注：' },
};

/** The text `schedlint cron` printed before issue #20, row by row as it was built then (error lines as it builds them now). */
function oldCronText({ expressions, zone, locale, dialect, iterations, baseTime }: Case): string {
  const label = LABELS[locale];
  const facts = new HostFacts(new MemoryHost(), dialect);
  const entries = expressions.map((expression) => {
    // The line as `schedlint cron` builds it now (no command after fewer than five fields, so the error names
    // the missing field): only the rows' formatting is the old one here.
    const text = cronLineText(expression);
    const [line] = parseCrontab(text, 'crontab-user', dialect).lines;
    if (line?.type !== 'job' || line.problem || !line.schedule) {
      const finding = lintCrontab({ text, facts, explicitKind: { kind: 'crontab-user', reason: 'cli' }, locale }).findings.find((candidate) => candidate.severity === 'error');
      return `${label.original}${expression}\n${label.error}${finding?.message ?? blankScheduleError({ locale, dialect })}`;
    }
    const schedule = line.schedule;
    const runs = nextRuns(schedule, baseTime, iterations, zone);
    const horizonReached = !schedule.reboot && runs.length > 0 && runs.length < iterations;
    const none = schedule.reboot ? '@reboot' : runs.length === 0 ? 'never' : undefined;
    const lines = [`${label.original}${expression}`, `${label.description}${describeSchedule(schedule, locale)}`, `${label.dialect}${dialect}`, `${label.zone}${zone}`];
    if (none !== undefined && runs.length === 0) lines.push(`${label.next}${none}`);
    runs.forEach((instant, index) => lines.push(`${index === 0 ? label.next : label.iteration(index + 1)}${formatRunTime(instant, zone, locale)}`));
    if (horizonReached) lines.push(`${label.note}${translate(locale, 'cli.cron.horizon', { count: runs.length, iterations, years: SEARCH_YEARS })}`);
    return lines.join('\n');
  });
  return escapeControls(entries.join('\n\n')) + '\n';
}

/** What `schedlint cron` prints now, through the string io and through the byte io. */
function newCronText(options: Case): { text: string; bytes: Buffer; code: number; textWrites: number } {
  const argv = ['cron', '--iterations', String(options.iterations), '--base-time', new Date(options.baseTime).toISOString(), '--lang', options.locale, '--dialect', options.dialect, '--', ...options.expressions];
  const env = { TZ: options.zone, LANG: 'C.UTF-8' };
  let text = '';
  let textWrites = 0;
  const code = runCli({ argv, env, stdout: (chunk) => ((text += chunk), textWrites++), stderr: () => undefined, readStdin: () => '' });
  const chunks: Buffer[] = [];
  runCli({ argv, env, stdout: () => assert.fail('text written where bytes were taken'), stdoutBytes: (bytes) => chunks.push(Buffer.from(bytes)), stderr: () => undefined, readStdin: () => '' });
  return { text, bytes: Buffer.concat(chunks), code, textWrites };
}

const zoneFiles = tzifZoneSource((file) => (fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : undefined));
// Havana and (until 2019) São Paulo change their clocks at midnight; São Paulo's fall-back took the clock back
// into the day before.
const ZONES = ['Asia/Tokyo', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'UTC', 'Asia/Kolkata', 'America/Havana', 'America/Sao_Paulo'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function field(random: Random, low: number, high: number, names?: readonly string[]): string {
  const number = () => String(low + random.int(high - low + 1));
  // Mostly ranges in order: a reversed one (accepted by Debian's cron) never fires.
  const range = () => {
    const [a, b] = [number(), number()];
    const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a];
    return random.chance(0.9) ? `${low}-${high}` : `${high}-${low}`;
  };
  const element = (): string => {
    switch (random.int(7)) {
      case 0:
        return '*';
      case 1:
        return `*/${1 + random.int(high)}`;
      case 2:
        return range();
      case 3:
        return `${range()}/${1 + random.int(6)}`;
      case 4:
        return names ? random.pick(names) : number();
      default:
        return number();
    }
  };
  return random.times(1 + (random.chance(0.25) ? random.int(3) : 0), element, ',');
}

function expression(random: Random): string {
  if (random.chance(0.08)) return random.pick(['@reboot', '@hourly', '@daily', '@weekly', '@monthly', '@yearly', '@midnight', '@annually']);
  // Never running, stopping at the horizon with 1,000 runs, invalid, or control characters in the command.
  if (random.chance(0.06)) return random.pick(['0 0 30 2 *', '0 0 31 4,6 *', '0 3 1 */3 *', '0 0 29 2 1', '0 0 29 2 *']);
  if (random.chance(0.06)) return random.pick(['61 * * * *', '* * * *', 'foo', '0 9 * * MON-FRY', '0 6~15 * * *', '*/0 * * * *', '']);
  if (random.chance(0.04)) return `0 * * * * \x1b]0;pwned\x07 \u202e`;
  return [field(random, 0, 59), field(random, 0, 23), field(random, 1, 31), field(random, 1, 12, MONTHS), field(random, 0, 7, DAYS)].join(' ');
}

function baseTime(random: Random): number {
  const roll = random.next();
  // Years outside 1000–9999 (formatRunTime's own text for the date), a year's last minutes, anywhere.
  if (roll < 0.06) return Date.UTC(random.pick([999, 1000, 9999]), 11, 31, 23, random.int(60));
  if (roll < 0.1) return Date.UTC(random.pick([1, 200, 1500, 1883]), random.int(12), 1 + random.int(28), random.int(24), random.int(60));
  // Days with clock changes (the northern ones in March, October and November, Lord Howe's in April and October).
  if (roll < 0.5) return Date.UTC(2020 + random.int(15), random.pick([2, 3, 9, 10]), 1 + random.int(28), random.int(24), random.int(60), random.int(60));
  return Date.UTC(1970 + random.int(90), random.int(12), 1 + random.int(28), random.int(24), random.int(60), random.int(60));
}

/**
 * Rows compared, of those rows in years outside 1000–9999 (formatRunTime's text for the date part), and the
 * other kinds of line seen (so that a generator that stopped making them fails the test).
 */
function compare(random: Random, cases: number): { rows: number; farRows: number; kinds: Set<string> } {
  let rows = 0;
  let farRows = 0;
  const kinds = new Set<string>();
  for (let index = 0; index < cases; index++) {
    const options: Case = {
      expressions: random.times(1 + random.int(4), () => expression(random), '\n').split('\n'),
      zone: random.pick(ZONES),
      locale: random.pick(['en', 'ja'] as const),
      dialect: random.pick(['debian', 'cronie'] as const),
      iterations: random.pick([1, 2, 7, 100, 1000, 1 + random.int(1500)]),
      baseTime: baseTime(random),
    };
    const expected = oldCronText(options);
    const printed = newCronText(options);
    const label = JSON.stringify({ ...options, baseTime: new Date(options.baseTime).toISOString() });
    assert.equal(printed.text, expected, label);
    assert.ok(printed.bytes.equals(Buffer.from(expected, 'utf8')), `bytes: ${label}`);
    assert.equal(printed.code, /^ {10}Error: |^ {9}エラー：/m.test(expected) ? 1 : 0, label);
    // Each kind of line in either language (the Japanese label after the English one).
    for (const [kind, japanese] of [['Error:', 'エラー：'], ['Next run: never', '次回：never'], ['Next run: @reboot', '次回：@reboot'], ['Note:', '注：'], ['^[', '^['], ['<U+202E>', '<U+202E>'], ['年', '年']]) if (expected.includes(kind) || expected.includes(japanese)) kinds.add(kind);
    const runRows = expected.split('\n').filter((line) => /^ {7}(Next run|Iter\. #\d+): (?!never|@reboot)|^ +(次回|\d+ 回目)：(?!never|@reboot)/.test(line));
    rows += runRows.length;
    farRows += runRows.filter((line) => !/ \d{4}-|^[^(]*: \d{4}年/.test(line)).length;
  }
  return { rows, farRows, kinds };
}

const KINDS = 7;

test('schedlint cron prints what it printed before, row for row (zone rules from Intl)', () => {
  useZoneSource(undefined);
  const { rows, farRows, kinds } = compare(new Random(2001), 70);
  assert.ok(rows > 35_000 && farRows > 100 && kinds.size === KINDS, `${rows} rows, ${farRows} in far years, ${[...kinds]}`);
});

test('schedlint cron prints what it printed before, row for row (zone rules from the zoneinfo files)', { skip: fs.existsSync('/usr/share/zoneinfo/Europe/Berlin') ? false : 'no /usr/share/zoneinfo here' }, () => {
  useZoneSource(zoneFiles);
  try {
    const { rows, farRows, kinds } = compare(new Random(2002), 140);
    assert.ok(rows > 50_000 && farRows > 2_000 && kinds.size === KINDS, `${rows} rows, ${farRows} in far years, ${[...kinds]}`);
  } finally {
    useZoneSource(undefined);
  }
});

test('schedlint cron writes a large output in chunks, and the chunks make the same text', () => {
  // Intl's conversions, where there are no zoneinfo files, make this slower but no less true.
  if (fs.existsSync('/usr/share/zoneinfo/Europe/Berlin')) useZoneSource(zoneFiles);
  try {
    largeOutput();
  } finally {
    useZoneSource(undefined);
  }
});

function largeOutput(): void {
  const options: Case = { expressions: ['* * * * *', '*/2 * * * *', '* 3 * * *', '* * * * 1-5', '30 * * * *'], zone: 'Europe/Berlin', locale: 'ja', dialect: 'debian', iterations: 30_000, baseTime: Date.UTC(2026, 2, 28, 12) };
  const printed = newCronText(options);
  assert.ok(printed.textWrites > 1, `${printed.textWrites} write(s) of ${printed.bytes.length} bytes`);
  assert.equal(printed.text, oldCronText(options));
  assert.ok(printed.bytes.equals(Buffer.from(printed.text, 'utf8')));
}

test('schedlint cron rows across clock changes at midnight, where the local day goes back or is cut short', () => {
  const cases: [string, number][] = [
    // An hour before each change: 2018-02-18 00:00 -02 became 2018-02-17 23:00 -03; 2018-11-04 00:00 -03 became
    // 01:00 -02; Havana's 2026-03-08 00:00 CST becomes 01:00 CDT, and 2026-11-01 01:00 CDT becomes 00:00 CST.
    ['America/Sao_Paulo', Date.UTC(2018, 1, 18, 1)],
    ['America/Sao_Paulo', Date.UTC(2018, 10, 4, 2)],
    ['America/Havana', Date.UTC(2026, 2, 8, 4)],
    ['America/Havana', Date.UTC(2026, 10, 1, 4)],
  ];
  for (const source of fs.existsSync('/usr/share/zoneinfo/America/Havana') ? [undefined, zoneFiles] : [undefined]) {
    useZoneSource(source);
    try {
      for (const [zone, baseTime] of cases) {
        for (const locale of ['en', 'ja'] as const) {
          const options: Case = { expressions: ['*/20 * * * *', '30 23,0 * * *', '15 0 * * *'], zone, locale, dialect: 'debian', iterations: 12, baseTime };
          assert.equal(newCronText(options).text, oldCronText(options), `${zone} ${new Date(baseTime).toISOString()} ${locale}`);
        }
      }
    } finally {
      useZoneSource(undefined);
    }
  }
});

test('schedlint cron shows control characters of its input visibly in the header lines, not in the rows', () => {
  const options: Case = { expressions: ['0 * * * * \x1b[2J\x07', '0 9 * * \x1b[2J'], zone: 'Asia/Tokyo', locale: 'en', dialect: 'debian', iterations: 3, baseTime: Date.UTC(2026, 10, 25, 10, 17) };
  const printed = newCronText(options);
  assert.doesNotMatch(printed.text, /[\x1b\x07]/);
  assert.match(printed.text, /^ {2}Original form: 0 \* \* \* \* \^\[\[2J\^G$/m);
  assert.match(printed.text, /^ {10}Error: .*found `\^\[`/m);
  assert.match(printed.text, /^ {7}Iter\. #3: Wed 2026-11-25 22:00$/m);
  assert.equal(printed.text, oldCronText(options));
});
