// The host's files as `--root`/`--host` lints them (each format's, formats/registry.ts), and linting of one
// file in the format it is in, with read failures turned into findings (permission denied is reported, never
// fatal). Names no format: the registry's formats list their host files and lint their text.
import * as path from 'node:path';
import type { HostFacts } from './host/facts';
import { formatBytes } from './util/bytes';
import { MAX_FILE_BYTES, MAX_FOLDER_FILES, type HostReadResult } from './host/host';
import { translate } from './i18n/catalog';
import { ruleErrorFinding } from './rule';
import type { Utf8Check } from './util/utf8';
import type { LintSettings } from './lint';
import type { Finding, Locale } from './types';
import type { KindReason } from './crontab/kind';
import { decideFormat, formatOfKind, type FormatDecision, type FormatName } from './file-format';
import { FORMATS } from './formats/registry';
import type { FileReport, HostFiles } from './formats/format';

export type { Assumption, FileReport } from './formats/format';
// Kept here for the callers that read a host's crontabs alone (tests, benches).
export { cronFilePaths } from './crontab/host-files';

export type { HostFiles as HostCrontabs } from './formats/format';

/** Every file `--root`/`--host` lints: each format's host files, in the registry's order (crontabs, then the timers and their services, then certbot's files). */
export function hostCrontabPaths(facts: HostFacts): HostFiles {
  const found: HostFiles = { files: [], unreadableFolders: [] };
  for (const format of FORMATS) {
    const own = format.hostFiles?.(facts);
    if (!own) continue;
    found.files.push(...own.files);
    found.unreadableFolders.push(...own.unreadableFolders);
    if (own.crowdedFolders) (found.crowdedFolders ??= []).push(...own.crowdedFolders);
  }
  return found;
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
  /** Met by a folder scan, not named by the user (formats/format.ts LintInput.scanned). */
  scanned?: boolean;
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
  if (chosen.format === 'unrecognized') return { path: shown, kind: 'unrecognized', findings: [], assumed: chosen };
  const format = formatOfKind(chosen.format);
  if (!format) throw new Error(`no format lints --kind ${chosen.format}`);
  // The bytes only for formats that ask (a DER certificate); a path that is no file of the host has none.
  const bytes = file !== undefined ? () => options.facts.host.readBytes(file) : undefined;
  const result = format.lint({ text, path: file, facts: options.facts, settings: options.settings, locale: options.locale, explicit: options.explicitKind, decided: chosen.format, scanned: options.scanned, utf8, bytes });
  return { path: shown, findings: result.findings, ...format.report(result, chosen) };
}
