// Which directives systemd 252 knows in [Unit], [Service], [Timer] and [Install], what kind of value each
// takes, and did-you-mean suggestions for the ones it does not know. The table is data extracted from
// systemd's src/core/load-fragment-gperf.gperf.in (and src/shared/install.c for [Install]) by
// scripts/systemd/extract-directives.mjs; see the "legend" in directives-table.json.
import type { Range } from '../types';
import table from './directives-table.json';
import type { UnitFileDocument } from './unit-file';
import { boundedEditDistance } from '../util/edit-distance';

/** What an empty assignment (`Key=`) does; see directives-table.json "legend". */
export type EmptyAssignment = 'reset' | 'default' | 'invalid' | 'no-op' | 'ignored';
export type DirectiveStatus = 'supported' | 'deprecated' | 'obsolete' | 'removed' | 'disabled' | 'experimental' | 'ignored';

export interface DirectiveInfo {
  section: string;
  name: string;
  /** The C function systemd parses the value with (`config_parse_timer`), or null when nothing reads it. */
  parser: string | null;
  /** Each assignment adds to a list (true), replaces the earlier value (false), or not known (null). */
  list: boolean | null;
  empty: EmptyAssignment | null;
  status: DirectiveStatus;
  /** `manager` for keys systemd reads when it loads the unit; `systemctl` for [Install] (enable/disable only). */
  handledBy: 'manager' | 'systemctl' | 'nobody';
  /** Keys that share one list, so an empty assignment to one empties all (`Timer.triggers` for On…=). */
  resetGroup?: string;
  /** A rejected value fails the whole unit instead of being ignored (`DynamicUser=`, `RootDirectory=`). */
  fatal?: boolean;
  /** For deprecated keys: the key systemd's warning points to. */
  replacement?: string;
  /** systemd's own remark on the entry ("legacy alias name for compatibility"). */
  note?: string;
}

interface TableEntry {
  parser: string | null;
  list: boolean | null;
  empty: string | null;
  status: string;
  handledBy: string;
  resetGroup?: string;
  fatal?: boolean;
  replacement?: string;
  note?: string;
}

const SECTIONS = table.sections as unknown as Record<string, Record<string, TableEntry>>;
const UNIT_TYPE_SECTIONS = table.unitTypes as Record<string, string[]>;

/** Where the table came from ("systemd 252.39 …"). */
export const DIRECTIVES_SOURCE: string = table.source.systemd;

/** The sections the table covers. */
export const DIRECTIVE_SECTIONS: readonly string[] = Object.keys(SECTIONS);

export function lookupDirective(section: string, name: string): DirectiveInfo | undefined {
  // systemd's lookup is an exact, case-sensitive match on "Section.Key" (config_item_perf_lookup).
  const entry = Object.prototype.hasOwnProperty.call(SECTIONS, section) ? SECTIONS[section] : undefined;
  if (!entry || !Object.prototype.hasOwnProperty.call(entry, name)) return undefined;
  const found = entry[name];
  const info: DirectiveInfo = {
    section,
    name,
    parser: found.parser,
    list: found.list,
    empty: found.empty as EmptyAssignment | null,
    status: found.status as DirectiveStatus,
    handledBy: found.handledBy as DirectiveInfo['handledBy'],
  };
  if (found.resetGroup) info.resetGroup = found.resetGroup;
  if (found.fatal) info.fatal = true;
  if (found.replacement) info.replacement = found.replacement;
  if (found.note) info.note = found.note;
  return info;
}

/** Every directive name of a section, in systemd's table order (empty for a section not covered). */
export function directivesOf(section: string): string[] {
  return Object.prototype.hasOwnProperty.call(SECTIONS, section) ? Object.keys(SECTIONS[section]) : [];
}

/** The sections a unit type has (`timer` → Unit, Timer, Install), from its vtable's `.sections`. */
export function sectionsForUnitType(type: string): readonly string[] | undefined {
  return Object.prototype.hasOwnProperty.call(UNIT_TYPE_SECTIONS, type) ? UNIT_TYPE_SECTIONS[type] : undefined;
}

/** The covered sections that do have a directive of this exact name (for "belongs in [Service]"). */
export function sectionsWithDirective(name: string): string[] {
  return DIRECTIVE_SECTIONS.filter((section) => Object.prototype.hasOwnProperty.call(SECTIONS[section], name));
}

/**
 * The valid directive of `section` closest to `name`, for did-you-mean: first a case-insensitive match
 * (`persistent` → `Persistent`), then the smallest edit distance (transpositions count once) within about a
 * third of the length (`Persistant` → `Persistent`, `RandomDelaySec` → `RandomizedDelaySec`). Undefined when
 * nothing is close, or when `name` is itself valid.
 */
export function suggestDirective(section: string, name: string): string | undefined {
  const candidates = directivesOf(section);
  if (candidates.length === 0 || candidates.includes(name)) return undefined;
  const lower = name.toLowerCase();
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (lookupDirective(section, candidate)?.status === 'removed') continue;
    const limit = Math.max(1, Math.round(Math.max(name.length, candidate.length) * 0.34));
    const distance = boundedEditDistance(lower, candidate.toLowerCase(), limit);
    if (distance > limit) continue;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export type DirectiveProblemId =
  /** A key the section does not have: systemd logs "Unknown key 'X' in section [S], ignoring." */
  | 'unknown-directive'
  /** A key systemd no longer reads ("Support for option X= has been removed and it is ignored"). */
  | 'removed-directive'
  /** A key that still works but that systemd warns about (deprecated, obsolete). */
  | 'deprecated-directive';

export interface DirectiveProblem {
  id: DirectiveProblemId;
  range: Range;
  section: string;
  key: string;
  /** The valid key it most likely means (did-you-mean). */
  suggestion?: string;
  /** Other sections of this unit type that do have the key (`ExecStart=` under [Timer] → Service). */
  otherSections?: string[];
  info?: DirectiveInfo;
}

/**
 * The keys of a parsed unit file that systemd would not take as written, for a unit of `unitType`
 * (`timer`, `service`): unknown keys (with a suggestion), and removed or deprecated ones. Keys starting
 * `X-` are for extensions and never reported, as in systemd; sections outside the table are skipped.
 */
export function checkDirectives(document: UnitFileDocument, unitType: string): DirectiveProblem[] {
  const typeSections = sectionsForUnitType(unitType) ?? [];
  const problems: DirectiveProblem[] = [];
  for (const section of document.sections) {
    if (!section.known || !DIRECTIVE_SECTIONS.includes(section.name)) continue;
    for (const directive of section.directives) {
      if (directive.ignored || directive.key.startsWith('X-')) continue;
      const info = lookupDirective(section.name, directive.key);
      if (!info) {
        const problem: DirectiveProblem = { id: 'unknown-directive', range: directive.keyRange, section: section.name, key: directive.key };
        const suggestion = suggestDirective(section.name, directive.key);
        if (suggestion) problem.suggestion = suggestion;
        const elsewhere = sectionsWithDirective(directive.key).filter((other) => other !== section.name && typeSections.includes(other));
        if (elsewhere.length > 0) problem.otherSections = elsewhere;
        problems.push(problem);
      } else if (info.status === 'removed' || info.status === 'disabled' || info.status === 'experimental') {
        problems.push({ id: 'removed-directive', range: directive.keyRange, section: section.name, key: directive.key, info });
      } else if (info.status === 'deprecated' || info.status === 'obsolete') {
        problems.push({ id: 'deprecated-directive', range: directive.keyRange, section: section.name, key: directive.key, info });
      }
    }
  }
  return problems;
}
