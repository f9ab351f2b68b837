// `schedlint calendar|timespan|cron` held to what systemd-analyze 252 prints (recorded on Debian 12 with
// TZ=UTC, and compared with the real systemd-analyze again when it is on the machine, its "From now" lines
// left out), and `cron` saying what cron would: too few fields, the lint's warnings (stranger report items 7,
// 9, 10, 21).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { runSchedlint } from '../support/run-cli';

const UTC = { TZ: 'UTC' };

/** systemd-analyze's output without its real-clock lines, or undefined when it is not installed. */
function systemdAnalyze(args: string[], env: NodeJS.ProcessEnv = UTC): { stdout: string; status: number } | undefined {
  const run = spawnSync('systemd-analyze', args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (run.error) return undefined;
  return { stdout: run.stdout.replace(/^ *From now: .*\n/gm, ''), status: run.status ?? -1 };
}

/** The recorded output, and the same from the real systemd-analyze where there is one. */
function assertLikeSystemd(args: string[], recorded: string, env: NodeJS.ProcessEnv = UTC, code = 0): void {
  const real = systemdAnalyze(args, env);
  if (real) assert.equal(real.stdout, recorded, `the recording of systemd-analyze ${args.join(' ')} still holds`);
  if (real) assert.equal(real.status, code, `systemd-analyze ${args.join(' ')} exits ${code}`);
  const ours = runSchedlint(args, { env });
  assert.equal(ours.code, code, ours.stderr);
  assert.equal(ours.stdout, recorded, `schedlint ${args.join(' ')}`);
}

test('calendar: blocks one blank line apart and none after the last, as systemd-analyze prints them', () => {
  assertLikeSystemd(
    ['calendar', '--base-time', '2026-01-01 00:00 UTC', '--iterations', '2', 'daily', 'weekly'],
    [
      '  Original form: daily',
      'Normalized form: *-*-* 00:00:00',
      '    Next elapse: Fri 2026-01-02 00:00:00 UTC',
      '       Iter. #2: Sat 2026-01-03 00:00:00 UTC',
      '',
      '  Original form: weekly',
      'Normalized form: Mon *-*-* 00:00:00',
      '    Next elapse: Mon 2026-01-05 00:00:00 UTC',
      '       Iter. #2: Mon 2026-01-12 00:00:00 UTC',
      '',
    ].join('\n'),
  );
});

test('calendar: an expression systemd rejects keeps its separator line, as systemd-analyze writes it', () => {
  const recorded = ['  Original form: daily', 'Normalized form: *-*-* 00:00:00', '    Next elapse: Fri 2026-01-02 00:00:00 UTC', '', '', '  Original form: weekly', 'Normalized form: Mon *-*-* 00:00:00', '    Next elapse: Mon 2026-01-05 00:00:00 UTC', ''].join('\n');
  const args = ['calendar', '--base-time', '2026-01-01 00:00 UTC', 'daily', 'bad', 'weekly'];
  const real = systemdAnalyze(args);
  if (real) assert.equal(real.stdout, recorded, 'the recording still holds');
  const ours = runSchedlint(args, { env: UTC });
  assert.equal(ours.code, 1);
  assert.equal(ours.stdout, recorded);
  assert.equal(runSchedlint(['calendar', '--base-time', '2026-01-01 00:00 UTC', 'bad', 'daily'], { env: UTC }).stdout, '\n  Original form: daily\nNormalized form: *-*-* 00:00:00\n    Next elapse: Fri 2026-01-02 00:00:00 UTC\n');
});

test("calendar --iterations: 0 prints no elapse, as systemd does; a count is read as safe_atou reads it", () => {
  assertLikeSystemd(['calendar', '--base-time', '2026-01-01 00:00 UTC', '--iterations', '0', 'daily'], '  Original form: daily\nNormalized form: *-*-* 00:00:00\n');
  // safe_atou: strtoul with base 0, nothing after the number.
  for (const [count, rows] of [[' 2', 2], ['+2', 2], ['0x3', 3], ['010', 8]] as const) {
    const run = runSchedlint(['calendar', '--base-time', '2026-01-01 00:00 UTC', '--iterations', count, 'daily'], { env: UTC });
    assert.equal(run.stdout.split('\n').filter((line) => /Next elapse|Iter\. #/.test(line)).length, rows, count);
    if (systemdAnalyze(['--version'])) assert.equal(systemdAnalyze(['calendar', '--iterations', count, 'daily'])!.status, 0, `systemd-analyze takes --iterations ${count}`);
  }
  for (const count of ['1e3', '-1', '1.5', '2 ', '08', '0x']) {
    const run = runSchedlint(['calendar', '--iterations', count, 'daily'], { env: UTC });
    assert.equal(run.code, 2, count);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `schedlint: --iterations does not take '${count}' (use one of: 0…100000) (see schedlint calendar --help)\n`, count);
    if (systemdAnalyze(['--version'])) assert.notEqual(systemdAnalyze(['calendar', '--iterations', count, 'daily'])!.status, 0, `systemd-analyze refuses --iterations ${count}`);
  }
});

test('timespan: infinity is USEC_INFINITY in μs, and the blanks that end a span are not in Original:', () => {
  assertLikeSystemd(['timespan', 'infinity', '5s ', '5s\t', ' 5s'], 'Original: infinity\n      μs: 18446744073709551615\n   Human: infinity\n\nOriginal: 5s\n      μs: 5000000\n   Human: 5s\n\nOriginal: 5s\n      μs: 5000000\n   Human: 5s\n\nOriginal:  5s\n      μs: 5000000\n   Human: 5s\n');
});

test('calendar --base-time: the timestamps systemd reads (parse_timestamp) give the elapses systemd gives', () => {
  const next = (line: string) => `  Original form: hourly\nNormalized form: *-*-* *:00:00\n    Next elapse: ${line}\n`;
  const cases: [string, string][] = [
    ['@1800000000', 'Fri 2027-01-15 09:00:00 UTC'],
    ['2026-01-01', 'Thu 2026-01-01 01:00:00 UTC'],
    ['Thu 2026-01-01 10:00', 'Thu 2026-01-01 11:00:00 UTC'],
    ['26-03-01 10:00:30.5', 'Sun 2026-03-01 11:00:00 UTC'],
    // mktime carries 30 February into March.
    ['2026-02-30', 'Mon 2026-03-02 01:00:00 UTC'],
  ];
  for (const [base, line] of cases) assertLikeSystemd(['calendar', '--base-time', base, 'hourly'], next(line));
  // Without a zone, the time is read in $TZ, as systemd reads it.
  assertLikeSystemd(['calendar', '--base-time', '2026-01-01 10:00', 'hourly'], '  Original form: hourly\nNormalized form: *-*-* *:00:00\n    Next elapse: Thu 2026-01-01 11:00:00 JST\n       (in UTC): Thu 2026-01-01 02:00:00 UTC\n', { TZ: 'Asia/Tokyo' });
  // The forms relative to the clock: the same elapse as systemd's, run now (a run across an hour can differ by one).
  for (const base of ['now', 'today', 'tomorrow', 'yesterday', '+1h', '-1h', '90min ago', '2h left', 'tomorrow UTC']) {
    const ours = runSchedlint(['calendar', '--base-time', base, 'hourly'], { env: UTC });
    assert.equal(ours.code, 0, `${base}: ${ours.stderr}`);
    assert.match(ours.stdout, /Next elapse: \w{3} \d{4}-\d\d-\d\d \d\d:00:00 UTC\n$/, base);
    const real = systemdAnalyze(['calendar', '--base-time', base, 'hourly']);
    if (real) {
      const elapse = (text: string) => /Next elapse: (.*)/.exec(text)?.[1];
      const again = runSchedlint(['calendar', '--base-time', base, 'hourly'], { env: UTC });
      assert.ok([elapse(ours.stdout), elapse(again.stdout)].includes(elapse(real.stdout)), `${base}: ${elapse(ours.stdout)} vs systemd's ${elapse(real.stdout)}`);
    }
  }
  for (const base of ['2026-01-01 24:00', 'Mon 2026-01-01', '69-01-01', 'soon', ' now', '+infinity', '@-5', '1h']) {
    const run = runSchedlint(['calendar', '--base-time', base, 'hourly'], { env: UTC });
    assert.equal(run.code, 2, base);
    assert.match(run.stderr, /^schedlint: --base-time does not take '.*' \(use one of: .*tomorrow.*\) \(see schedlint calendar --help\)\n$/, base);
    const real = systemdAnalyze(['calendar', `--base-time=${base}`, 'hourly']);
    if (real) assert.notEqual(real.status, 0, `systemd-analyze refuses --base-time ${base}`);
  }
});

test('calendar: a shorthand in a list is refused because shorthands stand only as the whole expression', () => {
  for (const [lang, pattern] of [
    ['en', /^daily,weekly: `daily` is a shorthand systemd accepts only as the whole expression.*`OnCalendar=daily`/m],
    ['ja', /^daily,weekly: `daily` は式全体としてだけ使える略記です/m],
  ] as const) {
    const run = runSchedlint(['calendar', '--lang', lang, 'daily,weekly'], { env: UTC });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Failed to parse calendar specification 'daily,weekly': Invalid argument$/m);
    assert.match(run.stderr, pattern);
    assert.doesNotMatch(run.stderr, /not a word systemd knows/);
  }
  // A word that is no shorthand keeps its message.
  assert.match(runSchedlint(['calendar', 'fooly,weekly'], { env: UTC }).stderr, /`fooly` is not a word systemd knows/);
});

test('cron: fewer than five fields name the field the schedule ends before, not a `/` from the command', () => {
  const cases: [string, string][] = [
    ['0 0', 'day-of-month'],
    ['0 0 * *', 'day-of-week'],
    ['', 'minute'],
    [' ', 'minute'],
  ];
  for (const [expression, field] of cases) {
    for (const format of ['text', 'json'] as const) {
      const run = runSchedlint(['cron', '--format', format, '--', expression], { env: UTC });
      assert.equal(run.code, 1, JSON.stringify(expression));
      const error = format === 'json' ? JSON.parse(run.stdout).cron[0].error : /Error: (.*)/.exec(run.stdout)?.[1];
      assert.match(error, new RegExp(`^The line ends before the ${field} field: a job needs five time fields and a command\\.`), JSON.stringify(expression));
      assert.doesNotMatch(error, /found `\/`/);
    }
  }
  const japanese = runSchedlint(['cron', '--lang', 'ja', '0 0'], { env: UTC });
  assert.match(japanese.stdout, /^ {9}エラー：日のフィールドの前で行が終わっています/m);
});

test('cron: the lint\'s warnings on a valid schedule are said (Debian ignores `#3`), on stderr and in JSON', () => {
  const base = ['--base-time', '2026-01-01 00:00 UTC'];
  const text = runSchedlint(['cron', ...base, '15 10 * * 5#3'], { env: UTC });
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Description: At 10:15, on Friday/);
  assert.equal(text.stderr, '15 10 * * 5#3: warning: cron stops reading the day-of-week field at `#3` and ignores the rest, so it means `5`. Remove `#3` or fix the separator.\n');
  const json = JSON.parse(runSchedlint(['cron', '--format', 'json', ...base, '15 10 * * 5#3', '0 3 * * *'], { env: UTC }).stdout);
  assert.equal(json.cron[0].warnings.length, 1);
  assert.match(json.cron[0].warnings[0], /`#3`/);
  assert.deepEqual(json.cron[1].warnings, []);
  // A clean schedule says nothing on stderr; cronie, which refuses `#`, gives an error instead.
  assert.equal(runSchedlint(['cron', ...base, '0 3 * * *'], { env: UTC }).stderr, '');
  const cronie = runSchedlint(['cron', '--dialect', 'cronie', ...base, '15 10 * * 5#3'], { env: UTC });
  assert.equal(cronie.code, 1);
  assert.match(cronie.stdout, /Error: cronie expects/);
});

