// The server's diagnostic cache (server/src/diagnostic-cache.ts): one diagnostic per finding object and context.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { DiagnosticCache } from '../../server/src/diagnostic-cache';

test('a finding keeps its diagnostic under the same context, and gets a new one under another', () => {
  const cache = new DiagnosticCache<{ message: string }, { text: string; made: number }>();
  let made = 0;
  const make = (finding: { message: string }) => ({ text: finding.message, made: ++made });
  const finding = { message: 'a' };
  const first = cache.get(finding, 'file:///etc/crontab\0en', make);
  assert.equal(cache.get(finding, 'file:///etc/crontab\0en', make), first);
  const japanese = cache.get(finding, 'file:///etc/crontab\0ja', make);
  assert.notEqual(japanese, first);
  assert.equal(japanese.made, 2);
  // An equal finding that is another object (linted again) is made again.
  assert.equal(cache.get({ message: 'a' }, 'file:///etc/crontab\0ja', make).made, 3);
});
