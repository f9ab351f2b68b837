// The language server's file URIs (server/src/uri.ts): a path goes to a URI and back unchanged, a name that is
// not UTF-8 included (its byte percent-encoded, as a client that keeps names as bytes sends it), and a plain
// path gives the URI Node's pathToFileURL gives.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { URI } from '../../server/src/uri';

test('file URIs round-trip every path, names that are not UTF-8 included', () => {
  const paths = ['/etc/cron.d/caf\udce9', '/etc/cron.d/\udcff\udcfe', '/srv/日本語/ジョブ', '/tmp/a b/c#d?e%f', '/x/back\\slash', '/x/😀', '/etc/crontab'];
  for (const filePath of paths) assert.equal(URI.toFilePath(URI.fromFilePath(filePath)), filePath, filePath);
  assert.equal(URI.fromFilePath('/etc/cron.d/caf\udce9'), 'file:///etc/cron.d/caf%E9');
  assert.equal(URI.toFilePath('file:///etc/cron.d/caf%E9'), '/etc/cron.d/caf\udce9');
  assert.equal(URI.toFilePath('file:///etc/cron.d/caf%c3%a9'), '/etc/cron.d/café');
  for (const plain of ['/etc/cron.d/certbot', '/srv/日本語/a b', '/var/spool/cron/crontabs/alice']) assert.equal(URI.fromFilePath(plain), pathToFileURL(plain).href);
});

test('URIs that name no file of this machine: another scheme, another host, an encoded slash', () => {
  assert.equal(URI.toFilePath('untitled:Untitled-1'), undefined);
  assert.equal(URI.toFilePath('file://server/share/crontab'), undefined);
  assert.equal(URI.toFilePath('file:///etc/cron.d%2Fjob'), undefined);
  assert.equal(URI.toFilePath('file://localhost/etc/crontab'), '/etc/crontab');
});
