// Install steps of a Dockerfile/Containerfile: COPY/ADD into cron's folders (relative to WORKDIR, from the
// build context or another stage with --from, --chmod/--chown), RUN lines (cp/install/mv, chmod/chown,
// `crontab FILE`, `… | crontab -`), CMD/ENTRYPOINT running supercronic or go-crond, and the base image's cron.
import * as path from 'node:path';
import type { Host } from '../host/host';
import type { TextEdit } from '../types';
import { crontabProgramDialect, cronOfTarget, type CronProgram, type InstallStep } from './model';
import { cronOfSpoolPath, ImageFiles, targetFormat } from './image';
import { jsonForm, parseDockerfile, type Instruction } from './dockerfile-parse';
import { applyShell, type ShellContext } from './shell-steps';
import { parseModeChange, type TextMap } from './shell';
import { isGlob, matchName } from '../util/glob';
import { trimEndOf } from '../util/trim';
import { LinearRegex } from '../util/linear-regex';

/** Dockerfile, Containerfile, Dockerfile.prod, app.dockerfile, Containerfile.dev. */
export function isDockerfileName(name: string): boolean {
  return /^(Dockerfile|Containerfile)([.-].*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

/**
 * The cron an image runs, from its base image name: Debian and Ubuntu (and the official language images,
 * which are Debian-based unless tagged alpine) run Debian's cron; RHEL and its relatives cronie; Alpine
 * busybox crond.
 */
export function cronOfImage(image: string): CronProgram | undefined {
  const lower = image.toLowerCase().replace(/^(docker\.io\/|registry\.hub\.docker\.com\/)?(library\/)?/, '');
  const [name, tag = ''] = lower.split('@')[0].split(':');
  const base = name.split('/').pop() ?? name;
  if (base.includes('alpine') || tag.includes('alpine')) return 'busybox';
  if (/^(rockylinux|almalinux|centos|fedora|amazonlinux|oraclelinux|ubi\d*(-minimal|-micro|-init)?)$/.test(base) || /^redhat\/ubi/.test(name) || /(^|\/)(rhel|ubi)\d*/.test(name)) return 'cronie';
  if (/^(debian|ubuntu|buildpack-deps|python|node|php|ruby|golang|perl|nginx|httpd|postgres|redis|wordpress|openjdk|rust|bitnami\/minideb)$/.test(base) || name === 'bitnami/minideb') return 'debian';
  return undefined;
}

interface Stage {
  name?: string;
  image: ImageFiles;
  cron?: CronProgram;
  workdir: string;
  user: string;
}

export interface DockerfileInstalls {
  steps: InstallStep[];
  /** The final stage's files, for scripts that run inside the image. */
  image: ImageFiles;
  cron?: CronProgram;
  userReads: Set<string>;
}

export function dockerfileInstalls(host: Host, file: string, text: string, repoRoot: string): DockerfileInstalls {
  const instructions = parseDockerfile(text);
  const stages: Stage[] = [];
  const steps: InstallStep[] = [];
  const userReads = new Set<string>();
  const context = path.posix.dirname(file);
  let stage: Stage = { image: new ImageFiles(host), workdir: '/', user: 'root' };
  const wholeRemoval = (instruction: Instruction): TextEdit => ({ range: instruction.lineRange, newText: '' });

  const finishStage = () => {
    for (const [target, placed] of stage.image.files) {
      const format = targetFormat(target, stage.cron);
      if (!format) continue;
      // The base image's cron, else the one whose spool the target is (cronie's /var/spool/cron/USER).
      const cron = stage.cron ?? cronOfSpoolPath(target);
      steps.push({
        installer: placed.installer,
        range: placed.range,
        source: placed.repo,
        target,
        format: format.format,
        via: 'copy',
        user: format.user,
        cron: cronOfTarget(target, cron),
        dialect: crontabProgramDialect(cron),
        mode: placed.mode,
        modeRange: placed.modeRange,
        owner: placed.owner,
        removal: placed.removal,
        description: placed.description,
      });
    }
  };

  for (const instruction of instructions) {
    const { keyword, args } = instruction;
    if (keyword === 'FROM') {
      if (stages.length > 0 || stage.image.files.size > 0) finishStage();
      const words = args.trim().split(/\s+/).filter((word) => !word.startsWith('--'));
      const parent = stages.find((candidate) => candidate.name === words[0]?.toLowerCase());
      stage = { name: words[1]?.toLowerCase() === 'as' ? words[2]?.toLowerCase() : undefined, image: new ImageFiles(host), workdir: parent?.workdir ?? '/', user: parent?.user ?? 'root', cron: parent ? parent.cron : cronOfImage(words[0] ?? '') };
      if (parent) stage.image.copyFrom(parent.image);
      stages.push(stage);
      continue;
    }
    if (keyword === 'WORKDIR') {
      const folder = args.trim();
      if (!/[$]/.test(folder)) stage.workdir = path.posix.resolve(stage.workdir, folder);
      continue;
    }
    if (keyword === 'USER') {
      const user = args.trim().split(':')[0];
      if (user && !user.includes('$')) stage.user = user;
      continue;
    }
    if (keyword === 'COPY' || keyword === 'ADD') {
      copyInstruction(instruction, file, context, repoRoot, stage, stages, host, wholeRemoval(instruction));
      continue;
    }
    if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      if (keyword === 'RUN' && /\b(cronie)\b/.test(args) && /\b(apk|dnf|yum|microdnf)\b/.test(args)) stage.cron = 'cronie';
      // Alpine's dcron package: its crond, not busybox's, then reads /etc/crontabs (and CMD `crond` is it).
      if (keyword === 'RUN' && /\bapk\b/.test(args) && /(?<![\w.-])dcron(?![\w.-])/.test(args)) stage.cron = 'dcron';
      if (keyword === 'RUN' && /\bapt(-get)?\b.*\binstall\b.*\bcron\b/.test(args) && stage.cron === undefined) stage.cron = 'debian';
      const shell: ShellContext = { installer: file, image: stage.image, user: stage.user, cron: stage.cron, steps, userReads };
      const json = jsonForm(args);
      if (json) {
        execForm(json, instruction.map, stage.workdir, shell, wholeRemoval(instruction));
      } else if (instruction.heredocs.length > 0 && /^\s*(\[[^\]]*\]\s*)?<</.test(withoutFlags(args))) {
        for (const heredoc of instruction.heredocs) applyShell(heredoc.body, heredoc.map, stage.workdir, shell);
      } else {
        applyShell(args, instruction.map, stage.workdir, shell, wholeRemoval(instruction));
      }
    }
  }
  finishStage();
  return { steps, image: stage.image, cron: stage.cron, userReads };
}

