// A `#` or `;` comment after a value (`Unit=backup.service # the service to run`). systemd has no inline
// comments: config_parse() (src/shared/conf-parser.c) skips only lines that *start* with `#` or `;`, so the
// comment is part of the value handed to the directive's parser. Reported where that parser then rejects
// the value and systemd ignores the line (checked with systemd-analyze verify, systemd 252):
//   OnCalendar=  "Failed to parse calendar specification, ignoring"   the timer lacks that trigger
//   On…Sec=      "Failed to parse timer value, ignoring"              the timer lacks that trigger
//   Unit=        "Unit type not valid, ignoring"                      the timer starts the next valid Unit=, else its own .service
//   …Sec=, booleans, Type=  "Failed to parse …, ignoring"             the setting keeps its earlier value or default
// Only when the value before the comment is valid, so the comment is the whole problem; values that are
// wrong anyway are left to invalid-calendar/invalid-timespan. Those rules skip the lines reported here
// (one cause, one finding). Values where a comment is merely kept (Description=, ExecStart= arguments) are
// another matter and not reported.
import type { CalendarOptions } from '../../systemd/calendar-spec';
import { parseCalendar } from '../../systemd/calendar';
import { lookupDirective } from '../../systemd/directives';
import { parseTimespan } from '../../systemd/timespan';
import type { UnitDirective } from '../../systemd/unit-file';
import type { UnitRule } from '../../unit-rule';

const BOOLEAN_WORDS = new Set(['1', 'yes', 'y', 'true', 't', 'on', '0', 'no', 'n', 'false', 'f', 'off']);
// service_type_table[] in src/core/service.c (systemd 252).
const SERVICE_TYPES = new Set(['simple', 'exec', 'forking', 'oneshot', 'dbus', 'notify', 'idle']);
// The parsers of time-span settings that are not triggers (all call parse_sec()).
const TIMESPAN_PARSERS = new Set(['config_parse_sec', 'config_parse_sec_fix_0', 'config_parse_service_timeout', 'config_parse_service_timeout_abort', 'config_parse_job_timeout_sec', 'config_parse_job_running_timeout_sec']);
// unit_type_table[] in src/basic/unit-def.c.
const UNIT_TYPES = 'service|socket|target|device|mount|automount|swap|timer|path|slice|scope';
// unit_name_is_valid(): letters, digits and `:-_.\`, an optional `@instance`, a known type suffix.
const UNIT_NAME = new RegExp(`^[A-Za-z0-9:_.\\\\-]+(@[A-Za-z0-9:_.\\\\-]*)?\\.(${UNIT_TYPES})$`);

export type InlineCommentKind = 'trigger' | 'unit' | 'setting';

export interface InlineComment {
  kind: InlineCommentKind;
  /** The value as meant: what comes before the comment. */
  meant: string;
  /** The comment, from its `#` or `;` to the end of the value. */
  comment: string;
  /** Where the comment starts in `directive.value` (whitespace before it not included). */
  commentStart: number;
  /** Where the value as meant ends in `directive.value`. */
  meantEnd: number;
}

/** Whether a unit name is one systemd accepts in `Unit=` (specifiers such as `%i` are expanded first). */
export function isValidUnitName(name: string): boolean {
  return name.length < 256 && (UNIT_NAME.test(name) || (name.includes('%') && !/\s/.test(name)));
}

/** The inline comment that makes systemd ignore this directive, if that is what happens to it. */
export function inlineComment(section: string, directive: UnitDirective, calendar: CalendarOptions): InlineComment | undefined {
  if (directive.continued || directive.ignored) return undefined;
  const match = /^(.*?\S)[ \t]+([#;].*)$/.exec(directive.value);
  if (!match) return undefined;
  const [, meant, comment] = match;
  const kind = kindOf(section, directive.key, meant, calendar);
  if (!kind) return undefined;
  return { kind, meant, comment, commentStart: directive.value.length - comment.length, meantEnd: meant.length };
}

function kindOf(section: string, key: string, meant: string, calendar: CalendarOptions): InlineCommentKind | undefined {
  if (section === 'Timer' && key === 'OnCalendar') return parseCalendar(meant, calendar).ok ? 'trigger' : undefined;
  const parser = lookupDirective(section, key)?.parser;
  if (parser === 'config_parse_timer') return parseTimespan(meant).ok ? 'trigger' : undefined;
  if (parser === 'config_parse_trigger_unit') return isValidUnitName(meant) ? 'unit' : undefined;
  if (parser === 'config_parse_bool') return BOOLEAN_WORDS.has(meant.toLowerCase()) ? 'setting' : undefined;
  if (section === 'Service' && key === 'Type') return SERVICE_TYPES.has(meant) ? 'setting' : undefined;
  if (parser && TIMESPAN_PARSERS.has(parser)) return parseTimespan(meant).ok ? 'setting' : undefined;
  return undefined;
}

export const inlineCommentRule: UnitRule = {
  id: 'systemd/inline-comment',
  meta: { defaultSeverity: 'warning', fixable: true, safeFix: true },
  check(context) {
    const zones = context.facts.zoneSource();
    const calendar: CalendarOptions = { zone: context.timeZone, ...(zones ? { zones } : {}) };
    for (const section of context.document.sections) {
      if (!section.known) continue;
      // The unit a timer (or path unit) starts after systemd drops the Unit= lines it cannot read: the first
      // valid one (config_parse_trigger_unit() ignores later ones), else the service with the unit's own name.
      const units = section.directives.filter((directive) => directive.key === 'Unit' && directive.value !== '');
      const started = units.find((directive) => isValidUnitName(directive.value))?.value ?? context.unitName?.replace(/\.[^.]+$/, '.service');
      for (const directive of section.directives) {
        if (directive.afterFatal) continue;
        const found = inlineComment(section.name, directive, calendar);
        if (!found) continue;
        const line = directive.valueRange.start.line;
        const at = (offset: number) => ({ line, character: directive.valueRange.start.character + offset });
        const fix = {
          title: context.t('systemd/inline-comment.fix'),
          edits: [
            { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${found.comment}\n` },
            { range: { start: at(found.meantEnd), end: at(directive.value.length) }, newText: '' },
          ],
          isPreferred: true,
          safe: true,
        };
        const params = { key: directive.key, comment: found.comment, meant: found.meant, unit: started ?? '' };
        let messageId: string = found.kind;
        if (found.kind === 'unit') {
          // The timer is a drop-in or has no name we know: say only that the line is ignored.
          if (!started || context.isDropIn) messageId = 'unit-unknown';
          else if (started === found.meant) messageId = 'unit-same';
        }
        context.report({
          messageId,
          params,
          range: { start: at(found.commentStart), end: at(directive.value.length) },
          // A lost trigger or a different unit changes when or what runs; a setting only how.
          severity: found.kind === 'setting' || messageId === 'unit-same' ? 'warning' : 'error',
          fixes: [fix],
        });
      }
    }
  },
};
