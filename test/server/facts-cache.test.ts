// The language server's facts cache (server/src/facts-cache.ts): one HostFacts for the lints of a burst of
// typing, read again after FRESH_MS (and kept when they read the same), after clear(), and for another host or
// dialect.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { FactsCache, FRESH_MS } from '../../server/src/facts-cache';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import type { HostView } from '../../server/src/host-view';

test('facts are shared within FRESH_MS of their first read, read again after it, and kept when they read the same', () => {
  let now = 1_000_000;
  const cache = new FactsCache(() => now);
  const machine = new MemoryHost({ '/etc/passwd': 'root:x:0:0::/root:/bin/sh\n' });
  // The cache reads only the view's root and host; a memory host stands in for the file system's.
  const view = { root: '/', host: machine } as unknown as HostView;
  const first = cache.get(view, undefined);
  first.isUser('alice');
  now += FRESH_MS - 1;
  assert.equal(cache.get(view, undefined), first);
  now += 1;
  assert.equal(cache.get(view, undefined), first, 'read again after FRESH_MS and the same: kept');
  machine.set('/etc/passwd', 'root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n');
  now += FRESH_MS - 1;
  assert.equal(cache.get(view, undefined), first, 'within FRESH_MS of the last read: not read again');
  now += 1;
  const second = cache.get(view, undefined);
  assert.notEqual(second, first, 'read again after FRESH_MS and changed: new facts');
  assert.equal(second.isUser('alice'), true);
  assert.equal(cache.get(view, undefined), second);
  cache.clear();
  assert.notEqual(cache.get(view, undefined), second, 'read again after clear(), even when the same');
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
