// The host's standard cron locations, as `--root`/`--host` lints them, and linting of one host file with
// read failures turned into findings (permission denied is reported, never fatal).
import * as path from 'node:path';
import type { HostFacts } from './host/facts';
import { joinHostPath } from './host/host';
import { translate } from './i18n/catalog';
import { lintCrontab, type LintResult, type LintSettings } from './lint';
import type { FileKind, Finding, Locale } from './types';
import type { KindReason } from './crontab/kind';

export interface FileReport {
  /** Host path (`/etc/crontab`), or the path as given for files outside a host. */
  path: string;
  kind: FileKind | 'unreadable';
  findings: Finding[];
  result?: LintResult;
}

// at(1)'s queue lives beside the cronie spool; never a crontab.
const NOT_CRONTABS = new Set(['atjobs', 'atspool', 'crontabs', 'lastrun', 'cron.allow', 'cron.deny']);

export interface HostCrontabs {
  files: string[];
  /** Folders cron reads that this user may not list (the spool as non-root). */
  unreadableFolders: string[];
}

/** Every file cron reads on this host: /etc/crontab, /etc/cron.d/*, the spool of the host's cron. */
export function hostCrontabPaths(facts: HostFacts): HostCrontabs {
  const host = facts.host;
  const found: HostCrontabs = { files: [], unreadableFolders: [] };
  if (host.stat('/etc/crontab')?.kind === 'file') found.files.push('/etc/crontab');
  const spool = facts.dialect().dialect === 'debian' ? '/var/spool/cron/crontabs' : '/var/spool/cron';
  for (const folder of ['/etc/cron.d', spool]) {
    if (!host.canList(folder)) {
      found.unreadableFolders.push(folder);
      continue;
    }
    for (const name of host.list(folder)) {
      if (folder === spool && (NOT_CRONTABS.has(name) || name.startsWith('.') || name.startsWith('#'))) continue;
      const file = joinHostPath(folder, name);
      if (host.stat(file)?.kind === 'file') found.files.push(file);
    }
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

export interface LintFileOptions {
  facts: HostFacts;
  settings?: LintSettings;
  locale: Locale;
  explicitKind?: { kind: FileKind; reason: KindReason };
}

export function lintHostFile(hostPath: string, options: LintFileOptions): FileReport {
  const read = options.facts.host.readText(hostPath);
  if (!read.ok) return unreadableReport(hostPath, options.locale, read.reason === 'denied' ? undefined : (read.detail ?? read.reason));
  const result = lintCrontab({ text: read.text, path: path.posix.normalize(hostPath), facts: options.facts, settings: options.settings, locale: options.locale, explicitKind: options.explicitKind });
  return { path: hostPath, kind: result.kind, findings: result.findings, result };
}
