// One system unit as systemd 252 finds it: its fragment through the name map and alias chains
// (src/basic/unit-file.c unit_file_find_fragment), whether it is masked (src/core/load-fragment.c
// unit_load_fragment), and its drop-in folders and .conf files (src/shared/dropin.c unit_file_find_dirs,
// src/basic/conf-files.c), from every search folder, by name, template, dash prefix, alias and type.
import * as posix from 'node:path/posix';
import type { Host } from '../host/host';
import { compareBytes, isHiddenOrBackupFile, parseUnitName, templateOf, type UnitName } from './unit-names';
import { indexOf, isDirectory, joinPath, type NameEntry, realPath, UnitIndex } from './unit-paths';

export interface UnitMask {
  /** The file (or link) in the search path that masks the unit. */
  path: string;
  /** A link to /dev/null (`systemctl mask`), another character device, or an empty regular file. */
  how: 'dev-null' | 'device' | 'empty-file';
  /** Under /run: `systemctl mask --runtime`, gone at reboot. */
  runtime: boolean;
}

/** Which folder name pulled a drop-in folder in (dropin.c unit_file_find_dirs). */
export type DropInVia = 'name' | 'template' | 'prefix' | 'alias' | 'type';

export interface DropInFolder {
  /** The folder as found under a search folder (`/etc/systemd/system/foo.timer.d`). */
  path: string;
  real: string;
  via: DropInVia;
  /** The unit-like name the folder is named after (`foo-.timer`, `timer`). */
  name: string;
}

export interface DropIn {
  /** Path under the search folder it was found in (`/etc/systemd/system/foo.timer.d/override.conf`). */
  path: string;
  realPath: string;
  /** File name; drop-ins apply in the byte order of these. */
  name: string;
  folder: DropInFolder;
  /** Same-named files in lower-priority folders that this one replaces. */
  replaces: string[];
  /** A link to /dev/null or an empty file: it adds nothing, but still hides same-named lower drop-ins. */
  empty: boolean;
}

export type ResolutionProblemId =
  | 'invalid-name'
  | 'not-found'
  /** The fragment is a link to nothing: systemd cannot open it and the unit fails to load. */
  | 'unreadable'
  | 'link-loop'
  /** A link of this name in the search path that systemd skips (a self-alias such as
   *  /etc/systemd/system/foo.timer → /lib/systemd/system/foo.timer, or an alias of the wrong type). */
  | 'ignored-link';

export interface UnitResolution {
  /** The name asked for. */
  name: string;
  parsed?: UnitName;
  /** The name systemd loads the unit under: the fragment's own name (an alias resolves to its target),
   *  with the instance put back for templates. Same as `name` when nothing is found. */
  id: string;
  /** The file systemd opens (for a linked unit or a mask: the link in the search path). */
  fragmentPath?: string;
  /** That file with its links resolved (for a mask: `/dev/null`). */
  fragmentRealPath?: string;
  /** The template whose file an instance uses (`foo@.timer` for `foo@bar.timer`), when it does. */
  template?: string;
  /** How the winning name entry was found. */
  via?: NameEntry['kind'];
  /** The unit's other names (alias links), each also searched for drop-ins. */
  aliases: string[];
  /** Lower-priority files of the same name that the fragment hides (`/lib/…` under an `/etc/…` copy). */
  shadowed: string[];
  masked?: UnitMask;
  /** Drop-in folders that exist, in the order systemd searches them. */
  dropInFolders: DropInFolder[];
  /** `.conf` drop-ins in the order they apply (file name order). */
  dropIns: DropIn[];
  problems: { id: ResolutionProblemId; path?: string; detail?: string }[];
}

/**
 * Finds a system unit the way the manager does when it loads it: the fragment (earliest search folder
 * wins; aliases followed; an instance falls back to its template), whether it is masked, and its drop-ins
 * (`name.d/`, the template's `.d/`, the dash-prefix folders `foo-.timer.d/`, alias names, and the
 * type-wide `timer.d/`, from every search folder; for each file name the highest-priority folder wins;
 * applied in file-name order).
 */
