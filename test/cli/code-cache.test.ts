// dist/cli/schedlint.js is the CLI bundle in a string plus cli/launch.ts, which compiles it with the V8 code
// cache the build made beside it (scripts/build.mjs). The cache must be one this Node.js accepts, also when
// the two files are copied elsewhere (else it only costs a read); a rejected or missing cache must change
// nothing but the time (the file alone is still the whole CLI); and the launcher must never write one.
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
    assert.ok(fs.existsSync(repoPath('dist', 'cli', 'schedlint.js.cache')), 'the build writes the cache');
    assert.doesNotMatch(shipped.stderr, /code cache rejected/, 'this Node.js accepts the cache the build made');
    assert.match(shipped.stdout, /never/i, 'the run lints (31 February never comes)');
    // One non-ASCII character (a regular expression with Japanese in it) makes V8 keep and read the whole
    // bundle as two-byte text, ~5 ms of every start: escape it in the source (\uXXXX).
    const nonAscii = /[^\x00-\x7f]/.exec(fs.readFileSync(repoPath('dist', 'cli', 'schedlint.js'), 'utf8'));
    assert.equal(nonAscii, null, `non-ASCII in dist/cli/schedlint.js: ${nonAscii?.input.slice(Math.max(0, nonAscii.index - 60), nonAscii.index + 20)}`);

    // The two files copied elsewhere, under another name, as an install might.
    const copy = path.join(directory, 'bin');
    fs.mkdirSync(copy);
    const cli = path.join(copy, 'schedlint');
    fs.copyFileSync(repoPath('dist', 'cli', 'schedlint.js'), cli);
    const cache = Buffer.from(fs.readFileSync(repoPath('dist', 'cli', 'schedlint.js.cache')));
    fs.writeFileSync(`${cli}.cache`, cache);
    assert.deepEqual(run(cli, file), shipped, 'the cache is accepted beside a copy too');

    // Bytes 4–7 of V8's header hold the hash of the V8 version that made the cache: what differs when the
    // user's Node.js is not the one that built it.
    for (let index = 4; index < 8; index++) cache[index] ^= 0xff;
    fs.writeFileSync(`${cli}.cache`, cache);
    const rejected = run(cli, file);
    assert.match(rejected.stderr, /code cache rejected/);
    assert.deepEqual({ code: rejected.code, stdout: rejected.stdout }, { code: shipped.code, stdout: shipped.stdout });

    // The file alone (copied as /usr/local/bin/schedlint) is the whole CLI.
    fs.rmSync(`${cli}.cache`);
    assert.deepEqual(run(cli, file), shipped);
    assert.deepEqual(fs.readdirSync(copy), ['schedlint'], 'nothing written beside it');
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
});
