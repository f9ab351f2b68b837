// A Host that remembers every answer for the length of one inventory: systemd's lookups probe the same
// folders and files many times (13 search folders × drop-in and .wants/ folders per unit), and a host over
// SSH or a large in-memory tree should be asked once per path.
import type { Host, HostReadResult, HostStat } from '../host/host';

export class CachedHost implements Host {
  readonly label: string;
  private readonly texts = new Map<string, HostReadResult>();
  private readonly lists = new Map<string, string[]>();
  private readonly listable = new Map<string, boolean>();
  private readonly lstats = new Map<string, HostStat | undefined>();
  private readonly stats = new Map<string, HostStat | undefined>();
  private readonly links = new Map<string, string | undefined>();

  constructor(private readonly inner: Host) {
    this.label = inner.label;
  }

  readText(path: string): HostReadResult {
    return remember(this.texts, path, () => this.inner.readText(path));
  }

  readBytes(path: string): Uint8Array | undefined {
    return this.inner.readBytes(path);
  }

  list(path: string): string[] {
    return remember(this.lists, path, () => this.inner.list(path));
  }

  canList(path: string): boolean {
    return remember(this.listable, path, () => this.inner.canList(path));
  }

  lstat(path: string): HostStat | undefined {
    return remember(this.lstats, path, () => this.inner.lstat(path));
  }

  stat(path: string): HostStat | undefined {
    return remember(this.stats, path, () => this.inner.stat(path));
  }

  readLink(path: string): string | undefined {
    return remember(this.links, path, () => this.inner.readLink(path));
  }
}

function remember<T>(cache: Map<string, T>, key: string, read: () => T): T {
  const known = cache.get(key);
  // One lookup on a hit; has() only for remembered `undefined` answers (missing files).
  if (known !== undefined || cache.has(key)) return known as T;
  const value = read();
  cache.set(key, value);
  return value;
}
