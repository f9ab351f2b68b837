// `--format prometheus`: one lint run as metrics in the Prometheus text exposition format 0.0.4 ("Exposition
// formats", prometheus.io/docs/instrumenting/exposition_formats), for node_exporter's textfile collector: HELP
// and TYPE before each family, no timestamps (the collector refuses them), label values escaped. Names follow
// x509-certificate-exporter (x509_cert_not_after, …, same labels) where the meaning is the same, and take
// node_exporter's systemd collector's `name` label for timers; contrib/prometheus/README.md documents each one.
import * as path from 'node:path';
import type { X509Certificate } from 'node:crypto';
import type { HostFacts } from '../engine/host/facts';
import { parseRenewalFile } from '../engine/certbot/configobj';
import { inspectLineage, parseCertificateDate } from '../engine/certbot/certificates';
import { certbotFileKind } from '../engine/certbot/lint-certbot';
import { nextRuns } from '../engine/crontab/next-runs';
import { ALL_RULE_IDS, DEFAULT_SEVERITIES } from '../engine/rules';
import type { FileReport } from '../engine/scan';
import type { HostInventory } from '../engine/schedule/model';
import { commandName } from '../engine/schedule/timeline';
import { parseCalendar } from '../engine/systemd/calendar';
import { nextElapse } from '../engine/systemd/calendar-search';
import type { SeveritySetting } from '../engine/types';

export interface PrometheusRun {
  reports: readonly FileReport[];
  facts: HostFacts;
  /** The host's schedule, on a host scan (`--root`, `--host`); absent when only files were given. */
  inventory?: HostInventory;
  /** Host paths of the certbot renewal files whose certificates are reported. */
  renewalFiles: readonly string[];
  severities: Record<string, SeveritySetting>;
  version: string;
  /** When the run started and how long it took (ms). */
  startedAt: number;
  durationMs: number;
  /** False when the result is incomplete: a file that could not be read, a rule that failed (exit status 2). */
  success: boolean;
}

/** Longest label value written, in characters: a path or a schedule is far shorter; anything longer is cut with `…`. */
export const MAX_LABEL_LENGTH = 200;

/** The exposition text for one run. Never throws on what the host holds: what cannot be read is left out. */
export function formatPrometheus(run: PrometheusRun): string {
  const out = new Exposition();
  out.family('schedlint_build_info', 'gauge', 'Always 1; the version of schedlint that wrote this file.');
  out.sample('schedlint_build_info', { version: run.version }, 1);

  out.family('schedlint_last_run_success', 'gauge', '1 when the last check read everything it was asked to and no rule failed, else 0.');
  out.sample('schedlint_last_run_success', {}, run.success ? 1 : 0);
  out.family('schedlint_last_run_timestamp_seconds', 'gauge', 'When the last check ran, in seconds since the Unix epoch.');
  out.sample('schedlint_last_run_timestamp_seconds', {}, Math.floor(run.startedAt / 1000));
  out.family('schedlint_last_run_duration_seconds', 'gauge', 'How long the last check took, in seconds.');
  out.sample('schedlint_last_run_duration_seconds', {}, Math.round(run.durationMs) / 1000);

  out.family('schedlint_findings', 'gauge', 'Findings of the last check by rule and severity (0 for every rule that is on and found nothing).');
  for (const [key, count] of findingCounts(run)) {
    const [rule, severity] = key.split('\t');
    out.sample('schedlint_findings', { rule, severity }, count);
  }

  const certificates = certificateSeries(run);
  out.family('x509_cert_not_before', 'gauge', "The certificate's NotBefore, in seconds since the Unix epoch.");
  for (const certificate of certificates) out.sample('x509_cert_not_before', certificate.labels, certificate.notBefore);
  out.family('x509_cert_not_after', 'gauge', "The certificate's NotAfter (expiry), in seconds since the Unix epoch.");
  for (const certificate of certificates) out.sample('x509_cert_not_after', certificate.labels, certificate.notAfter);
  out.family('x509_cert_expired', 'gauge', '1 when the certificate had expired at the time of the check, else 0.');
  for (const certificate of certificates) out.sample('x509_cert_expired', certificate.labels, certificate.notAfter * 1000 < run.startedAt ? 1 : 0);

  if (run.inventory) {
    out.family('schedlint_timer_next_run_seconds', 'gauge', "An active timer's next OnCalendar= elapse before its random delay, in seconds since the Unix epoch.");
    for (const timer of timerSeries(run.inventory, run.facts, run.startedAt)) out.sample('schedlint_timer_next_run_seconds', { name: timer.name }, timer.next);
    out.family('schedlint_cron_job_next_run_seconds', 'gauge', "An active cron job's next run, in seconds since the Unix epoch.");
    for (const job of cronJobSeries(run.inventory, run.startedAt)) out.sample('schedlint_cron_job_next_run_seconds', job.labels, job.next);
  }
  return out.text();
}

