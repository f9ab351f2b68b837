// An in-memory host for tests: a map of host paths to file contents (and optional modes and links).
import * as path from 'node:path';
import { MAX_FILE_BYTES, type Host, type HostReadResult, type HostStat } from './host';
import { decodeUtf8 } from '../util/utf8';

export interface MemoryFile {
  text?: string;
  mode?: number;
  uid?: number;
  link?: string;
  links?: number;
  /** Binary content (zone files); `text` is used when absent. */
  bytes?: Uint8Array;
  /** Reading it fails as if permission were denied. */
  unreadable?: boolean;
}

export class MemoryHost implements Host {
  label = 'memory';
  private readonly files = new Map<string, MemoryFile>();
  /** Every folder that some file lies under, with the names right below it: list() and the directory
   *  test used to scan every file per call, which made a few hundred units cost seconds. */
  private readonly folders = new Map<string, { names: Set<string>; sorted?: string[] }>();

  /** The most a read returns (MAX_FILE_BYTES; tests of the limit set less). */
  maxFileBytes = MAX_FILE_BYTES;

  constructor(files: Record<string, string | MemoryFile> = {}) {
    for (const [file, value] of Object.entries(files)) this.set(file, value);
  }

  set(file: string, value: string | MemoryFile): this {
    const normalized = path.posix.normalize(file);
    this.files.set(normalized, typeof value === 'string' ? { text: value } : value);
    // Each `/` in the path ends a folder ('' for the root) holding the next component.
    for (let slash = normalized.indexOf('/'); slash !== -1; ) {
      const next = normalized.indexOf('/', slash + 1);
      const folder = normalized.slice(0, slash);
      const name = normalized.slice(slash + 1, next === -1 ? undefined : next);
      let entry = this.folders.get(folder);
      if (!entry) this.folders.set(folder, (entry = { names: new Set() }));
      if (!entry.names.has(name)) {
        entry.names.add(name);
        entry.sorted = undefined;
      }
      slash = next;
    }
    return this;
  }

  readText(file: string): HostReadResult {
    const entry = this.follow(file);
    if (entry === undefined) return this.isDirectory(file) ? { ok: false, reason: 'not-a-file' } : { ok: false, reason: 'missing' };
    if (entry.unreadable) return { ok: false, reason: 'denied' };
    const size = entry.bytes && entry.text === undefined ? entry.bytes.length : Buffer.byteLength(entry.text ?? '', 'utf8');
    if (size > this.maxFileBytes) return { ok: false, reason: 'too-large', size, limit: this.maxFileBytes };
    if (entry.bytes && entry.text === undefined) return { ok: true, ...decodeUtf8(entry.bytes) };
    return { ok: true, text: entry.text ?? '' };
  }

  readBytes(file: string): Uint8Array | undefined {
    const entry = this.follow(file);
    if (entry === undefined || entry.unreadable) return undefined;
    const bytes = entry.bytes ?? (entry.text !== undefined ? new TextEncoder().encode(entry.text) : undefined);
    return bytes !== undefined && bytes.length > this.maxFileBytes ? undefined : bytes;
  }

  list(directory: string): string[] {
    const entry = this.folders.get(folderKey(directory));
    if (!entry) return [];
    entry.sorted ??= [...entry.names].sort();
    return [...entry.sorted];
  }

  canList(directory: string): boolean {
    return !this.files.get(normalize(directory))?.unreadable;
  }

  lstat(file: string): HostStat | undefined {
    const entry = this.files.get(normalize(file));
    if (entry === undefined) return this.isDirectory(file) ? directoryStat() : undefined;
    if (entry.link !== undefined) return { kind: 'symlink', mode: 0o777, uid: entry.uid ?? 0, size: 0, links: 1 };
    return fileStat(entry);
  }

  stat(file: string): HostStat | undefined {
    const entry = this.follow(file);
    if (entry === undefined) return this.isDirectory(file) ? directoryStat() : undefined;
    return fileStat(entry);
  }

  readLink(file: string): string | undefined {
    return this.files.get(normalize(file))?.link;
  }

  private follow(file: string, hops = 0): MemoryFile | undefined {
    const normalized = normalize(file);
    const entry = this.files.get(normalized);
    if (entry?.link === undefined || hops > 40) return entry;
    const target = entry.link.startsWith('/') ? entry.link : path.posix.join(path.posix.dirname(normalized), entry.link);
    return this.follow(target, hops + 1);
  }

  /** A folder is any path some file lies under (there are no empty folders). */
  private isDirectory(file: string): boolean {
    return this.folders.has(folderKey(file));
  }
}

/** The key of a folder in `folders`: normalized, without a trailing slash ('' for the root). */
function folderKey(directory: string): string {
  return normalize(directory).replace(/\/$/, '');
}

// Paths path.posix.normalize() would change: empty, `//`, `.` or `..` segments, a trailing slash.
const UNNORMALIZED = /^$|\/\/|(^|\/)\.\.?(\/|$)|\/$/;

/** path.posix.normalize(), skipped for the paths it leaves as they are (nearly every lookup). */
function normalize(file: string): string {
  return UNNORMALIZED.test(file) ? path.posix.normalize(file) : file;
}

function fileStat(entry: MemoryFile): HostStat {
  return { kind: 'file', mode: entry.mode ?? 0o644, uid: entry.uid ?? 0, size: entry.text?.length ?? 0, links: entry.links ?? 1 };
}

function directoryStat(): HostStat {
  return { kind: 'directory', mode: 0o755, uid: 0, size: 0, links: 2 };
}
