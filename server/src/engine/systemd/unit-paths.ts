// Where systemd 252 finds a system unit and what it reads for it: the unit search path
// (src/basic/path-lookup.c lookup_paths_init), the name → file map (src/basic/unit-file.c
// unit_file_build_name_map, unit_file_find_fragment), drop-in folders (src/shared/dropin.c
// unit_file_find_dirs, src/basic/conf-files.c) and masks (src/core/load-fragment.c unit_load_fragment).
// Every read goes through the Host, and links are followed by hand inside it, so a fake root behaves like
// the machine it was taken from (absolute link targets stay inside the root; /lib → usr/lib works).
//
// This file is the search path and the name map (UnitIndex); unit-names.ts reads unit names, unit-resolve.ts
// finds one unit's fragment, mask and drop-ins, unit-merge.ts merges its files into what the manager sees.
import * as posix from 'node:path/posix';
import type { Host } from '../host/host';
import { compareBytes, parseUnitName, templateOf, type UnitType } from './unit-names';

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

// unit-file.c FOLLOW_MAX: alias chains longer than this are not followed.
const FOLLOW_MAX = 8;
const MAX_LINK_HOPS = 40;

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

export function isDirectory(host: Host, path: string): boolean {
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
  /**
   * Answers per unit name (resolveUnit), kept as long as the index, like its folder listings: an index is one
   * look at the host (a run, or the language server's facts of a burst of typing). A --root run asks for each
   * timer and its service six times (file list, two rules, the schedule).
   */
  private readonly answers = new Map<symbol, Map<string, unknown>>();

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

  /** `build()`'s answer about a unit name, once per name and `kind` for this index (above). */
  remembered<T>(kind: symbol, name: string, build: () => T): T {
    let byName = this.answers.get(kind) as Map<string, T> | undefined;
    if (!byName) this.answers.set(kind, (byName = new Map()));
    const known = byName.get(name);
    if (known !== undefined) return known;
    const answer = build();
    byName.set(name, answer);
    return answer;
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

export function joinPath(directory: string, name: string): string {
  return directory.endsWith('/') ? directory + name : `${directory}/${name}`;
}

const UNIT_INDEX = Symbol('UnitIndex');

/** The host's unit index, built once per HostFacts (every timer of a host scan shares it). */
export function unitIndexOf(facts: { derived<T>(key: symbol, build: (host: Host) => T): T }): UnitIndex {
  return facts.derived(UNIT_INDEX, (host) => new UnitIndex(host));
}

export function indexOf(source: Host | UnitIndex): UnitIndex {
  return source instanceof UnitIndex ? source : new UnitIndex(source);
}
