// Host backed by the real filesystem, either at `/` or at a folder treated as `/` (`--root DIR`).
// Absolute symlink targets are resolved inside the root, never outside it, so a fake root taken from
// another machine (absolute links into /lib/systemd/...) reads its own files and not ours.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Host, HostReadResult, HostStat } from './host';
import { decodeUtf8 } from '../text-check';

const MAX_LINK_HOPS = 40;

export class FsHost implements Host {
  readonly label: string;
  private readonly root: string;

  constructor(root = '/') {
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
      return { ok: true, ...decodeUtf8(fs.readFileSync(local)) };
    } catch (error) {
      return failure(error);
    }
  }

  readBytes(hostPath: string): Uint8Array | undefined {
    const local = this.resolve(hostPath);
    if (local === undefined) return undefined;
    try {
      return fs.readFileSync(local);
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
