// `schedlint --fix`, `--fix --diff` and `--fix-dry-run` on files written to a temporary folder: the text after
// the fix for every rule whose fix is safe, what is left alone (fixes that need a choice), the re-lint after
// it, atomic writes that keep mode and link, and the refusals (--root/--host, standard input).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runSchedlint } from '../support/run-cli';

function tempFolder(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-fix-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

interface Case {
  rule: string;
  /** Path inside the temporary folder: the format comes from it, as for any file. */
  file: string;
  text: string;
  after: string;
  args?: string[];
}

// One case per rule whose fix `--fix` applies (`--fix: yes` on its page).
const SAFE: Case[] = [
  { rule: 'crontab/missing-final-newline', file: 'etc/cron.d/nightly', text: '0 3 * * * root /usr/local/bin/nightly', after: '0 3 * * * root /usr/local/bin/nightly\n', args: ['--dialect', 'debian'] },
  { rule: 'crontab/invalid-environment', file: 'etc/cron.d/quiet', text: 'MAILTO=\n0 3 * * * root /usr/local/bin/nightly\n', after: 'MAILTO=""\n0 3 * * * root /usr/local/bin/nightly\n', args: ['--dialect', 'debian'] },
  { rule: 'file/byte-order-mark', file: 'etc/cron.d/report', text: '\ufeff0 3 * * * root /usr/local/bin/report\n', after: '0 3 * * * root /usr/local/bin/report\n', args: ['--dialect', 'debian'] },
  { rule: 'crontab/crlf-line-ending', file: 'etc/cron.d/backup', text: '0 3 * * * root /usr/local/bin/backup\r\n', after: '0 3 * * * root /usr/local/bin/backup\n' },
  { rule: 'crontab/unescaped-percent', file: 'etc/cron.d/dump', text: '0 3 * * * root pg_dumpall > /var/backups/db-$(date +%F).sql\n', after: '0 3 * * * root pg_dumpall > /var/backups/db-$(date +\\%F).sql\n' },
  { rule: 'crontab/user-field-in-user-crontab', file: 'var/spool/cron/crontabs/alice', text: '0 3 * * * root /usr/local/bin/backup\n', after: '0 3 * * * /usr/local/bin/backup\n' },
  {
    rule: 'systemd/inline-comment',
    file: 'etc/systemd/system/backup.timer',
    text: '[Timer]\nOnCalendar=daily # every night\n\n[Install]\nWantedBy=timers.target\n',
    after: '[Timer]\n# every night\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n',
  },
  { rule: 'certbot/renew-hook-spelling', file: 'etc/letsencrypt/cli.ini', text: 'renew-hook = systemctl reload nginx\n', after: 'deploy-hook = systemctl reload nginx\n' },
  {
    rule: 'certbot/deploy-hook-in-renewal-conf',
    file: 'etc/letsencrypt/renewal/example.com.conf',
    text: 'version = 2.1.0\narchive_dir = /etc/letsencrypt/archive/example.com\ncert = /etc/letsencrypt/live/example.com/cert.pem\nprivkey = /etc/letsencrypt/live/example.com/privkey.pem\nchain = /etc/letsencrypt/live/example.com/chain.pem\nfullchain = /etc/letsencrypt/live/example.com/fullchain.pem\n\n[renewalparams]\nauthenticator = webroot\nwebroot_path = /var/www/html\ndeploy_hook = systemctl reload nginx\n',
    after: 'version = 2.1.0\narchive_dir = /etc/letsencrypt/archive/example.com\ncert = /etc/letsencrypt/live/example.com/cert.pem\nprivkey = /etc/letsencrypt/live/example.com/privkey.pem\nchain = /etc/letsencrypt/live/example.com/chain.pem\nfullchain = /etc/letsencrypt/live/example.com/fullchain.pem\n\n[renewalparams]\nauthenticator = webroot\nwebroot_path = /var/www/html\nrenew_hook = systemctl reload nginx\n',
  },
];

for (const item of SAFE) {
  test(`--fix applies the fix of ${item.rule}, says so, and the re-lint no longer reports it`, () => {
    const folder = tempFolder({ [item.file]: item.text });
    const file = path.join(folder, item.file);
    const run = runSchedlint(['--fix', ...(item.args ?? []), file]);
    assert.equal(fs.readFileSync(file, 'utf8'), item.after, run.stdout + run.stderr);
    assert.match(run.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: fixed: .* \\[${item.rule}\\]$`, 'm'));
    assert.match(run.stdout, /^\d+ fix(es)? applied in 1 file$/m);
    // The lint after the fix: the rule's finding is gone from the report.
    assert.doesNotMatch(run.stdout, new RegExp(`: (error|warning|info|hint): .*\\[${item.rule}\\]$`, 'm'));
    assert.notEqual(run.code, 2, run.stderr);
  });
}

test('--fix leaves fixes that need a choice: a user for a job, a minute, a guessed key, what `5;35` meant', () => {
  const files = {
    'etc/cron.d/sync': '5;35 * * * * root /usr/local/bin/sync\n',
    'etc/cron.d/renew': '0 3 * * * /usr/bin/certbot renew\n',
    'etc/cron.d/poll': '* 3 * * * root /usr/local/bin/poll\n',
    'etc/systemd/system/backup.timer': '[Timer]\nOnCalender=daily\n\n[Install]\nWantedBy=timers.target\n',
  };
  const folder = tempFolder(files);
  for (const name of Object.keys(files)) {
    const run = runSchedlint(['--fix', '--dialect', 'debian', path.join(folder, name)]);
    assert.equal(fs.readFileSync(path.join(folder, name), 'utf8'), files[name as keyof typeof files], `${name} changed`);
    assert.doesNotMatch(run.stdout, /fixed:/);
    // What remains is reported, with the fix the editor offers.
    assert.match(run.stdout, /\[(crontab\/missing-user-field|crontab\/wildcard-minute|systemd\/unknown-directive|crontab\/ignored-characters)\]$/m);
  }
});

test('--fix on a folder fixes the files of the repository, and passes until nothing changes', () => {
  // The CRLF fix and the final newline on one line, and the `%` the CRLF hid: several fixes, one file.
  const folder = tempFolder({ 'deploy/cron.d/app': 'MAILTO=\r\n0 3 * * * root date +%F >> /var/log/app\r\n0 4 * * * root /bin/true' });
  const run = runSchedlint(['--fix', '--dialect', 'debian', folder]);
  assert.equal(fs.readFileSync(path.join(folder, 'deploy/cron.d/app'), 'utf8'), 'MAILTO=""\n0 3 * * * root date +\\%F >> /var/log/app\n0 4 * * * root /bin/true\n', run.stdout + run.stderr);
  assert.match(run.stdout, /^4 fixes applied in 1 file$/m);
  assert.match(run.stdout, /^0 errors, 0 warnings, 0 infos, 0 hints in 1 file$/m);
  assert.equal(run.code, 0, run.stderr);
});

test('--fix keeps the mode, writes through a symlink, and leaves no temporary file', () => {
  const folder = tempFolder({ 'real/job': '0 3 * * * root /bin/true' });
  fs.chmodSync(path.join(folder, 'real/job'), 0o640);
  fs.mkdirSync(path.join(folder, 'etc/cron.d'), { recursive: true });
  fs.symlinkSync(path.join(folder, 'real/job'), path.join(folder, 'etc/cron.d/job'));
  const run = runSchedlint(['--fix', '--dialect', 'debian', path.join(folder, 'etc/cron.d/job')]);
  assert.equal(fs.readFileSync(path.join(folder, 'real/job'), 'utf8'), '0 3 * * * root /bin/true\n', run.stdout + run.stderr);
  assert.ok(fs.lstatSync(path.join(folder, 'etc/cron.d/job')).isSymbolicLink(), 'the link was replaced');
  assert.equal(fs.statSync(path.join(folder, 'real/job')).mode & 0o7777, 0o640);
  assert.deepEqual(fs.readdirSync(path.join(folder, 'real')), ['job']);
});

test('--fix --diff and --fix-dry-run print a diff that patch applies, write nothing, and exit 1', () => {
  const text = 'MAILTO=\n0 1 * * * root /bin/a\n0 2 * * * root /bin/b\n0 3 * * * root /bin/c\n0 4 * * * root /bin/d\n0 5 * * * root /bin/e\n0 6 * * * root /bin/f\n0 7 * * * root /bin/g\n0 8 * * * root /bin/h\n0 9 * * * root /bin/i';
  const folder = tempFolder({ 'etc/cron.d/jobs': text });
  const file = path.join(folder, 'etc/cron.d/jobs');
  for (const args of [['--fix', '--diff'], ['--fix-dry-run']]) {
    const run = runSchedlint([...args, '--dialect', 'debian', file]);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), text, 'written');
    // Two hunks: the first line, the last (3 lines of context each, too far apart to merge).
    assert.equal(run.stdout, `--- ${file}\n+++ ${file}\n@@ -1,4 +1,4 @@\n-MAILTO=\n+MAILTO=""\n 0 1 * * * root /bin/a\n 0 2 * * * root /bin/b\n 0 3 * * * root /bin/c\n@@ -7,4 +7,4 @@\n 0 6 * * * root /bin/f\n 0 7 * * * root /bin/g\n 0 8 * * * root /bin/h\n-0 9 * * * root /bin/i\n\\ No newline at end of file\n+0 9 * * * root /bin/i\n`);
    const copy = path.join(folder, 'copy');
    fs.writeFileSync(copy, text);
    const patched = spawnSync('patch', ['-s', copy], { input: run.stdout, encoding: 'utf8' });
    if (patched.error) continue; // no patch(1) here: the exact text above is the check
    assert.equal(patched.status, 0, patched.stderr);
    assert.equal(fs.readFileSync(copy, 'utf8'), 'MAILTO=""\n' + text.slice('MAILTO=\n'.length) + '\n');
  }
  const clean = runSchedlint(['--fix', '--diff', '--dialect', 'debian', path.join(folder, 'copy')]);
  assert.deepEqual([clean.code, clean.stdout], [0, '']);
});

test('--fix refuses --root, --host and standard input, and --diff needs --fix', () => {
  for (const args of [['--fix', '--root', '.'], ['--fix', '--host'], ['--fix', '--kind', 'crontab-system', '-'], ['--diff', 'x']]) {
    const run = runSchedlint(args);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, /^schedlint: --(fix|diff) /, args.join(' '));
  }
  assert.match(runSchedlint(['--fix', '--host'], { env: { LANG: 'ja_JP.UTF-8' } }).stderr, /schedlint はそれを書き換えません/);
});
