// Host backed by the real filesystem, either at `/` or at a folder treated as `/` (`--root DIR`).
// Absolute symlink targets are resolved inside the root, never outside it, so a fake root taken from
// another machine (absolute links into /lib/systemd/...) reads its own files and not ours.
// Resolving links inside the root costs an lstat per path component; a host built for one run over a tree that
// does not change while it runs (`fixedTree`: `--root`, `schedule --root`) remembers each component's answer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES, type Host, type HostReadResult, type HostStat } from './host';
import { decodeUtf8 } from '../util/utf8';
import { decodeFileName, fileSystemPath } from '../util/file-names';

const MAX_LINK_HOPS = 40;
/**
 * Missing paths are the common answer here (drop-in folders, scripts named by cron lines): undefined instead of
 * an ENOENT exception, whose Error object and stack cost four times the system call (issue #20). Other errors
 * (ENOTDIR, EACCES) still throw and are handled as before.
 */
const NO_THROW_ON_MISSING = { throwIfNoEntry: false } as const;

/** What lstat said of one path component: the link's target, or one of these. */
type Component = string | typeof PLAIN | typeof MISSING | typeof FAILED;
/** There, and not a link. */
const PLAIN = 0;
/** No such entry (ENOENT): nothing below it exists either. */
const MISSING = 1;
/** Not a folder or not ours to read (ENOTDIR, EACCES…): what is below is asked for, and fails, as it would. */
const FAILED = 2;

/** A host path's place on this machine; `missing` when a component of it has no entry, so neither has the path. */
interface Located {
  local: string;
  missing: boolean;
}

export interface FsHostOptions {
  /**
   * The tree does not change while this host is used (one CLI run over `--root`): each path component is
   * lstat'ed once, not once per path through it. Not for a process that stays up (the language server).
   */
  fixedTree?: boolean;
}

export class FsHost implements Host {
  readonly label: string;
  private readonly root: string;
  /** With `fixedTree`: each component's lstat answer and each path's place, by host path. */
  private readonly components?: Map<string, Component>;
  private readonly located?: Map<string, Located | undefined>;

  /** `maxFileBytes`: MAX_FILE_BYTES unless a test asks for less. */
  constructor(
    root = '/',
    private readonly maxFileBytes = MAX_FILE_BYTES,
    options: FsHostOptions = {},
  ) {
    this.root = path.resolve(root);
    this.label = this.root === '/' ? '/' : this.root;
    if (options.fixedTree) {
      this.components = new Map();
      this.located = new Map();
    }
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
    const place = this.locate(hostPath);
    if (place === undefined || place.missing) return { ok: false, reason: 'missing' };
    const local = place.local;
    try {
      const stat = fs.statSync(fileSystemPath(local), NO_THROW_ON_MISSING);
      if (stat === undefined) return { ok: false, reason: 'missing' };
      if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
      const limit = this.maxFileBytes;
      if (stat.size > limit) return { ok: false, reason: 'too-large', size: stat.size, limit };
      const bytes = readAtMost(local, limit + 1, stat.size);
      if (bytes.length > limit) return { ok: false, reason: 'too-large', size: Math.max(stat.size, bytes.length), limit };
      return { ok: true, ...decodeUtf8(bytes) };
    } catch (error) {
      return failure(error);
    }
  }

  readBytes(hostPath: string): Uint8Array | undefined {
    const place = this.locate(hostPath);
    if (place === undefined || place.missing) return undefined;
    const local = place.local;
    try {
      const size = fs.statSync(fileSystemPath(local)).size;
      if (size > this.maxFileBytes) return undefined;
      const bytes = readAtMost(local, this.maxFileBytes + 1, size);
      return bytes.length > this.maxFileBytes ? undefined : bytes;
    } catch {
      return undefined;
    }
  }

  list(hostPath: string): string[] {
    const local = this.resolve(hostPath);
    if (local === undefined) return [];
    try {
      // As bytes: a name that is not UTF-8 is kept (file-names.ts), not turned into one no call can open.
      return fs.readdirSync(fileSystemPath(local), { encoding: 'buffer' }).map(decodeFileName).sort();
    } catch {
      return [];
    }
  }

  canList(hostPath: string): boolean {
    const local = this.resolve(hostPath);
    if (local === undefined) return true;
    try {
      fs.readdirSync(fileSystemPath(local));
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code !== 'EACCES' && code !== 'EPERM';
    }
  }

  lstat(hostPath: string): HostStat | undefined {
    const parent = this.locate(path.posix.dirname(path.posix.normalize('/' + hostPath)));
    if (parent === undefined || (parent.missing && !endsInDotDot(hostPath))) return undefined;
    try {
      const stat = fs.lstatSync(fileSystemPath(path.join(parent.local, path.posix.basename(hostPath))), NO_THROW_ON_MISSING);
      return stat === undefined ? undefined : toHostStat(stat);
    } catch {
      return undefined;
    }
  }

