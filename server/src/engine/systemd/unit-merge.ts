// A system unit as the manager sees it after reading all its files: the fragment, then every drop-in in
// order, later assignments overriding or (for list settings, and after an empty reset) appending to earlier
// ones (src/core/load-fragment.c, src/shared/conf-parser.c config_parse), with what each file says that is
// ignored and why.
import type { Host } from '../host/host';
import { type DirectiveInfo, lookupDirective, sectionsForUnitType } from './directives';
import { parseUnitFile, type UnitDirective, type UnitFileDocument, type UnitFileProblem } from './unit-file';
import { indexOf, type UnitIndex } from './unit-paths';
import { type DropInVia, type UnitMask, type UnitResolution, resolveUnit } from './unit-resolve';

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
