// Where systemd 252 finds a system unit and what it reads for it: the unit search path
// (src/basic/path-lookup.c lookup_paths_init), the name → file map (src/basic/unit-file.c
// unit_file_build_name_map, unit_file_find_fragment), drop-in folders (src/shared/dropin.c
// unit_file_find_dirs, src/basic/conf-files.c) and masks (src/core/load-fragment.c unit_load_fragment).
// Every read goes through the Host, and links are followed by hand inside it, so a fake root behaves like
// the machine it was taken from (absolute link targets stay inside the root; /lib → usr/lib works).
import * as posix from 'node:path/posix';
import type { Host } from '../host/host';
import { type DirectiveInfo, lookupDirective, sectionsForUnitType } from './directives';
import { parseUnitFile, type UnitDirective, type UnitFileDocument, type UnitFileProblem } from './unit-file';

/**
 * The system unit search path, highest priority first, as `systemd-analyze unit-paths` prints it on
 * Debian 12 (systemd 252 built with split-usr, so /lib/systemd/system comes before /usr/lib/systemd/system;
 * on merged-/usr hosts both are one folder). path-lookup.c lookup_paths_init, LOOKUP_SCOPE_SYSTEM.
 */
export const SYSTEM_UNIT_PATH: readonly string[] = [
  '/etc/systemd/system.control',
  '/run/systemd/system.control',
  '/run/systemd/transient',
  '/run/systemd/generator.early',
  '/etc/systemd/system',
  '/etc/systemd/system.attached',
  '/run/systemd/system',
  '/run/systemd/system.attached',
  '/run/systemd/generator',
  '/usr/local/lib/systemd/system',
  '/lib/systemd/system',
  '/usr/lib/systemd/system',
  '/run/systemd/generator.late',
];

