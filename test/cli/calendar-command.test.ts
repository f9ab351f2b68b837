// `schedlint calendar` and `schedlint timespan` on input systemd rejects: systemd-analyze's own line, then what
// is wrong (and what was probably meant) in the chosen language, exit 1 as the usage says, never a stack trace.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { runSchedlint } from '../support/run-cli';

const env = { TZ: 'Asia/Tokyo' };
const BASE = ['--base-time', '2026-11-25 10:17:00 UTC'];
const JAPANESE = /[\u3040-\u30ff]/;

function assertNoCrash(stderr: string, what: string): void {
  assert.ok(!/^\s+at |TypeError|ReferenceError|internal error/m.test(stderr), `${what}: no stack trace or internal error:\n${stderr}`);
}

// The shapes issue #18 found crashing, with a word each message must contain (the likely intent where there is one).
const CALENDAR: [string, RegExp, RegExp][] = [
  ['*/2', /cron's step syntax.*`\*:0\/2`/, /cron の間隔指定.*`\*:0\/2`/],
  ['fortnightly', /every other week.*OnUnitActiveSec=2w/, /隔週.*OnUnitActiveSec=2w/],
  ['Mo 10:00', /`Mo`.*Write `Mon 10:00`/, /`Mo`.*`Mon 10:00` と書いて/],
  ['daily/2', /`daily` takes no step.*OnUnitActiveSec=2d/, /`daily` には間隔を付けられない.*OnUnitActiveSec=2d/],
  ['noon', /Write `12:00`/, /`12:00` と書いて/],
  ['  ', /empty/, /空/],
  ['hourly/0', /`hourly` stands alone/, /`hourly`/],
  ['Feb 30', /no month names.*`\*-02-30`.*never elapses/, /月の名前.*`\*-02-30`.*一度も起動しません/],
  ['0 3 * * *', /crontab schedule.*`\*-\*-\* 03:00:00`/, /crontab のスケジュール.*`\*-\*-\* 03:00:00`/],
  ['Mon 25:00', /25 is outside the hour range/, /時/],
];

test('schedlint calendar: a rejected expression prints systemd\'s line and a clear reason (en, ja), exit 1, no stack trace', () => {
  for (const [expression, english, japanese] of CALENDAR) {
    for (const [lang, pattern] of [['en', english], ['ja', japanese]] as const) {
      const run = runSchedlint(['calendar', '--lang', lang, ...BASE, expression], { env });
      const what = `${JSON.stringify(expression)} --lang ${lang}`;
      assert.equal(run.code, 1, `${what}: exit 1\n${run.stderr}`);
      assertNoCrash(run.stderr, what);
      assert.equal(run.stdout, '', `${what}: nothing on stdout`);
      const lines = run.stderr.split('\n');
      assert.equal(lines[0], `Failed to parse calendar specification '${expression}': Invalid argument`, what);
      assert.ok(lines[1].startsWith(`${expression}: `), what);
      assert.match(lines[1], pattern, what);
      if (lang === 'ja') assert.match(lines[1], JAPANESE, what);
    }
  }
});

test('schedlint calendar: a valid and a rejected expression together, text and JSON', () => {
  const text = runSchedlint(['calendar', ...BASE, 'daily', 'Mo 10:00'], { env });
  assert.equal(text.code, 1);
  assert.match(text.stdout, /^Normalized form: \*-\*-\* 00:00:00$/m);
  assertNoCrash(text.stderr, 'text');
  const json = runSchedlint(['calendar', '--format', 'json', '--lang', 'ja', ...BASE, 'daily', 'fortnightly'], { env });
  assert.equal(json.code, 1);
  const entries = JSON.parse(json.stdout).calendar;
  assert.equal(entries[0].valid, true);
  assert.equal(entries[1].valid, false);
  assert.match(entries[1].error, /OnUnitActiveSec=2w/);
  assert.match(entries[1].error, JAPANESE);
});

test('schedlint timespan: a rejected span prints systemd\'s line and a clear reason (en, ja), exit 1, no stack trace', () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ['5H', 'Invalid argument', /write `h`/, /`h` と書いて/],
    ['-5s', 'Numerical result out of range', /cannot be negative/, /負の値/],
    ['', 'Invalid argument', /empty/, /空/],
    ['infinityx', 'Invalid argument', /infinity/, /infinity/],
    ['99999999999999999999s', 'Numerical result out of range', /too large/, /大きすぎ/],
  ];
  for (const [span, strerror, english, japanese] of cases) {
    for (const [lang, pattern] of [['en', english], ['ja', japanese]] as const) {
      const run = runSchedlint(['timespan', '--lang', lang, '--', span]);
      const what = `${JSON.stringify(span)} --lang ${lang}`;
      assert.equal(run.code, 1, `${what}: exit 1\n${run.stderr}`);
      assertNoCrash(run.stderr, what);
      const lines = run.stderr.split('\n');
      assert.equal(lines[0], `Failed to parse time span '${span}': ${strerror}`, what);
      assert.ok(lines[1].startsWith(`${span}: `), what);
      assert.match(lines[1], pattern, what);
      if (lang === 'ja') assert.match(lines[1], JAPANESE, what);
    }
  }
  const json = JSON.parse(runSchedlint(['timespan', '--format', 'json', '--lang', 'ja', '1h', '5H']).stdout).timespan;
  assert.deepEqual(Object.keys(json[1]), ['expression', 'valid', 'error', 'microseconds', 'normalized']);
  assert.match(json[1].error, JAPANESE);
});

test('the usage documents exit 1 for an invalid expression', () => {
  const help = runSchedlint(['--help']);
  assert.match(help.stdout + help.stderr, /Checking schedules \(exit 1 when an expression is invalid\)/);
});
