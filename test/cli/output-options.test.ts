// --min-severity, --quiet, the summary line that counts every severity, and colours (--color, NO_COLOR,
// FORCE_COLOR, whether standard output is a terminal).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { runSchedlint } from '../support/run-cli';
import { repoPath } from '../support/paths';
import { useColor } from '../../server/src/cli/color';
import { runCli } from '../../server/src/cli/schedlint';

// examples/certbot-host has warnings and infos and no errors; examples/host has errors and warnings.
const ESCAPE = /\x1b\[/;

test('the summary counts errors, warnings, infos and hints, in English and Japanese', () => {
  const english = runSchedlint(['--root', 'examples/certbot-host']);
  const counts = english.stdout.match(/^(\d+) errors, (\d+) warnings, (\d+) infos?, (\d+) hints? in \d+ files$/m);
  assert.ok(counts, english.stdout);
  const findingLines = (severity: string) => english.stdout.split('\n').filter((line) => new RegExp(`^\\S+:\\d+:\\d+: ${severity}: `).test(line)).length;
  assert.deepEqual(counts.slice(1, 5).map(Number), ['error', 'warning', 'info', 'hint'].map(findingLines));
  assert.ok(Number(counts[3]) > 0, 'the tree has infos to count');
  const japanese = runSchedlint(['--root', 'examples/certbot-host', '--lang', 'ja']);
  assert.match(japanese.stdout, new RegExp(`^エラー ${counts[1]} 件、警告 ${counts[2]} 件、情報 ${counts[3]} 件、ヒント ${counts[4]} 件（\\d+ ファイル）$`, 'm'));
});

test('--min-severity leaves out what is below it, in text and JSON, and says how many', () => {
  const all = runSchedlint(['--root', 'examples/certbot-host', '--format', 'json']);
  const severities = (stdout: string) => (JSON.parse(stdout).files as { diagnostics: { severity: string }[] }[]).flatMap((file) => file.diagnostics.map((diagnostic) => diagnostic.severity));
  const infos = severities(all.stdout).filter((severity) => severity === 'info').length;
  assert.ok(infos > 0);
  const warnings = runSchedlint(['--root', 'examples/certbot-host', '--format', 'json', '--min-severity', 'warning']);
  assert.deepEqual([...new Set(severities(warnings.stdout))], ['warning']);
  const text = runSchedlint(['--root', 'examples/certbot-host', '--min-severity', 'warning']);
  assert.doesNotMatch(text.stdout, /: info: /);
  assert.match(text.stdout, new RegExp(`, 0 infos, 0 hints in \\d+ files \\(${infos} findings? below warning not shown\\)$`, 'm'));
  assert.match(runSchedlint(['--root', 'examples/certbot-host', '--min-severity', 'warning', '--lang', 'ja']).stdout, new RegExp(`（warning 未満の指摘 ${infos} 件は表示していません）$`, 'm'));
  assert.equal(runSchedlint(['--root', 'examples/certbot-host', '--min-severity', 'hint']).stdout, runSchedlint(['--root', 'examples/certbot-host']).stdout, 'hint is everything');
});

test('--quiet (-q) shows errors only, in text and SARIF', () => {
  const quiet = runSchedlint(['--root', 'examples/host', '--quiet']);
  assert.equal(quiet.code, 1);
  assert.doesNotMatch(quiet.stdout, /: warning: /);
  assert.match(quiet.stdout, /: error: /);
  assert.match(quiet.stdout, /^3 errors, 0 warnings, 0 infos, 0 hints in 6 files \(4 findings below error not shown\)$/m);
  assert.equal(runSchedlint(['--root', 'examples/host', '-q']).stdout, quiet.stdout);
  const sarif = JSON.parse(runSchedlint(['--root', 'examples/host', '-q', '--format', 'sarif']).stdout);
  assert.ok(sarif.runs[0].results.every((result: { level: string }) => result.level === 'error'));
});

test('--min-severity and --color usage errors, in English and Japanese', () => {
  for (const args of [['--min-severity', 'loud'], ['--quiet', '--min-severity', 'warning'], ['--color', 'sometimes'], ['--min-severity']]) {
    const run = runSchedlint(['--root', 'examples/host', ...args]);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, /^schedlint: /);
  }
  assert.match(runSchedlint(['--root', 'examples/host', '--min-severity', 'loud']).stderr, /--min-severity does not take 'loud' \(use one of: error, warning, info, hint\)/);
  assert.match(runSchedlint(['--root', 'examples/host', '-q', '--min-severity', 'info', '--lang', 'ja']).stderr, /--quiet と --min-severity は同時に指定できません/);
  assert.match(runSchedlint(['--help']).stdout, /--min-severity LEVEL[\s\S]*--quiet, -q[\s\S]*--color WHEN[\s\S]*--list-rules[\s\S]*schedlint explain RULE/);
  assert.match(runSchedlint(['--help', '--lang', 'ja']).stdout, /--min-severity 重大度[\s\S]*schedlint explain ルール/);
});

