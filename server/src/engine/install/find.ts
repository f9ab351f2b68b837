// One walk over a repository: the crontab-like files, and every file that may install one (Dockerfiles,
// compose files, Kubernetes manifests, Ansible tasks, shell scripts); then the install steps of each crontab.
import * as path from 'node:path';
import { isCrontabPath, looksLikeCrontabName } from '../crontab/kind';
import { claimOfPath } from '../file-format';
import { isDocumentationName } from '../util/documentation-name';
import { readTextOrUndefined, type Host } from '../host/host';
import { dockerfileInstalls, isDockerfileName } from './dockerfile';
import { cronOfSpoolPath, ImageFiles, targetFormat } from './image';
import { crontabProgramDialect, type InstallStep } from './model';
import { applyShell, type ShellContext } from './shell-steps';
import { lfLineStarts, positionAt } from '../util/line-starts';
import { configMapSteps, isYamlName, yamlInstalls, type ConfigMapEntry, type PodMount } from './yaml-installs';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface RepositoryFiles {
  /** Files whose name or place says crontab (`crontab`, `*.cron`, `cron.d/*`, the host's cron paths). */
  crontabs: string[];
  dockerfiles: string[];
  yaml: string[];
  scripts: string[];
  /**
   * Files that may be one of the other scheduling formats: unit files and drop-ins by name, and every
   * `*.conf`/`*.ini` (certbot's renewal files and cli.ini, told by their content when not by their path).
   */
  others: string[];
  /** Folders that could not be listed. */
  unreadableFolders: string[];
}

function isScriptName(name: string): boolean {
  return /\.(sh|bash)$/.test(name) || /^(docker-)?entrypoint(\.\w+)?$/.test(name) || name === 'start' || name === 'run';
}

/** `onFile`: called with every regular file the walk sees, picked or not (the CLI's config `format:` overrides). */
export function walkRepository(host: Host, folder: string, onFile?: (file: string) => void): RepositoryFiles {
  const files: RepositoryFiles = { crontabs: [], dockerfiles: [], yaml: [], scripts: [], others: [], unreadableFolders: [] };
  const visit = (current: string, depth: number) => {
    if (depth > 32) return;
    if (!host.canList(current)) {
      files.unreadableFolders.push(current);
      return;
    }
    for (const name of host.list(current)) {
      if (SKIPPED_FOLDERS.has(name)) continue;
      const child = current === '/' ? `/${name}` : `${current}/${name}`;
      const stat = host.lstat(child);
      if (stat?.kind === 'directory') {
        visit(child, depth + 1);
        continue;
      }
      if (stat?.kind !== 'file') continue;
      onFile?.(child);
      // Documentation beside the jobs (`cron.d/README.md`) is no crontab, whatever folder it sits in.
      if (isDocumentationName(name)) continue;
      if (isCrontabPath(child) || looksLikeCrontabName(child)) files.crontabs.push(child);
      else if (isDockerfileName(name)) files.dockerfiles.push(child);
      // YAML files are read for install steps; repository.ts also lints those a format claims (a workflow, a CronJob).
      else if (isYamlName(name)) files.yaml.push(child);
      else if (isScriptName(name)) files.scripts.push(child);
      // Files a format claims by name (a unit), and INI-named files whose content may be a format's (certbot's
      // files, a drop-in); repository.ts decides. `*.wants/`, `*.requires/` hold enablement links (or, in a copied
      // tree, files standing in for them), not units.
      else if ((claimOfPath(child)?.format.repositoryFiles === 'claimed' && !/\.(wants|requires|upholds)$/.test(current)) || /\.(conf|ini)$/.test(name)) files.others.push(child);
    }
  };
  visit(folder, 0);
  return files;
}

// A cheap look before parsing: a file that never says cron installs no crontab (a ConfigMap may not, but
// then the workload that mounts it does, and the ConfigMap is read for its data only if it says ConfigMap).
const MENTIONS_CRON = /cron/i;

