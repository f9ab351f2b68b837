// The one seam between the engine and a machine's files. Rules never touch `fs`: they ask a Host, which is
// the real filesystem at `/`, a fake root given with `--root`, or an in-memory tree in tests.
// Paths passed in and out are always *host* paths (`/etc/passwd`), whatever the Host maps them to.
import type { Utf8Check } from '../util/utf8';

export interface HostStat {
  kind: 'file' | 'directory' | 'symlink' | 'other';
  /** Permission bits (`mode & 0o7777`). */
  mode: number;
  uid: number;
  size: number;
  /** Hard links to the file (cron refuses crontabs with more than one). */
  links: number;
}

export type HostReadResult =
  /** `utf8`: whether the bytes were UTF-8 (util/utf8.ts), when the host read bytes and decoded them. */
  | { ok: true; text: string; utf8?: Utf8Check }
  /** `too-large`: `size` is the file's size in bytes (at least `limit + 1`), `limit` the most a Host reads. */
  | { ok: false; reason: 'missing' | 'denied' | 'not-a-file' | 'error' | 'too-large'; detail?: string; size?: number; limit?: number };

/**
 * The most a Host reads of one file: 8 MiB. Far above any real file it reads (crontabs, units, renewal files
 * and cli.ini are a few KB; Debian's whole CA bundle, ca-certificates.crt, is about 220 KB), so a bigger file
 * is a mistake or an attack, and reading it would cost seconds and gigabytes (a 2 GB sparse /etc/crontab).
 * cron has no file size limit of its own (Debian's limits each command to MAX_COMMAND, 1000 bytes), and
 * certbot reads whole files. A larger file is refused unread (`too-large`) and reported as `file/too-large`.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The most files the host scan takes from one folder (/etc/cron.d, the cron spool): 10,000, far above any
 * real host, so 100,000 files in /etc/cron.d cost seconds and a bounded amount of memory, not minutes and
 * gigabytes. The rest are reported as skipped (`file/too-large`, folder).
 */
export const MAX_FOLDER_FILES = 10_000;

/**
 * Files of a host a format lints in `--root`/`--host` (and folders it could not read or took only part of).
 * Here rather than in formats/: the schedule model builds one too (crontab/host-files.ts), below the registry.
 */
export interface HostFiles {
  files: string[];
  /** Folders the program reads that this user may not list (the cron spool as non-root). */
  unreadableFolders: string[];
  /** Folders with more than MAX_FOLDER_FILES names: only the first ones (by name) are in `files`. */
  crowdedFolders?: { path: string; count: number }[];
}

export interface Host {
  /** A short description for messages ("/", "--root /tmp/x", "memory"). */
  readonly label: string;
  /** The file as UTF-8; never reads more than MAX_FILE_BYTES + 1 bytes (`too-large` past that). */
  readText(path: string): HostReadResult;
  /** A file's bytes (zone files), or undefined when it cannot be read or is larger than MAX_FILE_BYTES. */
  readBytes(path: string): Uint8Array | undefined;
  /** Entries of a directory, sorted; empty when it is missing or unreadable. */
  list(path: string): string[];
  /** False when the directory exists but may not be listed (permission denied). */
  canList(path: string): boolean;
  /** Like lstat: a symlink is reported as such. */
  lstat(path: string): HostStat | undefined;
  /** Follows symlinks inside the host's root. */
  stat(path: string): HostStat | undefined;
  /** The target of a symlink, as written in the link. */
  readLink(path: string): string | undefined;
}

export function readTextOrUndefined(host: Host, path: string): string | undefined {
  const result = host.readText(path);
  return result.ok ? result.text : undefined;
}

export function isExecutableFile(host: Host, path: string): boolean {
  const stat = host.stat(path);
  return stat !== undefined && stat.kind === 'file' && (stat.mode & 0o111) !== 0;
}

/** Whether this host is the machine itself, so file owners and modes are the host's own (not a copied tree's). */
export function isLiveHost(host: Host): boolean {
  return host.label === '/';
}

export function joinHostPath(directory: string, name: string): string {
  return directory.endsWith('/') ? directory + name : `${directory}/${name}`;
}
