// util/sorted-search.ts against a linear scan, on sorted lists with repeats, for values below, between, on and
// above their elements.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { firstAbove, firstAtOrAbove } from '../../server/src/engine/util/sorted-search';

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