test('--base-time is read in the zone the output is in, TZ as glibc reads it (review 7 item 1)', () => {
  // A POSIX TZ string: systemd-analyze reads it through glibc; Intl knows no such zone (this crashed).
  assertLikeSystemd(['calendar', '--base-time', '2026-01-01 00:00', 'daily'], '  Original form: daily\nNormalized form: *-*-* 00:00:00\n    Next elapse: Fri 2026-01-02 00:00:00 JST\n       (in UTC): Thu 2026-01-01 15:00:00 UTC\n', { TZ: 'JST-9' });
  const today = runSchedlint(['cron', '--base-time', 'today', '0 3 * * *'], { env: { TZ: 'JST-9' } });
  assert.equal(today.code, 0, today.stderr);
  assert.match(today.stdout, /Zone: Etc\/GMT-9\n +Next run: \w{3} \d{4}-\d\d-\d\d 03:00\n/);
  // cron reads a name with no zone file (wrong case) as UTC, and so the base time too: the first run is after it.
  const berlin = runSchedlint(['cron', '--base-time', '2026-01-01 03:30', '0 3 * * *'], { env: { TZ: 'europe/berlin' } });
  assert.equal(berlin.code, 0, berlin.stderr);
  assert.match(berlin.stdout, /Zone: UTC\n +Next run: Fri 2026-01-02 03:00\n/);
  // ISO 8601 without an offset, in that zone too (not Node's reading of TZ).
  const iso = runSchedlint(['cron', '--format', 'json', '--base-time', '2026-01-01T03:30', '0 3 * * *'], { env: { TZ: 'JST-9' } });
  assert.deepEqual(JSON.parse(iso.stdout).cron[0].next, ['2026-01-02T03:00:00+09:00']);
});

