// The reports of the paths given on the command line, the project's configuration applied: the one walk both
// a lint run and --fix take, so `schedlint --fix PATH` fixes what `schedlint PATH` reports. A folder is linted
// as a repository (crontabs take their format from the steps that install them), plus the files its config
// names with a `format:` that the scan does not pick by name; a file is linted alone.
import * as path from 'node:path';
import { walkRepository } from '../engine/install/find';
import { lintRepository } from '../engine/install/repository';
import { lintHostFile, type FileReport, type LintFileOptions } from '../engine/scan';
import type { CliConfig } from './config';

export interface GivenPathsOptions {
  /** `--root DIR`: the paths are host paths inside it; without it, paths on this machine. */
  root?: string;
  /** The report of `-` (standard input); without it, `-` is left out (--fix never writes standard input). */
  stdin?: () => FileReport;
  /** Called for a path that names nothing; it gets no report. */
  missing?: (given: string) => void;
}

export function lintGivenPaths(paths: readonly string[], lint: LintFileOptions, config: CliConfig, options: GivenPathsOptions = {}): FileReport[] {
  const reports: FileReport[] = [];
  // Files named on the command line are linted even where their config ignores them (config.ts).
  const given = new Set<string>();
  for (const item of paths) {
    if (item === '-') {
      if (options.stdin) reports.push(options.stdin());
      continue;
    }
    const hostPath = options.root !== undefined ? path.posix.normalize('/' + item) : path.resolve(item);
    given.add(config.localPath(hostPath));
    const stat = lint.facts.host.stat(hostPath);
    if (stat === undefined) options.missing?.(item);
    else if (stat.kind === 'directory') reports.push(...lintFolder(hostPath, lint, config));
    else reports.push(lintHostFile(hostPath, lint));
  }
  return config.apply(reports, given, lint);
}

/** A folder as a repository, with the files its config names by format, in path order as lintRepository reports. */
function lintFolder(folder: string, lint: LintFileOptions, config: CliConfig): FileReport[] {
  const configured: string[] = [];
  const files = walkRepository(lint.facts.host, folder, (file) => {
    if (config.namesFormat(file)) configured.push(file);
  });
  const found = lintRepository(folder, lint, files).reports;
  const reported = new Set(found.map((report) => report.path));
  for (const file of configured) if (!reported.has(file)) found.push(lintHostFile(file, { ...lint, explicitKind: config.kindFor(file) }));
  if (found.length > reported.size) found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return found;
}
