// test/corpus/README.md tells readers how to run schedlint on the fake roots: each `--root` folder it names
// must be there, relative to the repository (the folder once lived under shared/corpus, stranger report 19).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { repoPath } from '../support/paths';

test('the commands in test/corpus/README.md name folders that exist', () => {
  const text = fs.readFileSync(repoPath('test', 'corpus', 'README.md'), 'utf8');
  const roots = [...text.matchAll(/schedlint --root (\S+?)`/g)].map((match) => match[1]);
  assert.ok(roots.length > 0, 'the README shows a --root command');
  for (const root of roots) assert.ok(fs.statSync(repoPath(root), { throwIfNoEntry: false })?.isDirectory(), `${root} is no folder of the repository`);
});
