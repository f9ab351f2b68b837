// Issue #23: `schedlint edit` as the editor of the REAL `crontab -e` (Debian's cron package), run as a user
// this test creates (root's crontab is never touched). A scripted editor (SCHEDLINT_EDITOR) types the texts
// given to it, one per run; the "What now?" answers go through a pseudo-terminal (util-linux `script`).
// Needs root (useradd, runuser), crontab and script: without them the tests SKIP with the reason.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { chooseEditor, isSchedlintEdit, sudoeditArguments } from '../../server/src/cli/edit';
import { editedFile } from '../../server/src/engine/edit/edit-check';
import { crontabCommand, listOutcome } from '../../server/src/engine/edit/crontab-command';
import { repoPath } from '../support/paths';
import { runSchedlint } from '../support/run-cli';

// A user of this process's own: two test runs at once on one machine (two checkouts) would otherwise share
// one user's crontab, and the first to finish would delete the user under the other.
const USER = `schedlint-edit-${process.pid}`;
const SEED_000 = '39 1,13 * * * root certbot renew --no-self-upgrade';
const FIXED = '39 1,13 * * * certbot renew --no-self-upgrade';

function which(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

const missing = [
  process.getuid?.() !== 0 ? 'not running as root (the test creates a user with useradd and runs crontab -e as it)' : undefined,
  !which('crontab') ? 'crontab is not installed (apt-get install cron)' : undefined,
  !which('script') ? 'script is not installed (apt-get install bsdutils)' : undefined,
  !which('runuser') || !which('useradd') ? 'runuser/useradd are not installed' : undefined,
].filter((reason): reason is string => reason !== undefined);
const needsCrontab = missing.length > 0 ? { skip: missing.join('; ') } : {};
const missingSudo = [...missing, ...(!which('sudoedit') ? ['sudoedit is not installed (apt-get install sudo)'] : [])];
const needsSudoedit = missingSudo.length > 0 ? { skip: missingSudo.join('; ') } : {};

let work = '';
let home = '';

before(() => {
  if (missing.length > 0) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-edit-'));
  fs.chmodSync(work, 0o755);
  home = path.join(work, 'home');
  if (spawnSync('id', [USER]).status !== 0) {
    const made = spawnSync('useradd', ['--home-dir', home, '--create-home', '--shell', '/bin/sh', USER], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
  } else {
    fs.mkdirSync(home, { recursive: true });
    spawnSync('chown', [USER, home]);
  }
  // The scripted editor: run N replaces the file with texts/N when that exists, else saves it as it is.
  // The first run waits past the second: Debian's crontab installs only when the file's mtime (in seconds) changed.
  fs.mkdirSync(path.join(work, 'texts'));
  fs.writeFileSync(
    path.join(work, 'typer.sh'),
    `#!/bin/sh\ncount=$(cat ${work}/texts/count 2>/dev/null || echo 0)\ncount=$((count + 1))\necho $count > ${work}/texts/count\n[ $count = 1 ] && sleep 1.1\nif [ -f ${work}/texts/$count ]; then cat ${work}/texts/$count > "$1"; fi\n`,
    { mode: 0o755 },
  );
});

after(() => {
  if (missing.length > 0) return;
  spawnSync('crontab', ['-u', USER, '-r']);
  spawnSync('userdel', [USER]);
  fs.rmSync(work, { recursive: true, force: true });
});

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * `crontab -e` as the test user with schedlint edit as VISUAL and the texts as the scripted editor's runs;
 * `answers` typed on a pseudo-terminal, or no terminal at all when undefined.
 */
function crontabEdit(texts: string[], answers?: string, options: { lang?: string; initial?: string } = {}): { code: number; output: string; installed: string } {
  spawnSync('crontab', ['-u', USER, '-r']);
  if (options.initial !== undefined) assert.equal(spawnSync('crontab', ['-u', USER, '-'], { input: options.initial }).status, 0);
  fs.rmSync(path.join(work, 'texts'), { recursive: true, force: true });
  fs.mkdirSync(path.join(work, 'texts'), { mode: 0o777 });
  fs.chmodSync(path.join(work, 'texts'), 0o777);
  texts.forEach((text, index) => fs.writeFileSync(path.join(work, 'texts', String(index + 1)), text));
  fs.rmSync(path.join(home, '.local'), { recursive: true, force: true });
  const visual = `${process.execPath} ${repoPath('dist', 'cli', 'schedlint.js')} edit`;
  const command = [
    'runuser', '-u', USER, '--', 'env', '-i', `HOME=${home}`, `PATH=/usr/bin:/bin`, `LANG=${options.lang ?? 'C.UTF-8'}`,
    `VISUAL=${visual}`, `SCHEDLINT_EDITOR=${path.join(work, 'typer.sh')}`, 'crontab', '-e',
  ].map(quote).join(' ');
  const result =
    answers === undefined
      ? spawnSync('sh', ['-c', command], { encoding: 'utf8', input: '', timeout: 60_000 })
      : spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8', input: answers, timeout: 60_000 });
  const listed = spawnSync('crontab', ['-u', USER, '-l'], { encoding: 'utf8' });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}`, installed: listed.status === 0 ? listed.stdout : '' };
}

function keptCopies(): string[] {
  const folder = path.join(home, '.local', 'state', 'schedlint', 'discarded');
  return fs.existsSync(folder) ? fs.readdirSync(folder).map((name) => fs.readFileSync(path.join(folder, name), 'utf8')) : [];
}

test('no terminal: the seed-000 line is refused, the finding printed, the old crontab kept, what was typed kept', needsCrontab, () => {
  const run = crontabEdit([SEED_000 + '\n'], undefined, { initial: '0 3 * * * /usr/local/bin/old-job\n' });
  assert.equal(run.code, 1, run.output);
  assert.match(run.output, /crontab-user|user-field-in-user-crontab/);
  assert.match(run.output, /no terminal to ask on/);
  assert.match(run.output, /exited with status 1/, 'crontab itself reports the refusal');
  assert.equal(run.installed, '0 3 * * * /usr/local/bin/old-job\n', 'crontab -l still shows the old content');
  assert.deepEqual(keptCopies(), [SEED_000 + '\n']);
});

test('a clean edit is installed without a question', needsCrontab, () => {
  const run = crontabEdit([FIXED + '\n']);
  assert.equal(run.code, 0, run.output);
  assert.equal(run.installed, FIXED + '\n');
  assert.doesNotMatch(run.output, /What now/);
});

test('terminal, "e": edit again, and the second text is installed', needsCrontab, () => {
  const run = crontabEdit([SEED_000 + '\n', FIXED + '\n'], 'e\n');
  assert.equal(run.code, 0, run.output);
  assert.match(run.output, /What now\? \[e\] edit again, \[f\] apply the fixes and edit again/);
  assert.equal(run.installed, FIXED + '\n');
});

test('terminal, "f": the fix removes `root`, the editor opens again, and the fixed line is installed', needsCrontab, () => {
  const run = crontabEdit([SEED_000 + '\n'], 'f\n');
  assert.equal(run.code, 0, run.output);
  assert.match(run.output, /applied 1 fix/);
  assert.equal(run.installed, FIXED + '\n');
});

test('terminal, "d": nothing installed, the copy kept and its place said', needsCrontab, () => {
  const run = crontabEdit([SEED_000 + '\n'], 'd\n', { initial: '0 3 * * * /usr/local/bin/old-job\n' });
  assert.equal(run.code, 1, run.output);
  assert.equal(run.installed, '0 3 * * * /usr/local/bin/old-job\n');
  assert.match(run.output, new RegExp(`kept in ${home}/\\.local/state/schedlint/discarded/`));
  assert.deepEqual(keptCopies(), [SEED_000 + '\n']);
});

test('terminal, "k": kept anyway and installed as typed', needsCrontab, () => {
  const run = crontabEdit([SEED_000 + '\n'], 'k\n');
  assert.equal(run.code, 0, run.output);
  assert.equal(run.installed, SEED_000 + '\n');
});

test('terminal: an unknown answer asks again; end of input discards', needsCrontab, () => {
  const run = crontabEdit([SEED_000 + '\n'], 'x\n');
  assert.match(run.output, /Answer e, f, d or k/);
  assert.equal(run.installed, '');
  assert.equal(run.code, 1, run.output);
});

test('terminal, Japanese: the question and the outcome in Japanese (LANG=ja_JP.UTF-8)', needsCrontab, () => {
  const run = crontabEdit([SEED_000 + '\n'], 'd\n', { lang: 'ja_JP.UTF-8' });
  assert.match(run.output, /どうしますか？ \[e\] もう一度編集/);
  assert.match(run.output, /破棄しました/);
  assert.equal(run.installed, '');
});

test('the editor is SCHEDLINT_EDITOR, else VISUAL/EDITOR that is not schedlint, else editor or vi', () => {
  assert.equal(chooseEditor({ SCHEDLINT_EDITOR: 'nano', VISUAL: 'vim' }), 'nano');
  assert.equal(chooseEditor({ VISUAL: 'schedlint edit', EDITOR: 'code --wait' }), 'code --wait');
  assert.equal(chooseEditor({ VISUAL: '/usr/bin/node /x/dist/cli/schedlint.js edit', EDITOR: 'emacs' }), 'emacs');
  assert.equal(chooseEditor({ VISUAL: 'schedlint edit', PATH: '/nonexistent' }), 'vi');
  assert.ok(isSchedlintEdit('/usr/local/bin/schedlint edit'));
  assert.ok(!isSchedlintEdit('vim'));
  assert.ok(!isSchedlintEdit('schedlint-wrapper edit'));
});

test('schedlint as its own editor stops at once instead of starting itself forever', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-edit-loop-')), 'crontab');
  fs.writeFileSync(file, '');
  const run = runSchedlint(['edit', file], { env: { SCHEDLINT_EDITOR: 'schedlint edit' } });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /is schedlint edit itself/);
  const nested = runSchedlint(['edit', file], { env: { SCHEDLINT_EDITOR: 'true', SCHEDLINT_EDIT_ACTIVE: '1' } });
  assert.equal(nested.code, 2);
});

test('an editor that fails: its status passed on, nothing checked, and what it wrote put back (sudoedit would install it)', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-edit-fail-'));
  const file = path.join(folder, 'crontab');
  fs.writeFileSync(file, '# old\n');
  const run = runSchedlint(['edit', file], { env: { SCHEDLINT_EDITOR: 'sh -c "echo typed >> \\"\\$1\\"; exit 3" --', XDG_STATE_HOME: path.join(folder, 'state') } });
  assert.equal(run.code, 3, run.stderr);
  assert.match(run.stderr, /exited with status 3/);
  assert.doesNotMatch(run.stderr, /error:/, 'nothing was linted');
  assert.equal(fs.readFileSync(file, 'utf8'), '# old\n');
  const kept = fs.readdirSync(path.join(folder, 'state', 'schedlint', 'discarded'));
  assert.equal(fs.readFileSync(path.join(folder, 'state', 'schedlint', 'discarded', kept[0]), 'utf8'), '# old\ntyped\n');
});

test('systemctl edit temporary file: linted as the drop-in it becomes; discard puts the file back as it was', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-edit-unit-'));
  fs.mkdirSync(path.join(folder, 'foo.timer.d'));
  const file = path.join(folder, 'foo.timer.d', '.#override.conf0123456789abcdef');
  const before = '### Editing /etc/systemd/system/foo.timer.d/override.conf\n';
  fs.writeFileSync(file, before);
  const editor = path.join(folder, 'editor.sh');
  fs.writeFileSync(editor, '#!/bin/sh\nprintf "[Timer]\\nOnCalendar=Mon-Fri 25:00\\n" > "$1"\n', { mode: 0o755 });
  const run = runSchedlint(['edit', file], { env: { SCHEDLINT_EDITOR: editor, XDG_STATE_HOME: path.join(folder, 'state') } });
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /error: .*\[systemd\//);
  assert.equal(fs.readFileSync(file, 'utf8'), before, 'the temporary file holds what it held before the editor ran');
  assert.equal(editedFile(file).lintPath, path.join(folder, 'foo.timer.d', 'override.conf'));
  assert.equal(editedFile('/tmp/crontab.AbC123/crontab').caller, 'crontab');
  assert.equal(editedFile('/var/tmp/fooAbCd1234.timer').lintPath, '/var/tmp/foo.timer');
});

test("sudoedit's copy is linted as the path sudo was given: read from sudo's command line, matched by the copy's name", () => {
  const cmdline = (words: string[]) => () => words.join('\0') + '\0';
  assert.deepEqual(sudoeditArguments(1, cmdline(['sudoedit', '/etc/cron.d/job'])), ['/etc/cron.d/job']);
  // A user name after -u is not a file; options and `--` as sudo reads them; `sudo -e` and bundled flags.
  assert.deepEqual(sudoeditArguments(1, cmdline(['sudo', '-u', 'root', '-e', '/var/spool/cron/crontabs/root'])), ['/var/spool/cron/crontabs/root']);
  assert.deepEqual(sudoeditArguments(1, cmdline(['/usr/bin/sudo', '-ne', '--', '/etc/crontab', '-x'])), ['/etc/crontab', path.resolve('-x')]);
  assert.deepEqual(sudoeditArguments(1, cmdline(['sudo', 'vi', '/etc/crontab'])), [], 'sudo running an editor itself is not sudoedit');
  // Review 8, item 5: long options with a value, and a value-taking letter at the end of a cluster of flags.
  assert.deepEqual(sudoeditArguments(1, cmdline(['sudoedit', '--user', 'backup', '/etc/cron.d/backup'])), ['/etc/cron.d/backup']);
  assert.deepEqual(sudoeditArguments(1, cmdline(['sudoedit', '--user=backup', '--prompt', 'pw:', '/etc/cron.d/backup'])), ['/etc/cron.d/backup']);
  assert.deepEqual(sudoeditArguments(1, cmdline(['sudo', '-nu', 'backup', '-e', '/etc/cron.d/backup'])), ['/etc/cron.d/backup']);
  assert.deepEqual(sudoeditArguments(1, cmdline(['sudo', '-ubackup', '--edit', '/etc/cron.d/backup'])), ['/etc/cron.d/backup']);
  assert.deepEqual(sudoeditArguments(1, cmdline(['sudo', '-u', 'edit', 'vi', 'x'])), [], 'a user named like a flag letter is not -e');
  assert.deepEqual(sudoeditArguments(1, cmdline(['bash'])), []);
  assert.deepEqual(sudoeditArguments(1, () => { throw new Error('EACCES'); }), []);
  // sudo_edit_mktemp(): /etc/cron.d/job → /var/tmp/job.XXXXXXXX; backup.timer → backupXXXXXXXX.timer.
  assert.deepEqual(editedFile('/var/tmp/job.ad1dDT8e', ['/etc/cron.d/job', '/etc/hosts']), { lintPath: '/etc/cron.d/job', caller: 'sudoedit' });
  assert.equal(editedFile('/var/tmp/backupAbCd1234.timer', ['/etc/systemd/system/backup.timer']).lintPath, '/etc/systemd/system/backup.timer');
  // Two paths the name fits: neither is guessed.
  assert.equal(editedFile('/var/tmp/job.ad1dDT8e', ['/etc/cron.d/job', '/var/spool/cron/crontabs/job']).lintPath, '/var/tmp/job.ad1dDT8e');
});

test('Edit crontab runs only crontab, or sudo -n crontab -u USER, as argument vectors', () => {
  assert.deepEqual(crontabCommand('list'), { file: 'crontab', args: ['-l'], display: 'crontab -l' });
  assert.deepEqual(crontabCommand('install', 'www-data'), { file: 'sudo', args: ['-n', 'crontab', '-u', 'www-data', '-'], display: 'sudo -n crontab -u www-data -' });
  assert.deepEqual(crontabCommand('install', 'www-data', { root: true }), { file: 'crontab', args: ['-u', 'www-data', '-'], display: 'crontab -u www-data -' });
  assert.throws(() => crontabCommand('list', '-r'));
  assert.throws(() => crontabCommand('list', 'a;rm -rf /'));
  assert.deepEqual(listOutcome(0, '0 1 * * * x\n', '', false), { kind: 'crontab', text: '0 1 * * * x\n' });
  assert.deepEqual(listOutcome(1, '', 'no crontab for alice\n', false), { kind: 'none' });
  assert.equal(listOutcome(1, '', 'sudo: a password is required\n', true).kind, 'denied');
  assert.equal(listOutcome(1, '', "crontab: user `bob' unknown\n", true).kind, 'failed');
});

