// `schedlint` starts through cli/launch.ts, which loads the CLI bundle with the V8 code cache the build made
// (scripts/build.mjs). The cache must be one this Node.js accepts (else it only costs a read), a rejected or
// missing cache must change nothing but the time, and the launcher must never write one.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../support/paths';

const LINES = '0 * * * * root /bin/true\n0 0 31 2 * root /bin/false\n';

function run(cli: string, file: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, '--kind', 'crontab-system', file], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', SCHEDLINT_DEBUG: '1' }, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('the code cache of the CLI bundle is accepted; a rejected or missing one gives the same run and is never written', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-code-cache-'));
  try {
    const file = path.join(directory, 'crontab');
    fs.writeFileSync(file, LINES);
    const shipped = run(repoPath('dist', 'cli', 'schedlint.js'), file);
    assert.ok(fs.existsSync(repoPath('dist', 'cli', 'schedlint-main.js.cache')), 'the build writes the cache');
    assert.doesNotMatch(shipped.stderr, /code cache rejected/, 'this Node.js accepts the cache the build made');
    assert.match(shipped.stdout, /never/i, 'the run lints (31 February never comes)');

    // A copy of the two files: one with a damaged cache (V8 rejects it), then one without any.
    const copy = path.join(directory, 'cli');
    fs.mkdirSync(copy);
    for (const name of ['schedlint.js', 'schedlint-main.js']) fs.copyFileSync(repoPath('dist', 'cli', name), path.join(copy, name));
    // Bytes 4–7 of V8's header hold the hash of the V8 version that made the cache: what differs when the
    // user's Node.js is not the one that built the package.
    const cache = Buffer.from(fs.readFileSync(repoPath('dist', 'cli', 'schedlint-main.js.cache')));
    for (let index = 4; index < 8; index++) cache[index] ^= 0xff;
    fs.writeFileSync(path.join(copy, 'schedlint-main.js.cache'), cache);
    const rejected = run(path.join(copy, 'schedlint.js'), file);
    assert.match(rejected.stderr, /code cache rejected/);
    assert.deepEqual({ code: rejected.code, stdout: rejected.stdout }, { code: shipped.code, stdout: shipped.stdout });

    fs.rmSync(path.join(copy, 'schedlint-main.js.cache'));
    const missing = run(path.join(copy, 'schedlint.js'), file);
    assert.deepEqual(missing, { ...shipped, stderr: shipped.stderr });
    assert.deepEqual(fs.readdirSync(copy).sort(), ['schedlint-main.js', 'schedlint.js'], 'nothing written beside the bundle');
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
});