test('colours: --color always/never, FORCE_COLOR, NO_COLOR; never in a pipe by default', () => {
  const plain = runSchedlint(['--root', 'examples/host']);
  assert.doesNotMatch(plain.stdout, ESCAPE, 'a pipe gets no colours');
  const always = runSchedlint(['--root', 'examples/host', '--color', 'always']);
  assert.match(always.stdout, /\x1b\[1m\x1b\[31merror\x1b\[39m\x1b\[22m/, 'error in bold red');
  assert.match(always.stdout, /\x1b\[33mwarning\x1b\[39m/, 'warning in yellow');
  assert.match(always.stdout, /\x1b\[1m\/var\/spool\/cron\/crontabs\/root:3:15\x1b\[22m/, 'the path in bold');
  assert.match(always.stdout, /\x1b\[2m\[crontab\/user-field-in-user-crontab\]\x1b\[22m/, 'the rule id dimmed');
  assert.equal(always.stdout.replace(/\x1b\[\d+m/g, ''), plain.stdout, 'colours add nothing else');
  assert.match(runSchedlint(['--root', 'examples/host'], { env: { FORCE_COLOR: '1' } }).stdout, ESCAPE);
  assert.match(runSchedlint(['--root', 'examples/host'], { env: { FORCE_COLOR: '' } }).stdout, ESCAPE);
  assert.doesNotMatch(runSchedlint(['--root', 'examples/host', '--color', 'never'], { env: { FORCE_COLOR: '3' } }).stdout, ESCAPE, '--color beats the environment');
  assert.match(runSchedlint(['--root', 'examples/host', '--color', 'always'], { env: { NO_COLOR: '1' } }).stdout, ESCAPE);
  assert.doesNotMatch(runSchedlint(['--root', 'examples/host', '--format', 'json', '--color', 'always']).stdout, ESCAPE, 'JSON is never coloured');
});

test('useColor follows no-color.org and the FORCE_COLOR convention', () => {
  const terminal = true;
  assert.equal(useColor('auto', {}, terminal), true);
  assert.equal(useColor('auto', {}, false), false);
  assert.equal(useColor('auto', { NO_COLOR: '1' }, terminal), false);
  assert.equal(useColor('auto', { NO_COLOR: 'false' }, terminal), false, 'any non-empty NO_COLOR disables');
  assert.equal(useColor('auto', { NO_COLOR: '' }, terminal), true, 'an empty NO_COLOR is as if unset');
  assert.equal(useColor('auto', { FORCE_COLOR: '0' }, terminal), false);
  assert.equal(useColor('auto', { FORCE_COLOR: 'false' }, terminal), false);
  for (const value of ['1', '2', '3', '', 'true']) assert.equal(useColor('auto', { FORCE_COLOR: value }, false), true, `FORCE_COLOR=${value}`);
  assert.equal(useColor('auto', { FORCE_COLOR: '1', NO_COLOR: '1' }, false), true, 'FORCE_COLOR wins over NO_COLOR, as in Node.js');
  assert.equal(useColor('auto', { TERM: 'dumb' }, terminal), false);
  assert.equal(useColor('always', { NO_COLOR: '1' }, false), true);
  assert.equal(useColor('never', { FORCE_COLOR: '1' }, terminal), false);
});

test('a terminal gets colours, unless NO_COLOR says no (runCli with a terminal on standard output)', () => {
  const run = (env: NodeJS.ProcessEnv) => {
    let stdout = '';
    runCli({ argv: ['--root', 'examples/host'], env: { LANG: 'C.UTF-8', ...env }, stdout: (text) => (stdout += text), stderr: () => undefined, readStdin: () => '', stdoutIsTerminal: true });
    return stdout;
  };
  assert.match(run({}), ESCAPE);
  assert.doesNotMatch(run({ NO_COLOR: '1' }), ESCAPE);
  assert.doesNotMatch(run({ TERM: 'dumb' }), ESCAPE);
});

test('a reader that stops early (| head) ends the run quietly, without an EPIPE stack trace', () => {
  // SARIF of examples/host is larger than a pipe's buffer, so the write after head exits meets a closed pipe.
  const script = `"${process.execPath}" "${repoPath('dist', 'cli', 'schedlint.js')}" --root examples/host --format sarif | head -c 10 >/dev/null`;
  const run = spawnSync('sh', ['-c', script], { cwd: repoPath(), encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0, 'the status of the pipeline (head)');
});
