// The language server's facts cache (server/src/facts-cache.ts): one HostFacts for the lints of a burst of
// typing, read again after FRESH_MS, after clear(), and for another host or dialect.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { FactsCache, FRESH_MS } from '../../server/src/facts-cache';
import { FsHost } from '../../server/src/engine/host/fs-host';
import type { HostView } from '../../server/src/host-view';

test('facts are shared within FRESH_MS of their first read, and read again after it or after clear()', () => {
  let now = 1_000_000;
  const cache = new FactsCache(() => now);
  const view: HostView = { root: '/', host: new FsHost('/') };
  const first = cache.get(view, undefined);
  now += FRESH_MS - 1;
  assert.equal(cache.get(view, undefined), first);
  now += 1;
  const second = cache.get(view, undefined);
  assert.notEqual(second, first, 'stale after FRESH_MS');
  assert.equal(cache.get(view, undefined), second);
  cache.clear();
  assert.notEqual(cache.get(view, undefined), second, 'read again after clear()');
});

test('facts are per host and per dialect setting', () => {
  const cache = new FactsCache(() => 0);
  const machine: HostView = { root: '/', host: new FsHost('/') };
  const machineFacts = cache.get(machine, undefined);
  assert.notEqual(cache.get(machine, 'cronie'), machineFacts);
  assert.equal(cache.get(machine, 'cronie').dialect().dialect, 'cronie');
  assert.notEqual(cache.get({ root: '/srv/copy', host: new FsHost('/srv/copy') }, undefined), machineFacts);
  // The same root with a new FsHost (workspace folders set again) is another host.
  assert.notEqual(cache.get({ root: '/', host: new FsHost('/') }, undefined), machineFacts);
});