test('the client strings of Edit crontab are in the Japanese l10n bundle', () => {
  const bundle = JSON.parse(fs.readFileSync(repoPath('l10n', 'bundle.l10n.ja.json'), 'utf8'));
  const client = fs.readFileSync(repoPath('client', 'src', 'edit-crontab.ts'), 'utf8');
  const strings = [...client.matchAll(/l10n\.t\('([^']+)'/g)].map((match) => match[1]);
  assert.ok(strings.length >= 10);
  for (const text of strings) assert.ok(text in bundle, `l10n/bundle.l10n.ja.json lacks '${text}'`);
});

test('sudoedit installs whatever its temporary file holds, whatever the editor exits with: a refused edit is put back first', needsSudoedit, () => {
  // A cron.d-like file in a root-owned folder (sudoedit refuses files in folders the user may write), and a
  // rule that lets the test user sudoedit it without a password, removed afterwards.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-sudoedit-'));
  fs.chmodSync(folder, 0o755);
  const target = path.join(folder, 'cron.d', 'backup');
  fs.mkdirSync(path.dirname(target), { mode: 0o755 });
  const old = '# backup\n';
  fs.writeFileSync(target, old, { mode: 0o644 });
  const rule = `/etc/sudoers.d/${USER}`;
  // Any file: sudo matches a relative path (`sudoedit cron.d/backup`) only against a rule without arguments.
  fs.writeFileSync(rule, `${USER} ALL=(root) NOPASSWD: sudoedit\n`, { mode: 0o440 });
  const editor = path.join(folder, 'append.sh');
  const sudoedit = (line: string, useWrapper: boolean, given = target, cwd?: string) => {
    fs.writeFileSync(editor, `#!/bin/sh\nsleep 1.1\necho '${line}' >> "$1"\n${useWrapper ? '' : 'exit 3\n'}`, { mode: 0o755 });
    const visual = `${process.execPath} ${repoPath('dist', 'cli', 'schedlint.js')} edit`;
    const env = ['env', '-i', `HOME=${home}`, 'PATH=/usr/bin:/bin', 'LANG=C.UTF-8', `SUDO_EDITOR=${useWrapper ? visual : editor}`, `SCHEDLINT_EDITOR=${editor}`];
    return spawnSync('runuser', ['-u', USER, '--', ...env, 'sudoedit', given], { encoding: 'utf8', input: '', timeout: 60_000, cwd });
  };
  try {
    // Without the wrapper: the editor fails (exit 3) and sudoedit installs the line all the same.
    const bare = sudoedit('0 1 * * * root echo bare', false);
    assert.equal(bare.status, 3, bare.stderr);
    assert.equal(fs.readFileSync(target, 'utf8'), old + '0 1 * * * root echo bare\n');
    fs.writeFileSync(target, old);
    // With it: the invalid line is refused and the file keeps what it held.
    const refused = sudoedit('61 1 * * * root echo typed', true);
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(refused.stderr, /crontab\/invalid-schedule/);
    assert.equal(fs.readFileSync(target, 'utf8'), old);
    // A clean edit goes in.
    const clean = sudoedit('0 1 * * * root echo typed', true);
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(fs.readFileSync(target, 'utf8'), old + '0 1 * * * root echo typed\n');
    // Stranger report 8, item 1: a line without a user, as typed into a user crontab (seed 000 the other way
    // round). The copy's name (/var/tmp/backup.XXXXXXXX) has lost the folder, and its content is one system
    // line and one user line: the wrapper reads the path from sudoedit's command line, lints the copy as the
    // cron.d file it is, and refuses the new line (it used to read it as a user crontab and flag the good line).
    const typed = old + '0 1 * * * root echo typed\n';
    const userLine = sudoedit('39 1,13 * * * certbot renew', true);
    assert.equal(userLine.status, 1, userLine.stderr);
    assert.match(userLine.stderr, /crontab\/missing-user-field/);
    assert.doesNotMatch(userLine.stderr, /user-field-in-user-crontab|guessed/);
    assert.equal(fs.readFileSync(target, 'utf8'), typed);
    // Stranger report 8b, item 1: ^C at the "What now?" prompt (on a terminal) ends the wrapper by the signal;
    // sudoedit then installs what the file holds, which is the old text while the question is open.
    fs.writeFileSync(editor, `#!/bin/sh\nsleep 1.1\necho '39 1,13 * * * certbot renew' >> "$1"\n`, { mode: 0o755 });
    const visual = `${process.execPath} ${repoPath('dist', 'cli', 'schedlint.js')} edit`;
    const interactive = ['runuser', '-u', USER, '--', 'env', '-i', `HOME=${home}`, 'PATH=/usr/bin:/bin', 'LANG=C.UTF-8', `SUDO_EDITOR=${visual}`, `SCHEDLINT_EDITOR=${editor}`, 'sudoedit', target].map(quote).join(' ');
    const interrupted = spawnSync('sh', ['-c', `(sleep 5; printf '\\003'; sleep 2) | script -qfec ${quote(interactive)} /dev/null`], { encoding: 'utf8', timeout: 60_000 });
    assert.match(interrupted.stdout, /What now\?/, interrupted.stdout + interrupted.stderr);
    assert.equal(fs.readFileSync(target, 'utf8'), typed, 'the interrupted edit left the file as it was');
    // The same given as a path relative to the folder sudoedit runs in.
    const relative = sudoedit('39 1,13 * * * certbot renew', true, path.join('cron.d', 'backup'), folder);
    assert.equal(relative.status, 1, relative.stderr);
    assert.match(relative.stderr, /crontab\/missing-user-field/);
    assert.equal(fs.readFileSync(target, 'utf8'), typed);
  } finally {
    fs.rmSync(rule, { force: true });
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('schedlint edit --help in the chosen language; no file is a usage error (exit 2)', () => {
  const help = runSchedlint(['edit', '--help', '--lang', 'ja']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^使い方：`schedlint edit/);
  const none = runSchedlint(['edit']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /give the file to edit/);
  assert.match(runSchedlint(['--help']).stdout, /schedlint edit FILE…/);
});