export const UNIT_TYPES = ['service', 'mount', 'swap', 'socket', 'target', 'device', 'automount', 'timer', 'path', 'slice', 'scope'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

// unit-name.c: UNIT_NAME_MAX, VALID_CHARS (digits, letters, ":-_.\").
const UNIT_NAME_MAX = 256;
const VALID_CHARACTER = /^[0-9A-Za-z:\-_.\\]$/;
// unit-file.c FOLLOW_MAX: alias chains longer than this are not followed.
const FOLLOW_MAX = 8;
const MAX_LINK_HOPS = 40;

export interface UnitName {
  name: string;
  /** The part before `@` (or before the type suffix). */
  prefix: string;
  /** `bar` in `foo@bar.timer`; empty for a template `foo@.timer`; undefined for a plain name. */
  instance?: string;
  kind: 'plain' | 'template' | 'instance';
  type: UnitType;
}

/** unit_name_is_valid(): `prefix[@[instance]].type`, at most 255 characters. */
export function parseUnitName(name: string): UnitName | undefined {
  if (name.length === 0 || name.length >= UNIT_NAME_MAX) return undefined;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const type = name.slice(dot + 1) as UnitType;
  if (!UNIT_TYPES.includes(type)) return undefined;
  let at = -1;
  for (let index = 0; index < dot; index++) {
    const character = name[index];
    if (character === '@') {
      if (at < 0) at = index;
      continue;
    }
    if (!VALID_CHARACTER.test(character)) return undefined;
  }
  if (at === 0) return undefined;
  if (at < 0) return { name, prefix: name.slice(0, dot), kind: 'plain', type };
  const instance = name.slice(at + 1, dot);
  return { name, prefix: name.slice(0, at), instance, kind: instance === '' ? 'template' : 'instance', type };
}

/** `foo@bar.timer` → `foo@.timer`; undefined for anything that is not an instance. */
export function templateOf(name: string): string | undefined {
  const parsed = parseUnitName(name);
  if (!parsed || parsed.kind !== 'instance') return undefined;
  return `${parsed.prefix}@.${parsed.type}`;
}

/** hidden_or_backup_file() (path-util.c): names conf-files and `.wants/` scans skip. */
export function isHiddenOrBackupFile(name: string): boolean {
  if (name.startsWith('.') || name === 'lost+found' || name === 'aquota.user' || name === 'aquota.group' || name.endsWith('~')) return true;
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  return BACKUP_SUFFIXES.has(name.slice(dot + 1));
}
const BACKUP_SUFFIXES = new Set([
  'rpmnew', 'rpmsave', 'rpmorig', 'dpkg-old', 'dpkg-new', 'dpkg-tmp', 'dpkg-dist', 'dpkg-bak', 'dpkg-backup', 'dpkg-remove',
  'ucf-new', 'ucf-old', 'ucf-dist', 'swp', 'bak', 'old', 'new',
]);

/**
 * The path with every link resolved inside the host (like chase_symlinks() under a root): absolute targets
 * start again at the host's `/`, relative ones at the link's folder; components that do not exist are kept
 * as they are. Undefined when links loop.
 */
export function realPath(host: Host, path: string): string | undefined {
  const parts = posix.normalize('/' + path).split('/').filter(Boolean);
  let current = '';
  let hops = 0;
  while (parts.length > 0) {
    const part = parts.shift() as string;
    if (part === '.') continue;
    if (part === '..') {
      current = posix.dirname(current || '/') === '/' ? '' : posix.dirname(current);
      continue;
    }
    const candidate = `${current}/${part}`;
    const target = host.lstat(candidate)?.kind === 'symlink' ? host.readLink(candidate) : undefined;
    if (target === undefined) {
      current = candidate;
      continue;
    }
    if (++hops > MAX_LINK_HOPS) return undefined;
    if (target.startsWith('/')) current = '';
    parts.unshift(...target.split('/').filter(Boolean));
  }
  return current || '/';
}

/** Sorts as strcmp() does (bytes, not UTF-16 units), the order conf-files.c applies drop-ins in. */
export function compareBytes(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

function isDirectory(host: Host, path: string): boolean {
  return host.stat(path)?.kind === 'directory';
}

/** How a name in the search path resolves (one entry of unit_file_build_name_map's `ids` map). */
export type NameEntry =
  /** A regular file: the unit file itself. */
  | { kind: 'file'; name: string; directory: string; path: string }
  /** A link leaving the search path (`systemctl link`, or a mask to /dev/null): loaded through the link. */
  | { kind: 'linked'; name: string; directory: string; path: string; target: string }
  /** A link to another unit file inside the search path: this name is another name of that unit. */
  | { kind: 'alias'; name: string; directory: string; path: string; target: string };

export interface NameMapProblem {
  path: string;
  id: 'bad-alias' | 'link-loop';
  detail: string;
}

/**
 * The search path of one host, read once: which file each unit name maps to (the earliest folder wins),
 * and the listings the drop-in and `.wants/` scans need. Build one per lint run and pass it to
 * resolveUnit() / mergedUnit() / unitEnablement() instead of a Host so folders are listed once.
 */
export class UnitIndex {
  readonly searchPath: readonly string[];
  /** Search folders with their real paths (undefined for a folder whose links loop). */
  readonly folders: readonly { path: string; real: string | undefined }[];
  readonly problems: NameMapProblem[] = [];
  private readonly ids = new Map<string, NameEntry>();
  /** Every folder that has a file or link of this name, highest priority first, one per real file. */
  private readonly occurrences = new Map<string, string[]>();
  private readonly expandedSearchPath: string[];
  private readonly listings = new Map<string, string[]>();
  private readonly entrySets = new Map<string, Set<string>>();
  private byTarget: Map<NameEntry, string[]> | undefined;

  constructor(readonly host: Host, searchPath: readonly string[] = SYSTEM_UNIT_PATH) {
    this.searchPath = searchPath;
    this.folders = searchPath.map((path) => ({ path, real: realPath(host, path) }));
    // unit_file_build_name_map: both the folders as written and their real paths count as "inside the
    // search path", so a link from /etc into /lib/systemd/system is an alias even when /lib → usr/lib.
    this.expandedSearchPath = [];
    for (const folder of this.folders) {
      for (const candidate of [folder.path, folder.real]) {
        if (candidate !== undefined && !this.expandedSearchPath.includes(candidate)) this.expandedSearchPath.push(candidate);
      }
    }
    this.buildNameMap();
  }

  /** Entries of a folder (by its path inside the host), cached. */
  list(path: string): string[] {
    const real = realPath(this.host, path);
    if (real === undefined) return [];
    let listing = this.listings.get(real);
    if (!listing) {
      listing = isDirectory(this.host, real) ? this.host.list(real) : [];
      this.listings.set(real, listing);
    }
    return listing;
  }

  /**
   * Whether a folder (by its path as written) has an entry of this name: the drop-in search asks this for
   * ~10 candidate names per unit in every search folder, and almost all are absent, so one listing per folder
   * answers them instead of a realPath walk (an lstat per component) each.
   */
  hasEntry(folder: string, name: string): boolean {
    let names = this.entrySets.get(folder);
    if (!names) this.entrySets.set(folder, (names = new Set(this.list(folder))));
    return names.has(name);
  }

  /** The map entry for a name, if some search folder has a file or link with that name. */
  entry(name: string): NameEntry | undefined {
    return this.ids.get(name);
  }

  /** Every unit name with a file or link in the search path, each once, sorted. */
  unitNames(type?: UnitType): string[] {
    return [...this.ids.keys()].filter((name) => type === undefined || parseUnitName(name)?.type === type).sort(compareBytes);
  }

  /** The folders that have an entry of this name, highest priority first (the first one wins). */
  foldersWith(name: string): string[] {
    return this.occurrences.get(name) ?? [];
  }

  /**
   * unit_ids_map_get(): follows aliases to the entry whose file is loaded; an alias to an instance falls
   * back to its template. Undefined when the name is unknown or the chain is broken or too long.
   */
  follow(name: string): NameEntry | undefined {
    let id: string | undefined;
    for (let hop = 0; hop < FOLLOW_MAX; hop++) {
      let entry = this.ids.get(id ?? name);
      if (!entry) {
        if (id === undefined) return undefined;
        const template = templateOf(id);
        entry = template === undefined ? undefined : this.ids.get(template);
        if (!entry) return undefined;
      }
      if (entry.kind !== 'alias') return entry;
      id = entry.target;
    }
    return undefined;
  }

  /**
   * Every name by the entry its alias chain ends at, built once: asking each unit's aliases by walking every
   * name made a host scan quadratic in units (1,000 timers and their services: 4 million walks).
   */
  private namesByTarget(): Map<NameEntry, string[]> {
    if (this.byTarget) return this.byTarget;
    const byTarget = new Map<NameEntry, string[]>();
    for (const candidate of this.ids.keys()) {
      const target = this.follow(candidate);
      if (!target) continue;
      const list = byTarget.get(target);
      if (list) list.push(candidate);
      else byTarget.set(target, [candidate]);
    }
    return (this.byTarget = byTarget);
  }

  /** Names whose alias chain ends at the same file as `name` (the unit's other names), without `name`. */
  aliasesOf(name: string): string[] {
    const parsed = parseUnitName(name);
    const target = this.follow(name) ?? (parsed?.kind === 'instance' ? this.follow(templateOf(name) as string) : undefined);
    if (!target) return [];
    const names = new Set<string>();
    for (const candidate of this.namesByTarget().get(target) ?? []) {
      const other = parseUnitName(candidate);
      if (!other) continue;
      // An alias template (foo-alias@.timer → foo@.timer) names each instance: foo-alias@bar.timer.
      if (parsed?.kind === 'instance' && other.kind === 'template') names.add(`${other.prefix}@${parsed.instance}.${other.type}`);
      else if (parsed?.kind === other.kind) names.add(candidate);
    }
    names.delete(name);
    return [...names].sort(compareBytes);
  }

  private buildNameMap(): void {
    const seenReal = new Map<string, Set<string>>();
    for (const folder of this.folders) {
      if (folder.real === undefined) continue;
      for (const name of this.list(folder.path)) {
        if (!parseUnitName(name)) continue;
        const local = `${folder.real}/${name}`;
        const stat = this.host.lstat(local);
        if (!stat || (stat.kind !== 'file' && stat.kind !== 'symlink')) continue;
        const path = joinPath(folder.path, name);
        // The same file seen again through another folder (/lib and /usr/lib on merged-/usr hosts) is one unit.
        const real = realPath(this.host, local) ?? local;
        const reals = seenReal.get(name) ?? new Set<string>();
        if (!reals.has(real)) {
          reals.add(real);
          seenReal.set(name, reals);
          this.occurrences.set(name, [...(this.occurrences.get(name) ?? []), folder.path]);
        }
        if (this.ids.has(name)) continue;
        if (stat.kind === 'file') {
          this.ids.set(name, { kind: 'file', name, directory: folder.path, path });
          continue;
        }
        const entry = this.resolveLink(folder, name, path);
        if (entry) this.ids.set(name, entry);
      }
    }
  }

  /** unit_file_resolve_symlink(): an alias when the target stays inside the search path, else a linked file. */
  private resolveLink(folder: { path: string; real: string | undefined }, name: string, path: string): NameEntry | undefined {
    const link = this.host.readLink(`${folder.real}/${name}`);
    if (link === undefined) return undefined;
    const joined = link.startsWith('/') ? link : posix.join(folder.path, link);
    // CHASE_NOFOLLOW: the folders on the way are resolved, the last component is not.
    const parent = realPath(this.host, posix.dirname(posix.normalize(joined)));
    if (parent === undefined) {
      this.problems.push({ path, id: 'link-loop', detail: link });
      return undefined;
    }
    const simplified = joinPath(parent, posix.basename(joined));
    const inside = this.expandedSearchPath.some((folderPath) => simplified.startsWith(folderPath.endsWith('/') ? folderPath : folderPath + '/'));
    if (!inside) return { kind: 'linked', name, directory: folder.path, path, target: simplified };
    const target = posix.basename(simplified);
    const problem = aliasProblem(name, target);
    if (problem) {
      this.problems.push({ path, id: 'bad-alias', detail: problem });
      return undefined;
    }
    return { kind: 'alias', name, directory: folder.path, path, target };
  }
}

/** unit_validate_alias_symlink_or_warn(); undefined when the alias is acceptable. */
function aliasProblem(source: string, target: string): string | undefined {
  const from = parseUnitName(source);
  if (!from) return `not a valid unit name "${source}"`;
  if (!['service', 'socket', 'target', 'device', 'timer', 'path'].includes(from.type)) return 'symlinks are not allowed for units of this type';
  if (from.kind !== 'plain' && !['service', 'socket', 'target', 'timer', 'path'].includes(from.type)) return `templates not allowed for ${from.type} units`;
  if (source === target) return `unit self-alias: ${source} → ${target}`;
  const to = parseUnitName(target);
  if (!to) return `points to "${target}" which is not a valid unit name`;
  if (!(to.kind === from.kind || (from.kind === 'instance' && to.kind === 'template'))) return `symlink target name type "${target}" does not match source`;
  if (to.kind === 'instance' && to.instance !== from.instance) return `unit symlink target "${target}" instance name doesn't match`;
  if (to.type !== from.type) return `symlink target "${target}" has incompatible suffix`;
  return undefined;
}

function joinPath(directory: string, name: string): string {
  return directory.endsWith('/') ? directory + name : `${directory}/${name}`;
}

const UNIT_INDEX = Symbol('UnitIndex');

/** The host's unit index, built once per HostFacts (every timer of a host scan shares it). */
export function unitIndexOf(facts: { derived<T>(key: symbol, build: (host: Host) => T): T }): UnitIndex {
  return facts.derived(UNIT_INDEX, (host) => new UnitIndex(host));
}

function indexOf(source: Host | UnitIndex): UnitIndex {
  return source instanceof UnitIndex ? source : new UnitIndex(source);
}

// ---- One unit ------------------------------------------------------------------------------------------

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

// ---- The unit as the manager sees it after reading all its files ----------------------------------------

export interface UnitSourceFile {
  /** Path as found in the search path (`/lib/systemd/system/certbot.timer`). */
  path: string;
  realPath: string;
  kind: 'fragment' | 'drop-in';
  /** For drop-ins: which folder name brought it in. */
  via?: DropInVia;
  document: UnitFileDocument;
}

export interface MergedAssignment {
  file: UnitSourceFile;
  section: string;
  directive: UnitDirective;
}

export interface MergedDirective {
  section: string;
  key: string;
  info: DirectiveInfo;
  /**
   * The assignments in effect, in the order systemd applied them: for a list (`OnCalendar=`, `ExecStart=`)
   * every one since the last empty assignment that reset it; for a single value the last one.
   */
  values: MergedAssignment[];
  /** The empty assignment that last emptied the list (for `On…=` it may be another `On…=` key). */
  reset?: MergedAssignment;
  /** Assignments that no longer count: replaced by a later one, or emptied by a reset. */
  superseded: MergedAssignment[];
}

export type IgnoredReason =
  /** Before the first section header. */
  | 'outside-section'
  /** In a section this unit type does not have (also `X-` sections). */
  | 'unknown-section'
  /** A key the section does not have (or an `X-` key). */
  | 'unknown-key'
  /** A key systemd no longer reads (removed, compiled out). */
  | 'not-read'
  /** An empty value a single-value key refuses ("Failed to parse …, ignoring"); the earlier value stays. */
  | 'empty-refused'
  /** An empty value that does nothing (`Wants=`: dependencies cannot be reset). */
  | 'empty-no-effect'
  /** After a line that made systemd stop reading the file. */
  | 'after-fatal-error'
  /** [Install] in a drop-in systemctl does not read (it reads only `name.d/` and the template's `.d/`). */
  | 'install-not-read';

export interface MergedUnit {
  name: string;
  resolution: UnitResolution;
  /** The files read, in the order systemd reads them: the fragment, then the drop-ins. */
  files: UnitSourceFile[];
  /** Every known key that was assigned, in the order each was first assigned. */
  directives: MergedDirective[];
  ignored: { assignment: MergedAssignment; reason: IgnoredReason }[];
  /** The fragment has a line systemd cannot read (`[Timer` without `]`): the unit fails to load. */
  loadError?: { file: UnitSourceFile; problem: UnitFileProblem };
  masked?: UnitMask;
}

/**
 * The unit's effective settings after the fragment and its drop-ins, applied in systemd's order, keeping
 * for every value the file and position it came from. Lists grow with each assignment and an empty
 * assignment empties them (for timers an empty `On…=` empties every trigger, monotonic ones too:
 * load-fragment.c config_parse_timer → timer_free_values); single values are replaced by later ones, except
 * that an empty value which the key's parser refuses leaves the earlier one. Values are not checked here
 * (a bad `Persistent=maybe` still counts): that is the rules' job. A masked unit has no files and no settings.
 */
export function mergedUnit(source: Host | UnitIndex, name: string): MergedUnit {
  const index = indexOf(source);
  const resolution = resolveUnit(index, name);
  const merged: MergedUnit = { name, resolution, files: [], directives: [], ignored: [] };
  if (resolution.masked) {
    merged.masked = resolution.masked;
    return merged;
  }
  const type = resolution.parsed?.type;
  const sections = type ? sectionsForUnitType(type) : undefined;
  if (resolution.fragmentPath && resolution.fragmentRealPath) {
    const text = index.host.readText(resolution.fragmentRealPath);
    if (text.ok) {
      merged.files.push({ path: resolution.fragmentPath, realPath: resolution.fragmentRealPath, kind: 'fragment', document: parseUnitFile(text.text, { sections }) });
    }
  }
  for (const dropIn of resolution.dropIns) {
    // config_parse() on a missing or unreadable drop-in logs and goes on with the next one.
    const text = index.host.readText(dropIn.realPath);
    if (!text.ok) continue;
    merged.files.push({ path: dropIn.path, realPath: dropIn.realPath, kind: 'drop-in', via: dropIn.folder.via, document: parseUnitFile(text.text, { sections }) });
  }

  const byKey = new Map<string, MergedDirective>();
  for (const file of merged.files) {
    if (file.kind === 'fragment' && file.document.fatal) merged.loadError = { file, problem: file.document.fatal };
    for (const directive of file.document.directives) {
      const assignment: MergedAssignment = { file, section: directive.section ?? '', directive };
      const reason = ignoredReason(file, directive);
      if (reason) {
        merged.ignored.push({ assignment, reason });
        continue;
      }
      const info = lookupDirective(assignment.section, directive.key) as DirectiveInfo;
      const mapKey = `${assignment.section}.${directive.key}`;
      let entry = byKey.get(mapKey);
      const ensure = () => {
        if (!entry) {
          entry = { section: assignment.section, key: directive.key, info, values: [], superseded: [] };
          byKey.set(mapKey, entry);
          merged.directives.push(entry);
        }
        return entry;
      };
      if (directive.value === '') {
        if (info.empty === 'invalid') {
          merged.ignored.push({ assignment, reason: 'empty-refused' });
        } else if (info.empty === 'no-op') {
          merged.ignored.push({ assignment, reason: 'empty-no-effect' });
        } else if (info.list === true && info.empty === 'reset') {
          const group = info.resetGroup;
          for (const other of merged.directives) {
            const sameList = other === entry || (group !== undefined && other.section === assignment.section && other.info.resetGroup === group);
            if (!sameList) continue;
            other.superseded.push(...other.values);
            other.values = [];
            other.reset = assignment;
          }
          ensure().reset = assignment;
        } else {
          // 'default' (and keys whose handling is unknown): the empty value is the setting now.
          const target = ensure();
          target.superseded.push(...target.values);
          target.values = [assignment];
        }
        continue;
      }
      const target = ensure();
      if (info.list !== true) {
        target.superseded.push(...target.values);
        target.values = [];
      }
      target.values.push(assignment);
    }
  }
  return merged;
}

function ignoredReason(file: UnitSourceFile, directive: UnitDirective): IgnoredReason | undefined {
  if (directive.afterFatal) return 'after-fatal-error';
  if (directive.section === undefined) return 'outside-section';
  if (directive.ignored) return 'unknown-section';
  const info = lookupDirective(directive.section, directive.key);
  if (!info) return 'unknown-key';
  if (info.parser === null && info.handledBy !== 'systemctl') return 'not-read';
  if (['removed', 'disabled', 'experimental', 'ignored'].includes(info.status)) return 'not-read';
  if (info.handledBy === 'systemctl' && file.kind === 'drop-in' && file.via !== 'name' && file.via !== 'template') return 'install-not-read';
  return undefined;
}

/** The assignments in effect for `section`/`key` (empty when none). */
export function effectiveValues(merged: MergedUnit, section: string, key: string): MergedAssignment[] {
  return merged.directives.find((entry) => entry.section === section && entry.key === key)?.values ?? [];
}

/** The last assignment in effect for `section`/`key`. */
export function effectiveValue(merged: MergedUnit, section: string, key: string): MergedAssignment | undefined {
  const values = effectiveValues(merged, section, key);
  return values[values.length - 1];
}
