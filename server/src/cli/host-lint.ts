// Linting a whole host tree, as `--root DIR` and `--host` do: every file cron, systemd and certbot read there,
// then the findings about the host as a whole (timers vs cron jobs, hooks). One code path for `schedlint
// --root` and for each host of `schedlint fleet`, so a fleet report says exactly what --root says per host.
import { HostFacts } from '../engine/host/facts';
import { FsHost } from '../engine/host/fs-host';
import { CachedHost } from '../engine/host/cached-host';
import { MAX_FILE_BYTES } from '../engine/host/host';
import { crowdedFolderReport, hostCrontabPaths, lintHostFile, unreadableReport, type FileReport } from '../engine/scan';
import { buildHostInventory } from '../engine/schedule/inventory';
import { hostScheduleFindings } from '../engine/schedule/host-findings';
import { FALLBACK_FORMAT, FORMATS } from '../engine/formats/registry';
import type { HostInventory } from '../engine/schedule/model';
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
 * 1,000-timer root spend most of its time in the kernel), and each path component's (fs-host.ts).
 */
export function hostFactsAt(root: string, dialect?: CronDialect): HostFacts {
  return new HostFacts(new CachedHost(new FsHost(root, MAX_FILE_BYTES, { fixedTree: true })), dialect);
}

/** The reports of every file the host's cron, systemd and certbot read, with the host-wide findings added. */
export function lintHostTree(facts: HostFacts, options: HostLintOptions): FileReport[] {
  return lintHostTreeWithInventory(facts, options).reports;
}

/** lintHostTree, with the host's schedule it built (`--format prometheus` reports the next runs from it). */
export function lintHostTreeWithInventory(facts: HostFacts, options: HostLintOptions): { reports: FileReport[]; inventory: HostInventory } {
  const settings = { severities: options.severities };
  const reports: FileReport[] = [];
  const found = hostCrontabPaths(facts);
  for (const folder of found.unreadableFolders) reports.push(unreadableReport(folder, options.locale));
  for (const folder of found.crowdedFolders ?? []) reports.push(crowdedFolderReport(folder.path, folder.count, options.locale));
  for (const file of found.files) reports.push(lintHostFile(file, { facts, settings, locale: options.locale }));
  const inventory = addHostScheduleFindings(reports, facts, options);
  return { reports, inventory };
}

/**
 * The findings about the host as a whole (a timer and a cron job running the same program, and each format's
 * host-wide checks such as certbot's hooks), added to the report of the file each one is about; a file that had
 * no report of its own gets one.
 */
function addHostScheduleFindings(reports: FileReport[], facts: HostFacts, options: HostLintOptions): HostInventory {
  const inventory = buildHostInventory(facts);
  const byPath = hostScheduleFindings(inventory, { from: Date.now(), locale: options.locale, severities: options.severities });
  const ofFormats = FORMATS.flatMap((format) => [...(format.hostFindings?.(facts, options.locale, options.severities) ?? [])]);
  // By path, not reports.find per finding: a host with thousands of files and findings stays linear.
  const reportByPath = new Map<string, FileReport>();
  for (const report of reports) if (!reportByPath.has(report.path)) reportByPath.set(report.path, report);
  for (const [hostPath, findings] of [...byPath, ...ofFormats]) {
    let report = reportByPath.get(hostPath);
    if (!report) {
      reports.push((report = { path: hostPath, kind: kindOfHostPath(hostPath), findings: [] }));
      reportByPath.set(hostPath, report);
    }
    appendAll(report.findings, findings);
  }
  return inventory;
}

/** The report kind of a host file: the first format that knows the path, else the fallback's (a crontab). */
function kindOfHostPath(hostPath: string): FileReport['kind'] {
  const others = FORMATS.filter((format) => format !== FALLBACK_FORMAT);
  for (const format of others) {
    const kind = format.reportKindOf?.(hostPath);
    if (kind) return kind;
  }
  return FALLBACK_FORMAT.reportKindOf?.(hostPath) ?? FALLBACK_FORMAT.kinds[0];
}
