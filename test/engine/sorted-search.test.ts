// util/sorted-search.ts against a linear scan, on sorted lists with repeats, for values below, between, on and
// above their elements; and util/line-starts.ts (a line and character per offset) against a walk through the text.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { firstAbove, firstAtOrAbove } from '../../server/src/engine/util/sorted-search';
import { lfLineStarts, lineAt, positionAt } from '../../server/src/engine/util/line-starts';

test('firstAbove and firstAtOrAbove give the index a linear scan gives', () => {
  const lists = [[], [5], [1, 1, 1], [0, 2, 2, 4, 7, 7, 7, 9], Array.from({ length: 33 }, (_, index) => index * 3)];
  for (const list of lists) {
    for (let value = -2; value <= 100; value++) {
      const above = list.findIndex((item) => item > value);
      const atOrAbove = list.findIndex((item) => item >= value);
      assert.equal(firstAbove(list, value), above < 0 ? list.length : above, `firstAbove([${list}], ${value})`);
      assert.equal(firstAtOrAbove(list, value), atOrAbove < 0 ? list.length : atOrAbove, `firstAtOrAbove([${list}], ${value})`);
    }
  }
});

test('firstAbove looks only at the first `count` elements when given a count', () => {
  const list = Int32Array.from([0, 4, 9, 9, 20, 0, 0, 0]);
  for (let count = 0; count <= 5; count++) {
    for (let value = -1; value <= 25; value++) {
      const above = Array.from(list.subarray(0, count)).findIndex((item) => item > value);
      assert.equal(firstAbove(list, value, count), above < 0 ? count : above, `firstAbove(…, ${value}, ${count})`);
    }
  }
});

test('lineAt and positionAt give the line and character a walk through the text gives', () => {
  for (const text of ['', 'a', '\n', 'ab\ncd', 'ab\n\ncd\n', '\n\n\nx', 'one\r\ntwo\nthree']) {
    const starts = lfLineStarts(text);
    assert.deepEqual(starts, [0, ...[...text].flatMap((char, index) => (char === '\n' ? [index + 1] : []))], JSON.stringify(text));
    let line = 0;
    let character = 0;
    for (let offset = 0; offset <= text.length; offset++) {
      assert.deepEqual(positionAt(starts, offset), { line, character }, `${JSON.stringify(text)} at ${offset}`);
      if (text[offset] === '\n') {
        line++;
        character = 0;
      } else character++;
    }
    // Offsets before the text are on line 0; columns with room beyond their lines are read up to `count`.
    assert.equal(lineAt(starts, -5), 0);
    assert.equal(lineAt([...starts, 0, 0], text.length, starts.length), starts.length - 1);
  }
});