// ["crontab", "/etc/cron.d/x"] or ["sh", "-c", "crontab /x && cron -f"].
function execForm(items: { text: string; start: number; end: number }[], map: TextMap, cwd: string, shell: ShellContext, whole: TextEdit): void {
  if (items.length === 0) return;
  if (items.length >= 3 && /(^|\/)(ba|da|a)?sh$/.test(items[0].text) && items[1].text === '-c') {
    const script = items[2];
    applyShell(script.text, { position: (offset) => map.position(Math.min(script.end - 1, script.start + 1 + offset)) }, cwd, shell, whole);
    return;
  }
  // The shell reader, given a text whose words are the items, each single-quoted; offsets map back to them.
  let text = '';
  const offsets: number[] = [];
  for (const item of items) {
    if (text.length > 0) {
      text += ' ';
      offsets.push(item.start);
    }
    const value = item.text.replace(/'/g, '');
    text += "'";
    offsets.push(item.start);
    for (let k = 0; k < value.length; k++) {
      text += value[k];
      offsets.push(Math.min(item.end - 1, item.start + 1 + k));
    }
    text += "'";
    offsets.push(item.end - 1);
  }
  offsets.push(items[items.length - 1].end);
  applyShell(text, { position: (at) => map.position(offsets[Math.max(0, Math.min(at, offsets.length - 1))]) }, cwd, shell, whole);
}

function copyInstruction(instruction: Instruction, file: string, context: string, repoRoot: string, stage: Stage, stages: Stage[], host: Host, whole: TextEdit): void {
  const json = jsonForm(instruction.args.replace(/^\s*(--\S+\s+)*/, (flags) => ' '.repeat(flags.length)));
  let words: string[];
  const flags: Record<string, string> = {};
  const flagText = instruction.args.match(/^\s*((?:--\S+\s+)*)/)?.[1] ?? '';
  for (const match of flagText.matchAll(/--([a-z-]+)(?:=(\S+))?/g)) flags[match[1]] = match[2] ?? '';
  if (json) words = json.map((item) => item.text);
  else words = instruction.args.slice(flagText.length).trim().split(/\s+/).filter(Boolean);
  if (words.some((word) => word.startsWith('<<'))) return;
  if (words.length < 2 || words.some((word) => word.includes('$'))) return;
  const target = path.posix.resolve(stage.workdir, words[words.length - 1]);
  const sources = words.slice(0, -1);
  const targetIsFolder = sources.length > 1 || words[words.length - 1].endsWith('/');
  const mode = flags.chmod !== undefined ? parseModeChange(flags.chmod)?.(0o644) : undefined;
  const owner = flags.chown !== undefined ? normalizeOwner(flags.chown) : undefined;
  const firstLine = instruction.args.length > 0 ? `${instruction.keyword} ${instruction.args.trim()}` : instruction.keyword;
  const description = firstLine.length > 80 ? firstLine.slice(0, 77) + '…' : firstLine;
  const placed = { installer: file, range: instruction.range, description, removal: sources.length === 1 ? whole : undefined, mode, modeRange: mode !== undefined || owner !== undefined ? instruction.range : undefined, owner };
  if (flags.from !== undefined) {
    const from = stages.find((candidate) => candidate.name === flags.from.toLowerCase());
    if (!from) return;
    for (const source of sources) {
      const found = from.image.resolve(path.posix.resolve(from.workdir, source));
      if (found) stage.image.place(found.repo, target, targetIsFolder, placed);
    }
    return;
  }
  for (const source of sources) {
    if (/^https?:\/\//.test(source)) continue;
    for (const repoFile of contextFiles(host, context, repoRoot, source)) stage.image.place(repoFile, target, targetIsFolder, placed);
  }
}

// Docker's --chown takes USER[:GROUP], names or ids; 0 is root.
function normalizeOwner(value: string): string {
  const user = value.split(':')[0];
  return user === '0' ? 'root' : user;
}

/**
 * The build context is not written in the Dockerfile (`docker build -f docker/Dockerfile .` is common), so a
 * source is looked up beside the Dockerfile first, then in each folder above it up to the repository root.
 */
function contextFiles(host: Host, dockerfileFolder: string, repoRoot: string, source: string): string[] {
  const relative = trimEndOf(source.replace(/^\.\//, ''), '/') || '.';
  for (let folder = dockerfileFolder; ; folder = path.posix.dirname(folder)) {
    if (isGlob(relative)) {
      // Docker matches COPY sources with Go's filepath.Match; util/glob.ts says where we follow the shell.
      const directory = path.posix.join(folder, path.posix.dirname(relative));
      const pattern = path.posix.basename(relative);
      const matches = host.list(directory).filter((name) => matchName(pattern, name)).map((name) => path.posix.join(directory, name));
      if (matches.length > 0) return matches;
    } else {
      const candidate = path.posix.join(folder, relative);
      if (host.stat(candidate) !== undefined) return [candidate];
    }
    if (folder === repoRoot || !folder.startsWith(repoRoot) || folder === '/') return [];
  }
}

// `--flag=value ` options before a heredoc, as /--\S+\s+/g found them; on the linear matcher, because that
// pattern is quadratic on a long `------…` without a space.
const FLAG = new LinearRegex(String.raw`--\S+\s+`, { flavor: 'javascript' });

function withoutFlags(args: string): string {
  let result = '';
  let from = 0;
  for (const match of FLAG.all(args)) {
    const [start, end] = match.indices[0]!;
    result += args.slice(from, start);
    from = end;
  }
  return result + args.slice(from);
}
