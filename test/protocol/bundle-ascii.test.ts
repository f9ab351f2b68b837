// The server and CLI bundles are ASCII (scripts/build.mjs escapes what esbuild leaves in comments): V8 keeps a
// script's source for the life of the process, one byte a character when it is all ASCII and two otherwise, so
// a single `→` in a preserved JSDoc comment costs the language server 1.7 MB of heap (issue #20).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../support/paths';

for (const bundle of [['server', 'server.js'], ['cli', 'schedlint.js']]) {
  test(`dist/${bundle.join('/')} is ASCII, so V8 holds its source one byte a character`, () => {
    const bytes = fs.readFileSync(repoPath('dist', ...bundle));
    const index = bytes.findIndex((byte) => byte >= 0x80);
    const line = index < 0 ? 0 : bytes.subarray(0, index).toString('latin1').split('\n').length;
    assert.equal(index, -1, `a non-ASCII byte on line ${line}: ${index < 0 ? '' : bytes.subarray(Math.max(0, index - 60), index + 20).toString('utf8')}`);
  });
}
