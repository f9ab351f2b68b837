// The crontabs of a host that `--root`/`--host` lints and the schedule inventory reads: /etc/crontab,
// /etc/cron.d/*, and the spool of the host's cron (Debian: /var/spool/cron/crontabs; cronie: /var/spool/cron).
import type { HostFacts } from '../host/facts';
import { joinHostPath, MAX_FOLDER_FILES, type HostFiles } from '../host/host';

// at(1)'s queue lives beside the cronie spool; never a crontab.
const NOT_CRONTABS = new Set(['atjobs', 'atspool', 'crontabs', 'lastrun', 'cron.allow', 'cron.deny']);

/** Every file cron reads on this host: /etc/crontab, /etc/cron.d/*, the spool of the host's cron. */
export function cronFilePaths(facts: HostFacts): HostFiles {
  const host = facts.host;
  const found: HostFiles = { files: [], unreadableFolders: [] };
  if (host.stat('/etc/crontab')?.kind === 'file') found.files.push('/etc/crontab');
  const spool = facts.dialect().dialect === 'debian' ? '/var/spool/cron/crontabs' : '/var/spool/cron';
  for (const folder of ['/etc/cron.d', spool]) {
    if (!host.canList(folder)) {
      found.unreadableFolders.push(folder);
      continue;
    }
    const names = host.list(folder);
    if (names.length > MAX_FOLDER_FILES) (found.crowdedFolders ??= []).push({ path: folder, count: names.length });
    for (const name of names.slice(0, MAX_FOLDER_FILES)) {
      if (folder === spool && (NOT_CRONTABS.has(name) || name.startsWith('.') || name.startsWith('#'))) continue;
      const file = joinHostPath(folder, name);
      if (host.stat(file)?.kind === 'file') found.files.push(file);
    }
  }
  return found;
}