  stat(hostPath: string): HostStat | undefined {
    const place = this.locate(hostPath);
    if (place === undefined || place.missing) return undefined;
    try {
      const stat = fs.statSync(fileSystemPath(place.local), NO_THROW_ON_MISSING);
      return stat === undefined ? undefined : toHostStat(stat);
    } catch {
      return undefined;
    }
  }

  readLink(hostPath: string): string | undefined {
    const parent = this.locate(path.posix.dirname(path.posix.normalize('/' + hostPath)));
    if (parent === undefined || (parent.missing && !endsInDotDot(hostPath))) return undefined;
    try {
      return decodeFileName(fs.readlinkSync(fileSystemPath(path.join(parent.local, path.posix.basename(hostPath))), { encoding: 'buffer' }));
    } catch {
      return undefined;
    }
  }

  /** Resolves every symlink component of a host path inside the root; undefined when a link loops. */
  private resolve(hostPath: string): string | undefined {
    return this.locate(hostPath)?.local;
  }

  /** resolve(), and whether a component was missing; remembered with `fixedTree`. */
  private locate(hostPath: string): Located | undefined {
    if (this.root === '/') return { local: path.posix.normalize('/' + hostPath), missing: false };
    if (this.located === undefined) return this.walk(hostPath);
    const known = this.located.get(hostPath);
    if (known !== undefined || this.located.has(hostPath)) return known;
    const place = this.walk(hostPath);
    this.located.set(hostPath, place);
    return place;
  }

  private walk(hostPath: string): Located | undefined {
    const parts = path.posix.normalize('/' + hostPath).split('/').filter(Boolean);
    let current = '/';
    let hops = 0;
    while (parts.length > 0) {
      const part = parts.shift() as string;
      const candidate = path.posix.join(current, part);
      const component = this.component(candidate);
      // A missing component: the rest cannot be links either.
      if (component === MISSING || component === FAILED) return { local: path.join(this.root, candidate, ...parts), missing: component === MISSING };
      if (component === PLAIN) {
        current = candidate;
        continue;
      }
      if (++hops > MAX_LINK_HOPS) return undefined;
      const absolute = component.startsWith('/') ? component : path.posix.join(current, component);
      parts.unshift(...path.posix.normalize(absolute).split('/').filter(Boolean));
      current = '/';
    }
    return { local: path.join(this.root, current), missing: false };
  }

  private component(candidate: string): Component {
    const known = this.components?.get(candidate);
    if (known !== undefined) return known;
    let component: Component;
    try {
      const local = fileSystemPath(path.join(this.root, candidate));
      const stat = fs.lstatSync(local, NO_THROW_ON_MISSING);
      component = stat === undefined ? MISSING : stat.isSymbolicLink() ? decodeFileName(fs.readlinkSync(local, { encoding: 'buffer' })) : PLAIN;
    } catch {
      component = FAILED;
    }
    this.components?.set(candidate, component);
    return component;
  }
}

/** What readAtMost() reads a small file into: one for every read, since reads are synchronous and copied out. */
const SCRATCH_BYTES = 64 * 1024;
let scratch: Buffer | undefined;

/**
 * The first `most` bytes of a file (fewer when it is shorter), whose stat said `size` (the caller's stat, not
 * asked again). Stat sizes can lie (a file growing, or /proc files that report 0), so the read itself is
 * bounded too. A file smaller than the scratch buffer is read
 * there and copied out at its size (a zeroed 64 KiB buffer per file was 128 MB of garbage for a 2,000-unit
 * --root); a larger one is read in place into one buffer the size the file says it is, and one byte more to
 * see it grow, doubled when that was wrong (a 6 MB crontab was read in 64 KiB chunks, each copied, then
 * copied again whole). Issue #20.
 */
function readAtMost(local: string, most: number, size: number): Buffer {
  const descriptor = fs.openSync(fileSystemPath(local), 'r');
  try {
    let buffer = size < SCRATCH_BYTES ? (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES)) : Buffer.allocUnsafe(Math.min(most, size + 1));
    let total = 0;
    while (total < most) {
      if (total === buffer.length) buffer = Buffer.concat([buffer], Math.min(most, buffer.length * 2));
      const read = fs.readSync(descriptor, buffer, total, Math.min(buffer.length, most) - total, null);
      if (read === 0) break;
      total += read;
    }
    return buffer === scratch ? Buffer.from(buffer.subarray(0, total)) : buffer.subarray(0, total);
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * `a/missing/..` names `a` to lstat() and readLink(): they join the raw last name to the parent's place and
 * path.join() takes the `..` away, so a missing parent does not make it missing.
 */
function endsInDotDot(hostPath: string): boolean {
  return path.posix.basename(hostPath) === '..';
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
