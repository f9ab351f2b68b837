// Files whose names are not UTF-8 (cronie runs `/etc/cron.d/caf\xE9`) in the CLI's machine-read outputs and
// in --fix: JSON keeps the byte as Python's surrogateescape does, SARIF percent-encodes the byte itself (its
// URI leads back to the file), and --fix writes the file by its bytes. Also: --fix counts only files written.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileSystemPath, pathOfFileUri } from '../../server/src/engine/util/file-names';
import { runSchedlint } from '../support/run-cli';

// `caf` + 0xE9: Latin-1 bytes, not UTF-8.
const LATIN1_NAME = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
// No final newline: crontab/missing-final-newline, whose fix --fix applies.
const JOB = '0 3 * * * root /usr/local/bin/report';

/** A repository (a `.git` folder) with `etc/cron.d/caf\xE9`; returns the folder and the file's path as bytes. */
function repositoryWithLatin1Name(): { folder: string; file: Buffer } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-names-'));
  fs.mkdirSync(path.join(folder, '.git'));
  fs.mkdirSync(path.join(folder, 'etc/cron.d'), { recursive: true });
  const file = Buffer.concat([Buffer.from(path.join(folder, 'etc/cron.d') + '/'), LATIN1_NAME]);
  fs.writeFileSync(file, JOB);
  return { folder, file };
}

interface SarifLog {
  runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[]; originalUriBaseIds: Record<string, { uri: string }> }[];
}

test('JSON and SARIF name a file that is not UTF-8 by its bytes; the SARIF URI leads back to the file', () => {
  const { folder, file } = repositoryWithLatin1Name();
  const json = runSchedlint(['--format', 'json', '--dialect', 'cronie', 'etc/cron.d'], { cwd: folder });
  assert.equal(json.code, 0, json.stderr);
  const paths = (JSON.parse(json.stdout) as { files: { path: string }[] }).files.map((report) => report.path);
  assert.deepEqual(paths, [path.join(folder, 'etc/cron.d/caf\udce9')]);

  // Inside the repository: a relative URI under %SRCROOT%.
  const inside = runSchedlint(['--format', 'sarif', '--dialect', 'cronie', 'etc/cron.d'], { cwd: folder });
  assert.equal(inside.code, 0, inside.stderr);
  const run = (JSON.parse(inside.stdout) as SarifLog).runs[0];
  const location = run.results[0].locations[0].physicalLocation.artifactLocation;
  assert.deepEqual(location, { uri: 'etc/cron.d/caf%E9', uriBaseId: '%SRCROOT%' });
  const resolved = pathOfFileUri(new URL(location.uri, run.originalUriBaseIds['%SRCROOT%'].uri).href);
  assert.deepEqual(fileSystemPath(resolved ?? ''), file, 'the URI names the bytes of the file read');

  // Read through --root from outside the repository: an absolute file URI.
  const outside = runSchedlint(['--format', 'sarif', '--dialect', 'cronie', '--root', folder, '/etc/cron.d']);
  assert.equal(outside.code, 0, outside.stderr);
  const absolute = (JSON.parse(outside.stdout) as SarifLog).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
  assert.ok(absolute.startsWith('file:///') && absolute.endsWith('/etc/cron.d/caf%E9'), absolute);
  assert.deepEqual(fileSystemPath(pathOfFileUri(absolute) ?? ''), file);
});

test('--fix writes a file whose name is not UTF-8, by that name, and names it by its bytes', () => {
  const { folder, file } = repositoryWithLatin1Name();
  const run = runSchedlint(['--fix', '--dialect', 'cronie', path.join(folder, 'etc/cron.d')]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), JOB + '\n');
  assert.match(run.stdout, /^\/.*\/etc\/cron\.d\/caf\\xE9:1: fixed: .*\[crontab\/missing-final-newline\]$/m);
  assert.match(run.stdout, /^1 fix applied in 1 file$/m);
  assert.equal(run.stderr, '');
  // Only the fixed file is there: no temporary file left beside it, no second file under a U+FFFD name.
  assert.deepEqual(fs.readdirSync(path.join(folder, 'etc/cron.d'), { encoding: 'buffer' }), [LATIN1_NAME]);
});

test('--fix counts only the files it wrote', () => {
  // The same file given twice (itself and a link to it): the first write changes it, so the second is refused
  // ("it changed while schedlint was fixing it"), and its fix is not one that was applied.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-names-'));
  fs.mkdirSync(path.join(folder, 'etc/cron.d'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'etc/cron.d/job'), JOB);
  fs.symlinkSync('job', path.join(folder, 'etc/cron.d/link'));
  const run = runSchedlint(['--fix', path.join(folder, 'etc/cron.d/job'), path.join(folder, 'etc/cron.d/link')]);
  assert.equal(run.code, 2, 'a file was not written');
  assert.equal(fs.readFileSync(path.join(folder, 'etc/cron.d/job'), 'utf8'), JOB + '\n');
  assert.match(run.stderr, /^schedlint: cannot write .*\/etc\/cron\.d\/link: it changed while schedlint was fixing it/m);
  assert.equal(run.stdout.match(/: fixed: /g)?.length, 1, run.stdout);
  assert.match(run.stdout, /^1 fix applied in 1 file$/m);
});
