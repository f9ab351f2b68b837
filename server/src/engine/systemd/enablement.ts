// Whether a system unit is started at boot, and why: what facts.md calls "enabled". That is not
// `systemctl is-enabled` (which says "static" for systemd-tmpfiles-clean.timer, pulled in by a link
// systemd ships under /lib) but what the manager does when it loads the units that pull others in:
// - a link named after the unit in any `<owner>.wants/` or `<owner>.requires/` folder of any search folder
//   (src/core/load-dropin.c process_deps: the entry must be a symlink — a copy is logged "is not a symlink,
//   ignoring" — and one that points to /dev/null or is empty masks that dependency; for each owner and
//   entry name the highest-priority folder wins, as with drop-ins);
// - `Wants=`, `Requires=`, `BindsTo=` or `Upholds=` naming it in a unit that is itself started: one of the
//   targets of a normal boot (BOOT_TARGETS, a fixed list, not followed from default.target) or a unit that
//   has such a link. One level only, on purpose: enough for timers, cheap, and easy to explain in a hover.
// A mask (the winning unit file is a link to /dev/null or empty) overrides all of it. Presets are not
// state. Units under /run count as "runtime" (`systemctl enable --runtime`, gone at reboot).
import type { Host } from '../host/host';
import type { Range } from '../types';
import { effectiveValues, type MergedUnit, mergedUnit } from './unit-merge';
import { compareBytes } from './unit-names';
import { realPath, UnitIndex } from './unit-paths';
import { confFiles, type DropInFolder, resolveUnit, type UnitMask, type UnitResolution } from './unit-resolve';

export type EnablementState = 'enabled' | 'enabled-runtime' | 'disabled' | 'masked' | 'masked-runtime' | 'not-found';

/** Targets a normal boot starts (basic.target pulls in timers.target, sockets.target, paths.target …). */
export const BOOT_TARGETS: readonly string[] = [
  'default.target',
  'graphical.target',
  'multi-user.target',
  'basic.target',
  'sysinit.target',
  'local-fs.target',
  'swap.target',
  'sockets.target',
  'timers.target',
  'paths.target',
  'slices.target',
];

const PULLING_DIRECTIVES = ['Wants', 'Requires', 'BindsTo', 'BindTo', 'Upholds'];

export interface EnablementReason {
  /** A link in a `.wants/` or `.requires/` folder, or a directive in another unit. */
  kind: 'wants-link' | 'requires-link' | 'directive';
  /** The unit that pulls this one in (`timers.target`). */
  by: string;
  /** The link, or the file with the directive. */
  path: string;
  /** Under /run: gone at the next boot. */
  runtime: boolean;
  /** For links: the target as written in the link (`/lib/systemd/system/certbot.timer`). */
  target?: string;
  /** For links: the target with every link resolved inside the host (absolute targets stay in a --root). */
  resolvedTarget?: string;
  /** For links: the target does not exist. systemd still adds the dependency by the link's *name*. */
  dangling?: boolean;
  /** For directives: which one, and where. */
  directive?: string;
  range?: Range;
}

export interface IgnoredDependency {
  path: string;
  by: string;
  /** `not-a-symlink`: a regular file (a copy, or a link lost in packing) — systemd ignores it with a
   *  warning. `masked`: a link to /dev/null or an empty file, which cancels the same entry in lower folders. */
  reason: 'not-a-symlink' | 'masked';
  /** For a regular file: its first line (often the link target a copy tool wrote out). */
  content?: string;
}

export interface Enablement {
  name: string;
  state: EnablementState;
  /** Everything that pulls the unit in, highest-priority folders first. */
  reasons: EnablementReason[];
  mask?: UnitMask;
  /** Entries named after the unit that systemd does not take as dependencies. */
  ignored: IgnoredDependency[];
}

interface DependencyFolders {
  owner: string;
  kind: 'wants-link' | 'requires-link';
  folders: DropInFolder[];
  /** The entries that count (confFiles: per name the first folder wins), by entry name. */
  entries: Map<string, ReturnType<typeof confFiles>[number]>;
}

/** The `.wants/`/`.requires/` folders of a host, read once; answers unitEnablement() for many units. */
export class EnablementIndex {
  readonly units: UnitIndex;
  private groups: DependencyFolders[] | undefined;
  private pulledBy: Map<string, EnablementReason[]> | undefined;
  private readonly mergedUnits = new Map<string, MergedUnit>();

  constructor(source: Host | UnitIndex) {
    this.units = source instanceof UnitIndex ? source : new UnitIndex(source);
  }

  /** `resolution`: resolveUnit(units, name) when the caller already has it (it costs a drop-in search). */
  enablement(name: string, resolution: UnitResolution = resolveUnit(this.units, name)): Enablement {
    const names = [name, resolution.id, ...resolution.aliases].filter((value, index, all) => all.indexOf(value) === index);
    const result: Enablement = { name, state: 'disabled', reasons: [], ignored: [] };
    if (resolution.masked) {
      result.mask = resolution.masked;
      result.state = resolution.masked.runtime ? 'masked-runtime' : 'masked';
      return result;
    }
    for (const entry of this.linkEntries(names)) {
      if ('reason' in entry) result.ignored.push(entry);
      else result.reasons.push(entry);
    }
    for (const candidate of names) result.reasons.push(...(this.directiveReasons().get(candidate) ?? []));
    if (!resolution.fragmentPath) result.state = 'not-found';
    else if (result.reasons.length === 0) result.state = 'disabled';
    else result.state = result.reasons.every((reason) => reason.runtime) ? 'enabled-runtime' : 'enabled';
    return result;
  }

