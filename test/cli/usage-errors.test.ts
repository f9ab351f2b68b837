// How the CLI reads its command line and says what is wrong with it (stranger report items 11, 12, 22): the
// subcommand after global options, one line per usage error pointing at the right --help, option values that
// start with `-`, option pairs that cannot both be honoured, and messages in our words rather than Node's.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runSchedlint } from '../support/run-cli';
import { repoPath } from '../support/paths';
import { renderMarkdown } from '../../server/src/cli/explain';
import { PLAIN } from '../../server/src/cli/color';

const UTC = { TZ: 'UTC' };

test('global options before a subcommand: the subcommand is the first word that is no option or value', () => {
  const japanese = runSchedlint(['--lang', 'ja', 'calendar', '--base-time', '2026-01-01 00:00 UTC', 'daily'], { env: UTC });
  assert.equal(japanese.code, 0, japanese.stderr);
  assert.match(japanese.stdout, /^Normalized form: \*-\*-\* 00:00:00$/m);
  // The option applies: a Japanese message for a bad expression.
  assert.match(runSchedlint(['--lang', 'ja', 'calendar', 'Feb 30'], { env: UTC }).stderr, /月の名前/);
  assert.equal(runSchedlint(['--lang=ja', 'timespan', '5s'], { env: UTC }).stdout, 'Original: 5s\n      μs: 5000000\n   Human: 5s\n');
  const cron = runSchedlint(['--lang', 'ja', 'cron', '0 0'], { env: UTC });
  assert.match(cron.stdout, /日のフィールドの前で行が終わっています/);
  assert.equal(runSchedlint(['--format', 'json', 'timespan', '5s'], { env: UTC }).stdout, '{\n  "timespan": [\n    {\n      "expression": "5s",\n      "valid": true,\n      "error": null,\n      "microseconds": "5000000",\n      "normalized": "5s"\n    }\n  ]\n}\n');
  // A file is still a file: the first word after the options decides.
  assert.match(runSchedlint(['--lang', 'en', 'no-such-file'], { env: UTC }).stderr, /no-such-file: no such file or folder/);
});

test('a word after an option only the lint takes is a file, as before subcommands could follow options (review 7 item 5)', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-usage-'));
  // A system crontab named `cron`, as Docker repositories name them, with a job that lacks its user column.
  fs.writeFileSync(path.join(folder, 'cron'), '0 3 * * * /usr/bin/backup\n');
  for (const args of [['--kind', 'crontab-system', 'cron'], ['-v', '--kind=crontab-system', 'cron'], ['--format', 'sarif', '--kind', 'crontab-system', 'cron']]) {
    const run = runSchedlint(args, { env: UTC, cwd: folder });
    assert.equal(run.code, 1, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stdout, /crontab\//, args.join(' '));
    assert.doesNotMatch(run.stderr, /unknown option/, args.join(' '));
  }
  // `calendar` after an option of the lint is a file too, here one that does not exist.
  const wrong = runSchedlint(['--verbose', 'calendar', 'daily'], { env: UTC, cwd: folder });
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /calendar: no such file or folder/);
  fs.rmSync(folder, { recursive: true });
});

test('unknown options and missing values in a subcommand point at that subcommand\'s --help, in one line', () => {
  const cases: [string[], string][] = [
    [['calendar', '--bogus', 'daily'], "schedlint: unknown option '--bogus' (see schedlint calendar --help)\n"],
    [['cron', '--iterations'], "schedlint: option '--iterations' needs a value (see schedlint cron --help)\n"],
    [['schedule', '--hour', '3'], "schedlint: unknown option '--hour'; did you mean '--hours'? (see schedlint schedule --help)\n"],
    [['cert', '--bogus', 'x.pem'], "schedlint: unknown option '--bogus' (see schedlint cert --help)\n"],
    [['--lang', 'en', 'cert', '--days'], "schedlint: option '--days' needs a value (see schedlint cert --help)\n"],
    [['--bogus', 'x'], "schedlint: unknown option '--bogus' (see schedlint --help)\n"],
  ];
  for (const [args, stderr] of cases) {
    const run = runSchedlint(args, { env: UTC });
    assert.equal(run.code, 2, args.join(' '));
    assert.equal(run.stderr, stderr, args.join(' '));
  }
  assert.equal(runSchedlint(['--lang', 'ja', 'cert', '--bogus', 'x.pem']).stderr, "schedlint: 不明なオプション '--bogus' です（schedlint cert --help を参照）\n");
});

test('a bad option value is one line that says how to get help: the command\'s own --help, not the whole usage', () => {
  const cases: [string[], string][] = [
    [['--format', 'xml', '.'], "schedlint: --format does not take 'xml' (use one of: text, json, sarif, prometheus) (see schedlint --help)\n"],
    [['calendar', '--iterations', 'x', 'daily'], "schedlint: --iterations does not take 'x' (use one of: 0…100000) (see schedlint calendar --help)\n"],
    [['cron', '--iterations', '0', '* * * * *'], "schedlint: --iterations does not take '0' (use one of: 1…100000) (see schedlint cron --help)\n"],
    [['timespan', '--format', 'xml', '5s'], "schedlint: --format does not take 'xml' (use one of: text, json) (see schedlint timespan --help)\n"],
    // parseArgs calls a value starting with `-` "ambiguous"; it reaches our own check instead.
    [['schedule', '--hours', '-1'], "schedlint: --hours does not take '-1' (use one of: 1…168) (see schedlint schedule --help)\n"],
    [['schedule', 'extra'], "schedlint: unexpected argument 'extra' (see schedlint schedule --help)\n"],
    [['--root', 'a', '--host'], 'schedlint: --root and --host cannot be used together (see schedlint --help)\n'],
  ];
  for (const [args, stderr] of cases) {
    const run = runSchedlint(args, { env: UTC });
    assert.equal(run.code, 2, args.join(' '));
    assert.equal(run.stderr, stderr, args.join(' '));
    assert.equal(run.stdout, '');
  }
  const certDays = runSchedlint(['cert', '--days', '-1', 'x.pem']);
  assert.equal(certDays.code, 2);
  assert.match(certDays.stderr, /^schedlint: --days does not take '-1'/);
  assert.doesNotMatch(certDays.stderr, /ambiguous/);
  assert.equal(runSchedlint(['--lang', 'ja', '--format', 'xml', '.']).stderr, "schedlint: --format に 'xml' は指定できません（指定できる値：text, json, sarif, prometheus）（schedlint --help を参照）\n");
});

