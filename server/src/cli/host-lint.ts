// Linting a whole host tree, as `--root DIR` and `--host` do: every file cron, systemd and certbot read there,
// then the findings about the host as a whole (timers vs cron jobs, hooks). One code path for `schedlint
// --root` and for each host of `schedlint fleet`, so a fleet report says exactly what --root says per host.
import { HostFacts } from '../engine/host/facts';
import { FsHost } from '../engine/host/fs-host';
import { CachedHost } from '../engine/schedule/cached-host';
import { crowdedFolderReport, hostCrontabPaths, lintHostFile, unreadableReport, type FileReport } from '../engine/scan';
import { buildHostInventory } from '../engine/schedule/inventory';
import { hostScheduleFindings } from '../engine/schedule/host-findings';
import { isUnitFilePath } from '../engine/systemd/lint-unit';
import { certbotHostFindings } from '../engine/certbot/lint-certbot';
import type { CronDialect, Locale, SeveritySetting } from '../engine/types';
import { appendAll } from '../engine/util/append';

export interface HostLintOptions {
  dialect?: CronDialect;
  locale: Locale;
  severities: Record<string, SeveritySetting>;
}

/**
 * The facts of a tree at `root` ('/' for the machine itself). One run reads a fixed tree: remember each answer
 * (the unit search asks the same folders and links once per unit: an lstat per path component per unit made a
 * 1,000-timer root spend most of its time in the kernel).
 */
export function hostFactsAt(root: string, dialect?: CronDialect): HostFacts {
  return new HostFacts(new CachedHost(new FsHost(root)), dialect);
}

/** The reports of every file the host's cron, systemd and certbot read, with the host-wide findings added. */
export function lintHostTree(facts: HostFacts, options: HostLintOptions): FileReport[] {
  const settings = { severities: options.severities };
  const reports: FileReport[] = [];
  const found = hostCrontabPaths(facts);
  for (const folder of found.unreadableFolders) reports.push(unreadableReport(folder, options.locale));
  for (const folder of found.crowdedFolders ?? []) reports.push(crowdedFolderReport(folder.path, folder.count, options.locale));
  for (const file of found.files) reports.push(lintHostFile(file, { facts, settings, locale: options.locale }));
  addHostScheduleFindings(reports, facts, options);
  return reports;
}

/**
 * The findings about the host as a whole (a timer and a cron job running the same program), added to the
 * report of the file each one is about; a file that had no report of its own gets one.
 */
function addHostScheduleFindings(reports: FileReport[], facts: HostFacts, options: HostLintOptions): void {
  const inventory = buildHostInventory(facts);
  const byPath = hostScheduleFindings(inventory, { from: Date.now(), locale: options.locale, severities: options.severities });
  const certbot = certbotHostFindings(facts, options.locale, undefined, options.severities);
  for (const [hostPath, findings] of [...byPath, ...certbot]) {
    let report = reports.find((candidate) => candidate.path === hostPath);
    if (!report) reports.push((report = { path: hostPath, kind: kindOfHostPath(hostPath), findings: [] }));
    appendAll(report.findings, findings);
  }
}

function kindOfHostPath(hostPath: string): FileReport['kind'] {
  if (hostPath.includes('/renewal-hooks/')) return 'certbot-hook';
  const unit = hostPath.match(/\.(\w+)$/)?.[1];
  if (unit && isUnitFilePath(hostPath)) return `systemd-${unit}`;
  return hostPath.startsWith('/var/spool/') ? 'crontab-user' : 'crontab-system';
}
