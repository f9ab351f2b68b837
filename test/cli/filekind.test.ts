// Issue #19 as the CLI contract: every file in its right format wherever it sits, what was assumed said in
// text and JSON, --kind over every format, the exit status table row by row, one-line option errors, fix
// hints, and the cron search horizon.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { lintExitStatus } from '../../server/src/cli/exit-status';
import type { FileReport } from '../../server/src/engine/scan';
import type { Finding } from '../../server/src/engine/types';
import { runSchedlint } from '../support/run-cli';

interface JsonFile {
  path: string;
  kind: string;
  assumed?: { format: string; reason: string; weak: boolean; dialect?: string; dialectReason?: string };
  diagnostics: { rule: string; severity: string; fixes: { title: string }[] }[];
}

function makeTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-filekind-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

const json = (args: string[], input?: string) => JSON.parse(runSchedlint([...args, '--format', 'json'], { input }).stdout) as { files: JsonFile[] };

const SEED_000 = '39 1,13 * * * root certbot renew --no-self-upgrade\n';
const RENEWAL = [
  '# renew_before_expiry = 30 days',
  'version = 2.1.0',
  'archive_dir = /etc/letsencrypt/archive/example.com',
  'cert = /etc/letsencrypt/live/example.com/cert.pem',
  'privkey = /etc/letsencrypt/live/example.com/privkey.pem',
  'chain = /etc/letsencrypt/live/example.com/chain.pem',
  'fullchain = /etc/letsencrypt/live/example.com/fullchain.pem',
  '',
  '[renewalparams]',
  'account = 0123456789abcdef',
  'authenticator = webroot',
  'webroot_path = /var/www/html,',
  'server = https://acme-v02.api.letsencrypt.org/directory',
  '',
].join('\n');
const CLI_INI = 'rsa-key-size = 4096\nemail = admin@example.com\nagree-tos = true\nauthenticator = webroot\n';
const TIMER = '[Unit]\nDescription=Renew certificates\n\n[Timer]\nOnCalendar=*-*-* 03:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n';
const SERVICE = '[Unit]\nDescription=Renew certificates\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/certbot -q renew\n';

test('seed 000 copied and linted by path: the spool path decides, wherever the copy sits', () => {
  const root = makeTree({ 'some/dir/var/spool/cron/root': SEED_000 });
  const file = path.join(root, 'some/dir/var/spool/cron/root');
  const run = runSchedlint([file]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /var\/spool\/cron\/root:1:15: error: .* \[crontab\/user-field-in-user-crontab\]/);
  const [report] = json([file]).files;
  assert.deepEqual({ format: report.assumed?.format, reason: report.assumed?.reason, weak: report.assumed?.weak }, { format: 'crontab-user', reason: 'path', weak: false });
  assert.ok(report.assumed?.dialect && report.assumed.dialectReason, 'the cron it was read for, and why');
  const debian = path.join(makeTree({ 'backup/var/spool/cron/crontabs/root': SEED_000 }), 'backup/var/spool/cron/crontabs/root');
  assert.equal(runSchedlint([debian]).code, 1);
});

test('certbot files outside /etc/letsencrypt are read as certbot files, not crontabs', () => {
  const root = makeTree({ 'example.com.conf': RENEWAL, 'cli.ini': CLI_INI, 'app.ini': '[server]\nlisten = 80\n' });
  const run = runSchedlint(['./example.com.conf'], { cwd: root });
  assert.doesNotMatch(run.stdout + run.stderr, /Expected a number|minute field/);
  const renewal = json([path.join(root, 'example.com.conf')]).files[0];
  assert.equal(renewal.kind, 'certbot-renewal');
  assert.deepEqual(renewal.assumed, { format: 'certbot-renewal', reason: 'content', weak: false });
  assert.ok(!renewal.diagnostics.some((diagnostic) => diagnostic.rule.startsWith('crontab/')));
  const cliIni = json([path.join(root, 'cli.ini')]).files[0];
  assert.equal(cliIni.kind, 'certbot-cli-ini');
  assert.deepEqual(cliIni.diagnostics, []);
  // A generic INI is not a crontab either: not linted, and the text says so.
  const generic = runSchedlint([path.join(root, 'app.ini')]);
  assert.equal(generic.code, 0);
  assert.match(generic.stdout, /app\.ini: note: not linted: INI text/);
  assert.equal(json([path.join(root, 'app.ini')]).files[0].kind, 'unrecognized');
});

