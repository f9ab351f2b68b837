// Install steps written in YAML: docker-compose bind mounts (Compose specification "volumes", short and long
// syntax), Kubernetes ConfigMaps mounted into a pod (a folder of keys, or one key with subPath; crontab text
// inline in the manifest), and Ansible copy/template tasks (short and FQCN module names, `src` looked up in
// the role's files/ or templates/). Parsed with eemeli/yaml, which keeps every node's source range.
import * as path from 'node:path';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Scalar, YAMLMap } from 'yaml';
import { yamlModule } from '../util/lazy-modules';
import type { Host } from '../host/host';
import type { Position, Range, TextEdit } from '../types';
import { cronOfImage } from './dockerfile';
import { CRON_FOLDERS, cronOfSpoolPath, ImageFiles, targetFormat } from './image';
import { crontabProgramDialect, cronOfTarget, type CronProgram, type InlineCrontab, type InstallStep } from './model';
import { parseModeChange } from './shell';
import { applyShell, type ShellContext } from './shell-steps';
import { LinearRegex } from '../util/linear-regex';

export interface YamlInstalls {
  steps: InstallStep[];
  userReads: Set<string>;
  configMaps: ConfigMapEntry[];
  mounts: PodMount[];
}

export interface ConfigMapEntry {
  file: string;
  name: string;
  key: string;
  inline: InlineCrontab;
  range: Range;
}

/** A ConfigMap volume mounted into a container of a workload in the repository. */
export interface PodMount {
  file: string;
  configMap: string;
  /** key → path inside the mount (from `items:`), when given. */
  items?: Map<string, string>;
  /** The file mode of each key: the item's `mode:`, else the volume's `defaultMode:`, when written. */
  modes?: Map<string, number>;
  defaultMode?: number;
  mountPath: string;
  subPath?: string;
  range: Range;
  cron?: CronProgram;
  /** Paths the container's command runs supercronic (or go-crond USER:FILE) on. */
  userReads: Set<string>;
}

type Located = { range?: [number, number, number] | null };

// The yaml package is loaded when a YAML file is read, not by every run (util/lazy-modules.ts).
const isMap = ((node: unknown) => yamlModule().isMap(node)) as typeof Yaml.isMap;
const isScalar = ((node: unknown) => yamlModule().isScalar(node)) as typeof Yaml.isScalar;
const isSeq = ((node: unknown) => yamlModule().isSeq(node)) as typeof Yaml.isSeq;

class Positions {
  constructor(private readonly counter: LineCounter) {}
  at(offset: number): Position {
    const { line, col } = this.counter.linePos(offset);
    return { line: line - 1, character: col - 1 };
  }
  of(node: unknown): Range {
    const range = (node as Located).range ?? [0, 0, 0];
    return { start: this.at(range[0]), end: this.at(range[1]) };
  }
}

function get(node: unknown, key: string): unknown {
  return isMap(node) ? node.get(key, true) : undefined;
}

function text(node: unknown): string | undefined {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return undefined;
}

