// PATH arguments that are glob patterns the shell did not expand (quoted, or no globstar): expanded by
// schedlint; a pattern matching nothing is an error like a missing file; an existing file is taken as named.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runSchedlint } from '../support/run-cli';
import { expandBraces, expandGlob } from '../../server/src/cli/globs';
import { FsHost } from '../../server/src/engine/host/fs-host';

function makeTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-globs-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

const JOB = '0 1 * * * root /usr/local/bin/job\n';
const tree = makeTree({
  'deploy/a.cron': JOB,
  'deploy/prod/b.cron': JOB,
  'deploy/prod/deep/c.cron': JOB,
  'deploy/.hidden/d.cron': JOB,
  'deploy/.e.cron': JOB,
  'deploy/notes.txt': 'not a crontab\n',
  'deploy/x1.cron': JOB,
  'deploy/x2.cron': JOB,
  'deploy/odd[1].cron': JOB,
});

function linted(args: string[], cwd = tree): { code: number; files: string[]; stderr: string } {
  const run = runSchedlint([...args, '--format', 'json', '--kind', 'crontab-user'], { cwd });
  const files = run.stdout ? (JSON.parse(run.stdout).files as { path: string }[]).map((file) => path.relative(tree, file.path)).sort() : [];
  return { code: run.code, files, stderr: run.stderr };
}

test('`**`, `*`, `?`, `[...]` and `{a,b}` are expanded; names starting with a dot need a pattern that does', () => {
  assert.deepEqual(linted(['deploy/**/*.cron']).files, ['deploy/a.cron', 'deploy/odd[1].cron', 'deploy/prod/b.cron', 'deploy/prod/deep/c.cron', 'deploy/x1.cron', 'deploy/x2.cron']);
  assert.deepEqual(linted(['deploy/*.cron']).files, ['deploy/a.cron', 'deploy/odd[1].cron', 'deploy/x1.cron', 'deploy/x2.cron']);
  assert.deepEqual(linted(['deploy/x?.cron']).files, ['deploy/x1.cron', 'deploy/x2.cron']);
  assert.deepEqual(linted(['deploy/x[2-9].cron']).files, ['deploy/x2.cron']);
  assert.deepEqual(linted(['deploy/{a,prod/b}.cron']).files, ['deploy/a.cron', 'deploy/prod/b.cron']);
  assert.deepEqual(linted(['deploy/.*.cron']).files, ['deploy/.e.cron']);
  assert.deepEqual(linted([path.join(tree, 'deploy/prod/**/*.cron')], os.tmpdir()).files, ['deploy/prod/b.cron', 'deploy/prod/deep/c.cron'], 'absolute patterns');
});

test('a file whose name looks like a pattern is taken as it is when it exists', () => {
  assert.deepEqual(linted(['deploy/odd[1].cron']).files, ['deploy/odd[1].cron']);
});

test('a pattern that matches nothing is an error like a missing file (exit 2), in English and Japanese', () => {
  const none = linted(['deploy/*.timer', 'deploy/a.cron']);
  assert.equal(none.code, 2);
  assert.deepEqual(none.files, ['deploy/a.cron'], 'the other arguments are still linted');
  assert.match(none.stderr, /^schedlint: cannot read deploy\/\*\.timer: no file matches this pattern$/m);
  const japanese = runSchedlint(['deploy/*.timer'], { cwd: tree, env: { LANG: 'ja_JP.UTF-8' } });
  assert.equal(japanese.code, 2);
  assert.match(japanese.stderr, /このパターンに一致するファイルがありません/);
});

test('with --root, a pattern is a host path inside the root', () => {
  const run = runSchedlint(['--root', 'examples/host', '/etc/cron.d/*', '--format', 'json']);
  const files = (JSON.parse(run.stdout).files as { path: string }[]).map((file) => file.path).sort();
  assert.deepEqual(files, fs.readdirSync('examples/host/etc/cron.d').map((name) => `/etc/cron.d/${name}`).sort());
});

test('brace expansion and the walk, directly', () => {
  assert.deepEqual(expandBraces('a{b,c{d,e}}f'), ['abf', 'acdf', 'acef']);
  assert.deepEqual(expandBraces('{x}'), ['{x}'], 'a brace without a comma is literal, as in bash');
  assert.deepEqual(expandBraces('\\{a,b}'), ['\\{a,b}']);
  const host = new FsHost('/');
  assert.deepEqual(expandGlob(path.join(tree, 'deploy/**/c.cron'), host), [path.join(tree, 'deploy/prod/deep/c.cron')]);
  assert.deepEqual(expandGlob(path.join(tree, 'nowhere/**/*'), host), []);
});
