// The repository's .pre-commit-hooks.yaml: its `files` patterns select exactly what the engine reads as each
// format, and the hooks, run by Debian's `pre-commit` in a throwaway git repository, fail on findings and pass
// once they are gone. Offline: the hooks are declared as `repo: local` with `language: system` and the built
// CLI as entry (a `language: node` install would fetch packages); everything else (ids, files, types, args,
// pass_filenames) is taken from .pre-commit-hooks.yaml as it is. SKIPPED without pre-commit or git (CI installs
// pre-commit: .ci/run).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { certbotFileKind } from '../../server/src/engine/certbot/lint-certbot';
import { isCrontabPath, looksLikeCrontabName } from '../../server/src/engine/crontab/kind';
import { isUnitFilePath } from '../../server/src/engine/systemd/lint-unit';
import { repoPath } from '../support/paths';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  types?: string[];
  args?: string[];
  pass_filenames?: boolean;
}

const HOOKS = parse(fs.readFileSync(repoPath('.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string) => HOOKS.find((item) => item.id === id)!;

const SAMPLES = [
  'crontab',
  'etc/crontab',
  'deploy/app.cron',
  'files/backup.crontab',
  'docker/cron.d/renew',
  'files/var/spool/cron/crontabs/root',
  'files/var/spool/cron/alice',
  'systemd/backup.timer',
  'systemd/backup.service',
  'systemd/backup.timer.d/override.conf',
  'systemd/timer.d/accuracy.conf',
  'systemd/app-.service.d/10-limits.conf',
  'etc/letsencrypt/cli.ini',
  'etc/letsencrypt/renewal/example.com.conf',
  'README.md',
  'cron.d.md',
  'etc/cron.daily/backup',
  'app/cron.d.conf',
  'nginx/sites/default.conf',
  'letsencrypt/renewal.conf',
  'crontab.txt',
];

test('the hooks select what the engine reads as crontabs, units and certbot files', () => {
  const wrong: string[] = [];
  for (const sample of SAMPLES) {
    const expected: Record<string, boolean> = {
      'schedlint-crontab': isCrontabPath('/' + sample) || looksLikeCrontabName('/' + sample),
      'schedlint-systemd': isUnitFilePath('/' + sample),
      'schedlint-certbot': certbotFileKind('/' + sample) !== undefined,
    };
    for (const [id, want] of Object.entries(expected)) {
      if (new RegExp(hook(id).files).test(sample) !== want) wrong.push(`${id} ${want ? 'misses' : 'takes'} ${sample}`);
    }
    // The whole-repository hook runs whenever one of the others would.
    if (Object.values(expected).some(Boolean) && !new RegExp(hook('schedlint').files).test(sample)) wrong.push(`schedlint misses ${sample}`);
  }
  assert.deepEqual(wrong, []);
  for (const item of HOOKS) assert.equal(item.entry, 'schedlint', `${item.id}: the package's bin`);
});

const tool = (name: string) => spawnSync(name, ['--version'], { encoding: 'utf8' }).status === 0;
const missing = ['pre-commit', 'git'].filter((name) => !tool(name));

test('pre-commit runs the hooks in a throwaway repository: failed on findings, passed after', { skip: missing.length > 0 ? `not installed: ${missing.join(', ')}` : false, timeout: 120_000 }, () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-pre-commit-'));
  const env = { ...process.env, PRE_COMMIT_HOME: path.join(folder, '.cache'), LANG: 'C.UTF-8', LC_ALL: '', GIT_CONFIG_NOSYSTEM: '1', HOME: folder };
  const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: path.join(folder, 'repo'), env, encoding: 'utf8', timeout: 60_000 });
  fs.mkdirSync(path.join(folder, 'repo'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(folder, 'repo', file)), { recursive: true });
    fs.writeFileSync(path.join(folder, 'repo', file), text);
  };
  write('deploy/cron.d/renew', '0 3 * * * certbot renew\n');
  write('deploy/systemd/backup.timer', '[Timer]\nOnCalender=daily\n\n[Install]\nWantedBy=timers.target\n');
  write('deploy/letsencrypt/cli.ini', 'emial = admin@example.com\n');
  write('README.md', '* * * * * not a crontab\n');
  const entry = `${JSON.stringify(process.execPath)} ${JSON.stringify(repoPath('dist', 'cli', 'schedlint.js'))}`;
  const local = HOOKS.map((item) => ({ ...item, language: 'system', entry }));
  write('.pre-commit-config.yaml', JSON.stringify({ repos: [{ repo: 'local', hooks: local }] }, null, 2));
  assert.equal(run('git', ['init', '-q', '.']).status, 0);
  assert.equal(run('git', ['add', '-A']).status, 0);

  const failing = run('pre-commit', ['run', '--all-files', '--color', 'never']);
  const output = failing.stdout + failing.stderr;
  assert.equal(failing.status, 1, output);
  for (const id of ['crontabs', 'systemd units', 'certbot', 'whole repository']) assert.match(output, new RegExp(`^schedlint \\(${id}\\)\\.+Failed$`, 'm'), output);
  assert.match(output, /deploy\/cron\.d\/renew:1:\d+: error: .*\[crontab\/missing-user-field\]/);
  assert.match(output, /deploy\/systemd\/backup\.timer:2:1: .*\[systemd\/unknown-directive\]/);
  assert.match(output, /deploy\/letsencrypt\/cli\.ini:1:1: .*\[certbot\/unknown-key\]/);
  assert.doesNotMatch(output, /README\.md/);

  write('deploy/cron.d/renew', '0 3 * * * root certbot renew\n');
  write('deploy/systemd/backup.timer', '[Timer]\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n');
  write('deploy/letsencrypt/cli.ini', 'email = admin@example.com\n');
  assert.equal(run('git', ['add', '-A']).status, 0);
  const passing = run('pre-commit', ['run', '--all-files', '--color', 'never']);
  const after = passing.stdout + passing.stderr;
  // Warnings (a timer whose service is not in the repository) do not fail a hook: exit 0 unless an error.
  assert.equal(passing.status, 0, after);
  for (const id of ['crontabs', 'systemd units', 'certbot', 'whole repository']) assert.match(after, new RegExp(`^schedlint \\(${id}\\)\\.+Passed$`, 'm'), after);
});