test('calendar, timespan and cron have a --help of their own', () => {
  for (const command of ['calendar', 'timespan', 'cron']) {
    const run = runSchedlint([command, '--help']);
    assert.equal(run.code, 0);
    assert.ok(run.stdout.startsWith(`Usage: schedlint ${command} `), run.stdout);
    assert.doesNotMatch(run.stdout, /--root DIR/);
    assert.ok(runSchedlint(['--lang', 'ja', command, '-h']).stdout.startsWith(`使い方: schedlint ${command} `));
  }
});

test('--diff with a machine format and --list-rules --format prometheus are usage errors that say why', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-usage-'));
  const file = path.join(folder, 'job.cron');
  fs.writeFileSync(file, '* * * * * /bin/true\r\n');
  for (const args of [['--fix', '--diff'], ['--fix-dry-run']]) {
    const run = runSchedlint([...args, '--format', 'json', '--kind', 'crontab-user', file]);
    assert.equal(run.code, 2, args.join(' '));
    assert.equal(run.stderr, 'schedlint: --diff and --fix-dry-run print a unified diff, which cannot be --format json: leave out one of them (see schedlint --help)\n');
  }
  // The text diff still works, and the file is left as it was.
  assert.match(runSchedlint(['--fix', '--diff', '--kind', 'crontab-user', file]).stdout, /^\+\+\+ /m);
  assert.equal(fs.readFileSync(file, 'utf8'), '* * * * * /bin/true\r\n');
  const rules = runSchedlint(['--list-rules', '--format', 'prometheus']);
  assert.equal(rules.code, 2);
  assert.match(rules.stderr, /^schedlint: --list-rules prints the rules as text, json or sarif, not prometheus/);
  assert.equal(rules.stdout, '');
  fs.rmSync(folder, { recursive: true });
});

test('-o into a folder that does not exist says so plainly', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-usage-'));
  const file = path.join(folder, 'job.cron');
  fs.writeFileSync(file, '* * * * * /bin/true\n');
  const target = path.join(folder, 'missing', 'report.txt');
  const run = runSchedlint(['-o', target, '--kind', 'crontab-user', file]);
  assert.equal(run.code, 2);
  assert.equal(run.stderr, `schedlint: cannot write ${target}: there is no folder ${path.join(folder, 'missing')}\n`);
  assert.match(runSchedlint(['--lang', 'ja', '-o', target, '--kind', 'crontab-user', file]).stderr, /フォルダー .*missing がありません/);
  fs.rmSync(folder, { recursive: true });
});

test('edit on a file the editor did not save: our own message, not Node\'s ENOENT', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-usage-'));
  const file = path.join(folder, 'new.cron');
  const run = runSchedlint(['edit', file], { env: { SCHEDLINT_EDITOR: 'true', VISUAL: '', EDITOR: '' } });
  assert.equal(run.code, 1);
  assert.equal(run.stderr, `schedlint edit: ${file} does not exist after the editor closed (it was not saved): nothing was checked, and the caller installs nothing.\n`);
  assert.doesNotMatch(run.stderr, /ENOENT/);
  fs.rmSync(folder, { recursive: true });
});

test('explain without colour: no raw **bold**, code spans kept readable', () => {
  assert.equal(renderMarkdown('Default severity: **error** · use `crontab -e`', PLAIN), 'Default severity: error · use `crontab -e`\n');
  const run = runSchedlint(['explain', 'crontab/user-field-in-user-crontab']);
  assert.equal(run.code, 0);
  assert.doesNotMatch(run.stdout, /\*\*/);
  assert.match(run.stdout, /Default severity: error /);
  assert.match(run.stdout, /`crontab -e`/);
});

test('--help lists the same --kind values as the README', () => {
  const help = runSchedlint(['--help']).stdout;
  const kinds = /--kind +the format of the files given: (.*)/.exec(help)![1].split(', ');
  const readme = fs.readFileSync(repoPath('README.md'), 'utf8');
  const listed = /`--kind FORMAT` reads the files given as ([^]*?)\(for a folder/.exec(readme)![1];
  for (const kind of kinds) assert.match(listed, new RegExp(`\`${kind}\``), `README lists --kind ${kind}`);
  assert.equal([...listed.matchAll(/`([a-z-]+)`/g)].length, kinds.length);
});

test('edit and fleet: a usage error is one line pointing at their own help, not their whole usage', () => {
  for (const [args, command] of [
    [['edit', '--bogus'], 'edit'],
    [['edit'], 'edit'],
    [['fleet', '--bogus', 'dir'], 'fleet'],
  ] as const) {
    const run = runSchedlint([...args]);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stderr.split('\n').length, 2, `one line: ${run.stderr}`);
    assert.match(run.stderr, new RegExp(`\\(see schedlint ${command} --help\\)\\n$`));
  }
});