test('--kind takes every format, and an unknown one lists them', () => {
  const cases: [string, string, string][] = [
    ['crontab-system', SEED_000, 'crontab-system'],
    ['crontab-user', SEED_000, 'crontab-user'],
    ['unit', TIMER, 'systemd-timer'],
    ['certbot-renewal', RENEWAL, 'certbot-renewal'],
    ['certbot-cli-ini', CLI_INI, 'certbot-cli-ini'],
    ['github-actions-workflow', "on:\n  schedule:\n    - cron: '0 3 * * *'\n", 'github-actions-workflow'],
  ];
  for (const [kind, text, reported] of cases) {
    const [report] = json(['-', '--kind', kind], text).files;
    assert.equal(report.kind, reported, kind);
    assert.deepEqual({ format: report.assumed?.format, reason: report.assumed?.reason }, { format: kind, reason: 'cli' }, kind);
  }
  const wrong = runSchedlint(['--kind', 'timer', 'x']);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /^schedlint: --kind does not take 'timer' \(use one of: crontab-system, crontab-user, unit, certbot-renewal, certbot-cli-ini, certificate, web-server, github-actions-workflow, kubernetes-cronjob\)/);
});

test('what was assumed: --verbose says it per file, a weak guess is said without it, JSON has it always', () => {
  const root = makeTree({ 'jobs/renew': SEED_000, 'var/spool/cron/crontabs/alice': '0 3 * * * /usr/bin/backup\n' });
  const guessed = path.join(root, 'jobs/renew');
  const quiet = runSchedlint([guessed]);
  assert.match(quiet.stdout, /jobs\/renew: note: read as a system crontab, guessed from few or disagreeing lines of its content; give --kind to be sure/);
  const verbose = runSchedlint(['--verbose', guessed, path.join(root, 'var/spool/cron/crontabs/alice'), '--dialect', 'cronie']);
  assert.match(verbose.stdout, /jobs\/renew: read as a system crontab \(guessed from its content\) for cronie \(given with --dialect\)/);
  assert.match(verbose.stdout, /crontabs\/alice: read as a user crontab \(from its path\) for cronie \(given with --dialect\)/);
  assert.doesNotMatch(runSchedlint([path.join(root, 'var/spool/cron/crontabs/alice')]).stdout, /read as/, 'no line without --verbose when the path decided');
  const [report] = json([guessed, '--dialect', 'debian']).files;
  assert.deepEqual(report.assumed, { format: 'crontab-system', reason: 'content', weak: true, dialect: 'debian', dialectReason: 'setting' });
  assert.match(runSchedlint(['-v', guessed, '--lang', 'ja']).stdout, /jobs\/renew: .*システム crontab として読みました（内容から推定/);
});

