// singleLineEdit (util/line-edit.ts) finds the one line two versions of a text differ in, skipping equal blocks
// natively: against a character-by-character reference on random texts and edits, short and long.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { singleLineEdit } from '../../server/src/engine/util/line-edit';
import { Random } from '../support/random';

function reference(before: string, after: string) {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  if (before.slice(prefix, before.length - suffix).includes('\n') || after.slice(prefix, after.length - suffix).includes('\n')) return undefined;
  const start = before.slice(0, prefix).lastIndexOf('\n') + 1;
  const end = (text: string, from: number) => (text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from));
  return { start, oldEnd: end(before, before.length - suffix), newEnd: end(after, after.length - suffix) };
}

test('singleLineEdit agrees with a character-by-character reference', () => {
  const random = new Random(77);
  let found = 0;
  for (let round = 0; round < 3000; round++) {
    const size = random.pick([3, 40, 1500, 5000]);
    const before = random.times(size, () => random.pick(['a', 'b', ' ', '\n', '*']));
    const at = random.int(before.length + 1);
    const after = before.slice(0, at) + random.pick(['', 'a', '\n', 'bb', '*a']) + before.slice(Math.min(before.length, at + random.int(4)));
    const expected = reference(before, after);
    assert.deepEqual(singleLineEdit(before, after), expected, JSON.stringify({ at, size }));
    assert.deepEqual(singleLineEdit(after, before), reference(after, before));
    if (expected) found++;
  }
  assert.ok(found > 1000, `edits inside one line (${found})`);
});
