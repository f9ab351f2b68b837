// The project configuration file in the CLI: found from the linted path upwards up to the repository root,
// precedence (--rule/--kind/--dialect > the nearest config's overrides > its rules > defaults), ignore globs,
// clear errors with file, line and column for an invalid file (exit 2, nothing linted), and --print-config.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runSchedlint } from '../support/run-cli';

function tempRepository(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-config-'));
  fs.mkdirSync(path.join(folder, '.git'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

const EVERY_MINUTE = '* 3 * * * root /usr/local/bin/poll\n';
const CONFIG = `# rules for the whole repository, stricter for deploy/
rules:
  crontab/wildcard-minute: error
overrides:
  - files: deploy/**
    rules:
      crontab/wildcard-minute: info
  - files: ["jobs/*.cron"]
    format: crontab-user
ignore:
  - vendor/
`;

/** The severity the CLI printed for crontab/wildcard-minute, or undefined when it was not reported. */
function wildcardSeverity(stdout: string): string | undefined {
  return stdout.match(/: (error|warning|info|hint): .*\[crontab\/wildcard-minute\]$/m)?.[1];
}

test('precedence: defaults, then the config, then its overrides for the file, then --rule', () => {
  const bare = tempRepository({ 'etc/cron.d/poll': EVERY_MINUTE });
  assert.equal(wildcardSeverity(runSchedlint([path.join(bare, 'etc/cron.d/poll')]).stdout), 'warning', 'default');
  const folder = tempRepository({ '.schedlint.yaml': CONFIG, 'etc/cron.d/poll': EVERY_MINUTE, 'deploy/cron.d/poll': EVERY_MINUTE });
  const plain = runSchedlint([path.join(folder, 'etc/cron.d/poll')]);
  assert.equal(wildcardSeverity(plain.stdout), 'error', 'config rules');
  assert.equal(plain.code, 1);
  assert.equal(wildcardSeverity(runSchedlint([path.join(folder, 'deploy/cron.d/poll')]).stdout), 'info', 'override for deploy/**');
  assert.equal(wildcardSeverity(runSchedlint(['--rule', 'crontab/wildcard-minute=hint', path.join(folder, 'deploy/cron.d/poll')]).stdout), 'hint', '--rule beats the config');
  const off = tempRepository({ '.schedlint.json': '{ "rules": { "crontab/wildcard-minute": "off" } }', 'etc/cron.d/poll': EVERY_MINUTE });
  assert.equal(wildcardSeverity(runSchedlint([path.join(off, 'etc/cron.d/poll')]).stdout), undefined, 'off in .schedlint.json');
  assert.equal(wildcardSeverity(runSchedlint(['--rule', 'crontab/wildcard-minute=warning', path.join(off, 'etc/cron.d/poll')]).stdout), 'warning', '--rule beats off');
});

test('a format override reads the file in that format, and --kind beats it', () => {
  const folder = tempRepository({ '.schedlint.yaml': CONFIG, 'jobs/backup.cron': '0 3 * * * root /usr/local/bin/backup\n' });
  const file = path.join(folder, 'jobs/backup.cron');
  const run = runSchedlint(['--verbose', file]);
  assert.match(run.stdout, /read as a user crontab \(set in the configuration file\)/);
  assert.match(run.stdout, /\[crontab\/user-field-in-user-crontab\]$/m);
  const given = runSchedlint(['--verbose', '--kind', 'crontab-system', file]);
  assert.match(given.stdout, /read as a system crontab \(given with --kind\)/);
  assert.doesNotMatch(given.stdout, /user-field-in-user-crontab/);
});

test('ignore drops files found in a folder, not a file named on the command line', () => {
  const folder = tempRepository({ '.schedlint.yaml': CONFIG, 'vendor/cron.d/poll': EVERY_MINUTE, 'etc/cron.d/poll': EVERY_MINUTE });
  const run = runSchedlint([folder]);
  assert.doesNotMatch(run.stdout, /vendor/);
  assert.match(run.stdout, /etc\/cron\.d\/poll:1:1: error: /);
  assert.match(runSchedlint([path.join(folder, 'vendor/cron.d/poll')]).stdout, /vendor\/cron\.d\/poll:1:1: error: /);
});

test('the nearest config applies, and none beyond the repository root', () => {
  const outer = tempRepository({ '.schedlint.yaml': 'rules:\n  crontab/wildcard-minute: error\n' });
  fs.rmSync(path.join(outer, '.git'), { recursive: true });
  // inner/ is a repository of its own inside a folder with a config: the outer config does not reach it.
  fs.mkdirSync(path.join(outer, 'inner/.git'), { recursive: true });
  fs.mkdirSync(path.join(outer, 'inner/etc/cron.d'), { recursive: true });
  fs.writeFileSync(path.join(outer, 'inner/etc/cron.d/poll'), EVERY_MINUTE);
  fs.mkdirSync(path.join(outer, 'plain/etc/cron.d'), { recursive: true });
  fs.writeFileSync(path.join(outer, 'plain/etc/cron.d/poll'), EVERY_MINUTE);
  assert.equal(wildcardSeverity(runSchedlint([path.join(outer, 'inner/etc/cron.d/poll')]).stdout), 'warning', 'stopped at inner/.git');
  assert.equal(wildcardSeverity(runSchedlint([path.join(outer, 'plain/etc/cron.d/poll')]).stdout), 'error', 'found two folders up');
  // A nearer config replaces the outer one (no merging).
  fs.writeFileSync(path.join(outer, 'plain/.schedlint.yml'), 'rules:\n  crontab/wildcard-minute: hint\n');
  assert.equal(wildcardSeverity(runSchedlint([path.join(outer, 'plain/etc/cron.d/poll')]).stdout), 'hint', 'nearest');
});

test('an invalid config file: every problem with file, line and column, exit 2, nothing linted', () => {
  const folder = tempRepository({
    '.schedlint.yaml': 'rules:\n  crontab/wildcard-minut: error\n  crontab/never-runs: loud\noverrides:\n  - format: crontab-user\ncertificates:\n  expiryDays: -3\ncolour: red\n',
    'etc/cron.d/poll': EVERY_MINUTE,
  });
  const config = path.join(folder, '.schedlint.yaml');
  const run = runSchedlint([path.join(folder, 'etc/cron.d/poll')]);
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.deepEqual(run.stderr.trimEnd().split('\n'), [
    `${config}:2:3: unknown rule 'crontab/wildcard-minut' (docs/rules/README.md lists them)`,
    `${config}:3:23: rules.crontab/never-runs takes one of: off, hint, info, warning, error`,
    `${config}:5:5: overrides[0] needs \`files\`: the globs of the files it applies to`,
    `${config}:7:15: certificates.expiryDays takes a whole number of days from 0 to 3650`,
    `${config}:8:1: unknown setting 'colour' (known here: rules, overrides, ignore, certificates)`,
    'schedlint: the configuration file is not valid; nothing was linted',
  ]);
  fs.writeFileSync(config, 'rules: [\n');
  const broken = runSchedlint([path.join(folder, 'etc/cron.d/poll')], { env: { LANG: 'ja_JP.UTF-8' } });
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, new RegExp(`^${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: YAML または JSON として正しくありません：`, 'm'));
  fs.rmSync(config);
  fs.writeFileSync(path.join(folder, '.schedlint.json'), '{\n  "rules": {\n    "crontab/wildcard-minute": "off",\n  }\n}\n');
  const json = runSchedlint([path.join(folder, 'etc/cron.d/poll')]);
  assert.equal(json.code, 2);
  assert.match(json.stderr, /\.schedlint\.json:4:3: not valid YAML or JSON: /);
});

test('--print-config shows what applies to a file, --rule and --kind included', () => {
  const folder = tempRepository({ '.schedlint.yaml': CONFIG + 'certificates:\n  expiryDays: 21\n' });
  const printed = JSON.parse(runSchedlint(['--print-config', path.join(folder, 'deploy/x'), '--rule', 'crontab/never-runs=off']).stdout);
  assert.equal(printed.configFile, path.join(folder, '.schedlint.yaml'));
  assert.equal(printed.rules['crontab/wildcard-minute'], 'info');
  assert.equal(printed.rules['crontab/never-runs'], 'off');
  assert.equal(printed.rules['crontab/unknown-user'], 'warning', 'defaults for the rest');
  assert.equal(printed.certificates.expiryDays, 21);
  assert.equal(printed.ignored, false);
  assert.equal(JSON.parse(runSchedlint(['--print-config', path.join(folder, 'jobs/a.cron')]).stdout).format, 'crontab-user');
  assert.equal(JSON.parse(runSchedlint(['--print-config', path.join(folder, 'jobs/a.cron'), '--kind', 'unit']).stdout).format, 'unit');
  assert.equal(JSON.parse(runSchedlint(['--print-config', path.join(folder, 'vendor/a/b')]).stdout).ignored, true);
  const none = JSON.parse(runSchedlint(['--print-config', path.join(tempRepository({}), 'x')]).stdout);
  assert.equal(none.configFile, null);
  assert.equal(none.rules['crontab/wildcard-minute'], 'warning');
});

test('--fix follows the config: a rule it turns off is not fixed', () => {
  const folder = tempRepository({ '.schedlint.yaml': 'rules:\n  crontab/missing-final-newline: off\n', 'etc/cron.d/job': '0 3 * * * root /bin/true' });
  const run = runSchedlint(['--fix', path.join(folder, 'etc/cron.d/job')]);
  assert.equal(fs.readFileSync(path.join(folder, 'etc/cron.d/job'), 'utf8'), '0 3 * * * root /bin/true');
  assert.doesNotMatch(run.stdout, /fixed:/);
});

// Review 7 item 4: --fix walked folders without the files a config names by format, so it fixed nothing there.
test('--fix on a folder fixes what the lint of that folder reports, in the format the config names', () => {
  const bom = '\ufeff0 3 * * * /usr/local/bin/nightly\n';
  const folder = tempRepository({ '.schedlint.yaml': 'overrides:\n  - files: deploy/*\n    format: crontab-user\n', 'deploy/jobs': bom });
  const lint = runSchedlint(['.'], { cwd: folder });
  assert.match(lint.stdout, /deploy\/jobs:1:1: error: .*\[file\/byte-order-mark\]/, 'the lint reports it');
  const diff = runSchedlint(['--fix-dry-run', '--diff', '.'], { cwd: folder });
  assert.equal(diff.code, 1, 'a fix would apply');
  assert.match(diff.stdout, /^\+0 3 \* \* \* \/usr\/local\/bin\/nightly$/m);
  const fixed = runSchedlint(['--fix', '.'], { cwd: folder });
  assert.equal(fs.readFileSync(path.join(folder, 'deploy/jobs'), 'utf8'), bom.slice(1), fixed.stdout + fixed.stderr);
  assert.match(fixed.stdout, /deploy\/jobs:1: fixed: .*\[file\/byte-order-mark\]/);
});

// Stranger report 13: a dialect named by the config file is reported as the config's, not as --dialect's.
test("a config file's dialect is reported as coming from the config file (text and JSON), --dialect as the option's", () => {
  const folder = tempRepository({
    '.schedlint.yaml': 'overrides:\n  - files: deploy/*\n    format: crontab-system\n    dialect: cronie\n',
    'deploy/job': '0 3 * * * root /bin/true\n',
  });
  const file = path.join(folder, 'deploy/job');
  const json = JSON.parse(runSchedlint(['--format', 'json', file]).stdout) as { files: { assumed: { reason: string; dialect: string; dialectReason: string } }[] };
  assert.deepEqual(json.files[0].assumed, { format: 'crontab-system', reason: 'config', weak: false, dialect: 'cronie', dialectReason: 'config' });
  assert.match(runSchedlint(['-v', file]).stdout, /read as a system crontab \(set in the configuration file\) for cronie \(set in the configuration file\)/);
  assert.match(runSchedlint(['-v', file], { env: { LANG: 'ja_JP.UTF-8' } }).stdout, /cronie が読むシステム crontab として読みました（設定ファイルで指定。cron は設定ファイルで指定）/);
  const given = JSON.parse(runSchedlint(['--format', 'json', '--dialect', 'debian', file]).stdout) as typeof json;
  assert.deepEqual([given.files[0].assumed.dialect, given.files[0].assumed.dialectReason], ['debian', 'setting']);
});