export function resolveUnit(source: Host | UnitIndex, name: string): UnitResolution {
  const index = indexOf(source);
  // Callers only read a resolution, so one object can answer them all.
  return index.remembered(RESOLUTION, name, () => resolveAfresh(index, name));
}

const RESOLUTION = Symbol('resolveUnit');

function resolveAfresh(index: UnitIndex, name: string): UnitResolution {
  const host = index.host;
  const parsed = parseUnitName(name);
  const resolution: UnitResolution = { name, id: name, aliases: [], shadowed: [], dropInFolders: [], dropIns: [], problems: [] };
  if (!parsed) {
    resolution.problems.push({ id: 'invalid-name' });
    return resolution;
  }
  resolution.parsed = parsed;

  // unit_file_find_fragment: the name itself, then (for an instance) the template.
  let entry = index.follow(name);
  if (!entry && parsed.kind === 'instance') {
    const template = templateOf(name) as string;
    entry = index.follow(template);
    if (entry) resolution.template = template;
  }
  if (entry) {
    resolution.via = index.entry(name)?.kind ?? entry.kind;
    resolution.fragmentPath = entry.path;
    const local = entry.kind === 'linked' ? entry.target : realPath(host, entry.path);
    resolution.fragmentRealPath = local === undefined ? undefined : realPath(host, local);
    if (resolution.fragmentRealPath === undefined) resolution.problems.push({ id: 'link-loop', path: entry.path });
    // The unit's id is the fragment's name, with this instance put back for a template.
    const fragmentName = parseUnitName(posix.basename(entry.path));
    if (fragmentName?.kind === 'template' && parsed.kind === 'instance') {
      resolution.id = `${fragmentName.prefix}@${parsed.instance}.${fragmentName.type}`;
      if (!resolution.template && fragmentName.name !== name) resolution.template = fragmentName.name;
    } else if (fragmentName) {
      resolution.id = fragmentName.name;
    }
    const mask = maskOf(host, entry.path, resolution.fragmentRealPath);
    if (mask) resolution.masked = mask;
    else if (resolution.fragmentRealPath !== undefined && host.stat(resolution.fragmentRealPath)?.kind !== 'file') {
      resolution.problems.push({ id: 'unreadable', path: entry.path, detail: 'the link points to nothing' });
    }
    resolution.shadowed = index
      .foldersWith(posix.basename(entry.path))
      .map((folder) => joinPath(folder, posix.basename(entry.path)))
      .filter((path) => path !== entry.path);
  } else {
    resolution.problems.push({ id: 'not-found' });
  }
  for (const problem of index.problems) {
    if (posix.basename(problem.path) === name) resolution.problems.push({ id: problem.id === 'link-loop' ? 'link-loop' : 'ignored-link', path: problem.path, detail: problem.detail });
  }

  resolution.aliases = [...new Set([...index.aliasesOf(name), ...(resolution.id !== name ? [resolution.id, ...index.aliasesOf(resolution.id)] : [])])]
    .filter((alias) => alias !== resolution.id)
    .sort(compareBytes);
  resolution.dropInFolders = dropInFolders(index, resolution.id, resolution.aliases, '.d');
  resolution.dropIns = confFiles(index, resolution.dropInFolders, '.conf').map(({ path, realPath: real, name: fileName, folder, replaces }) => ({
    path,
    realPath: real,
    name: fileName,
    folder,
    replaces,
    empty: maskOf(host, path, real) !== undefined,
  }));
  return resolution;
}

/** null_or_empty(): a character device (a link to /dev/null) or an empty regular file. */
function maskOf(host: Host, path: string, real: string | undefined): UnitMask | undefined {
  const runtime = path.startsWith('/run/');
  if (real === '/dev/null') return { path, how: 'dev-null', runtime };
  if (real === undefined) return undefined;
  const stat = host.stat(real);
  if (stat?.kind === 'other') return { path, how: 'device', runtime };
  if (stat?.kind === 'file' && stat.size === 0) return { path, how: 'empty-file', runtime };
  return undefined;
}

