// The fleet report's model: what `schedlint fleet DIR` knows about each host folder the Ansible playbook
// (contrib/ansible/schedlint-collect.yml) brought back, built from the same per-host lint as `--root`
// (host-lint.ts), plus what is compared across hosts: certificates by expiry (certbot's lineages and the files
// nginx and Apache serve, engine/certificate/web-servers.ts), timers and cron jobs that both
// renew (schedule/timer-overlaps-cron), and hosts whose checks could not run. Formats: fleet.ts, fleet-html.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectLineage } from '../engine/certbot/certificates';
import { certificateFacts } from '../engine/certificate/facts';
import { certificatesOf, readCertificateFile } from '../engine/certificate/read';
import { webServerSites } from '../engine/certificate/web-servers';
import type { Host } from '../engine/host/host';
import type { FileReport } from '../engine/scan';
import type { Finding } from '../engine/types';
import { isFailureFinding } from './exit-status';
import { hostFactsAt, lintHostTree, type HostLintOptions } from './host-lint';

/** The file the playbook writes at the top of each host folder (it is not a host file: nothing reads it as one). */
export const STATUS_FILE = '.schedlint-collect.json';

/**
 * `ok`: everything asked for was read; `partial`: some paths could not be read (listed); `unreachable`: Ansible
 * could not connect; `unreadable`: connected, but the files could not be read (no privilege); `no-status`: a
 * folder without a status file (collected some other way), linted as it is; `bad-status`: a status file that
 * is not the playbook's JSON, linted as it is.
 */
export type CollectStatus = 'ok' | 'partial' | 'unreachable' | 'unreadable' | 'no-status' | 'bad-status';

export interface FleetHost {
  /** The folder's name: the inventory hostname. */
  name: string;
  status: CollectStatus;
  /** Ansible's message for unreachable/unreadable hosts, as the playbook recorded it. */
  detail?: string;
  /** Host paths the playbook could not read (partial). */
  unreadablePaths: string[];
  /** False for unreachable and unreadable hosts: there is nothing to lint. */
  checked: boolean;
  reports: FileReport[];
  errors: number;
  warnings: number;
}

export interface FleetCertificate {
  host: string;
  /** The renewal file (`/etc/letsencrypt/renewal/NAME.conf`), for a certbot lineage. */
  renewal?: string;
  /** cert = … in the renewal file, or the file a web server names. */
  path: string;
  /** The web-server directives that serve it (`ssl_certificate`, `SSLCertificateFile`), 1-based lines. */
  servedBy: { path: string; line: number }[];
  names: string[];
  notAfter: Date;
  daysLeft: number;
}

export interface FleetOverlap {
  host: string;
  path: string;
  line: number;
  message: string;
}

export interface FleetReport {
  hosts: FleetHost[];
  /** Soonest expiry first. */
  certificates: FleetCertificate[];
  overlaps: FleetOverlap[];
  /** Hosts whose checks could not run (unreachable, unreadable). */
  notChecked: FleetHost[];
}

interface StatusFile {
  status?: unknown;
  detail?: unknown;
  unreadable?: unknown;
}

/** The host folders of DIR (every folder not starting with `.`), by name. */
export function fleetHostNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

export function readCollectStatus(hostDir: string): Pick<FleetHost, 'status' | 'detail' | 'unreadablePaths'> {
  let text: string;
  try {
    text = fs.readFileSync(path.join(hostDir, STATUS_FILE), 'utf8');
  } catch {
    return { status: 'no-status', unreadablePaths: [] };
  }
  let parsed: StatusFile;
  try {
    parsed = JSON.parse(text) as StatusFile;
  } catch {
    return { status: 'bad-status', unreadablePaths: [] };
  }
  const known = ['ok', 'partial', 'unreachable', 'unreadable'];
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.status !== 'string' || !known.includes(parsed.status)) return { status: 'bad-status', unreadablePaths: [] };
  const unreadablePaths = Array.isArray(parsed.unreadable) ? parsed.unreadable.filter((item): item is string => typeof item === 'string') : [];
  return { status: parsed.status as CollectStatus, detail: typeof parsed.detail === 'string' && parsed.detail !== '' ? parsed.detail : undefined, unreadablePaths };
}

