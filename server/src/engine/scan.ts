// The host's standard cron locations, as `--root`/`--host` lints them, and linting of one host file with
// read failures turned into findings (permission denied is reported, never fatal).
import * as path from 'node:path';
import type { HostFacts } from './host/facts';
import { formatBytes } from './util/bytes';
import { joinHostPath, MAX_FILE_BYTES, MAX_FOLDER_FILES, readTextOrUndefined, type HostReadResult } from './host/host';
import { resolveUnit, UnitIndex } from './systemd/unit-paths';
import { translate } from './i18n/catalog';
import { lintCrontab, type LintResult, type LintSettings } from './lint';
import type { FileKind, Finding, Locale } from './types';
import type { KindReason } from './crontab/kind';
import { isUnitFilePath, lintUnit, type UnitLintResult } from './systemd/lint-unit';
import { certbotFileKind, certbotHostFiles, lintCertbotFile, type CertbotFileKind, type CertbotLintResult } from './certbot/lint-certbot';

export interface FileReport {
  /** Host path (`/etc/crontab`), or the path as given for files outside a host. */
  path: string;
  /** `crontab-system`, `crontab-user`, `systemd-timer`, `systemd-service`, …, `unreadable`, or `installer` (a Dockerfile, playbook, manifest reported for its install steps). */
  kind: FileKind | `systemd-${string}` | CertbotFileKind | 'certbot-hook' | 'unreadable' | 'installer';
  findings: Finding[];
  result?: LintResult;
  unit?: UnitLintResult;
  certbot?: CertbotLintResult;
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
  const index = new UnitIndex(facts.host);
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
  explicitKind?: { kind: FileKind; reason: KindReason };
}

export function lintHostFile(hostPath: string, options: LintFileOptions): FileReport {
  const read = options.facts.host.readText(hostPath);
  if (!read.ok) return readFailureReport(hostPath, read, options.locale);
  const certbotKind = options.explicitKind === undefined ? certbotFileKind(hostPath, options.facts.host) : undefined;
  if (certbotKind) {
    const certbot = lintCertbotFile({ text: read.text, path: path.posix.normalize(hostPath), kind: certbotKind, facts: options.facts, severities: options.settings?.severities, locale: options.locale });
    return { path: hostPath, kind: certbot.kind, findings: certbot.findings, certbot };
  }
  if (isUnitFilePath(hostPath) && options.explicitKind === undefined) {
    const unit = lintUnit({ text: read.text, path: path.posix.normalize(hostPath), facts: options.facts, severities: options.settings?.severities, locale: options.locale });
    return { path: hostPath, kind: `systemd-${unit.unitType}`, findings: unit.findings, unit };
  }
  const result = lintCrontab({ text: read.text, path: path.posix.normalize(hostPath), facts: options.facts, settings: options.settings, locale: options.locale, explicitKind: options.explicitKind });
  return { path: hostPath, kind: result.kind, findings: result.findings, result };
}
