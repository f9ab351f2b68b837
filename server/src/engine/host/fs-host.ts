// Host backed by the real filesystem, either at `/` or at a folder treated as `/` (`--root DIR`).
// Absolute symlink targets are resolved inside the root, never outside it, so a fake root taken from
// another machine (absolute links into /lib/systemd/...) reads its own files and not ours.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES, type Host, type HostReadResult, type HostStat } from './host';
import { decodeUtf8 } from '../util/utf8';

const MAX_LINK_HOPS = 40;

export class FsHost implements Host {
  readonly label: string;
  private readonly root: string;

  /** `maxFileBytes`: MAX_FILE_BYTES unless a test asks for less. */
  constructor(
    root = '/',
    private readonly maxFileBytes = MAX_FILE_BYTES,
  ) {
    this.root = path.resolve(root);
    this.label = this.root === '/' ? '/' : this.root;
  }

  /** Host path → path on this machine, without following links. */
  toLocal(hostPath: string): string {
    const normalized = path.posix.normalize('/' + hostPath);
    return this.root === '/' ? normalized : path.join(this.root, normalized);
  }

  /** Local path under the root → host path, or undefined when it lies outside. */
  toHost(localPath: string): string | undefined {
    const absolute = path.resolve(localPath);
    if (this.root === '/') return absolute;
    const relative = path.relative(this.root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return '/' + relative.split(path.sep).join('/');
  }

  readText(hostPath: string): HostReadResult {
    const local = this.resolve(hostPath);
    if (local === undefined) return { ok: false, reason: 'missing' };
    try {
      const stat = fs.statSync(local);
      if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
      const limit = this.maxFileBytes;
      if (stat.size > limit) return { ok: false, reason: 'too-large', size: stat.size, limit };
      const bytes = readAtMost(local, limit + 1);
      if (bytes.length > limit) return { ok: false, reason: 'too-large', size: Math.max(stat.size, bytes.length), limit };
      return { ok: true, ...decodeUtf8(bytes) };
    } catch (error) {
      return failure(error);
    }
  }

  readBytes(hostPath: string): Uint8Array | undefined {
    const local = this.resolve(hostPath);
    if (local === undefined) return undefined;
    try {
      if (fs.statSync(local).size > this.maxFileBytes) return undefined;
      const bytes = readAtMost(local, this.maxFileBytes + 1);
      return bytes.length > this.maxFileBytes ? undefined : bytes;
    } catch {
      return undefined;
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

  lstat(hostPath: string): HostStat | undefined {
    const parent = this.resolve(path.posix.dirname(path.posix.normalize('/' + hostPath)));
    if (parent === undefined) return undefined;
    try {
      return toHostStat(fs.lstatSync(path.join(parent, path.posix.basename(hostPath))));
    } catch {
      return undefined;
    }
  }

  stat(hostPath: string): HostStat | undefined {
    const local = this.resolve(hostPath);
    if (local === undefined) return undefined;
    try {
      return toHostStat(fs.statSync(local));
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

  /** Resolves every symlink component of a host path inside the root; undefined when a link loops. */
  private resolve(hostPath: string): string | undefined {
    if (this.root === '/') return path.posix.normalize('/' + hostPath);
    const parts = path.posix.normalize('/' + hostPath).split('/').filter(Boolean);
    let current = '/';
    let hops = 0;
    while (parts.length > 0) {
      const part = parts.shift() as string;
      const candidate = path.posix.join(current, part);
      let target: string | undefined;
      try {
        if (fs.lstatSync(path.join(this.root, candidate)).isSymbolicLink()) {
          target = fs.readlinkSync(path.join(this.root, candidate));
        }
      } catch {
        // A missing component: the rest cannot be links either.
        return path.join(this.root, candidate, ...parts);
      }
      if (target === undefined) {
        current = candidate;
        continue;
      }
      if (++hops > MAX_LINK_HOPS) return undefined;
      const absolute = target.startsWith('/') ? target : path.posix.join(current, target);
      parts.unshift(...path.posix.normalize(absolute).split('/').filter(Boolean));
      current = '/';
    }
    return path.join(this.root, current);
  }
}

/**
 * The first `most` bytes of a file (fewer when it is shorter). Stat sizes can lie (a file growing, or /proc
 * files that report 0), so the read itself is bounded too.
 */
function readAtMost(local: string, most: number): Buffer {
  const descriptor = fs.openSync(local, 'r');
  try {
    // Read in place into one buffer the size the file says it is (and one byte more, to see it grow), doubled
    // when it was wrong: a 6 MB crontab was read in 64 KiB chunks, each copied, then copied again whole.
    let buffer = Buffer.allocUnsafe(Math.min(most, Math.max(fs.fstatSync(descriptor).size + 1, 64 * 1024)));
    let total = 0;
    while (total < most) {
      if (total === buffer.length) buffer = Buffer.concat([buffer], Math.min(most, buffer.length * 2));
      const read = fs.readSync(descriptor, buffer, total, Math.min(buffer.length, most) - total, null);
      if (read === 0) break;
      total += read;
    }
    return buffer.subarray(0, total);
  } finally {
    fs.closeSync(descriptor);
  }
}

function toHostStat(stat: fs.Stats): HostStat {
  const kind = stat.isSymbolicLink() ? 'symlink' : stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
  return { kind, mode: stat.mode & 0o7777, uid: stat.uid, size: stat.size, links: stat.nlink };
}

function failure(error: unknown): HostReadResult {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'denied' };
  if (code === 'EISDIR') return { ok: false, reason: 'not-a-file' };
  return { ok: false, reason: 'error', detail: String((error as Error).message ?? error) };
}
