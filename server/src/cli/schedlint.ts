// `schedlint`: the command-line face of the engine, for CI pipelines and fleets. A thin layer: it finds the
// files, asks the engine, and prints text, JSON, SARIF or Prometheus metrics (to --output FILE atomically). Exit status: exit-status.ts (0 clean, 1 errors,
// 2 usage error, missing or unreadable input, internal error).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HostFacts } from '../engine/host/facts';
import { FsHost } from '../engine/host/fs-host';
import { MemoryHost } from '../engine/host/memory-host';
import { translate } from '../engine/i18n/catalog';
import type { Locale } from '../engine/types';
import { lintFileText, tooLargeReport, type FileReport } from '../engine/scan';
import { MAX_FILE_BYTES } from '../engine/host/host';
import { argumentLocale, parseCliArgs, splitSubcommand, usage, UsageError, usageErrorLine, type CliOptions } from './args';
import { formatJson, formatSarif, formatText } from './output';
import { atOrAbove } from './output-options';
import { COLORED, PLAIN, useColor } from './color';
import { expandArguments } from './globs';
import { formatRuleList, isExplainCommand, runExplainCommand } from './explain';
import { EXIT_FAILURE, lintExitStatus } from './exit-status';
import type { CliIo } from './io';
import { isScheduleCommand, runScheduleCommand } from './schedules';
import { runEditCommand } from './edit';
import { CERT_COMMAND, runCertCommand } from './cert';
import { hostFactsAt, lintHostTreeWithInventory } from './host-lint';
import { runFleetCommand } from './fleet';
import { runFixes } from './fix';
import { lintGivenPaths } from './lint-given';
import { CliConfig } from './config';
import { tzifZoneSource, useZoneSource } from '../engine/time/zone-source';
import { appendAll } from '../engine/util/append';
import { formatPrometheus, renewalFilesOf } from './prometheus';
import { writeFileAtomically } from './output-file';
import type { HostInventory } from '../engine/schedule/model';

declare const SCHEDLINT_VERSION: string;
const VERSION = typeof SCHEDLINT_VERSION === 'string' ? SCHEDLINT_VERSION : '0.0.0-dev';

