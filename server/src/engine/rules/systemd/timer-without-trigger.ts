// A timer with no trigger at all: systemd refuses it ("Timer unit lacks value setting. Refusing.",
// src/core/timer.c timer_verify()). An empty `OnCalendar=` or any empty `On…Sec=` clears *every* trigger
// set before it, monotonic ones included (load-fragment.c config_parse_timer → timer_free_values()).
// `OnClockChange=yes` and `OnTimezoneChange=yes` count as triggers. Values systemd cannot parse are dropped,
// so a timer whose only triggers are invalid is refused too. Drop-ins on the host are read after the
// unit's own file, in the order systemd applies them.
import { readTextOrUndefined } from '../../host/host';
import { parseUnitFile, type UnitDirective, type UnitFileDocument } from '../../systemd/unit-file';
import { unitIndexOf } from '../../systemd/unit-paths';
import { resolveUnit } from '../../systemd/unit-resolve';
import { parseCalendar } from '../../systemd/calendar';
import type { CalendarOptions } from '../../systemd/calendar-spec';
import { parseTimespan } from '../../systemd/timespan';
import type { UnitRule } from '../../unit-rule';

const TRIGGERS = new Set(['OnCalendar', 'OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec']);
const BOOLEAN_TRIGGERS = new Set(['OnClockChange', 'OnTimezoneChange']);
const TRUE_WORDS = new Set(['1', 'yes', 'y', 'true', 't', 'on']);
const FALSE_WORDS = new Set(['0', 'no', 'n', 'false', 'f', 'off']);

interface TriggerState {
  count: number;
  /** Trigger lines systemd drops because their value does not parse. */
  invalid: number;
  lastReset?: UnitDirective;
  resetIsHere: boolean;
  clock: Map<string, boolean>;
}

/** systemd keeps only the trigger values it can parse (config_parse_timer logs and drops the others). */
function isValidTrigger(directive: UnitDirective, zoneOptions: CalendarOptions): boolean {
  return directive.key === 'OnCalendar' ? parseCalendar(directive.value, zoneOptions).ok : parseTimespan(directive.value).ok;
}

function apply(state: TriggerState, document: UnitFileDocument, here: boolean, zoneOptions: CalendarOptions): void {
  for (const section of document.sections) {
    if (section.name !== 'Timer' || !section.known) continue;
    for (const directive of section.directives) {
      if (directive.ignored || directive.afterFatal) continue;
      if (TRIGGERS.has(directive.key)) {
        if (directive.value === '') {
          state.count = 0;
          state.invalid = 0;
          state.lastReset = directive;
          state.resetIsHere = here;
        } else if (isValidTrigger(directive, zoneOptions)) {
          state.count++;
        } else {
          state.invalid++;
        }
      } else if (BOOLEAN_TRIGGERS.has(directive.key)) {
        // parse_boolean(): a value it cannot read (or an empty one) is ignored and the earlier one stays.
        const word = directive.value.toLowerCase();
        if (TRUE_WORDS.has(word)) state.clock.set(directive.key, true);
        else if (FALSE_WORDS.has(word)) state.clock.set(directive.key, false);
      }
    }
  }
}

export const timerWithoutTrigger: UnitRule = {
  id: 'systemd/timer-without-trigger',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    if (context.unitType !== 'timer' || context.isDropIn || context.document.fatal) return;
    const state: TriggerState = { count: 0, invalid: 0, resetIsHere: false, clock: new Map() };
    const zones = context.facts.zoneSource();
    const zoneOptions: CalendarOptions = { zone: context.timeZone, ...(zones ? { zones } : {}) };
    apply(state, context.document, true, zoneOptions);
    if (context.unitName && context.path) {
      const resolution = resolveUnit(unitIndexOf(context.facts), context.unitName);
      // Only when this file is the one systemd loads for the unit do the host's drop-ins apply to it.
      if (resolution.fragmentPath === context.path) {
        for (const dropIn of resolution.dropIns) {
          const text = readTextOrUndefined(context.facts.host, dropIn.path);
          if (text !== undefined) apply(state, parseUnitFile(text), false, zoneOptions);
        }
      }
    }
    if (state.count > 0 || [...state.clock.values()].some(Boolean)) return;
    const timer = context.document.sections.find((section) => section.name === 'Timer');
    if (state.invalid > 0) {
      context.report({ messageId: 'only-invalid', params: { count: state.invalid }, range: timer?.headerRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    } else if (state.lastReset && state.resetIsHere) {
      context.report({ messageId: 'cleared', params: { key: state.lastReset.key, line: state.lastReset.reportedLine }, range: state.lastReset.range });
    } else {
      context.report({ messageId: 'none', range: timer?.headerRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    }
  },
};
