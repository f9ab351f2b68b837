// Which host a document belongs to. Over Remote-SSH the server runs on the host itself, so a file's host
// path is its path and the host is `/`. A workspace folder laid out like a root (a copied server tree,
// `etc/crontab`, `etc/cron.d/`, `etc/systemd/system/`, `var/spool/cron/` under it) is a host of its own,
// as `schedlint --root DIR` would read it: `DIR/etc/cron.d/x` is `/etc/cron.d/x` of that host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FsHost } from './engine/host/fs-host';
import { URI } from './uri';

const ROOT_MARKERS = ['etc/crontab', 'etc/cron.d', 'etc/systemd/system', 'var/spool/cron', 'etc/letsencrypt/renewal'];

export interface HostView {
  /** `/` for the machine itself, else the workspace folder that is a root. */
  root: string;
  host: FsHost;
}

export class HostViews {
  private readonly machine: HostView = { root: '/', host: new FsHost('/') };
  private roots: HostView[] = [];

  /** Workspace folders that look like a root become hosts of their own; `/` itself stays the machine. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.roots = [];
    for (const uri of uris) {
      const folder = URI.toFilePath(uri);
      if (!folder || path.resolve(folder) === '/' || !looksLikeRoot(folder)) continue;
      this.roots.push({ root: path.resolve(folder), host: new FsHost(path.resolve(folder)) });
    }
    // The deepest folder wins when folders nest.
    this.roots.sort((a, b) => b.root.length - a.root.length);
  }

  /** Every host the workspace shows: the root-like folders, or the machine when there is none. */
  all(): HostView[] {
    return this.roots.length > 0 ? [...this.roots] : [this.machine];
  }

  /** The host a file belongs to and its path there. */
  locate(filePath: string): { view: HostView; hostPath: string } {
    const resolved = path.resolve(filePath);
    for (const view of this.roots) {
      if (resolved === view.root || resolved.startsWith(view.root + path.sep)) {
        return { view, hostPath: '/' + path.relative(view.root, resolved).split(path.sep).join('/') };
      }
    }
    return { view: this.machine, hostPath: resolved };
  }

  /** The `file:` URI of a host path of a view. */
  uriOf(view: HostView, hostPath: string): string {
    return URI.fromFilePath(view.root === '/' ? hostPath : path.join(view.root, hostPath));
  }
}

export function looksLikeRoot(folder: string): boolean {
  return ROOT_MARKERS.some((marker) => {
    try {
      fs.statSync(path.join(folder, marker));
      return true;
    } catch {
      return false;
    }
  });
}