/**
 * unit_file_find_dropin_paths(): for every search folder, `name<suffix>` and what unit_file_find_dirs adds
 * for it (the template's folders for an instance, then the dash prefixes: `foo-bar-.timer`, `foo-.timer`),
 * then the same for each alias, then the type-wide `timer<suffix>` last. Folders that exist, resolved, each once.
 */
export function dropInFolders(source: Host | UnitIndex, name: string, aliases: readonly string[], suffix: '.d' | '.wants' | '.requires'): DropInFolder[] {
  const index = indexOf(source);
  const found: DropInFolder[] = [];
  const seen = new Set<string>();
  const add = (searchFolder: string, folderName: string, via: DropInVia) => {
    if (!index.hasEntry(searchFolder, folderName + suffix)) return;
    const path = joinPath(searchFolder, folderName + suffix);
    const real = realPath(index.host, path);
    if (real === undefined || !isDirectory(index.host, real) || seen.has(real)) return;
    seen.add(real);
    found.push({ path, real, name: folderName, via });
  };
  const findDirs = (searchFolder: string, unitName: string, via: DropInVia) => {
    add(searchFolder, unitName, via);
    const parsed = parseUnitName(unitName);
    if (!parsed) return;
    if (parsed.kind === 'instance') findDirs(searchFolder, templateOf(unitName) as string, via === 'name' ? 'template' : via);
    const prefix = dashPrefix(parsed.prefix);
    if (prefix === undefined) return;
    const built = parsed.kind === 'instance' ? `${prefix}@${parsed.instance}.${parsed.type}` : `${prefix}.${parsed.type}`;
    findDirs(searchFolder, built, via === 'alias' ? 'alias' : 'prefix');
  };
  const parsed = parseUnitName(name);
  for (const folder of index.searchPath) findDirs(folder, name, 'name');
  for (const alias of aliases) for (const folder of index.searchPath) findDirs(folder, alias, 'alias');
  if (parsed) for (const folder of index.searchPath) add(folder, parsed.type, 'type');
  return found;
}

/**
 * The next shorter dash prefix, keeping its trailing dash: `foo-bar-baz` → `foo-bar-`, `foo-bar-` →
 * `foo-`, `foo-` → undefined (dropin.c: a trailing dash is chopped once before looking again).
 */
function dashPrefix(prefix: string): string | undefined {
  let text = prefix;
  let chopped = false;
  for (;;) {
    const dash = text.lastIndexOf('-');
    if (dash <= 0) return undefined;
    if (dash + 1 < text.length || chopped) {
      const result = text.slice(0, dash + 1);
      return /^[0-9A-Za-z:\-_.\\]+$/.test(result) ? result : undefined;
    }
    text = text.slice(0, dash);
    chopped = true;
  }
}

interface ConfFile {
  path: string;
  realPath: string;
  name: string;
  folder: DropInFolder;
  replaces: string[];
}

/** conf_files_list_strv(): per file name the first folder wins; the result sorted by file name. */
export function confFiles(source: Host | UnitIndex, folders: readonly DropInFolder[], suffix: string | undefined): ConfFile[] {
  const index = indexOf(source);
  const files = new Map<string, ConfFile>();
  for (const folder of folders) {
    for (const name of index.list(folder.real)) {
      if (isHiddenOrBackupFile(name) || (suffix !== undefined && !name.endsWith(suffix))) continue;
      const path = joinPath(folder.path, name);
      const existing = files.get(name);
      if (existing) {
        existing.replaces.push(path);
        continue;
      }
      files.set(name, { path, realPath: realPath(index.host, joinPath(folder.real, name)) ?? joinPath(folder.real, name), name, folder, replaces: [] });
    }
  }
  return [...files.values()].sort((left, right) => compareBytes(left.name, right.name));
}
