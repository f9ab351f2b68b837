// Which files the CLI lints, and as what (stranger report, session 7, items 1, 2, 4, 5, 19, 22): scripts,
// run-parts programs and binary files named on the command line are reported as not linted, not as a crontab
// with a hundred errors; the README's own `.schedlint.yaml` example pulls its files into a folder scan; a file
// name that is not UTF-8 is read (cronie runs it) and shown by its bytes; a repository's `etc/cron.d/` copy gets
// crontab/ignored-filename; `--root` that does not exist says so.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { decodeFileName, fileSystemPath, showFileNameBytes } from '../../server/src/engine/util/file-names';
import { repoPath } from '../support/paths';
import { runSchedlint } from '../support/run-cli';

interface JsonFile {
  path: string;
  kind: string;
  assumed?: { format: string; reason: string; weak: boolean; notLinted?: string };
  diagnostics: { rule: string; severity: string; message: string }[];
}

const json = (args: string[], cwd?: string) => JSON.parse(runSchedlint([...args, '--format', 'json'], { cwd }).stdout) as { files: JsonFile[] };

function tempTree(files: Record<string, string | Buffer>, options: { git?: boolean } = {}): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-discovery-'));
  if (options.git) fs.mkdirSync(path.join(folder, '.git'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

// Debian's /etc/cron.daily/dpkg as shipped: shell lines that a crontab parser reads as 148 broken entries.
const SCRIPT = '#!/bin/sh\n\n# Skip if systemd is running.\nif [ -d /run/systemd/system ]; then\n    exit 0\nfi\n/usr/libexec/dpkg/dpkg-db-backup\n';
// A crontab-looking file in a run-parts folder: run-parts executes it, cron never reads it as a crontab.
const CRONTAB_LINE = '17 3 * * * root /usr/local/bin/backup\n';

test('a script named on the command line is not linted as a crontab; --kind still lints it', () => {
  const tree = tempTree({ 'bin/cleanup': SCRIPT });
  const file = path.join(tree, 'bin/cleanup');
  const run = runSchedlint([file]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.doesNotMatch(run.stdout, /: error: |invalid-schedule/);
  assert.match(run.stdout, /cleanup: note: not linted: a script \(its first line is `#!`\), not a crontab/);
  const [report] = json([file]).files;
  assert.deepEqual([report.kind, report.assumed?.reason, report.assumed?.notLinted, report.diagnostics.length], ['unrecognized', 'content', 'script', 0]);
  const asked = runSchedlint(['--kind', 'crontab-system', file]);
  assert.equal(asked.code, 1, 'the user asked for a crontab: it is linted as one');
  assert.match(asked.stdout, /\[crontab\/invalid-schedule\]/);
});

test('a file in a run-parts folder is a program, not a crontab, wherever the tree sits and through a glob', () => {
  const tree = tempTree({ 'etc/cron.daily/backup': CRONTAB_LINE, 'etc/cron.weekly/dpkg': SCRIPT, 'etc/cron.d/backup': CRONTAB_LINE });
  const files = json([path.join(tree, 'etc/cron.*/*')]).files;
  const byName = Object.fromEntries(files.map((file) => [path.relative(tree, file.path), file]));
  assert.deepEqual(Object.keys(byName).sort(), ['etc/cron.d/backup', 'etc/cron.daily/backup', 'etc/cron.weekly/dpkg']);
  assert.deepEqual([byName['etc/cron.daily/backup'].kind, byName['etc/cron.daily/backup'].assumed?.reason, byName['etc/cron.daily/backup'].assumed?.notLinted], ['unrecognized', 'path', 'run-parts']);
  assert.equal(byName['etc/cron.weekly/dpkg'].assumed?.notLinted, 'run-parts');
  assert.equal(byName['etc/cron.d/backup'].kind, 'crontab-system', 'cron.d beside it is still a crontab folder');
  const text = runSchedlint(['--root', tree, 'etc/cron.daily/backup']);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^\/etc\/cron\.daily\/backup: note: not linted: run-parts runs the files of this folder as programs/m);
  assert.equal(json(['--kind', 'crontab-system', path.join(tree, 'etc/cron.daily/backup')]).files[0].kind, 'crontab-system');
});

test('a binary file is not claimed as a crontab by its content', () => {
  const bytes = Buffer.alloc(4096);
  for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 7919) % 256;
  const tree = tempTree({ 'blob.bin': bytes });
  const [report] = json([path.join(tree, 'blob.bin')]).files;
  assert.deepEqual([report.kind, report.assumed?.notLinted, report.assumed?.weak, report.diagnostics.length], ['unrecognized', 'binary', false, 0]);
  // Where cron reads every file, a binary one is still reported (file/not-text), as before.
  const inCronD = tempTree({ 'etc/cron.d/blob': bytes });
  assert.deepEqual(json(['--root', inCronD]).files.map((file) => [file.kind, file.diagnostics.map((diagnostic) => diagnostic.rule)]), [['crontab-system', ['file/not-text']]]);
});

test("the README's .schedlint.yaml example, as written, makes a folder scan lint the files it names", () => {
  const readme = fs.readFileSync(repoPath('README.md'), 'utf8');
  const example = readme.slice(readme.indexOf('A `.schedlint.yaml`')).match(/```yaml\n([\s\S]*?)```/)?.[1];
  assert.ok(example?.includes('files: deploy/cron/*') && example.includes('format: crontab-system'), 'the README still has the example');
  const repo = tempTree({ '.schedlint.yaml': example ?? '', 'deploy/cron/job': '* 3 * * * root /bin/true\n', 'vendor/cron/job': '* 3 * * * root /bin/true\n' }, { git: true });
  for (const [args, cwd] of [[['.'], repo], [[repo], undefined], [['-v', 'deploy'], repo]] as const) {
    const run = runSchedlint([...args], { cwd });
    assert.equal(run.code, 1, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
    assert.match(run.stdout, /deploy\/cron\/job:1:1: error: .*\[crontab\/wildcard-minute\]$/m, 'rules: wildcard-minute is an error');
    assert.match(run.stdout, / in 1 file\n$/);
    assert.doesNotMatch(run.stdout, /vendor/);
  }
  const [report] = json(['.'], repo).files;
  assert.deepEqual([report.path, report.kind, report.assumed?.reason], [path.join(fs.realpathSync(repo), 'deploy/cron/job'), 'crontab-system', 'config']);
  // Without the config the scan has no reason to read `deploy/cron/job`.
  fs.rmSync(path.join(repo, '.schedlint.yaml'));
  assert.equal(json(['.'], repo).files.length, 0);
});

test('a config format also lints a named file that no format claims by itself', () => {
  const repo = tempTree({ '.schedlint.yaml': 'overrides:\n  - files: jobs/*\n    format: crontab-system\n', 'jobs/nightly': '#!/bin/sh is how this file starts\n0 3 * * * root /usr/local/bin/nightly\n' }, { git: true });
  const [report] = json([path.join(repo, 'jobs/nightly')]).files;
  assert.deepEqual([report.kind, report.assumed?.reason], ['crontab-system', 'config']);
});

// `caf` + 0xE9: Latin-1 bytes, not UTF-8.
const LATIN1_NAME = Buffer.from([0x63, 0x61, 0x66, 0xe9]);

function treeWithLatin1Name(): string {
  const tree = tempTree({ 'etc/os-release': 'ID=debian\nVERSION_ID="12"\n', 'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n', 'etc/cron.d/plain': CRONTAB_LINE });
  // The job's user does not exist: a finding only a read of the file can give.
  fs.writeFileSync(Buffer.concat([Buffer.from(path.join(tree, 'etc/cron.d') + '/'), LATIN1_NAME]), '0 4 * * * nosuchuser /usr/local/bin/report\n');
  return tree;
}

test('a file name that is not UTF-8 is read (cronie runs it) and shown by its bytes, under --root and in a folder', () => {
  const tree = treeWithLatin1Name();
  const cronie = runSchedlint(['--root', tree, '--dialect', 'cronie']);
  assert.match(cronie.stdout, /^\/etc\/cron\.d\/caf\\xE9:1:\d+: \w+: .*\[crontab\/unknown-user\]$/m, cronie.stdout);
  assert.match(cronie.stdout, / in 2 files\n$/);
  // Debian's cron skips it (database.c valid_name), and says nothing: the rule does.
  const debian = runSchedlint(['--root', tree, '--dialect', 'debian']);
  assert.match(debian.stdout, /^\/etc\/cron\.d\/caf\\xE9:1:1: warning: .*`caf\\xE9` never runs.*\[crontab\/ignored-filename\]$/m, debian.stdout);
  const folder = runSchedlint(['--dialect', 'cronie', path.join(tree, 'etc/cron.d')]);
  assert.match(folder.stdout, /\/etc\/cron\.d\/caf\\xE9:1:\d+: .*\[crontab\/unknown-user\]$/m, folder.stdout);
  // JSON keeps the byte as Python's surrogateescape does, so a consumer gets the name back exactly.
  const paths = json(['--root', tree, '--dialect', 'cronie']).files.map((file) => file.path);
  assert.ok(paths.includes('/etc/cron.d/caf\udce9'), paths.join(', '));
  // Named as an argument, the byte reaches Node as U+FFFD: the error says what to give instead.
  const named = spawnSync('/bin/sh', ['-c', `"$0" "$1" --root "$2" "$(printf 'etc/cron.d/caf\\351')"`, process.execPath, repoPath('dist', 'cli', 'schedlint.js'), tree], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' } });
  assert.equal(named.status, 2);
  assert.match(named.stderr, /cannot read etc\/cron\.d\/caf\uFFFD: no such file or folder \(a name that is not UTF-8 cannot be given as an argument/);
});

test('file names: bytes that are not UTF-8 survive the round trip to fs and back', () => {
  for (const bytes of [LATIN1_NAME, Buffer.from('日本語'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from([0xe6, 0x97, 0x41, 0xf0, 0x9f, 0x98, 0x80]), Buffer.from('plain')]) {
    const name = decodeFileName(bytes);
    const back = fileSystemPath(name);
    assert.deepEqual(Buffer.isBuffer(back) ? back : Buffer.from(back), bytes, bytes.toString('hex'));
  }
  assert.equal(decodeFileName(Buffer.from('😀x')), '😀x');
  assert.equal(fileSystemPath('😀x'), '😀x', 'a real surrogate pair is a character, not escaped bytes');
  assert.equal(showFileNameBytes(decodeFileName(LATIN1_NAME)), 'caf\\xE9');
});

test('crontab/ignored-filename covers a repository copy of /etc/cron.d, with that tree\'s /etc/default/cron', () => {
  const repo = tempTree({ 'etc/cron.d/a.b': CRONTAB_LINE, 'etc/cron.d/with space': CRONTAB_LINE, 'etc/cron.d/good-name': CRONTAB_LINE, 'deploy/cron.d/x.y': CRONTAB_LINE }, { git: true });
  const files = json(['--dialect', 'debian', repo]).files;
  const flagged = files.filter((file) => file.diagnostics.some((diagnostic) => diagnostic.rule === 'crontab/ignored-filename')).map((file) => path.relative(repo, file.path));
  assert.deepEqual(flagged.sort(), ['etc/cron.d/a.b', 'etc/cron.d/with space']);
  const lsb = tempTree({ 'etc/default/cron': 'EXTRA_OPTS="-l"\n', 'etc/cron.d/Backup_Job': CRONTAB_LINE }, { git: true });
  const [report] = json(['--dialect', 'debian', path.join(lsb, 'etc/cron.d')]).files;
  assert.match(report.diagnostics.find((diagnostic) => diagnostic.rule === 'crontab/ignored-filename')?.message ?? '', /With `-l` in \/etc\/default\/cron/);
});

test('--root that does not exist says "no such folder"; a file says "not a folder"', () => {
  const missing = runSchedlint(['--root', '/nonexistent/schedlint-root']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'schedlint: cannot read /nonexistent/schedlint-root: no such folder\n');
  const file = runSchedlint(['--root', repoPath('package.json')]);
  assert.equal(file.code, 2);
  assert.match(file.stderr, /: not a folder\n$/);
  assert.match(runSchedlint(['--lang', 'ja', '--root', '/nonexistent/schedlint-root']).stderr, /そのフォルダーはありません/);
});
