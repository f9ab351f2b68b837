// Crontabs in the workspace's repositories: how each one is installed (Dockerfile, compose, Kubernetes,
// Ansible, scripts) decides its format, so the server reads the install steps of every workspace folder in
// the background and again when an installer or a crontab is saved. The installers' own findings (one file
// installed both ways, reported on the Dockerfile line) are published for those files, open or not.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { HostFacts } from './engine/host/facts';
import { lintRepository } from './engine/install/repository';
import type { InstallStep } from './engine/install/model';
import type { CronDialect, Finding, Locale, SeveritySetting } from './engine/types';
import type { HostView } from './host-view';
import { withConfigSeverities, type FileConfig } from './engine/config/project-config';
import { URI } from './uri';

export interface RepositoryScanOptions {
  locale: Locale;
  dialect?: CronDialect;
  severities: Record<string, SeveritySetting>;
  toDiagnostic(finding: Finding, uri: string): Diagnostic;
  /** The project's .schedlint.yaml for an installer file: its rule severities (under `severities`) and `ignore`. */
  project?(filePath: string): FileConfig;
}

export class RepositoryScan {
  private installs = new Map<string, InstallStep[]>();
  /** Installer files we published diagnostics for, so they can be cleared when their findings go. */
  private published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly machine: HostView,
  ) {}

  /** Lints every folder as a repository; keeps the install steps by crontab path. */
  refresh(folders: readonly string[], options: RepositoryScanOptions): void {
    const installs = new Map<string, InstallStep[]>();
    const installerFindings = new Map<string, Finding[]>();
    for (const folder of folders) {
      try {
        const facts = new HostFacts(this.machine.host, options.dialect);
        const lint = lintRepository(folder, { facts, settings: { severities: options.severities }, locale: options.locale });
        for (const [crontab, steps] of lint.installs) installs.set(crontab, steps);
        for (const report of lint.reports) if (report.kind === 'installer') installerFindings.set(report.path, report.findings);
      } catch (error) {
        this.connection.console.error(`schedlint: reading the install steps of ${folder} failed: ${(error as Error).stack ?? error}`);
      }
    }
    this.installs = installs;
    const stale = new Set(this.published);
    this.published = new Set(installerFindings.keys());
    for (const [installer, all] of installerFindings) {
      stale.delete(installer);
      const uri = URI.fromFilePath(installer);
      const project = options.project?.(installer);
      const findings = !project ? all : project.ignored ? [] : withConfigSeverities(all, project, options.severities);
      void this.connection.sendDiagnostics({ uri, diagnostics: findings.map((finding) => options.toDiagnostic(finding, uri)) });
    }
    for (const installer of stale) void this.connection.sendDiagnostics({ uri: URI.fromFilePath(installer), diagnostics: [] });
  }

  /** How the repository installs this crontab (a host path of the machine), if it does. */
  installsOf(filePath: string): InstallStep[] | undefined {
    return this.installs.get(filePath);
  }
}
