// A repository's web-server configuration laid out as a root (`etc/nginx/...` at the top of the repository, or
// under a folder such as `deploy/root/etc/nginx/...`): its absolute certificate paths (`/etc/ssl/x.pem`) are looked
// up inside that root, never on this machine, so the web-server rules can run on a repository's copy as they run
// under --root. A named file that is not in the repository gives no finding (it lives on the server).
import * as path from 'node:path';
import type { Host, HostReadResult } from '../host/host';
import type { Finding } from '../types';

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
  readText(file: string): HostReadResult {
    return this.inner.readText(this.outer(file));
  }
  readBytes(file: string): Uint8Array | undefined {
    return this.inner.readBytes(this.outer(file));
  }
  list(file: string): string[] {
    return this.inner.list(this.outer(file));
  }
  canList(file: string): boolean {
    return this.inner.canList(this.outer(file));
  }
  lstat(file: string) {
    return this.inner.lstat(this.outer(file));
  }
  stat(file: string) {
    return this.inner.stat(this.outer(file));
  }
  readLink(file: string): string | undefined {
    return this.inner.readLink(this.outer(file));
  }
}

/**
 * The configuration files of the nginx and Apache trees under the subtree's /etc that `isConfiguration` claims,
 * sorted; read on their own as well as through the main file (a repository often has only the site file).
 */
export function configurationFiles(host: Host, isConfiguration: (file: string) => boolean): string[] {
  const files: string[] = [];
  const walk = (folder: string, depth: number) => {
    if (depth > 3) return;
    for (const name of host.list(folder)) {
      const file = path.posix.join(folder, name);
      const stat = host.stat(file);
      if (stat?.kind === 'directory') walk(file, depth + 1);
      else if (stat?.kind === 'file' && isConfiguration(file)) files.push(file);
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