export function buildFleetReport(dir: string, options: HostLintOptions & { now?: Date }): FleetReport {
  const now = options.now ?? new Date();
  const hosts: FleetHost[] = [];
  const certificates: FleetCertificate[] = [];
  const overlaps: FleetOverlap[] = [];
  for (const name of fleetHostNames(dir)) {
    const hostDir = path.join(dir, name);
    const status = readCollectStatus(hostDir);
    const checked = status.status !== 'unreachable' && status.status !== 'unreadable';
    const facts = hostFactsAt(hostDir, options.dialect);
    const reports = checked ? lintHostTree(facts, options) : [];
    const all = reports.flatMap((report) => report.findings);
    hosts.push({ name, ...status, checked, reports, errors: count(all, 'error'), warnings: count(all, 'warning') });
    for (const report of reports) {
      const document = report.certbot?.kind === 'certbot-renewal' ? report.certbot.document : undefined;
      const leaf = document ? inspectLineage(facts.host, document, now) : undefined;
      if (leaf?.leaf && leaf.files.cert) {
        certificates.push({ host: name, renewal: report.path, path: leaf.files.cert.path, names: [...leaf.leaf.dnsNames, ...leaf.leaf.ipAddresses], notAfter: leaf.leaf.notAfter, daysLeft: leaf.leaf.daysLeft, servedBy: [] });
      }
      for (const finding of report.findings) {
        // The rule reports each pair on both sides; the cron job's side is listed (its message names the timer).
        if (finding.ruleId === 'schedule/timer-overlaps-cron' && !report.kind.startsWith('systemd-')) overlaps.push({ host: name, path: report.path, line: finding.range.start.line + 1, message: finding.message });
      }
    }
    if (checked) addServedCertificates(certificates, name, facts.host, now);
  }
  certificates.sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime() || a.host.localeCompare(b.host));
  return { hosts, certificates, overlaps, notChecked: hosts.filter((host) => !host.checked) };
}

/**
 * The certificates the host's nginx and Apache serve, each once (by its leaf's fingerprint) with every directive
 * that names it; one that is also a certbot lineage's certificate (`ssl_certificate …/live/NAME/fullchain.pem`)
 * is that lineage's entry, which then says where it is served.
 */
function addServedCertificates(certificates: FleetCertificate[], hostName: string, host: Host, now: Date): void {
  const byFingerprint = new Map<string, FleetCertificate>();
  const leafOf = (file: string) => {
    const data = host.readBytes(file);
    if (!data) return undefined;
    const all = certificatesOf(readCertificateFile(data)).map((entry) => entry.certificate);
    return all.find((certificate) => !certificate.ca) ?? all[0];
  };
  for (const entry of certificates) {
    if (entry.host !== hostName) continue;
    const leaf = leafOf(entry.path);
    if (leaf) byFingerprint.set(leaf.fingerprint256, entry);
  }
  for (const site of webServerSites(host)) {
    if (!site.certificate) continue;
    const leaf = leafOf(site.certificate.value);
    if (!leaf) continue;
    let entry = byFingerprint.get(leaf.fingerprint256);
    if (!entry) {
      const facts = certificateFacts(leaf, now);
      entry = { host: hostName, path: site.certificate.value, names: [...facts.dnsNames, ...facts.ipAddresses], notAfter: facts.notAfter, daysLeft: facts.daysLeft, servedBy: [] };
      byFingerprint.set(leaf.fingerprint256, entry);
      certificates.push(entry);
    }
    const place = { path: site.certificate.path, line: site.certificate.range.start.line + 1 };
    if (!entry.servedBy.some((known) => known.path === place.path && known.line === place.line)) entry.servedBy.push(place);
  }
}

function count(findings: Finding[], severity: Finding['severity']): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

/** 2 when a host could not be checked or a check failed (the result is incomplete), else as `schedlint --root`. */
export function fleetExitStatus(report: FleetReport, exitZero: boolean): number {
  const findings = report.hosts.flatMap((host) => host.reports.flatMap((file) => file.findings));
  if (report.notChecked.length > 0 || findings.some(isFailureFinding)) return 2;
  if (exitZero) return 0;
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
