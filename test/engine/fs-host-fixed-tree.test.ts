// FsHost's fast paths (issue #20) must not change an answer: missing paths answered without an ENOENT exception
// or without asking the kernel again once a component is known missing, and `fixedTree`, which remembers each
// path component's lstat for a run. Held, on seeded random trees on disk (folders, files, absolute, relative,
// dangling and looping links, files used as folders), to the FsHost from before them, kept below as the oracle.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Host, HostReadResult, HostStat } from '../../server/src/engine/host/host';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { CachedHost } from '../../server/src/engine/host/cached-host';
import { Random } from '../support/random';

/** FsHost as it was before issue #20's fast paths: every lookup asks the kernel, and misses throw. */
class OracleFsHost implements Host {
  readonly label = 'oracle';
  constructor(private readonly root: string) {}

  readText(hostPath: string): HostReadResult {
    const local = this.resolve(hostPath);
    if (local === undefined) return { ok: false, reason: 'missing' };
    try {
      const stat = fs.statSync(local);
      if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
      return { ok: true, text: fs.readFileSync(local, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
      if (code === 'EISDIR') return { ok: false, reason: 'not-a-file' };
      return { ok: false, reason: 'error' };
    }
  }

  readBytes(hostPath: string): Uint8Array | undefined {
    const local = this.resolve(hostPath);
    if (local === undefined) return undefined;
    try {
      fs.statSync(local);
      return fs.readFileSync(local);
    } catch {
      return undefined;
    }
  }

  canList(hostPath: string): boolean {
    const local = this.resolve(hostPath);
    if (local === undefined) return true;
    try {
      fs.readdirSync(local);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code !== 'EACCES' && code !== 'EPERM';
    }
  }

  list(hostPath: string): string[] {
    const local = this.resolve(hostPath);
    if (local === undefined) return [];
    try {
      return fs.readdirSync(local).sort();
    } catch {
      return [];
    }
  }

  lstat(hostPath: string): HostStat | undefined {
    const parent = this.resolve(path.posix.dirname(path.posix.normalize('/' + hostPath)));
    if (parent === undefined) return undefined;
    try {
      return hostStat(fs.lstatSync(path.join(parent, path.posix.basename(hostPath))));
    } catch {
      return undefined;
    }
  }

  stat(hostPath: string): HostStat | undefined {
    const local = this.resolve(hostPath);
    if (local === undefined) return undefined;
    try {
      return hostStat(fs.statSync(local));
    } catch {
      return undefined;
    }
  }

  readLink(hostPath: string): string | undefined {
    const parent = this.resolve(path.posix.dirname(path.posix.normalize('/' + hostPath)));
    if (parent === undefined) return undefined;
    try {
      return fs.readlinkSync(path.join(parent, path.posix.basename(hostPath)));
    } catch {
      return undefined;
    }
  }

  private resolve(hostPath: string): string | undefined {
    const parts = path.posix.normalize('/' + hostPath).split('/').filter(Boolean);
    let current = '/';
    let hops = 0;
    while (parts.length > 0) {
      const part = parts.shift() as string;
      const candidate = path.posix.join(current, part);
      let target: string | undefined;
      try {
        if (fs.lstatSync(path.join(this.root, candidate)).isSymbolicLink()) target = fs.readlinkSync(path.join(this.root, candidate));
      } catch {
        return path.join(this.root, candidate, ...parts);
      }
      if (target === undefined) {
        current = candidate;
        continue;
      }
      if (++hops > 40) return undefined;
      const absolute = target.startsWith('/') ? target : path.posix.join(current, target);
      parts.unshift(...path.posix.normalize(absolute).split('/').filter(Boolean));
      current = '/';
    }
    return path.join(this.root, current);
  }
}

function hostStat(stat: fs.Stats): HostStat {
  const kind = stat.isSymbolicLink() ? 'symlink' : stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
  return { kind, mode: stat.mode & 0o7777, uid: stat.uid, size: stat.size, links: stat.nlink };
}

/** Every answer for one path, in one line; readBytes by its length, readText without its UTF-8 check. */
function answer(host: Host, probe: string): string {
  const text = host.readText(probe);
  return JSON.stringify({
    probe,
    text: text.ok ? { ok: true, text: text.text } : { ok: false, reason: text.reason },
    bytes: host.readBytes(probe)?.length,
    list: host.list(probe),
    canList: host.canList(probe),
    lstat: host.lstat(probe),
    stat: host.stat(probe),
    link: host.readLink(probe),
  });
}

/** A random tree at `root`; returns the names used in it (for probes). */
function randomTree(root: string, random: Random): string[] {
  const names = ['etc', 'lib', 'systemd', 'system', 'cron.d', 'a', 'b', 'x.timer', 'y.service', 'wants'];
  const folders = ['/'];
  const entries: string[] = [];
  const count = 10 + random.int(40);
  for (let index = 0; index < count; index++) {
    const folder = random.pick(folders);
    const name = random.pick(names) + (random.chance(0.3) ? String(index) : '');
    const hostPath = path.posix.join(folder, name);
    const local = path.join(root, hostPath);
    if (fs.existsSync(local) || isLink(local)) continue;
    const what = random.next();
    try {
      if (what < 0.35) {
        fs.mkdirSync(local);
        folders.push(hostPath);
      } else if (what < 0.6) fs.writeFileSync(local, random.times(random.int(20), () => random.pick(['x', 'é', '\n', '['])));
      else {
        // Links: to an entry made so far (absolute or relative), to nothing, to itself, out of the root with `..`.
        const target = random.pick([
          random.pick([...folders, ...entries]),
          path.posix.relative(folder, random.pick([...folders, ...entries])) || '.',
          '/nope/' + name,
          hostPath,
          '../../..' + random.pick(folders),
          random.pick(entries.length > 0 ? entries : ['/']) + '/below',
        ]);
        fs.symlinkSync(target, local);
      }
      entries.push(hostPath);
    } catch {
      // A parent that is a link to a file or nowhere: that entry is not made, as on a real copied tree.
    }
  }
  return [...names, ...entries.flatMap((entry) => entry.split('/').filter(Boolean))];
}

function isLink(local: string): boolean {
  try {
    return fs.lstatSync(local).isSymbolicLink();
  } catch {
    return false;
  }
}

function randomProbes(names: readonly string[], random: Random, count: number): string[] {
  const probes: string[] = ['/', ''];
  for (let index = 0; index < count; index++) {
    const depth = 1 + random.int(5);
    const parts: string[] = [];
    for (let level = 0; level < depth; level++) parts.push(random.chance(0.1) ? random.pick(['..', '.', '', 'nope']) : random.pick(names));
    probes.push((random.chance(0.9) ? '/' : '') + parts.join('/') + (random.chance(0.1) ? '/' : ''));
  }
  return probes;
}

test('FsHost (plain, fixedTree, and fixedTree under CachedHost) answers as the FsHost before its fast paths, on random trees', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-fs-host-'));
  try {
    for (let seed = 1; seed <= 25; seed++) {
      const random = new Random(seed);
      const root = path.join(base, String(seed));
      fs.mkdirSync(root);
      const names = randomTree(root, random);
      const probes = randomProbes(names, random, 300);
      const oracle = new OracleFsHost(root);
      const expected = new Map(probes.map((probe) => [probe, answer(oracle, probe)]));
      const plain = new FsHost(root);
      const fixed = new FsHost(root, undefined, { fixedTree: true });
      // CachedHost answers `..` paths lexically, which FsHost does not: it is held to itself over the oracle.
      const cachedOracle = new CachedHost(new OracleFsHost(root));
      const cached = new CachedHost(new FsHost(root, undefined, { fixedTree: true }));
      // The fixed hosts are asked in another order than the oracle: what they remember depends on it.
      const shuffled = [...probes].sort(() => random.next() - 0.5);
      for (const probe of shuffled) {
        assert.equal(answer(plain, probe), expected.get(probe), `seed ${seed}: plain FsHost`);
        assert.equal(answer(fixed, probe), expected.get(probe), `seed ${seed}: fixedTree`);
        assert.equal(answer(cached, probe), answer(cachedOracle, probe), `seed ${seed}: CachedHost over fixedTree`);
      }
      // A second round: every answer now comes from what the fixed hosts remembered.
      for (const probe of probes) assert.equal(answer(fixed, probe), expected.get(probe), `seed ${seed}: fixedTree, asked again`);
    }
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});

test('fixedTree asks the kernel about each path component once; a plain FsHost asks again on every path', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-fs-host-'));
  try {
    fs.mkdirSync(path.join(root, 'lib/systemd/system'), { recursive: true });
    for (let index = 0; index < 20; index++) fs.writeFileSync(path.join(root, `lib/systemd/system/job${index}.timer`), '[Timer]\n');
    // The module object itself (an `import *` binding is a read-only view of it).
    const nodeFs = require('node:fs') as { lstatSync: typeof fs.lstatSync };
    const count = (host: FsHost) => {
      const lstat = nodeFs.lstatSync;
      let calls = 0;
      nodeFs.lstatSync = ((...args: Parameters<typeof fs.lstatSync>) => {
        calls++;
        return lstat(...args);
      }) as typeof fs.lstatSync;
      try {
        for (let index = 0; index < 20; index++) {
          host.stat(`/lib/systemd/system/job${index}.timer`);
          host.stat(`/usr/local/bin/task-${index}`);
        }
      } finally {
        nodeFs.lstatSync = lstat;
      }
      return calls;
    };
    // 3 folders + 20 files, and /usr (missing) once.
    assert.equal(count(new FsHost(root, undefined, { fixedTree: true })), 24);
    assert.equal(count(new FsHost(root)), 20 * 4 + 20);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