test('cron: an error of the lint on the line is said as an error and fails the run; warnings stay warnings (review 7 item 8)', () => {
  const base = ['--base-time', '2026-01-01 00:00 UTC'];
  const userColumn = "User crontabs have no user column: cron will run `root` as the command, and the job fails every time. Remove `root`.";
  const text = runSchedlint(['cron', ...base, '0 0 * * * root', '15 10 * * 5#3'], { env: UTC });
  assert.equal(text.code, 1);
  assert.equal(text.stderr, `0 0 * * * root: error: ${userColumn}\n15 10 * * 5#3: warning: cron stops reading the day-of-week field at \`#3\` and ignores the rest, so it means \`5\`. Remove \`#3\` or fix the separator.\n`);
  // The schedule itself is still shown.
  assert.match(text.stdout, /Original form: 0 0 \* \* \* root\n {4}Description: At 00:00\n/);
  assert.match(runSchedlint(['--lang', 'ja', 'cron', ...base, '0 0 * * * root'], { env: UTC }).stderr, /^0 0 \* \* \* root: エラー：/);
  const json = runSchedlint(['cron', '--format', 'json', ...base, '0 0 * * * root', '15 10 * * 5#3'], { env: UTC });
  assert.equal(json.code, 1);
  const entries = JSON.parse(json.stdout).cron;
  assert.deepEqual([entries[0].errors, entries[0].warnings], [[userColumn], []]);
  assert.deepEqual(entries[1].errors, []);
  assert.equal(entries[1].warnings.length, 1);
});

