// `schedlint`: the command-line face of the engine, for CI pipelines and fleets. A thin layer: it finds the
// files, asks the engine, and prints text, JSON or SARIF. Exit status: exit-status.ts (0 clean, 1 errors,
// 2 usage error, missing or unreadable input, internal error).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HostFacts } from '../engine/host/facts';
import { FsHost } from '../engine/host/fs-host';
import { CachedHost } from '../engine/schedule/cached-host';
import { MemoryHost } from '../engine/host/memory-host';
import { translate } from '../engine/i18n/catalog';
import type { Locale } from '../engine/types';
import { crowdedFolderReport, hostCrontabPaths, lintFileText, lintHostFile, tooLargeReport, unreadableReport, type FileReport } from '../engine/scan';
import { MAX_FILE_BYTES } from '../engine/host/host';
import { lintRepository } from '../engine/install/repository';
import { buildHostInventory } from '../engine/schedule/inventory';
import { hostScheduleFindings } from '../engine/schedule/host-findings';
import { isUnitFilePath } from '../engine/systemd/lint-unit';
import { certbotHostFindings } from '../engine/certbot/lint-certbot';
import { argumentLocale, parseCliArgs, usage, UsageError, type CliOptions } from './args';
import { formatJson, formatSarif, formatText } from './output';
import { EXIT_FAILURE, lintExitStatus } from './exit-status';
import { isScheduleCommand, runScheduleCommand } from './schedules';
import { runFixes } from './fix';
import { CliConfig } from './config';
import { tzifZoneSource, useZoneSource } from '../engine/systemd/zone-rules';
import { appendAll } from '../engine/util/append';

declare const SCHEDLINT_VERSION: string;
const VERSION = typeof SCHEDLINT_VERSION === 'string' ? SCHEDLINT_VERSION : '0.0.0-dev';

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
}