/**
 * Every install step found in the repository, by the crontab it installs (a repository path, or for a
 * ConfigMap key `manifest.yaml#name/key`).
 */
export function findInstallSteps(host: Host, repoRoot: string, files: RepositoryFiles = walkRepository(host, repoRoot), errors?: Map<string, unknown>): Map<string, InstallStep[]> {
  // One installer's bug is reported on it (lintRepository makes it an internal/rule-error finding); the others still count.
  const guarded = (file: string, read: () => void) => {
    try {
      read();
    } catch (error) {
      if (errors) errors.set(file, error);
    }
  };
  const steps: InstallStep[] = [];
  const userReads = new Set<string>();
  const image = new ImageFiles(host);
  for (const file of files.dockerfiles) {
    const text = readTextOrUndefined(host, file);
    if (text === undefined || !MENTIONS_CRON.test(text)) continue;
    guarded(file, () => {
      const found = dockerfileInstalls(host, file, text, repoRoot);
      steps.push(...found.steps);
      found.userReads.forEach((read) => userReads.add(read));
      image.copyFrom(found.image);
    });
  }
  const configMaps: ConfigMapEntry[] = [];
  const mounts: PodMount[] = [];
  for (const file of files.yaml) {
    const text = readTextOrUndefined(host, file);
    if (text === undefined || !(MENTIONS_CRON.test(text) || /kind:\s*ConfigMap/.test(text))) continue;
    guarded(file, () => {
      const found = yamlInstalls(host, file, text, repoRoot);
      steps.push(...found.steps);
      found.userReads.forEach((read) => userReads.add(read));
      configMaps.push(...found.configMaps);
      mounts.push(...found.mounts);
    });
  }
  steps.push(...configMapSteps(configMaps, mounts));
  for (const file of files.scripts) {
    const text = readTextOrUndefined(host, file);
    if (text === undefined || !MENTIONS_CRON.test(text)) continue;
    // A script sees the images' files (it usually runs inside one) and the repository itself, from its folder.
    const scriptImage = new ImageFiles(host);
    scriptImage.copyFrom(image);
    scriptImage.folders.push({ image: repoRoot, repo: repoRoot, placed: { installer: file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, description: '' } });
    const context: ShellContext = { installer: file, image: scriptImage, user: 'root', steps, userReads };
    const lineStarts = lfLineStarts(text);
    const position = (offset: number) => positionAt(lineStarts, offset);
    guarded(file, () => applyShell(text, { position }, path.posix.dirname(file), context));
    // Copies a script makes (cp into /etc/cron.d) are placements in its image; report them as steps.
    for (const [target, placed] of scriptImage.files) {
      if (placed.installer !== file || image.files.get(target) === placed) continue;
      const format = targetFormat(target, undefined);
      const cron = cronOfSpoolPath(target);
      if (format) steps.push({ installer: file, range: placed.range, source: placed.repo, target, format: format.format, via: 'copy', user: format.user, cron, dialect: crontabProgramDialect(cron), mode: placed.mode, modeRange: placed.modeRange, owner: placed.owner, removal: placed.removal, description: placed.description });
    }
  }
  // supercronic (or go-crond USER:FILE) reading a path means that path is a user-format crontab, whatever
  // folder it sits in: the copy there is not for cron.
  const kept = steps.filter((step) => !((step.via === 'copy' || step.via === 'mount') && userReads.has(step.target) && step.format === 'crontab-system'));
  const bySource = new Map<string, InstallStep[]>();
  const seen = new Set<string>();
  for (const step of kept) {
    const key = `${step.installer}:${step.range.start.line}:${step.range.start.character}:${step.source}:${step.target}:${step.format}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let list = bySource.get(step.source);
    if (!list) bySource.set(step.source, (list = []));
    list.push(step);
  }
  return bySource;
}