test('timespan: the first span it cannot read ends the run, after the blank line written before it', () => {
  const fiveSeconds = 'Original: 5s\n      μs: 5000000\n   Human: 5s\n';
  assertLikeSystemd(['timespan', '5s', 'bogus', '7s'], `${fiveSeconds}\n`, UTC, 1);
  assertLikeSystemd(['timespan', 'bogus', '5s'], '', UTC, 1);
  const ours = runSchedlint(['timespan', '5s', 'bogus', 'nonsense']);
  // One failure said, as systemd-analyze says one: the spans after it are not read.
  assert.equal(ours.stderr.match(/Failed to parse time span/g)?.length, 1, ours.stderr);
});

test('cron --lang ja: the labels are Japanese (元の式, 説明, 次回, N 回目, 注) in the English labels\' column; English stays as it was', () => {
  const args = ['cron', '--base-time', '2026-11-25 10:17', '--iterations', '2', '--dialect', 'debian', '0 3 * * *'];
  assert.equal(
    runSchedlint(args, { env: UTC }).stdout,
    ['  Original form: 0 3 * * *', '    Description: At 03:00', '        Dialect: debian', '           Zone: UTC', '       Next run: Thu 2026-11-26 03:00', '       Iter. #2: Fri 2026-11-27 03:00', ''].join('\n'),
  );
  const japanese = runSchedlint([...args, '--lang', 'ja'], { env: UTC }).stdout;
  assert.equal(
    japanese,
    ['         元の式：0 3 * * *', `           説明：${japanese.match(/説明：(.*)/)?.[1]}`, '           方言：debian', '   タイムゾーン：UTC', '           次回：2026年11月26日(木) 03:00', '         2 回目：2026年11月27日(金) 03:00', ''].join('\n'),
  );
  assert.doesNotMatch(japanese, /Original form|Description|Dialect|Zone|Next run|Iter\./);
  assert.match(runSchedlint(['cron', '--lang', 'ja', '--base-time', '2026-01-01 00:00', '--iterations', '1000', '0 3 1 */3 *'], { env: UTC }).stdout, /^ {13}注：今後 30 年間の実行は 1000 回中 \d+ 回だけです/m);
  assert.match(runSchedlint(['cron', '--lang', 'ja', '@reboot'], { env: UTC }).stdout, /^ {11}次回：@reboot$/m);
});
