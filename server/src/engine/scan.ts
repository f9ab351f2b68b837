// The host's standard cron locations, as `--root`/`--host` lints them, and linting of one host file with
// read failures turned into findings (permission denied is reported, never fatal).
import * as path from 'node:path';
import type { HostFacts } from './host/facts';
import { formatBytes } from './util/bytes';
import { joinHostPath, MAX_FILE_BYTES, MAX_FOLDER_FILES, readTextOrUndefined, type HostReadResult } from './host/host';
import { resolveUnit, unitIndexOf } from './systemd/unit-paths';
import { translate } from './i18n/catalog';
import { ruleErrorFinding } from './rule';
import type { Utf8Check } from './text-check';
import { lintCrontab, type LintResult, type LintSettings } from './lint';
import type { CronDialect, FileKind, Finding, Locale } from './types';
import type { KindReason } from './crontab/kind';
import { lintUnit, type UnitLintResult } from './systemd/lint-unit';
import { certbotHostFiles, lintCertbotFile, type CertbotFileKind, type CertbotLintResult } from './certbot/lint-certbot';
import { decideFormat, isCrontabFormat, type FormatDecision, type FormatName } from './file-format';
import type { DialectChoice } from './host/facts';

export interface FileReport {
  /** Host path (`/etc/crontab`), or the path as given for files outside a host. */
  path: string;
  /**
   * `crontab-system`, `crontab-user`, `systemd-timer`, `systemd-service`, …, `unreadable`, `installer` (a
   * Dockerfile, playbook, manifest reported for its install steps), `unrecognized` (INI that is no format of ours), or `internal-error` (checking it hit a bug).
   */
  kind: FileKind | `systemd-${string}` | CertbotFileKind | 'certbot-hook' | 'unreadable' | 'installer' | 'unrecognized' | 'internal-error';
  findings: Finding[];
  /** What the file was read as, and why (the CLI's `--verbose` line and JSON `assumed`). */
  assumed?: Assumption;
  result?: LintResult;
  unit?: UnitLintResult;
  certbot?: CertbotLintResult;
}

export interface Assumption extends FormatDecision {
  /** Crontabs: the cron that reads the file, and where that choice came from. */
  dialect?: CronDialect;
  dialectSource?: DialectChoice['source'] | 'install';
  /** With dialectSource `os-release`: the distribution it names. */
  distribution?: string;
}

// at(1)'s queue lives beside the cronie spool; never a crontab.
const NOT_CRONTABS = new Set(['atjobs', 'atspool', 'crontabs', 'lastrun', 'cron.allow', 'cron.deny']);

export interface HostCrontabs {
  /** Crontabs, then timers (and the services they start) in the unit search path, then certbot's files. */
  files: string[];
  /** Folders cron reads that this user may not list (the spool as non-root). */
  unreadableFolders: string[];
  /** Folders with more than MAX_FOLDER_FILES names: only the first ones (by name) are in `files`. */
  crowdedFolders?: { path: string; count: number }[];
}

/** Every file `--root`/`--host` lints: the crontabs, then the timers and their services, then certbot's files. */
export function hostCrontabPaths(facts: HostFacts): HostCrontabs {
  const found = cronFilePaths(facts);
  found.files.push(...hostTimerFiles(facts));
  found.files.push(...certbotHostFiles(facts));
  return found;
}

