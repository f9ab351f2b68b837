// What the rest of the host says about a certbot lineage: cli.ini (certbot reads /etc/letsencrypt/cli.ini and
// then ~/.config/letsencrypt/cli.ini — constants.py CLI_DEFAULTS config_files; root's for the timer), the
// renewal-hooks folders (hooks.py list_hooks: executable files not ending in `~`, run only by `certbot renew`
// and not with --no-directory-hooks), and whether a web server that holds port 80 is installed.
import * as path from 'node:path';
import { type Host, joinHostPath, readTextOrUndefined } from '../host/host';
import { unitEnablement } from '../systemd/enablement';
import { parseCliIni } from './cli-ini';
import type { CertbotDocument, ConfigEntry } from './rule';

export const DEFAULT_CONFIG_DIR = '/etc/letsencrypt';
const USER_CLI_INI = '/root/.config/letsencrypt/cli.ini';

export interface CliIniFile {
  path: string;
  text: string;
  document: CertbotDocument;
}

/** The cli.ini files certbot (run as root) reads, that exist: the config folder's, then root's own. */
export function cliIniFiles(host: Host, configDir = DEFAULT_CONFIG_DIR): CliIniFile[] {
  const files: CliIniFile[] = [];
  for (const file of [joinHostPath(configDir, 'cli.ini'), USER_CLI_INI]) {
    const text = readTextOrUndefined(host, file);
    if (text !== undefined) files.push({ path: file, text, document: parseCliIni(text) });
  }
  return files;
}

/** The cli.ini entry certbot uses for a long option (e.g. `pre-hook`), exact or abbreviated; root's file wins. */
export function cliOption(files: readonly CliIniFile[], option: string): { file: CliIniFile; entry: ConfigEntry } | undefined {
  let found: { file: CliIniFile; entry: ConfigEntry } | undefined;
  for (const file of files) {
    for (const entry of file.document.entries) {
      const resolved = entry.option;
      if (resolved && (resolved.kind === 'exact' || resolved.kind === 'prefix') && resolved.option === option) found = { file, entry };
    }
  }
  return found;
}

/** A hook value that runs something (certbot treats "" and the written "None" as no hook). */
export function isHookValue(value: string | string[] | undefined): boolean {
  if (value === undefined) return false;
  const text = Array.isArray(value) ? value.join(',') : value;
  return text.trim() !== '' && text !== 'None';
}

export type HookStage = 'pre' | 'post' | 'deploy';

/** Executables certbot runs from renewal-hooks/<stage>/ (hooks.py list_hooks; filesystem.is_executable as root). */
export function directoryHooks(host: Host, stage: HookStage, configDir = DEFAULT_CONFIG_DIR): string[] {
  return hookFiles(host, stage, configDir, true);
}

/** Regular files in renewal-hooks/<stage>/ with (or without) an execute bit; names ending `~` never count. */
export function hookFiles(host: Host, stage: HookStage, configDir: string, executable: boolean): string[] {
  const folder = joinHostPath(joinHostPath(configDir, 'renewal-hooks'), stage);
  return host
    .list(folder)
    .map((name) => joinHostPath(folder, name))
    .filter((file) => {
      const stat = host.stat(file);
      return !file.endsWith('~') && stat?.kind === 'file' && ((stat.mode & 0o111) !== 0) === executable;
    });
}

/** Whether cli.ini turns the renewal-hooks folders off (`no-directory-hooks`). */
export function directoryHooksDisabled(files: readonly CliIniFile[]): boolean {
  const entry = cliOption(files, 'no-directory-hooks')?.entry;
  return entry !== undefined && ['true', 'yes', '1'].includes(String(entry.value).toLowerCase());
}

export interface WebServer {
  /** The systemd unit / init script name, for `systemctl stop NAME`. */
  service: string;
  /** What shows it is there: its config folder or its enabled unit. */
  evidence: string;
}

const WEB_SERVERS: readonly { service: string; configDirs: readonly string[] }[] = [
  { service: 'nginx', configDirs: ['/etc/nginx'] },
  { service: 'apache2', configDirs: ['/etc/apache2'] },
  { service: 'httpd', configDirs: ['/etc/httpd'] },
  { service: 'lighttpd', configDirs: ['/etc/lighttpd'] },
  { service: 'caddy', configDirs: ['/etc/caddy'] },
];

/** Web servers that would hold port 80: a config folder of theirs, or their unit enabled. */
export function webServers(host: Host): WebServer[] {
  const found: WebServer[] = [];
  for (const server of WEB_SERVERS) {
    const dir = server.configDirs.find((candidate) => host.stat(candidate)?.kind === 'directory');
    if (dir) {
      found.push({ service: server.service, evidence: dir });
      continue;
    }
    const enablement = unitEnablement(host, `${server.service}.service`);
    if (enablement.state === 'enabled' || enablement.state === 'enabled-runtime') found.push({ service: server.service, evidence: `${server.service}.service` });
  }
  return found;
}

/** certbot's config folder for a file in it: `/x/renewal/a.conf` → `/x`, `/x/cli.ini` → `/x`. */
export function configDirOf(file: string | undefined): string {
  if (!file) return DEFAULT_CONFIG_DIR;
  const dir = path.posix.dirname(file);
  return path.posix.basename(dir) === 'renewal' ? path.posix.dirname(dir) : dir;
}