/**
 * `rule\tseverity` → count: every rule that is on at its configured severity (0 by default, so a rule's first
 * finding is a change of value, not a new series an alert's `offset` cannot see), plus what was found.
 */
function findingCounts(run: PrometheusRun): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rule of ALL_RULE_IDS) {
    const severity = run.severities[rule] ?? DEFAULT_SEVERITIES.get(rule);
    if (severity && severity !== 'off') counts.set(`${rule}\t${severity}`, 0);
  }
  for (const report of run.reports) {
    for (const finding of report.findings) {
      const key = `${finding.ruleId}\t${finding.severity}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

type Labels = Record<string, string>;

interface CertificateSeries {
  labels: Labels;
  notBefore: number;
  notAfter: number;
}

// x509-certificate-exporter's default label set, so its dashboards and alert rules work on these series unchanged.
const NAME_FIELDS = ['C', 'ST', 'L', 'O', 'OU', 'CN'] as const;

/**
 * The certificates of each certbot lineage: cert.pem (what certbot judges expiry by) and chain.pem, by the
 * paths the renewal file names (live/NAME/…, so the series keeps its path across renewals).
 */
function certificateSeries(run: PrometheusRun): CertificateSeries[] {
  const host = run.facts.host;
  const seen = new Set<string>();
  const result: CertificateSeries[] = [];
  for (const file of run.renewalFiles) {
    const read = host.readText(file);
    if (!read.ok) continue;
    const lineage = inspectLineage(host, parseRenewalFile(read.text), new Date(run.startedAt));
    for (const kind of ['cert', 'chain'] as const) {
      const lineageFile = lineage.files[kind];
      for (const certificate of lineageFile?.certificates ?? []) {
        const labels = certificateLabels(certificate, lineageFile!.path, path.posix.basename(file).replace(/\.conf$/, ''));
        const key = JSON.stringify(labels);
        if (seen.has(key)) continue;
        seen.add(key);
        result.push({ labels, notBefore: seconds(parseCertificateDate(certificate.validFrom)), notAfter: seconds(parseCertificateDate(certificate.validTo)) });
      }
    }
  }
  return result;
}

function certificateLabels(certificate: X509Certificate, file: string, lineage: string): Labels {
  const labels: Labels = { filename: path.posix.basename(file), filepath: file, lineage, serial_number: decimalSerial(certificate.serialNumber) };
  const subject = nameFields(certificate.subject);
  const issuer = nameFields(certificate.issuer);
  for (const field of NAME_FIELDS) labels[`subject_${field}`] = subject.get(field) ?? '';
  for (const field of NAME_FIELDS) labels[`issuer_${field}`] = issuer.get(field) ?? '';
  return labels;
}

/** Node's `C=US\nO=Let's Encrypt\nCN=R3` → its fields (the first value of a repeated one). */
function nameFields(name: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of name.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !fields.has(line.slice(0, at))) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  return fields;
}

/** x509-certificate-exporter writes the serial in decimal; Node gives it in hex. */
function decimalSerial(hex: string): string {
  return /^[0-9A-Fa-f]+$/.test(hex) ? BigInt(`0x${hex}`).toString() : hex;
}

function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * Timers that run on this host (enabled, and systemd runs it) and have a calendar: the earliest next elapse
 * of their OnCalendar= lines, without RandomizedDelaySec= (the actual start is up to that much later).
 */
function timerSeries(inventory: HostInventory, facts: HostFacts, now: number): { name: string; next: number }[] {
  if (!inventory.systemdHost) return [];
  const zones = facts.zoneSource();
  const options = { zone: inventory.timeZone, ...(zones ? { zones } : {}) };
  const result: { name: string; next: number }[] = [];
  for (const timer of inventory.timers) {
    if (!timer.enabled) continue;
    let next = Infinity;
    for (const calendar of timer.calendars) {
      const parsed = parseCalendar(calendar.text, options);
      if (parsed.ok) next = Math.min(next, nextElapse(parsed.spec, now, 1, options)[0] ?? Infinity);
    }
    if (Number.isFinite(next)) result.push({ name: timer.unit, next: Math.floor(next / 1000) });
  }
  return result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Cron jobs that run on this host: not kept off by a systemd guard, not @reboot, not a folder anacron runs
 * (its start depends on when anacron last ran). Labels identify the job by its place, who runs it, its time
 * fields and the program it runs; never its command line, which often carries a password or a token.
 */
function cronJobSeries(inventory: HostInventory, now: number): { labels: Labels; next: number }[] {
  const result: { labels: Labels; next: number }[] = [];
  const seen = new Set<string>();
  for (const job of inventory.jobs) {
    if (job.schedule.reboot || job.runsVia === 'anacron' || (inventory.systemdHost && !job.runsOnSystemdHost)) continue;
    const next = nextRuns(job.schedule, now, 1, job.timeZone)[0];
    if (next === undefined) continue;
    const labels: Labels = { path: job.path, line: String(job.line + 1), script: job.script ?? '', user: job.user, schedule: job.scheduleText, program: job.script ? path.posix.basename(job.script) : commandName(job) };
    const key = `${job.path}\n${job.line}\n${job.script ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ labels, next: Math.floor(next / 1000) });
  }
  return result;
}

/** The renewal files among the reports (host scan or files given), the ones certificates are read from. */
export function renewalFilesOf(reports: readonly FileReport[], facts: HostFacts): string[] {
  return reports.filter((report) => report.path.startsWith('/') && (report.kind === 'certbot-renewal' || certbotFileKind(report.path, facts.host) === 'certbot-renewal')).map((report) => report.path);
}

/** Builds the exposition text; samples of one family must follow its HELP/TYPE lines without another family between. */
class Exposition {
  private readonly lines: string[] = [];

  family(name: string, type: 'gauge', help: string): void {
    this.lines.push(`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`);
  }

  sample(name: string, labels: Labels, value: number): void {
    const pairs = Object.entries(labels).map(([label, text]) => `${label}="${labelValue(text)}"`);
    this.lines.push(`${name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${formatValue(value)}`);
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

/**
 * A label value as the format wants it: `\`, `"` and newline escaped (the only escapes it has), other control
 * characters as U+FFFD (a raw CR or ESC would reach whoever reads the file in a terminal), at most
 * MAX_LABEL_LENGTH characters, cut on a character boundary before escaping so no escape is split.
 */
export function labelValue(text: string): string {
  const characters = Array.from(text.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, '\ufffd'));
  const bounded = characters.length > MAX_LABEL_LENGTH ? characters.slice(0, MAX_LABEL_LENGTH - 1).join('') + '…' : characters.join('');
  return bounded.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}
