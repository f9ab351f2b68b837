// The project configuration file in the CLI (engine/config/project-config.ts reads it): each file's nearest
// `.schedlint.yaml` applied to its report, command-line flags first (CLI > nearest config > defaults), and
// `schedlint --print-config PATH`. Applied after linting, so the scans stay as they are: a format or dialect
// override (or a certificate threshold, for renewal files) lints that file again with it; rule severities are set on the findings (what the
// engine does with `severities`: one severity for all of a rule's findings, `off` drops them); `ignore`
// drops files found in folders (a file named on the command line is linted, as ruff and shellcheck do).
import * as path from 'node:path';
import { configForFile, configProblemText, loadConfigFor, withConfigSeverities, type ConfigLoad, type ConfigProblem, type FileConfig } from '../engine/config/project-config';
import { HostFacts } from '../engine/host/facts';
import { CachedHost } from '../engine/host/cached-host';
import { FsHost } from '../engine/host/fs-host';
import type { Host } from '../engine/host/host';
import { translate } from '../engine/i18n/catalog';
import { ALL_RULE_IDS, DEFAULT_SEVERITIES } from '../engine/rules';
import { lintHostFile, type FileReport, type LintFileOptions } from '../engine/scan';
import type { CliOptions } from './args';

/** Report kinds that are no file's lint (nothing to lint again in another format). */
const NOT_LINTED = new Set(['unreadable', 'installer', 'unrecognized', 'internal-error']);

export class CliConfig {
  /**
   * The machine's files: config files are the project's, never read inside a --root tree's host paths.
   * Cached for the run: every report's lookup walks up through the same folders (three candidate names and a
   * `.git` per level), 50,000 stats for a --root of 2,000 unit files (issue #20); nothing the run writes is a
   * config file or a folder on those walks.
   */
  private readonly local: Host = new CachedHost(new FsHost('/'));
  private readonly loads = new Map<string, ConfigLoad>();
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly options: CliOptions) {}

  /** Where a report's file is on this machine (inside --root when one is given). */
  localPath(reportPath: string): string {
    return this.options.root !== undefined ? path.join(path.resolve(this.options.root), reportPath) : path.resolve(reportPath);
  }

  /** What applies to a file on this machine; an invalid config file adds its problems and applies nothing. */
  forFile(localPath: string): FileConfig {
    const load = loadConfigFor(this.local, localPath, this.loads);
    if (!load.ok) {
      for (const problem of load.problems) if (!this.problems.includes(problem)) this.problems.push(problem);
      return { severities: {}, ignored: false };
    }
    return configForFile(load.config, localPath);
  }

  /**
   * Whether a file a folder scan found (a host path) is one its config names with a `format:` and does not
   * ignore: the scan lints it even where its name says nothing (the README's `files: deploy/cron/*`).
   */
  namesFormat(reportPath: string): boolean {
    const local = this.localPath(reportPath);
    // Most walks have no config, or one without a format override: no glob is matched for their files.
    const load = loadConfigFor(this.local, local, this.loads);
    if (!load.ok || !load.config?.overrides.some((override) => override.format !== undefined)) return false;
    const config = this.forFile(local);
    return config.format !== undefined && !config.ignored;
  }

  /** The format to lint such a file in: `--kind` (for a crontab format, as a folder takes it), else its config's. */
  kindFor(reportPath: string): LintFileOptions['explicitKind'] {
    if (this.options.kind !== undefined) return { kind: this.options.kind, reason: 'cli' };
    const format = this.forFile(this.localPath(reportPath)).format;
    return format !== undefined ? { kind: format, reason: 'config' } : undefined;
  }

  /** Loads the configs of the given paths (and the root) before anything is linted: false when one is invalid. */
  check(): boolean {
    const starts = this.options.root !== undefined ? [this.options.root] : this.options.paths.filter((given) => given !== '-');
    for (const start of starts) this.forFile(path.resolve(start));
    return this.problems.length === 0;
  }

  /** The problems as printed to stderr, each with its file, line and column. */
  problemText(): string {
    return [...this.problems.map((problem) => configProblemText(problem, this.options.locale)), translate(this.options.locale, 'cli.config.invalid')].join('\n') + '\n';
  }

  /**
   * Each report with its file's config applied. `given`: files named on the command line (never ignored);
   * `lintOptions`: how they were linted, to lint one again in the format or dialect its config names.
   */
  apply(reports: readonly FileReport[], given: ReadonlySet<string>, lintOptions: LintFileOptions): FileReport[] {
    const out: FileReport[] = [];
    for (let report of reports) {
      if (report.path === '-') {
        out.push(report);
        continue;
      }
      const local = this.localPath(report.path);
      const config = this.forFile(local);
      if (config.source === undefined) {
        out.push(report);
        continue;
      }
      if (config.ignored && !given.has(local)) continue;
      // Already linted in the config's format (namesFormat's files): a dialect or threshold still lints it again.
      const format = this.options.kind === undefined && !(report.assumed?.reason === 'config' && report.assumed.format === config.format) ? config.format : undefined;
      const dialect = this.options.dialect === undefined ? config.dialect : undefined;
      const expiryDays = report.kind === 'certbot-renewal' ? config.expiryDays : undefined;
      // A format the config names lints even a file no format claimed by itself (a script, INI of no known kind).
      const lintable = !NOT_LINTED.has(report.kind) || (format !== undefined && report.kind === 'unrecognized');
      if ((format || dialect || expiryDays !== undefined) && lintable) {
        report = lintHostFile(report.path, {
          ...lintOptions,
          // Met by a given folder's scan, not named itself: linted again, it stays so (LintInput.scanned).
          scanned: !given.has(local) && [...given].some((item) => local.startsWith(item.endsWith('/') ? item : item + '/')),
          settings: { ...lintOptions.settings, expiryDays },
          facts: dialect ? new HostFacts(lintOptions.facts.host, dialect, 'config') : lintOptions.facts,
          explicitKind: format ? { kind: format, reason: 'config' } : (report.assumed?.reason === 'config' ? { kind: report.assumed.format, reason: 'config' } : lintOptions.explicitKind),
        });
      }
      out.push(this.withSeverities(report, config));
    }
    return out;
  }

  private withSeverities(report: FileReport, config: FileConfig): FileReport {
    const findings = withConfigSeverities(report.findings, config, this.options.severities);
    return findings === report.findings ? report : { ...report, findings };
  }

  /** `--print-config PATH`: what applies to that file, as JSON (every rule's severity, the config file it came from). */
  printConfig(target: string): string {
    const local = path.resolve(target);
    const config = this.forFile(local);
    const rules = Object.fromEntries(ALL_RULE_IDS.map((ruleId) => [ruleId, this.options.severities[ruleId] ?? config.severities[ruleId] ?? DEFAULT_SEVERITIES.get(ruleId)]));
    return (
      JSON.stringify(
        {
          path: local,
          configFile: config.source ?? null,
          format: this.options.kind ?? config.format ?? null,
          dialect: this.options.dialect ?? config.dialect ?? null,
          ignored: config.ignored,
          certificates: { expiryDays: config.expiryDays ?? null },
          rules,
        },
        null,
        2,
      ) + '\n'
    );
  }
}