export function runCli(io: CliIo): number {
  if (isScheduleCommand(io.argv[0])) {
    try {
      return runScheduleCommand(io.argv[0], io.argv.slice(1), io);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      const locale = argumentLocale(io.argv, io.env);
      io.stderr(usageErrorText(error, locale));
      return 2;
    }
  }
  let options: CliOptions;
  try {
    options = parseCliArgs(io.argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const locale = argumentLocale(io.argv, io.env);
    io.stderr(usageErrorText(error, locale));
    return 2;
  }
  if (options.help) {
    io.stdout(usage(options.locale) + '\n');
    return 0;
  }
  if (options.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  // The nearest .schedlint.yaml of each file (config.ts); an invalid one stops the run before any output.
  const config = new CliConfig(options);
  if (options.printConfig !== undefined) {
    const printed = config.printConfig(options.printConfig);
    if (config.problems.length > 0) {
      io.stderr(config.problemText());
      return 2;
    }
    io.stdout(printed);
    return 0;
  }
  if (!config.check()) {
    io.stderr(config.problemText());
    return 2;
  }
  if (options.root === undefined && options.paths.length === 0) {
    io.stderr(`${translate(options.locale, 'cli.usageError', { detail: translate(options.locale, 'cli.error.nothingToLint') })}\n${usage(options.locale)}\n`);
    return 2;
  }
  if (options.root !== undefined && !isDirectory(options.root)) {
    io.stderr(translate(options.locale, 'cli.ioError', { path: options.root, detail: translate(options.locale, 'cli.io.notAFolder') }) + '\n');
    return 2;
  }

  const fixed = options.fix ? runFixes(options, { severities: options.severities }, config, io) : undefined;
  if (fixed?.exit !== undefined) return fixed.exit;

  // One run reads a fixed tree: remember each answer (the unit search asks the same folders and links once per
  // unit: an lstat per path component per unit made a 1,000-timer root spend most of its time in the kernel).
  const host = new CachedHost(new FsHost(options.root ?? '/'));
  const facts = new HostFacts(host, options.dialect);
  const settings = { severities: options.severities };
  const explicitKind = options.kind ? { kind: options.kind, reason: 'cli' as const } : undefined;
  let reports: FileReport[] = [];
  let ioFailure = false;

  if (options.paths.length === 0) {
    const found = hostCrontabPaths(facts);
    for (const folder of found.unreadableFolders) reports.push(unreadableReport(folder, options.locale));
    for (const folder of found.crowdedFolders ?? []) reports.push(crowdedFolderReport(folder.path, folder.count, options.locale));
    for (const file of found.files) reports.push(lintHostFile(file, { facts, settings, locale: options.locale }));
    addHostScheduleFindings(reports, facts, options);
  }
  for (const given of options.paths) {
    if (given === '-') {
      const text = io.readStdin();
      const size = Buffer.byteLength(text, 'utf8');
      if (size > MAX_FILE_BYTES) {
        reports.push(tooLargeReport('-', options.locale, size));
        continue;
      }
      reports.push(lintFileText(text, undefined, { facts: new HostFacts(new MemoryHost(), options.dialect), settings, locale: options.locale, explicitKind }));
      continue;
    }
    // With --root, paths are host paths inside the root; without it, paths on this machine (which is the host).
    const hostPath = options.root !== undefined ? path.posix.normalize('/' + given) : path.resolve(given);
    const stat = host.stat(hostPath);
    if (stat === undefined) {
      io.stderr(translate(options.locale, 'cli.ioError', { path: given, detail: translate(options.locale, 'cli.io.missing') }) + '\n');
      ioFailure = true;
      continue;
    }
    if (stat.kind === 'directory') {
      // A folder is linted as a repository: crontabs take their format from the steps that install them
      // (Dockerfile, compose, Kubernetes, Ansible, scripts), and those steps' own findings are reported too.
      reports.push(...lintRepository(hostPath, { facts, settings, locale: options.locale, explicitKind }).reports);
    } else {
      reports.push(lintHostFile(hostPath, { facts, settings, locale: options.locale, explicitKind }));
    }
  }

  const given = new Set(options.paths.filter((item) => item !== '-').map((item) => config.localPath(options.root !== undefined ? path.posix.normalize('/' + item) : path.resolve(item))));
  reports = config.apply(reports, given, { facts, settings, locale: options.locale, explicitKind });
  if (config.problems.length > 0) {
    io.stderr(config.problemText());
    return 2;
  }
  const output = options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports, options.locale, VERSION) : formatText(reports, options.locale, { verbose: options.verbose });
  io.stdout(output);
  return lintExitStatus(reports, { missingInput: ioFailure || (fixed?.failed ?? false), exitZero: options.exitZero });
}

/**
 * The findings about the host as a whole (a timer and a cron job running the same program), added to the
 * report of the file each one is about; a file that had no report of its own gets one.
 */
function addHostScheduleFindings(reports: FileReport[], facts: HostFacts, options: CliOptions): void {
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

/**
 * A usage error as printed: the message, then the usage; an unknown option or a missing value is one line of
 * its own that already points at --help (the whole usage after a typo buries the line that matters).
 */
function usageErrorText(error: UsageError, locale: Locale): string {
  const line = translate(locale, 'cli.usageError', { detail: translate(locale, error.key, error.params) });
  return error.key.startsWith('cli.error.unknownOption') || error.key === 'cli.error.missingValue' ? `${line}\n` : `${line}\n${usage(locale)}\n`;
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

if (require.main === module) {
  // Zone rules from the machine's zoneinfo files, as the language server does: Intl's formatToParts cost
  // ~45 ms of CPU per cron job of a host schedule outside UTC. A zone without a file falls back to Intl.
  const machine = new FsHost('/');
  if (machine.stat('/usr/share/zoneinfo')?.kind === 'directory') useZoneSource(tzifZoneSource((file) => machine.readBytes(file)));
  let code: number;
  try {
    code = runCli({
      argv: process.argv.slice(2),
      env: process.env,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      readStdin: () => readStdinAtMost(MAX_FILE_BYTES + 1),
    });
  } catch (error) {
    // A bug of ours, not the input's: one line and exit 2 (the stack only with SCHEDLINT_DEBUG set).
    process.stderr.write(`schedlint: internal error: ${process.env.SCHEDLINT_DEBUG ? ((error as Error).stack ?? error) : ((error as Error).message ?? error)}\n`);
    code = EXIT_FAILURE;
  }
  process.exitCode = code;
}

/** Standard input, but never more than `most` bytes (a pipe can be endless): the caller reports a larger one. */
function readStdinAtMost(most: number): string {
  const buffer = Buffer.alloc(64 * 1024);
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < most) {
    let read: number;
    try {
      read = fs.readSync(0, buffer, 0, Math.min(buffer.length, most - total), null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking stdin (some terminals and pipes) says "try again"; end of input on Windows is EOF.
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, read)));
    total += read;
  }
  return Buffer.concat(chunks, total).toString('utf8');
}