test('a folder read as a repository lints timers, services and certbot files, not only crontabs', () => {
  const root = makeTree({
    'roles/certbot/files/certbot-renew.timer': TIMER,
    'roles/certbot/files/certbot-renew.service': SERVICE,
    'roles/certbot/files/example.com.conf': RENEWAL,
    'roles/certbot/files/cli.ini': CLI_INI,
    'roles/certbot/files/nginx.conf': 'user nginx;\nworker_processes auto;\n',
    'roles/certbot/files/app.ini': '[server]\nlisten = 80\n',
    'roles/certbot/tasks/main.yml': '- name: timer\n  ansible.builtin.copy:\n    src: certbot-renew.timer\n    dest: /etc/systemd/system/certbot-renew.timer\n',
    'roles/certbot/files/timers.target.wants/certbot-renew.timer': '/etc/systemd/system/certbot-renew.timer\n',
  });
  const output = json([root]);
  const kinds = Object.fromEntries(output.files.map((file) => [path.relative(root, file.path), file.kind]));
  assert.deepEqual(kinds, {
    'roles/certbot/files/certbot-renew.service': 'systemd-service',
    'roles/certbot/files/certbot-renew.timer': 'systemd-timer',
    'roles/certbot/files/cli.ini': 'certbot-cli-ini',
    'roles/certbot/files/example.com.conf': 'certbot-renewal',
  });
  // The copy is not on its host: this machine's missing /etc/letsencrypt/live is no finding about it.
  assert.ok(!output.files.some((file) => file.diagnostics.some((diagnostic) => diagnostic.rule === 'certbot/missing-file')));
  const text = runSchedlint([root]);
  assert.equal(text.code, 0, text.stdout);
  assert.match(text.stdout, /in 4 files$/m);
  // A timer with no trigger in a role is found like one on a host.
  const broken = makeTree({ 'files/backup.timer': '[Timer]\nPersistent=true\n', 'files/backup.service': SERVICE });
  const found = json([broken]).files.find((file) => file.path.endsWith('backup.timer'));
  assert.ok(found?.diagnostics.some((diagnostic) => diagnostic.rule === 'systemd/timer-without-trigger'));
});

test('exit status: every row of the table', () => {
  const root = makeTree({ 'clean/etc/cron.d/ok': 'MAILTO=""\n17 3 * * * root /usr/bin/backup\n', 'bad/var/spool/cron/root': SEED_000 });
  const clean = path.join(root, 'clean/etc/cron.d/ok');
  const bad = path.join(root, 'bad/var/spool/cron/root');
  assert.equal(runSchedlint([clean]).code, 0, '0: no finding at error severity');
  assert.equal(runSchedlint([bad]).code, 1, '1: a finding at error severity');
  assert.equal(runSchedlint([bad, '--exit-zero']).code, 0, '--exit-zero turns 1 into 0');
  assert.equal(runSchedlint([bad, '--rule', 'crontab/user-field-in-user-crontab=warning']).code, 0, 'severity decides, not the finding');
  assert.equal(runSchedlint(['--nope', clean]).code, 2, '2: usage error');
  const missing = runSchedlint([clean, path.join(root, 'no-such-file')]);
  assert.equal(missing.code, 2, '2: a missing file');
  assert.equal(runSchedlint([path.join(root, 'no-such-file'), '--exit-zero']).code, 2, '--exit-zero keeps 2');
  // Unreadable: a FIFO is no file to read, whoever runs the test (root reads a mode-000 file).
  const fifo = path.join(root, 'pipe');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status === 0) {
    const unreadable = runSchedlint([clean, fifo]);
    assert.equal(unreadable.code, 2, `2: an unreadable file\n${unreadable.stdout}`);
    assert.match(unreadable.stdout, /pipe:1:1: warning: .*\[file\/unreadable\]/);
    assert.equal(runSchedlint([fifo, '--exit-zero']).code, 2);
  }
  if (process.getuid?.() !== 0) {
    const locked = path.join(root, 'locked');
    fs.writeFileSync(locked, '0 3 * * * /bin/true\n', { mode: 0o000 });
    assert.equal(runSchedlint([locked]).code, 2, '2: permission denied');
  }
});

test('exit status: an internal error in a rule is 2, even among clean files and with --exit-zero', () => {
  const finding = (ruleId: string, severity: Finding['severity'], messageId = 'x'): Finding => ({ ruleId, messageId, severity, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'm' });
  const report = (...findings: Finding[]): FileReport => ({ path: '/etc/crontab', kind: 'crontab-system', findings });
  const options = { missingInput: false, exitZero: false };
  assert.equal(lintExitStatus([report()], options), 0);
  assert.equal(lintExitStatus([report(finding('crontab/wildcard-minute', 'warning'))], options), 0);
  assert.equal(lintExitStatus([report(finding('crontab/missing-user-field', 'error'))], options), 1);
  assert.equal(lintExitStatus([report(), report(finding('internal/rule-error', 'error'))], options), 2);
  assert.equal(lintExitStatus([report(finding('internal/rule-error', 'warning'))], { missingInput: false, exitZero: true }), 2);
  // How runRuleSafely reports a rule that threw, today: the rule's own id with the message id `internal-error`.
  assert.equal(lintExitStatus([report(finding('crontab/unknown-user', 'error', 'internal-error'))], { missingInput: false, exitZero: true }), 2);
  assert.equal(lintExitStatus([report(finding('file/unreadable', 'warning'))], options), 2);
  assert.equal(lintExitStatus([report()], { missingInput: true, exitZero: true }), 2);
});