/** Every file cron reads on this host: /etc/crontab, /etc/cron.d/*, the spool of the host's cron. */
export function cronFilePaths(facts: HostFacts): HostCrontabs {
  const host = facts.host;
  const found: HostCrontabs = { files: [], unreadableFolders: [] };
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

/**
 * Every timer systemd would load from the search path (each name once, the winning file), with the unit
 * each one starts and their drop-ins: what `--root`/`--host` lints of systemd.
 */
export function hostTimerFiles(facts: HostFacts): string[] {
  const index = unitIndexOf(facts);
  const files = new Set<string>();
  for (const name of index.unitNames('timer')) {
    const timer = resolveUnit(index, name);
    if (!timer.fragmentPath || timer.masked || timer.parsed?.kind === 'template') continue;
    files.add(timer.fragmentPath);
    timer.dropIns.forEach((dropIn) => files.add(dropIn.path));
    const merged = readTextOrUndefined(facts.host, timer.fragmentPath);
    // `[^\S\n\r\u2028\u2029]*`, not `\s*`, after `^`: the same lines match, without rescanning runs of blank lines from each one (quadratic).
    const explicit = merged?.match(/^[^\S\n\r\u2028\u2029]*Unit\s*=\s*(\S+)\s*$/m)?.[1];
    const service = resolveUnit(index, explicit ?? name.replace(/\.timer$/, '.service'));
    if (service.fragmentPath && !service.masked) {
      files.add(service.fragmentPath);
      service.dropIns.forEach((dropIn) => files.add(dropIn.path));
    }
  }
  return [...files];
}

/** The finding for a file or folder that could not be read. */
export function unreadableReport(hostPath: string, locale: Locale, detail?: string): FileReport {
  const denied = detail === undefined;
  return {
    path: hostPath,
    kind: 'unreadable',
    findings: [
      {
        ruleId: 'file/unreadable',
        messageId: denied ? 'denied' : 'error',
        severity: 'warning',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: denied ? translate(locale, 'file/unreadable.denied', { path: hostPath }) : translate(locale, 'file/unreadable.error', { path: hostPath, detail }),
      },
    ],
  };
}

/** The finding for a read that failed: `file/too-large` with the size, or `file/unreadable`. */
export function readFailureReport(hostPath: string, read: HostReadResult & { ok: false }, locale: Locale): FileReport {
  if (read.reason === 'too-large') return tooLargeReport(hostPath, locale, read.size ?? MAX_FILE_BYTES + 1, read.limit ?? MAX_FILE_BYTES);
  return unreadableReport(hostPath, locale, read.reason === 'denied' ? undefined : (read.detail ?? read.reason));
}

/** A file larger than schedlint reads: not checked. */
export function tooLargeReport(hostPath: string, locale: Locale, size: number, limit = MAX_FILE_BYTES): FileReport {
  const params = { path: hostPath, size: formatBytes(size), limit: formatBytes(limit) };
  return { path: hostPath, kind: 'unreadable', findings: [fileFinding('file/too-large', 'file', translate(locale, 'file/too-large.file', params))] };
}

/** A folder with more files than the host scan takes: the rest were skipped. */
export function crowdedFolderReport(folder: string, count: number, locale: Locale): FileReport {
  const params = { path: folder, count, limit: MAX_FOLDER_FILES, skipped: count - MAX_FOLDER_FILES };
  return { path: folder, kind: 'unreadable', findings: [fileFinding('file/too-large', 'folder', translate(locale, 'file/too-large.folder', params))] };
}

function fileFinding(ruleId: string, messageId: string, message: string): Finding {
  return { ruleId, messageId, severity: 'warning', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message };
}

export interface LintFileOptions {
  facts: HostFacts;
  settings?: LintSettings;
  locale: Locale;
  /** `--kind`: any format; a folder (lintRepository) applies only a crontab format, to its crontabs. */
  explicitKind?: { kind: FormatName; reason: KindReason };
}

/** Lints one host file; a bug anywhere in that is one `internal/rule-error` finding for this file, not a crash of the scan. */
export function lintHostFile(hostPath: string, options: LintFileOptions): FileReport {
  try {
    return lintOneHostFile(hostPath, options);
  } catch (error) {
    return internalErrorReport(hostPath, 'lintHostFile', error, options.locale);
  }
}

/** The report of a file whose checking threw (a bug): that one finding. */
export function internalErrorReport(hostPath: string, step: string, error: unknown, locale: Locale): FileReport {
  return { path: hostPath, kind: 'internal-error', findings: [ruleErrorFinding(step, error, locale, 'file')] };
}

function lintOneHostFile(hostPath: string, options: LintFileOptions): FileReport {
  const read = options.facts.host.readText(hostPath);
  if (!read.ok) return readFailureReport(hostPath, read, options.locale);
  return lintFileText(read.text, hostPath, options, undefined, read.utf8);
}

/** Lints text in the format `--kind`, its path or its content gives it (file-format.ts); `path` is a host path or undefined (stdin). */
export function lintFileText(text: string, hostPath: string | undefined, options: LintFileOptions, decision?: FormatDecision, utf8?: Utf8Check): FileReport {
  const file = hostPath === undefined ? undefined : path.posix.normalize(hostPath);
  const shown = hostPath ?? '-';
  const chosen = decision ?? decideFormat({ path: file, text, facts: options.facts, explicit: options.explicitKind });
  const format = chosen.format;
  if (format === 'unrecognized') return { path: shown, kind: 'unrecognized', findings: [], assumed: chosen };
  if (format === 'certbot-renewal' || format === 'certbot-cli-ini') {
    const certbot = lintCertbotFile({ text, path: file, kind: format, facts: options.facts, severities: options.settings?.severities, expiryDays: options.settings?.expiryDays, locale: options.locale, utf8 });
    return { path: shown, kind: certbot.kind, findings: certbot.findings, certbot, assumed: chosen };
  }
  if (format === 'unit') {
    const unit = lintUnit({ text, path: file, facts: options.facts, severities: options.settings?.severities, locale: options.locale, utf8 });
    return { path: shown, kind: `systemd-${unit.unitType}`, findings: unit.findings, unit, assumed: chosen };
  }
  const explicitKind = options.explicitKind && isCrontabFormat(options.explicitKind.kind) ? { kind: options.explicitKind.kind, reason: options.explicitKind.reason } : undefined;
  const result = lintCrontab({ text, path: file, facts: options.facts, settings: options.settings, locale: options.locale, explicitKind, utf8 });
  return { path: shown, kind: result.kind, findings: result.findings, result, assumed: crontabAssumption(result) };
}

/** What a crontab lint assumed: its format and why, and its cron and why. */
export function crontabAssumption(result: LintResult, dialectSource?: Assumption['dialectSource']): Assumption {
  return { format: result.kind, reason: result.kindReason, weak: result.kindWeak, dialect: result.dialect.dialect, dialectSource: dialectSource ?? result.dialect.source, distribution: dialectSource ? undefined : result.dialect.distribution };
}