  /** mergedUnit() once per name: an enabled timer is read here as the owner of its links, and again by its caller. */
  merged(name: string): MergedUnit {
    let merged = this.mergedUnits.get(name);
    if (!merged) this.mergedUnits.set(name, (merged = mergedUnit(this.units, name)));
    return merged;
  }

  /** Every owner's `.wants/` and `.requires/` folders, in search-path order, each real folder once. */
  private dependencyFolders(): DependencyFolders[] {
    if (this.groups) return this.groups;
    const groups = new Map<string, DependencyFolders>();
    const seen = new Set<string>();
    for (const folder of this.units.searchPath) {
      for (const entry of this.units.list(folder)) {
        const match = entry.match(/^(.+)\.(wants|requires)$/);
        if (!match) continue;
        const path = `${folder}/${entry}`;
        const real = realPath(this.units.host, path);
        if (real === undefined || seen.has(real) || this.units.host.stat(real)?.kind !== 'directory') continue;
        seen.add(real);
        const key = `${match[1]}\0${match[2]}`;
        const group: DependencyFolders = groups.get(key) ?? { owner: match[1], kind: match[2] === 'wants' ? 'wants-link' : 'requires-link', folders: [], entries: new Map() };
        group.folders.push({ path, real, name: match[1], via: 'name' });
        groups.set(key, group);
      }
    }
    this.groups = [...groups.values()];
    // Listed once per host, not once per unit asked about (100 timers × a 100-entry timers.target.wants/).
    for (const group of this.groups) for (const file of confFiles(this.units, group.folders, undefined)) group.entries.set(file.name, file);
    return this.groups;
  }

  private linkEntries(names: readonly string[]): (EnablementReason | IgnoredDependency)[] {
    const host = this.units.host;
    const found: (EnablementReason | IgnoredDependency)[] = [];
    for (const group of this.dependencyFolders()) {
      // conf_files_list_strv with no suffix: per entry name the first folder wins; in entry name order.
      const files = names.flatMap((name) => group.entries.get(name) ?? []).sort((left, right) => compareBytes(left.name, right.name));
      for (const file of files) {
        const real = realPath(host, file.path);
        const stat = real === undefined ? undefined : host.stat(real);
        if (real === '/dev/null' || stat?.kind === 'other' || (stat?.kind === 'file' && stat.size === 0)) {
          found.push({ path: file.path, by: group.owner, reason: 'masked' });
          continue;
        }
        if (host.lstat(`${file.folder.real}/${file.name}`)?.kind !== 'symlink') {
          const text = host.readText(`${file.folder.real}/${file.name}`);
          const ignored: IgnoredDependency = { path: file.path, by: group.owner, reason: 'not-a-symlink' };
          if (text.ok) ignored.content = text.text.split('\n')[0].slice(0, 200);
          found.push(ignored);
          continue;
        }
        const reason: EnablementReason = { kind: group.kind, by: group.owner, path: file.path, runtime: file.path.startsWith('/run/') };
        const target = host.readLink(`${file.folder.real}/${file.name}`);
        if (target !== undefined) reason.target = target;
        if (real !== undefined) reason.resolvedTarget = real;
        reason.dangling = stat === undefined;
        found.push(reason);
      }
    }
    return found;
  }

  /** Wants=/Requires=/BindsTo=/Upholds= of started units (boot targets and units with links), by named unit. */
  private directiveReasons(): Map<string, EnablementReason[]> {
    if (this.pulledBy) return this.pulledBy;
    const pulledBy = new Map<string, EnablementReason[]>();
    const owners = new Set<string>(BOOT_TARGETS);
    for (const group of this.dependencyFolders()) {
      for (const file of group.entries.values()) {
        if (this.units.host.lstat(`${file.folder.real}/${file.name}`)?.kind === 'symlink') owners.add(file.name);
      }
    }
    for (const owner of [...owners].sort(compareBytes)) {
      const merged = this.merged(owner);
      for (const directive of PULLING_DIRECTIVES) {
        for (const assignment of effectiveValues(merged, 'Unit', directive)) {
          for (const word of assignment.directive.value.split(/\s+/).filter(Boolean)) {
            const reasons = pulledBy.get(word) ?? [];
            reasons.push({
              kind: 'directive',
              by: owner,
              path: assignment.file.path,
              runtime: assignment.file.path.startsWith('/run/'),
              directive,
              range: assignment.directive.valueRange,
            });
            pulledBy.set(word, reasons);
          }
        }
      }
    }
    this.pulledBy = pulledBy;
    return pulledBy;
  }
}

/** Whether `name` is started at boot, and why (see the module header). */
export function unitEnablement(source: Host | UnitIndex | EnablementIndex, name: string): Enablement {
  const index = source instanceof EnablementIndex ? source : new EnablementIndex(source);
  return index.enablement(name);
}
