// A Host that remembers every answer for the length of one inventory: systemd's lookups probe the same
// folders and files many times (13 search folders × drop-in and .wants/ folders per unit), and a host over
// SSH or a large in-memory tree should be asked once per path.
// Most of those probes are for drop-in and `.wants/` folders that do not exist, under search folders that were
// listed already or do not exist themselves (/run/systemd/transient on a copied tree): a path is answered
// "missing" without asking the host when its folder was listed without its name, or is known not to exist
// (a `--root` FsHost would otherwise lstat every component of every such path). realPath() asks about each
// component from the root down, so the folder's answer is there when its entries are asked about.
import * as posix from 'node:path/posix';
import type { Host, HostReadResult, HostStat } from './host';

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

  /** The path's folder was listed without its name, or has no entry itself (lstat said so). */
  private knownMissing(path: string): boolean {
    if (!path.startsWith('/')) return false;
    const key = folderKey(path);
    const slash = key.lastIndexOf('/');
    const name = key.slice(slash + 1);
    if (name === '' || name === '.' || name === '..') return false;
    const folder = slash === 0 ? '/' : key.slice(0, slash);
    const names = this.listed.get(folder);
    if (names !== undefined) return !names.has(name);
    return folder !== '/' && this.lstats.has(folder) && this.lstats.get(folder) === undefined;
  }
}

/** Normalized, without a trailing slash; paths already in that form (nearly all) are returned as they are. */
function folderKey(path: string): string {
  if (!/^$|\/\/|(^|\/)\.\.?(\/|$)|\/$/.test(path)) return path;
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
