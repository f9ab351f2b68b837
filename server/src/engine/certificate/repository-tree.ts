// A repository's web-server configuration laid out as a root (`etc/nginx/...` at the top of the repository, or
// under a folder such as `deploy/root/etc/nginx/...`): its absolute certificate paths (`/etc/ssl/x.pem`) are looked
// up inside that root, never on this machine, so the web-server rules can run on a repository's copy as they run
// under --root. A named file that is not in the repository gives no finding (it lives on the server).
import * as path from 'node:path';
import type { Host, HostReadResult } from '../host/host';
import type { Finding } from '../types';
import { webServerCertificateFindings, type WebServerLintOptions } from './web-lint';
import { webServerSites } from './web-servers';

/** The folder above the last `etc/` that holds an nginx or Apache tree in this path, e.g. `/repo/deploy/root`. */
const LAID_OUT_AS_ROOT = /^(\/.*)\/etc\/(nginx|apache2|httpd)\//;

export function repositoryRootOf(file: string): string | undefined {
  return LAID_OUT_AS_ROOT.exec(file)?.[1];
}

/** The files below `root`, seen as a host of their own: `/etc/ssl/x.pem` is `<root>/etc/ssl/x.pem`. */
export class SubtreeHost implements Host {
  readonly label: string;

  constructor(
    private readonly inner: Host,
    readonly root: string,
  ) {
    this.label = `${inner.label} ${root}`;
  }

  /** The inner host's path of a path in the subtree (`..` cannot climb out: resolve stops at `/`). */
  outer(file: string): string {
    return path.posix.join(this.root, path.posix.resolve('/', file));
  }

  /**
   * The inner path of a subtree path with its symlinks followed as the subtree's own: an absolute target
   * (`sites-enabled/shop -> /etc/nginx/sites-available/shop`) is inside the root too, never this machine's file.
   * `last`: false leaves the final name unfollowed (lstat, readLink). Undefined for a loop or an unreadable link.
   */
  private resolved(file: string, last = true): string | undefined {
    let pending = path.posix.resolve('/', file).split('/').filter(Boolean);
    let done = '/';
    let hops = 0;
    while (pending.length > 0) {
      const [name, ...rest] = pending;
      const next = path.posix.join(done, name);
      if ((rest.length > 0 || last) && this.inner.lstat(this.outer(next))?.kind === 'symlink') {
        const target = this.inner.readLink(this.outer(next));
        // 40: the kernel's own limit on links followed in one lookup (MAXSYMLINKS).
        if (target === undefined || ++hops > 40) return undefined;
        pending = [...path.posix.resolve(done, target).split('/').filter(Boolean), ...rest];
        done = '/';
        continue;
      }
      done = next;
      pending = rest;
    }
    return this.outer(done);
  }

  /** The subtree path with its symlinks followed (the same file reached through a link and by its own name). */
  canonical(file: string): string | undefined {
    return this.resolved(file)?.slice(this.root.length) || '/';
  }

  readText(file: string): HostReadResult {
    const inner = this.resolved(file);
    return inner !== undefined ? this.inner.readText(inner) : { ok: false, reason: 'missing' };
  }
  readBytes(file: string): Uint8Array | undefined {
    const inner = this.resolved(file);
    return inner !== undefined ? this.inner.readBytes(inner) : undefined;
  }
  list(file: string): string[] {
    const inner = this.resolved(file);
    return inner !== undefined ? this.inner.list(inner) : [];
  }
  canList(file: string): boolean {
    const inner = this.resolved(file);
    return inner !== undefined && this.inner.canList(inner);
  }
  lstat(file: string) {
    const inner = this.resolved(file, false);
    return inner !== undefined ? this.inner.lstat(inner) : undefined;
  }
  stat(file: string) {
    const inner = this.resolved(file);
    // Every link is followed above: what is left is no link (a dangling one is missing).
    return inner !== undefined ? this.inner.lstat(inner) : undefined;
  }
  readLink(file: string): string | undefined {
    const inner = this.resolved(file, false);
    return inner !== undefined ? this.inner.readLink(inner) : undefined;
  }
}

/**
 * The web-server findings of the tree under `root`, by the inner host's paths. Besides what the main files
 * (nginx.conf, apache2.conf, httpd.conf) reach, every configuration file `isConfiguration` claims is read on its
 * own: a repository often holds only the site file. A link (`sites-enabled/shop -> ../sites-available/shop`) and
 * a file the main files already reach are not read a second time.
 */
export function subtreeWebServerFindings(inner: Host, root: string, isConfiguration: (file: string) => boolean, options: WebServerLintOptions): Map<string, Finding[]> {
  const subtree = new SubtreeHost(inner, root);
  return toOuterPaths(subtree, webServerCertificateFindings(subtree, { ...options, standalone: standaloneFiles(subtree, isConfiguration) }));
}

/** The configuration files to read on their own (see subtreeWebServerFindings), sorted. */
export function standaloneFiles(subtree: SubtreeHost, isConfiguration: (file: string) => boolean): string[] {
  const reached = new Set(webServerSites(subtree).map((site) => subtree.canonical(site.opening.path)));
  const files: string[] = [];
  const walk = (folder: string, depth: number) => {
    if (depth > 3) return;
    for (const name of subtree.list(folder)) {
      const file = path.posix.join(folder, name);
      if (subtree.lstat(file)?.kind === 'symlink') continue;
      const stat = subtree.stat(file);
      if (stat?.kind === 'directory') walk(file, depth + 1);
      else if (stat?.kind === 'file' && isConfiguration(file) && !reached.has(file)) files.push(file);
    }
  };
  for (const server of ['nginx', 'apache2', 'httpd']) walk(`/etc/${server}`, 0);
  return files.sort();
}

/** Findings keyed by subtree paths, moved back to the inner host's paths (their related locations too). */
export function toOuterPaths(host: SubtreeHost, findings: Map<string, Finding[]>): Map<string, Finding[]> {
  const moved = new Map<string, Finding[]>();
  for (const [file, list] of findings) {
    moved.set(host.outer(file), list.map((finding) => ({ ...finding, related: finding.related?.map((related) => (related.path !== undefined ? { ...related, path: host.outer(related.path) } : related)) })));
  }
  return moved;
}
