// A Host that remembers every answer for the length of one inventory: systemd's lookups probe the same
// folders and files many times (13 search folders × drop-in and .wants/ folders per unit), and a host over
// SSH or a large in-memory tree should be asked once per path.
// Most of those probes are for drop-in and `.wants/` folders that do not exist, under search folders that were
// listed already or do not exist themselves (/run/systemd/transient on a copied tree): a path is answered
// "missing" without asking the host when a folder on its way was listed without the next name, or is known
// not to exist (a `--root` FsHost would otherwise lstat every component of every such path).
import * as posix from 'node:path/posix';
import type { Host, HostReadResult, HostStat } from '../host/host';

export class CachedHost implements Host {
  readonly label: string;
  private readonly texts = new Map<string, HostReadResult>();
  private readonly lists = new Map<string, string[]>();
  private readonly listable = new Map<string, boolean>();
  private readonly lstats = new Map<string, HostStat | undefined>();
  private readonly stats = new Map<string, HostStat | undefined>();
  private readonly links = new Map<string, string | undefined>();
  /** Names in each folder listed so far, by normalized path; only non-empty listings (an empty one may mean "denied"). */
  private readonly listed = new Map<string, Set<string>>();

  constructor(private readonly inner: Host) {
    this.label = inner.label;
  }

  readText(path: string): HostReadResult {
    return remember(this.texts, path, () => (this.knownMissing(path) ? { ok: false, reason: 'missing' } : this.inner.readText(path)));
  }

  readBytes(path: string): Uint8Array | undefined {
    return this.knownMissing(path) ? undefined : this.inner.readBytes(path);
  }

  list(path: string): string[] {
    return remember(this.lists, path, () => {
      const names = this.inner.list(path);
      if (names.length > 0 && path.startsWith('/')) this.listed.set(folderKey(path), new Set(names));
      return names;
    });
  }

  canList(path: string): boolean {
    return remember(this.listable, path, () => this.inner.canList(path));
  }

  lstat(path: string): HostStat | undefined {
    return remember(this.lstats, path, () => (this.knownMissing(path) ? undefined : this.inner.lstat(path)));
  }

  stat(path: string): HostStat | undefined {
    return remember(this.stats, path, () => (this.knownMissing(path) ? undefined : this.inner.stat(path)));
  }

  readLink(path: string): string | undefined {
    return remember(this.links, path, () => (this.knownMissing(path) ? undefined : this.inner.readLink(path)));
  }

  /** A folder on the path was listed without the next name in it, or has no entry itself (lstat said so). */
  private knownMissing(path: string): boolean {
    if (!path.startsWith('/')) return false;
    let child = folderKey(path);
    while (child !== '/') {
      const folder = posix.dirname(child);
      const names = this.listed.get(folder);
      if (names !== undefined && !names.has(posix.basename(child))) return true;
      if (folder !== '/' && this.lstats.has(folder) && this.lstats.get(folder) === undefined) return true;
      child = folder;
    }
    return false;
  }
}

function folderKey(path: string): string {
  const normalized = posix.normalize(path);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

function remember<T>(cache: Map<string, T>, key: string, read: () => T): T {
  const known = cache.get(key);
  // One lookup on a hit; has() only for remembered `undefined` answers (missing files).
  if (known !== undefined || cache.has(key)) return known as T;
  const value = read();
  cache.set(key, value);
  return value;
}
