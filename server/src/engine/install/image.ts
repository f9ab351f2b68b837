// The files an image (or a host set up by a script or playbook) ends up with, as far as crontabs go: which
// repository file each image path came from, with the mode and owner the build gives it. Shared by the
// Dockerfile reader (one per build stage) and by scripts that copy files the Dockerfile put in the image.
import * as path from 'node:path';
import type { Host } from '../host/host';
import type { FileKind, Range, TextEdit } from '../types';
import { globToRegExp, isGlob } from '../util/glob';
import type { CronProgram } from './model';

export interface PlacedFile {
  /** Host path of the repository file. */
  repo: string;
  installer: string;
  range: Range;
  description: string;
  removal?: TextEdit;
  mode?: number;
  modeRange?: Range;
  owner?: string;
}

/** Folders cron reads every file of (a file copied "into" them keeps its name). */
export const CRON_FOLDERS = new Set(['/etc/cron.d', '/etc/crontabs', '/var/spool/cron/crontabs', '/var/spool/cron']);

/** The format a program reading `target` expects, or undefined when no cron reads that path. */
export function targetFormat(target: string, cron: CronProgram | undefined): { format: FileKind; user?: string } | undefined {
  const normalized = path.posix.normalize(target);
  const folder = path.posix.dirname(normalized);
  const name = path.posix.basename(normalized);
  if (normalized === '/etc/crontab') return { format: 'crontab-system' };
  // dcron reads /etc/cron.d as root's crontabs, without a user column: main.c SynchronizeDir(SCDir, "root"),
  // database.c SynchronizeFile parses each line as five fields and the command (dubiousjim/dcron 4.5).
  if (folder === '/etc/cron.d') return cron === 'dcron' ? { format: 'crontab-user', user: 'root' } : { format: 'crontab-system' };
  // busybox crond (Alpine) reads /etc/crontabs/USER (Alpine links /var/spool/cron/crontabs there): crontabs
  // named after their user, no user column. busybox miscutils/crond.c load_crontab().
  if (folder === '/etc/crontabs' || folder === '/var/spool/cron/crontabs') return { format: 'crontab-user', user: name };
  if (folder === '/var/spool/cron' && cron !== 'debian' && !['atjobs', 'atspool', 'crontabs', 'lastrun'].includes(name) && !name.startsWith('.')) return { format: 'crontab-user', user: name };
  return undefined;
}

/**
 * The cron whose spool a target path is, when only the path says: /var/spool/cron/USER is cronie's (its
 * configure.ac SPOOL_DIR default `${localstatedir}/spool/cron`); Debian's cron reads /var/spool/cron/crontabs/USER
 * (cron 3.0pl1 pathnames.h: CRONDIR "/var/spool/cron", SPOOL_DIR "crontabs"), a folder busybox crond shares
 * (Alpine), so that one names no cron. A known image's cron wins over this.
 */
export function cronOfSpoolPath(target: string): CronProgram | undefined {
  const normalized = path.posix.normalize(target);
  return path.posix.dirname(normalized) === '/var/spool/cron' && targetFormat(normalized, undefined) !== undefined ? 'cronie' : undefined;
}

export class ImageFiles {
  readonly files = new Map<string, PlacedFile>();
  /** Folders copied whole (`COPY . /app`): image folder → repository folder, longest first when looked up. */
  readonly folders: { image: string; repo: string; placed: Omit<PlacedFile, 'repo'> }[] = [];

  constructor(private readonly host: Host) {}

  copyFrom(other: ImageFiles): void {
    for (const [key, value] of other.files) this.files.set(key, { ...value });
    this.folders.push(...other.folders);
  }

  /** The repository file at an image path, when the build put one there. */
  resolve(imagePath: string): PlacedFile | undefined {
    const normalized = path.posix.normalize(imagePath);
    const placed = this.files.get(normalized);
    if (placed) return placed;
    let best: (typeof this.folders)[number] | undefined;
    for (const folder of this.folders) {
      if ((normalized === folder.image || normalized.startsWith(folder.image === '/' ? '/' : folder.image + '/')) && (!best || folder.image.length > best.image.length)) best = folder;
    }
    if (!best) return undefined;
    const repo = path.posix.join(best.repo, path.posix.relative(best.image, normalized));
    const stat = this.host.stat(repo);
    if (stat === undefined) return undefined;
    return { ...best.placed, repo };
  }

  /** Puts a repository file or folder at an image path (COPY, cp). A folder's files go under the target. */
  place(repo: string, target: string, targetIsFolder: boolean, placed: Omit<PlacedFile, 'repo'>): void {
    const stat = this.host.stat(repo);
    if (stat?.kind === 'directory') {
      // Only folders cron reads are listed now; others are remembered as a mapping (a `COPY . /app` of a
      // large repository must not list it).
      if (CRON_FOLDERS.has(path.posix.normalize(target))) {
        for (const name of this.host.list(repo)) {
          const child = path.posix.join(repo, name);
          if (this.host.stat(child)?.kind === 'file') this.files.set(path.posix.join(target, name), { ...placed, repo: child });
        }
      } else this.folders.push({ image: path.posix.normalize(target), repo, placed });
      return;
    }
    if (stat?.kind !== 'file') return;
    const intoFolder = targetIsFolder || target.endsWith('/') || CRON_FOLDERS.has(path.posix.normalize(target));
    const file = intoFolder ? path.posix.join(target, path.posix.basename(repo)) : path.posix.normalize(target);
    this.files.set(file, { ...placed, repo });
  }

  /** Image files a chmod/chown operand names: the path itself, a glob, or everything under a folder. */
  matching(operand: string): PlacedFile[] {
    const normalized = path.posix.normalize(operand);
    const glob = isGlob(normalized) ? globToRegExp(normalized) : undefined;
    const found: PlacedFile[] = [];
    for (const [file, placed] of this.files) {
      if (file === normalized || file.startsWith(normalized + '/') || glob?.test(file)) found.push(placed);
    }
    return found;
  }
}
