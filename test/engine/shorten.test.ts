// util/shorten.ts: user text quoted in messages is cut to a bounded length, never inside a surrogate pair.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { shorten, shortenParams } from '../../server/src/engine/util/shorten';

test('shorten keeps short text and cuts long text to the limit, with …', () => {
  assert.equal(shorten('0 3 * * *'), '0 3 * * *');
  assert.equal(shorten('x'.repeat(40)), 'x'.repeat(40));
  assert.equal(shorten('x'.repeat(41)), `${'x'.repeat(39)}…`);
  assert.equal(shorten('abcdef', 4), 'abc…');
});

test('shorten never leaves half of a surrogate pair', () => {
  const cut = shorten(`ab${'😀'.repeat(10)}`, 4);
  assert.equal(cut, 'ab…');
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut));
});

test('shortenParams cuts strings and strings in lists, and keeps numbers', () => {
  assert.deepEqual(shortenParams({ value: 'abcdef', count: 123456, names: ['abcdef', 'ab'] }, 4), { value: 'abc…', count: 123456, names: ['abc…', 'ab'] });
});