export function runCli(io: CliIo): number {
  // The subcommand is the first word that is not an option or an option's value: `--lang ja calendar daily`.
  const { command, args } = splitSubcommand(io.argv, (word) => word === 'edit' || word === CERT_COMMAND || word === 'fleet' || isExplainCommand(word) || isScheduleCommand(word));
  if (command === 'edit') return runEditCommand(args, io);
  if (isExplainCommand(command)) return runExplainCommand(args, io);
  if (command === CERT_COMMAND) return runCertCommand(args, io, VERSION);
  if (isScheduleCommand(command) || command === 'fleet') {
    try {
      return command === 'fleet' ? runFleetCommand(args, io, VERSION) : runScheduleCommand(command, args, io);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(usageErrorLine(error, argumentLocale(io.argv, io.env), `schedlint ${command}`));
      return 2;
    }
  }
  let options: CliOptions;
  try {
    options = parseCliArgs(io.argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(usageErrorLine(error, argumentLocale(io.argv, io.env)));
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
  if (options.output.listRules) {
    // SARIF: a log with no results whose tool.driver.rules is the catalog (ids, levels, help URIs), as code
    // scanning reads it.
    if (options.format === 'sarif') io.stdout(formatSarif([], { locale: options.locale, version: VERSION, cwd: io.cwd ?? process.cwd(), exitCode: 0, readText: () => undefined }));
    else io.stdout(formatRuleList(options.locale, options.format === 'json' ? 'json' : 'text', useColor(options.output.color, io.env, io.stdoutIsTerminal ?? false)));
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
  const rootProblem = options.root !== undefined ? folderProblem(options.root) : undefined;
  if (options.root !== undefined && rootProblem !== undefined) {
    io.stderr(translate(options.locale, 'cli.ioError', { path: options.root, detail: translate(options.locale, rootProblem) }) + '\n');
    return 2;
  }

  // Quoted globs are the CLI's to expand (globs.ts), before --fix, which then fixes what the lint will read.
  let ioFailure = false;
  const cwd = io.cwd ?? process.cwd();
  const noMatch = (pattern: string) => {
    io.stderr(translate(options.locale, 'cli.ioError', { path: pattern, detail: translate(options.locale, 'cli.io.noMatch') }) + '\n');
    ioFailure = true;
  };
  const paths = expandArguments(options.paths, new FsHost(options.root ?? '/'), { root: options.root, cwd }, noMatch);
  const fixed = options.fix ? runFixes({ ...options, paths }, { severities: options.severities }, config, io) : undefined;
  if (fixed?.exit !== undefined) return fixed.exit;

  const facts = hostFactsAt(options.root ?? '/', options.dialect);
  const host = facts.host;
  const settings = { severities: options.severities };
  const explicitKind = options.kind ? { kind: options.kind, reason: 'cli' as const } : undefined;
  let reports: FileReport[] = [];
  let stdinText: string | undefined;
  const startedAt = Date.now();
  let inventory: HostInventory | undefined;

  const lintOptions = { facts, settings, locale: options.locale, explicitKind };
  if (options.paths.length === 0) {
    const tree = lintHostTreeWithInventory(facts, options);
    reports = config.apply(tree.reports, new Set(), lintOptions);
    inventory = tree.inventory;
  }
  const readStdin = (): FileReport => {
    const text = (stdinText = io.readStdin());
    const size = Buffer.byteLength(text, 'utf8');
    if (size > MAX_FILE_BYTES) return tooLargeReport('-', options.locale, size);
    return lintFileText(text, undefined, { facts: new HostFacts(new MemoryHost(), options.dialect), settings, locale: options.locale, explicitKind });
  };
  const missing = (given: string) => {
    // Node decodes arguments as UTF-8: a name's other bytes arrive as U+FFFD, which names no file.
    io.stderr(translate(options.locale, 'cli.ioError', { path: given, detail: translate(options.locale, given.includes('\uFFFD') ? 'cli.io.missingNotUtf8' : 'cli.io.missing') }) + '\n');
    ioFailure = true;
  };
  appendAll(reports, lintGivenPaths(paths, lintOptions, config, { root: options.root, stdin: readStdin, missing }));
  if (config.problems.length > 0) {
    io.stderr(config.problemText());
    return 2;
  }
  // The exit status is the whole run's: a finding left out by --min-severity (an unreadable file) still counts.
  const status = lintExitStatus(reports, { missingInput: ioFailure || (fixed?.failed ?? false), exitZero: options.exitZero });
  const shown = atOrAbove(reports, options.output.minSeverity);
  const paint = useColor(options.output.color, io.env, io.stdoutIsTerminal ?? false) && options.outputFile === undefined ? COLORED : PLAIN;
  const readText = (reportPath: string) => {
    if (reportPath === '-') return stdinText;
    const read = host.readText(reportPath);
    return read.ok ? read.text : undefined;
  };
  const output =
    options.format === 'json'
      ? formatJson(shown.reports)
      : options.format === 'sarif'
        ? formatSarif(shown.reports, { locale: options.locale, version: VERSION, cwd, root: options.root === undefined ? undefined : path.resolve(cwd, options.root), exitCode: status, readText })
        : options.format === 'prometheus'
          ? // Every finding counts in the metrics (a dashboard filters by severity itself).
            formatPrometheus({ reports, facts, inventory, renewalFiles: renewalFilesOf(reports, facts), severities: options.severities, version: VERSION, startedAt, durationMs: Date.now() - startedAt, success: lintExitStatus(reports, { missingInput: ioFailure, exitZero: true }) === 0 })
          : formatText(shown.reports, options.locale, { verbose: options.verbose, paint, hidden: { severity: options.output.minSeverity, count: shown.hidden } });
  if (options.outputFile === undefined) {
    io.stdout(output);
    return status;
  }
  const written = writeFileAtomically(options.outputFile, output);
  if (written.ok) return status;
  // No folder to write in: nothing was there to keep, so say only that (the path as given, resolved).
  if (written.key === 'cli.write.noFolder') io.stderr(translate(options.locale, 'cli.writeError.noFolder', { path: options.outputFile, folder: path.dirname(path.resolve(cwd, options.outputFile)) }) + '\n');
  else io.stderr(translate(options.locale, 'cli.writeError', { path: options.outputFile, detail: translate(options.locale, written.key, written.params) }) + '\n');
  return EXIT_FAILURE;
}

/** Why `--root` is no folder to lint: it does not exist, or it is something else (a file); undefined when it is one. */
function folderProblem(folder: string): 'cli.io.noSuchFolder' | 'cli.io.notAFolder' | undefined {
  try {
    return fs.statSync(folder).isDirectory() ? undefined : 'cli.io.notAFolder';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'cli.io.noSuchFolder' : 'cli.io.notAFolder';
  }
}

if (require.main === module) {
  // Zone rules from the machine's zoneinfo files, as the language server does: Intl's formatToParts cost
  // ~45 ms of CPU per cron job of a host schedule outside UTC. A zone without a file falls back to Intl.
  const machine = new FsHost('/');
  if (machine.stat('/usr/share/zoneinfo')?.kind === 'directory') useZoneSource(tzifZoneSource((file) => machine.readBytes(file)));
  // A reader that stops early (`schedlint explain RULE | head`, `| less` quit before the end) closes the pipe:
  // that ends the run quietly, as it ends cat or grep, instead of an unhandled EPIPE with its stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  let code: number;
  try {
    code = runCli({
      argv: process.argv.slice(2),
      env: process.env,
      stdout: (text) => process.stdout.write(text),
      stdoutBytes: (bytes) => process.stdout.write(bytes),
      stderr: (text) => process.stderr.write(text),
      readStdin: () => readStdinAtMost(MAX_FILE_BYTES + 1),
      stdoutIsTerminal: process.stdout.isTTY === true,
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