test('unknown options: one line of ours, a did-you-mean when close; --version is in --help', () => {
  const foo = runSchedlint(['--foo', 'x']);
  assert.equal(foo.code, 2);
  assert.equal(foo.stderr, "schedlint: unknown option '--foo' (see schedlint --help)\n");
  assert.equal(runSchedlint(['--fromat', 'json', 'x']).stderr, "schedlint: unknown option '--fromat'; did you mean '--format'? (see schedlint --help)\n");
  assert.equal(runSchedlint(['--exitzero', 'x']).stderr, "schedlint: unknown option '--exitzero'; did you mean '--exit-zero'? (see schedlint --help)\n");
  assert.equal(runSchedlint(['-x', 'x']).stderr, "schedlint: unknown option '-x' (see schedlint --help)\n");
  assert.equal(runSchedlint(['--format']).stderr, "schedlint: option '--format' needs a value (see schedlint --help)\n");
  assert.equal(runSchedlint(['cron', '--iteration', '3', '0 3 * * *']).stderr, "schedlint: unknown option '--iteration'; did you mean '--iterations'? (see schedlint cron --help)\n");
  assert.match(runSchedlint(['--foo', 'x'], { env: { LANG: 'ja_JP.UTF-8' } }).stderr, /^schedlint: 不明なオプション '--foo' です/);
  // What follows `--` is a path, whatever it looks like; grouped short flags are fine.
  assert.match(runSchedlint(['--', '--foo']).stderr, /cannot read --foo/);
  assert.equal(runSchedlint(['-hv']).code, 0);
  const help = runSchedlint(['--help']).stdout;
  assert.match(help, /--version/);
  assert.match(help, /--verbose/);
  assert.match(help, /unit, certbot-renewal, certbot-cli-ini/);
});

test('text output shows the preferred fix under a finding that has one', () => {
  const file = path.join(makeTree({ 'var/spool/cron/crontabs/root': SEED_000 }), 'var/spool/cron/crontabs/root');
  const lines = runSchedlint([file]).stdout.split('\n');
  const at = lines.findIndex((line) => line.includes('[crontab/user-field-in-user-crontab]'));
  assert.ok(at >= 0);
  assert.equal(lines[at + 1], '  help: Remove `root` (user crontabs have no user column)');
  const ja = runSchedlint([file, '--lang', 'ja']).stdout;
  assert.match(ja, /\n {2}修正案：/);
});

test('schedlint cron says when the 30-year search stopped before the runs asked for', () => {
  const base = ['--base-time', '2026-12-01 00:00:00'];
  const text = runSchedlint(['cron', '0 3 1 */3 *', '--iterations', '1000', ...base], { env: { TZ: 'UTC' } });
  assert.equal(text.code, 0);
  assert.match(text.stdout, /Note: only 120 of 1000 runs in the next 30 years: the search stops there/);
  const entry = JSON.parse(runSchedlint(['cron', '0 3 1 */3 *', '--iterations', '1000', '--format', 'json', ...base], { env: { TZ: 'UTC' } }).stdout).cron[0];
  assert.equal(entry.horizonReached, true);
  assert.equal(entry.next.length, 120);
  const enough = JSON.parse(runSchedlint(['cron', '0 3 1 */3 *', '--iterations', '5', '--format', 'json', ...base]).stdout).cron[0];
  assert.equal(enough.horizonReached, false);
  assert.doesNotMatch(runSchedlint(['cron', '0 3 1 */3 *', '--iterations', '5', ...base]).stdout, /Note:/);
});