function items(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

export function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

export function yamlInstalls(host: Host, file: string, source: string, repoRoot: string): YamlInstalls {
  const result: YamlInstalls = { steps: [], userReads: new Set(), configMaps: [], mounts: [] };
  const counter = new (yamlModule().LineCounter)();
  let documents: Document.Parsed[];
  try {
    documents = yamlModule().parseAllDocuments(source, { lineCounter: counter, strict: false, uniqueKeys: false }) as Document.Parsed[];
    if (!Array.isArray(documents)) return result;
  } catch {
    return result;
  }
  const positions = new Positions(counter);
  const name = path.posix.basename(file);
  for (const document of documents) {
    const root = document.contents;
    if (isMap(root) && get(root, 'services') && /compose/i.test(name)) composeInstalls(host, file, root, positions, result);
    else if (isMap(root) && text(get(root, 'kind')) !== undefined && text(get(root, 'apiVersion')) !== undefined) kubernetesObject(host, file, source, root, positions, result);
    else if (isSeq(root)) ansibleTasks(host, file, root.items, positions, repoRoot, result);
  }
  return result;
}

// --- docker-compose -------------------------------------------------------------------------------------

function composeInstalls(host: Host, file: string, root: YAMLMap, positions: Positions, result: YamlInstalls): void {
  const folder = path.posix.dirname(file);
  const services = get(root, 'services');
  if (!isMap(services)) return;
  for (const pair of services.items) {
    const service = pair.value;
    const cron = cronOfImage(text(get(service, 'image')) ?? '');
    const image = new ImageFiles(host);
    const mounts: { target: string; range: Range; repo: string; readOnly: boolean }[] = [];
    for (const volume of items(get(service, 'volumes'))) {
      let sourcePath: string | undefined;
      let target: string | undefined;
      const short = text(volume);
      if (short !== undefined) {
        const parts = short.split(':');
        if (parts.length >= 2) [sourcePath, target] = parts;
      } else if (isMap(volume) && (text(get(volume, 'type')) ?? 'bind') === 'bind') {
        sourcePath = text(get(volume, 'source'));
        target = text(get(volume, 'target'));
      }
      // Named volumes (no `.` or `/` in front) are not repository files.
      if (!sourcePath || !target || !/^[./~]/.test(sourcePath) || sourcePath.includes('$') || target.includes('$')) continue;
      const repo = path.posix.resolve(folder, sourcePath);
      mounts.push({ target: path.posix.normalize(target), range: positions.of(volume), repo, readOnly: false });
    }
    for (const mount of mounts) {
      const description = `${mount.repo === folder ? '.' : path.posix.relative(folder, mount.repo)}:${mount.target}`;
      const stat = host.stat(mount.repo);
      if (stat?.kind === 'directory' && !CRON_FOLDERS.has(mount.target)) image.folders.push({ image: mount.target, repo: mount.repo, placed: { installer: file, range: mount.range, description } });
      // A bind mount over a cron folder replaces it with the repository folder: each file is read as is.
      else image.place(mount.repo, mount.target, false, { installer: file, range: mount.range, description });
    }
    const shell: ShellContext = { installer: file, image, user: 'root', cron, steps: result.steps, userReads: result.userReads };
    for (const key of ['entrypoint', 'command']) {
      const node = get(service, key);
      const words = isSeq(node) ? node.items.map((item) => text(item) ?? '') : undefined;
      const line = words ? words.map((word) => `'${word.replace(/'/g, '')}'`).join(' ') : text(node);
      if (line === undefined || !node) continue;
      const start = positions.of(node).start;
      applyShell(line, { position: () => start }, '/', shell);
    }
    for (const [target, placed] of image.files) {
      const format = targetFormat(target, cron);
      if (!format) continue;
      // The image's cron, else the one whose spool the target is (cronie's /var/spool/cron/USER).
      const reader = cron ?? cronOfSpoolPath(target);
      result.steps.push({ installer: file, range: placed.range, source: placed.repo, target, format: format.format, via: 'mount', user: format.user, cron: cronOfTarget(target, reader), dialect: crontabProgramDialect(reader), description: placed.description });
    }
  }
}

// --- Kubernetes -----------------------------------------------------------------------------------------

const WORKLOADS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController']);

function kubernetesObject(host: Host, file: string, source: string, root: YAMLMap, positions: Positions, result: YamlInstalls): void {
  const kind = text(get(root, 'kind'));
  if (kind === 'ConfigMap') {
    const name = text(get(get(root, 'metadata'), 'name'));
    const data = get(root, 'data');
    if (!name || !isMap(data)) return;
    for (const pair of data.items) {
      const key = text(pair.key);
      const value = pair.value;
      if (!key || !isScalar(value) || typeof value.value !== 'string') continue;
      const inline = inlineText(value as Scalar<string>, source, positions);
      if (inline) result.configMaps.push({ file, name, key, inline, range: positions.of(pair.key) });
    }
    return;
  }
  if (!kind || !WORKLOADS.has(kind)) return;
  const spec = get(root, 'spec');
  const podSpec = kind === 'Pod' ? spec : kind === 'CronJob' ? get(get(get(get(spec, 'jobTemplate'), 'spec'), 'template'), 'spec') : get(get(spec, 'template'), 'spec');
  if (!isMap(podSpec)) return;
  const volumes = new Map<string, { configMap: string; items?: Map<string, string>; modes: Map<string, number>; defaultMode?: number }>();
  for (const volume of items(get(podSpec, 'volumes'))) {
    const volumeName = text(get(volume, 'name'));
    const configMap = get(volume, 'configMap');
    const configMapName = text(get(configMap, 'name'));
    if (!volumeName || !configMapName) continue;
    const keyItems = items(get(configMap, 'items'));
    const modes = new Map<string, number>();
    for (const item of keyItems) {
      const mode = kubernetesMode(get(item, 'mode'));
      if (mode !== undefined) modes.set(text(get(item, 'key')) ?? '', mode);
    }
    volumes.set(volumeName, { configMap: configMapName, items: keyItems.length > 0 ? new Map(keyItems.map((item) => [text(get(item, 'key')) ?? '', text(get(item, 'path')) ?? ''])) : undefined, modes, defaultMode: kubernetesMode(get(configMap, 'defaultMode')) });
  }
  for (const container of [...items(get(podSpec, 'containers')), ...items(get(podSpec, 'initContainers'))]) {
    const cron = cronOfImage(text(get(container, 'image')) ?? '');
    const userReads = new Set<string>();
    const words = [...items(get(container, 'command')), ...items(get(container, 'args'))].map((item) => text(item) ?? '');
    // `supercronic /etc/crontab`, or `sh -c "… supercronic /etc/crontab"`.
    const line = words.length >= 3 && /sh$/.test(words[0]) && words[1] === '-c' ? words.slice(2).join(' ') : words.map((word) => `'${word.replace(/'/g, '')}'`).join(' ');
    const probe: ShellContext = { installer: file, image: new ImageFiles(host), user: 'root', cron, steps: [], userReads };
    applyShell(line, { position: () => ({ line: 0, character: 0 }) }, '/', probe);
    for (const mount of items(get(container, 'volumeMounts'))) {
      const volume = volumes.get(text(get(mount, 'name')) ?? '');
      const mountPath = text(get(mount, 'mountPath'));
      if (!volume || !mountPath) continue;
      result.mounts.push({ file, configMap: volume.configMap, items: volume.items, modes: volume.modes, defaultMode: volume.defaultMode, mountPath: path.posix.normalize(mountPath), subPath: text(get(mount, 'subPath')), range: positions.of(mount), cron, userReads });
    }
  }
}

// `defaultMode:`/`mode:` of a ConfigMap volume. Kubernetes reads manifests as YAML 1.1 (sigs.k8s.io/yaml), where
// `0600` is octal; its API docs: "YAML accepts both octal and decimal values, JSON requires decimal values".
// The yaml package reads YAML 1.2 (`0600` = 600), so the digits are read as written.
function kubernetesMode(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  const written = String((node as Scalar).source ?? node.value).trim();
  if (/^0o?[0-7]+$/.test(written)) return parseInt(written.replace(/^0o?/, '') || '0', 8) & 0o777;
  if (/^\d+$/.test(written)) return Number(written) & 0o777;
  return undefined;
}

/** A literal block scalar (`|`) keeps its lines as they are, so each maps to one manifest line. */
function inlineText(value: Scalar<string>, source: string, positions: Positions): InlineCrontab | undefined {
  if (value.type !== 'BLOCK_LITERAL' || !value.range) return undefined;
  const [start, end] = value.range;
  const raw = source.slice(start, end);
  const rawLines = raw.split('\n');
  const header = rawLines.shift() ?? '';
  const explicit = header.match(/[1-9]/);
  const firstContent = rawLines.find((line) => line.trim() !== '');
  const indent = explicit ? Number(explicit[0]) + (source.slice(0, start).split('\n').pop()?.match(/^ */)?.[0].length ?? 0) : (firstContent?.match(/^ */)?.[0].length ?? 0);
  const firstLine = positions.at(start).line + 1;
  const lines = value.value.split('\n').map((_, index) => ({ line: firstLine + index, character: indent }));
  return { text: value.value, lines };
}

/** Install steps of the ConfigMap keys mounted by workloads anywhere in the repository. */
export function configMapSteps(configMaps: ConfigMapEntry[], mounts: PodMount[]): InstallStep[] {
  const steps: InstallStep[] = [];
  for (const mount of mounts) {
    for (const entry of configMaps) {
      if (entry.name !== mount.configMap) continue;
      const fileName = mount.items ? mount.items.get(entry.key) : entry.key;
      if (!fileName) continue;
      let target: string;
      if (mount.subPath !== undefined) {
        if (mount.subPath !== fileName) continue;
        target = mount.mountPath;
      } else target = path.posix.join(mount.mountPath, fileName);
      const reads = mount.userReads.has(target);
      const format = reads ? { format: 'crontab-user' as const, user: undefined } : targetFormat(target, mount.cron);
      if (!format) continue;
      const cron = reads ? mount.cron : (mount.cron ?? cronOfSpoolPath(target));
      steps.push({
        installer: mount.file,
        range: mount.range,
        source: `${entry.file}#${entry.name}/${entry.key}`,
        target,
        format: format.format,
        via: reads ? 'supercronic' : 'configmap',
        user: format.user,
        cron: reads ? 'supercronic' : cron === 'busybox' ? undefined : cron,
        dialect: crontabProgramDialect(cron),
        description: `configMap ${entry.name} → ${target}`,
        inline: entry.inline,
        // Kubernetes' default file mode for a ConfigMap volume is 0644 (ConfigMapVolumeSource.defaultMode).
        mode: mount.modes?.get(entry.key) ?? mount.defaultMode ?? 0o644,
        linked: mount.subPath === undefined,
      });
    }
  }
  return steps;
}

// --- Ansible --------------------------------------------------------------------------------------------

const COPY_MODULES = new Map([
  ['copy', 'files'],
  ['ansible.builtin.copy', 'files'],
  ['ansible.legacy.copy', 'files'],
  ['template', 'templates'],
  ['ansible.builtin.template', 'templates'],
  ['ansible.legacy.template', 'templates'],
]);
const TASK_LISTS = ['tasks', 'pre_tasks', 'post_tasks', 'handlers', 'block', 'rescue', 'always'];

function ansibleTasks(host: Host, file: string, nodes: unknown[], positions: Positions, repoRoot: string, result: YamlInstalls): void {
  for (const node of nodes) {
    if (!isMap(node)) continue;
    for (const list of TASK_LISTS) {
      const tasks = get(node, list);
      if (isSeq(tasks)) ansibleTasks(host, file, tasks.items, positions, repoRoot, result);
    }
    for (const [module, folderName] of COPY_MODULES) {
      const args = get(node, module);
      if (args === undefined) continue;
      const values = moduleArguments(args, positions);
      const src = values.get('src')?.value;
      const dest = values.get('dest')?.value;
      // `dest: /etc/cron.d/{{ item.file }}`: Jinja in the file name only still says which folder, so which format.
      const templatedName = dest !== undefined && /[{}$]/.test(path.posix.basename(dest)) && !/[{}$]/.test(path.posix.dirname(dest));
      if (!src || !dest || /[{}$]/.test(src) || (/[{}$]/.test(dest) && !templatedName)) continue;
      const repo = ansibleSource(host, file, src, folderName, repoRoot);
      if (!repo) continue;
      const targetName = dest.endsWith('/') || CRON_FOLDERS.has(path.posix.normalize(dest)) ? path.posix.join(dest, path.posix.basename(repo).replace(/\.j2$/, '')) : dest;
      const format = targetFormat(targetName, undefined);
      if (!format) continue;
      const modeNode = values.get('mode');
      const mode = modeNode ? ansibleMode(modeNode) : undefined;
      // `owner: "{{ cron_user }}"` may render as anyone: not known.
      const ownerValue = values.get('owner')?.value;
      const owner = ownerValue !== undefined && /[{}$]/.test(ownerValue) ? undefined : ownerValue;
      const range = positions.of(node);
      const removal: TextEdit = { range: wholeLines(range), newText: '' };
      result.steps.push({
        installer: file,
        range: { start: range.start, end: positions.of(args).end },
        source: repo,
        target: targetName,
        format: format.format,
        via: 'ansible',
        // An Ansible host is no image: only the destination says which cron reads it (cronie's /var/spool/cron/USER).
        cron: cronOfSpoolPath(targetName),
        dialect: crontabProgramDialect(cronOfSpoolPath(targetName)),
        user: templatedName ? undefined : format.user,
        templatedName: templatedName || undefined,
        mode,
        // The `mode:` (else `owner:`) line itself, as a Dockerfile's `--chmod` points at its COPY: the task's
        // `- name:` line says little in a role where every tasks/main.yml has one (stranger report 8b, item 12).
        modeRange: modeNode ? modeNode.range : owner ? values.get('owner')?.range : undefined,
        owner,
        ownerRange: owner ? values.get('owner')?.range : undefined,
        removal,
        description: `${module}: src=${src} dest=${dest}`,
        template: folderName === 'templates' ? true : undefined,
      });
    }
  }
}

/** A module argument: its value, as written when it is a scalar, and where `key: value` is in the file. */
interface ModuleArgument {
  value: string;
  source?: string;
  range: Range;
}

function moduleArguments(args: unknown, positions: Positions): Map<string, ModuleArgument> {
  const values = new Map<string, ModuleArgument>();
  if (isMap(args)) {
    for (const pair of args.items) {
      const key = text(pair.key);
      const value = text(pair.value);
      if (key && value !== undefined) values.set(key, { value, source: isScalar(pair.value) ? (pair.value as Scalar).source : undefined, range: { start: positions.of(pair.key).start, end: positions.of(pair.value).end } });
    }
    return values;
  }
  // `copy: src=crontab dest=/etc/cron.d/app mode=0644`: one line, which is where each argument is.
  const range = positions.of(args);
  for (const match of KEY_VALUE.all(text(args) ?? '')) values.set(match.groups[1]!, { value: match.groups[2]!.replace(/^["']|["']$/g, ''), source: match.groups[2]!, range });
  return values;
}

// YAML 1.2 reads `mode: 0644` as the decimal 644; Ansible's docs warn about exactly this, and Ansible then
// applies 644 decimal (= 0o1204). Read the digits as written, as the author meant them.
function ansibleMode(node: ModuleArgument): number | undefined {
  const written = (node.source ?? node.value).replace(/^["']|["']$/g, '');
  return parseModeChange(written.replace(/^0o/, ''))?.(0o644);
}

function wholeLines(range: Range): Range {
  return { start: { line: range.start.line, character: 0 }, end: range.end.character === 0 ? range.end : { line: range.end.line + 1, character: 0 } };
}

/** Ansible's search path for `src`: the role's files/ (or templates/), the task file's folder, the playbook's. */
function ansibleSource(host: Host, file: string, src: string, folderName: string, repoRoot: string): string | undefined {
  if (src.startsWith('/')) return undefined;
  const folder = path.posix.dirname(file);
  const candidates: string[] = [];
  if (['tasks', 'handlers'].includes(path.posix.basename(folder))) {
    const role = path.posix.dirname(folder);
    candidates.push(path.posix.join(role, folderName, src), path.posix.join(role, src));
  }
  candidates.push(path.posix.join(folder, folderName, src), path.posix.join(folder, src), path.posix.join(repoRoot, folderName, src));
  return candidates.find((candidate) => host.stat(candidate)?.kind === 'file');
}

// `key=value` of Ansible's free-form arguments, as /(\w+)=("[^"]*"|'[^']*'|\S+)/g found them; on the linear
// matcher, because that pattern is quadratic on a long word without `=`.
const KEY_VALUE = new LinearRegex(String.raw`(\w+)=("[^"]*"|'[^']*'|\S+)`, { flavor: 'javascript' });
