// A GitHub Actions workflow file read for its schedules: the `cron` strings of `on.schedule` (and the `timezone`
// beside each), with where their characters are in the file. "Workflow syntax for GitHub Actions": `on` is an
// event name, a list of them or a map of events to their configuration; `schedule` takes a list of `cron`
// entries. Parsed with the `yaml` package (YAML 1.2 core schema, so `on` is the string "on", as GitHub reads it,
// not YAML 1.1's boolean). Nothing else of the workflow is read, and a file that does not parse has no schedules
// to lint (GitHub reports the syntax error itself; schedlint says nothing rather than guess).
// Aliases are followed everywhere on the way (GitHub reads anchors and aliases since 2025: actions/runner#1182,
// github.blog changelog 2025-09-18); merge keys `<<` are not, as GitHub said it does not take them (same issue).
import type * as Yaml from 'yaml';
import type { Range } from '../types';
import { yamlModule } from '../util/lazy-modules';
import { lfLineStarts, positionAt } from '../util/line-starts';
import { pairOfKey, resolveAlias, valueOfKey } from '../util/yaml-nodes';

export interface ScheduleEntry {
  /** The cron string as GitHub reads it (undefined when the value is not a string: a number, a map, nothing). */
  cron?: string;
  /** Where the value is in the file: its characters when they are the string's own, else the whole value. */
  range: Range;
  /**
   * Offset of the string's first character in the file, when every character of the string is the file's
   * character at the same distance (plain and quoted scalars on one line without escapes): findings can then
   * point at one field.
   */
  offset?: number;
  /** `timezone:` beside `cron:` (GitHub documents IANA names; the default is UTC), and where its value is. */
  timezone?: string;
  timezoneRange?: Range;
}

export interface Workflow {
  schedules: ScheduleEntry[];
  /** The file parsed as YAML (false: its schedules are unknown, and none are reported). */
  parsed: boolean;
  /** Why it did not parse: the first error of the YAML parser, at its offsets in the text. */
  yamlError?: { start: number; end: number; message: string; code: string };
}

/** The file's schedules. Never throws on any text. */
export function parseWorkflow(text: string): Workflow {
  const yaml = yamlModule();
  let document: Yaml.Document.Parsed;
  try {
    document = yaml.parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { schedules: [], parsed: false, yamlError: { start: 0, end: 0, message: (error as Error).message, code: 'EXCEPTION' } };
  }
  if (document.errors.length > 0) {
    const [first] = document.errors;
    return { schedules: [], parsed: false, yamlError: { start: first.pos[0], end: first.pos[1], message: first.message, code: first.code } };
  }
  const starts = lfLineStarts(text);
  const rangeOf = (from: number, to: number): Range => ({ start: positionAt(starts, from), end: positionAt(starts, to) });
  const schedules: ScheduleEntry[] = [];
  const on = valueOfKey(document.contents, 'on', document);
  const schedule = valueOfKey(on, 'schedule', document);
  if (!yaml.isSeq(schedule)) return { schedules, parsed: true };
  for (const listed of schedule.items) {
    const item = resolveAlias(listed, document);
    if (!yaml.isMap(item)) continue;
    const cronPair = pairOfKey(item, 'cron', document);
    if (!cronPair) continue;
    const value = cronPair.value;
    const zoneNode = pairOfKey(item, 'timezone', document)?.value;
    const zone = resolveAlias(zoneNode, document);
    const timezone = yaml.isScalar(zone) && typeof zone.value === 'string' ? zone.value : undefined;
    // An alias (`timezone: *tz`) is reported where it is written.
    const zoneRange = yaml.isNode(zoneNode) ? zoneNode.range : undefined;
    const timezoneRange = timezone !== undefined && zoneRange ? rangeOf(zoneRange[0], zoneRange[1]) : undefined;
    const node = value as Yaml.Node | null;
    // `cron:` with nothing after it: its value has no characters, so the key stands for it.
    const where = node?.range && node.range[1] > node.range[0] ? node.range : yaml.isNode(cronPair.key) ? cronPair.key.range : undefined;
    if (!where) continue;
    const entry: ScheduleEntry = { range: rangeOf(where[0], where[1]), ...(timezone !== undefined ? { timezone, timezoneRange } : {}) };
    // An alias (`cron: *nightly`) is the anchored value; its characters are elsewhere, so the alias stands for them.
    const resolved = yaml.isAlias(node) ? resolveAlias(node, document) : undefined;
    if (yaml.isScalar(resolved) && typeof resolved.value === 'string') entry.cron = resolved.value;
    else if (yaml.isScalar(node) && typeof node.value === 'string') {
      entry.cron = node.value;
      const source = text.slice(where[0], where[1]);
      const quoted = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE';
      // The string's characters stand where they are written unless an escape or a fold changed them.
      if (node.type === 'PLAIN' && source === node.value) entry.offset = where[0];
      else if (quoted && source.slice(1, -1) === node.value) {
        entry.offset = where[0] + 1;
        entry.range = rangeOf(where[0] + 1, where[1] - 1);
      }
    }
    schedules.push(entry);
  }
  return { schedules, parsed: true };
}
