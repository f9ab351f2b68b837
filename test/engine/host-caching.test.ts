// The speed-ups under the host schedule must not change a single answer: MemoryHost's folder index (list and
// the directory test) against a plain scan of its files, and CachedHost (which answers "missing" for paths
// under folders it has listed or knows do not exist) against the host it wraps, for a copied Debian root
// through FsHost and for in-memory trees with links, trailing slashes and names missing at every depth.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Host } from '../../server/src/engine/host/host';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { CachedHost } from '../../server/src/engine/host/cached-host';
import { CORPUS_ROOT } from '../support/paths';

const DEBIAN_ROOT = path.join(CORPUS_ROOT, 'debian-bookworm', 'root');

const TREE: Record<string, string | { text: string; link: string }> = {
  '/etc/crontab': '17 * * * * root true\n',
  '/etc/cron.d/certbot': '0 */12 * * * root true\n',
  '/etc/systemd/system/timers.target.wants/certbot.timer': { text: '', link: '/lib/systemd/system/certbot.timer' },
  '/lib/systemd/system/certbot.timer': '[Timer]\nOnCalendar=*-*-* 00,12:00:00\n',
  '/lib/systemd/system/certbot.service': '[Service]\nExecStart=/usr/bin/certbot -q renew\n',
  '/lib/systemd/system/certbot.timer.d/': '',
  '/var/spool/cron/crontabs/root': '5 3 * * * /root/renew.sh\n',
  'relative/file': 'x',
};

/** Paths a build asks about: every file, each of its folders, names missing beside and below them. */
function probes(files: readonly string[]): string[] {
  const found = new Set<string>(['/', '', '.', '/missing', '/missing/deeper/still', '/etc/', '/etc//cron.d', '/etc/./crontab', '/etc/cron.d/../crontab']);
  for (const file of files) {
    for (let folder = file; folder !== path.posix.dirname(folder); folder = path.posix.dirname(folder)) {
      found.add(folder);
      found.add(`${folder}/`);
      found.add(`${folder}.d`);
      found.add(`${folder}/nope`);
      found.add(`${folder}/nope/nope.conf`);
    }
  }
  return [...found].sort();
}

/** Every answer of `host` for `paths`, in one order, asking list() first so CachedHost has listings to use. */
function answers(host: Host, paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const probe of paths) out.push(`list ${probe} ${JSON.stringify(host.list(probe))}`);
  for (const probe of paths) {
    out.push(`lstat ${probe} ${JSON.stringify(host.lstat(probe))}`);
    out.push(`stat ${probe} ${JSON.stringify(host.stat(probe))}`);
    out.push(`link ${probe} ${JSON.stringify(host.readLink(probe))}`);
    out.push(`text ${probe} ${JSON.stringify(host.readText(probe))}`);
    out.push(`bytes ${probe} ${host.readBytes(probe)?.length}`);
    out.push(`canList ${probe} ${host.canList(probe)}`);
  }
  return out;
}

/** MemoryHost before its folder index: the names below a folder and the directory test by scanning every file. */
function scannedList(files: readonly string[], directory: string): string[] {
  const prefix = path.posix.normalize(directory).replace(/\/$/, '') + '/';
  return [...new Set(files.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length).split('/')[0]))].sort();
}

test('MemoryHost lists folders and tells directories as a scan of all its files would, also after set()', () => {
  const host = new MemoryHost(TREE);
  host.set('/etc/cron.daily/logrotate', '#!/bin/sh\n');
  const files = [...Object.keys(TREE), '/etc/cron.daily/logrotate'].map((file) => path.posix.normalize(file));
  const paths = probes(files);
  for (const probe of paths) {
    assert.deepEqual(host.list(probe), scannedList(files, probe), probe);
    const isFolder = scannedList(files, probe).length > 0;
    if (!files.includes(path.posix.normalize(probe))) assert.equal(host.stat(probe)?.kind, isFolder ? 'directory' : undefined, probe);
  }
  assert.deepEqual(host.list('/lib/systemd/system/certbot.timer.d'), ['']);
  // A returned listing is the caller's to change.
  host.list('/etc').push('changed');
  assert.deepEqual(host.list('/etc'), ['cron.d', 'cron.daily', 'crontab', 'systemd']);
});

test('CachedHost answers as the in-memory host it wraps', () => {
  const paths = probes(Object.keys(TREE).map((file) => path.posix.normalize(file)));
  assert.deepEqual(answers(new CachedHost(new MemoryHost(TREE)), paths), answers(new MemoryHost(TREE), paths));
});

test('CachedHost answers as FsHost on a copied Debian root, and does not ask it about paths under missing folders', () => {
  const fsHost = new FsHost(DEBIAN_ROOT);
  const files: string[] = [];
  const walk = (local: string, hostPath: string) => {
    for (const entry of fs.readdirSync(local, { withFileTypes: true })) {
      const child = `${hostPath}/${entry.name}`;
      files.push(child);
      if (entry.isDirectory() && !entry.isSymbolicLink()) walk(path.join(local, entry.name), child);
    }
  };
  walk(path.join(DEBIAN_ROOT, 'etc', 'systemd'), '/etc/systemd');
  walk(path.join(DEBIAN_ROOT, 'lib', 'systemd'), '/lib/systemd');
  assert.ok(files.length > 50, 'the corpus root has systemd folders');
  const paths = [...probes(files), '/run/systemd/transient/certbot.timer.d', '/usr/lib/systemd/system/certbot.timer'];
  assert.deepEqual(answers(new CachedHost(fsHost), paths), answers(fsHost, paths));

  let asked = 0;
  const counting = new Proxy(fsHost, {
    get(target, key: keyof FsHost) {
      const value = target[key];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        asked++;
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const cached = new CachedHost(counting);
  cached.list('/etc/systemd/system');
  cached.lstat('/run/systemd/transient');
  asked = 0;
  assert.equal(cached.stat('/etc/systemd/system/no-such.timer.d'), undefined);
  assert.equal(cached.lstat('/run/systemd/transient/certbot.timer.d'), undefined);
  assert.equal(cached.readText('/run/systemd/transient/certbot.timer.d/x.conf').ok, false);
  assert.equal(asked, 0);
  assert.equal(cached.stat('/etc/systemd/system/timers.target.wants')?.kind, 'directory');
  assert.equal(asked, 1);
});
