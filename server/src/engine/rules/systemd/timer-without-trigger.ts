// A timer with no trigger at all: systemd refuses it ("Timer unit lacks value setting. Refusing.",
// src/core/timer.c timer_verify()). An empty `OnCalendar=` or any empty `On…Sec=` clears *every* trigger
// set before it, monotonic ones included (load-fragment.c config_parse_timer → timer_free_values()).
// `OnClockChange=yes` and `OnTimezoneChange=yes` count as triggers. Drop-ins on the host are read after the
// unit's own file, in the order systemd applies them.
import { readTextOrUndefined } from '../../host/host';
import { parseUnitFile, type UnitDirective, type UnitFileDocument } from '../../systemd/unit-file';
import { resolveUnit } from '../../systemd/unit-paths';
import type { UnitRule } from '../../unit-rule';

const TRIGGERS = new Set(['OnCalendar', 'OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec']);
const BOOLEAN_TRIGGERS = new Set(['OnClockChange', 'OnTimezoneChange']);
const TRUE_WORDS = new Set(['1', 'yes', 'y', 'true', 't', 'on']);

interface TriggerState {
  count: number;
  lastReset?: UnitDirective;
  resetIsHere: boolean;
  clock: Map<string, boolean>;
}

function apply(state: TriggerState, document: UnitFileDocument, here: boolean): void {
  for (const section of document.sections) {
    if (section.name !== 'Timer' || !section.known) continue;
    for (const directive of section.directives) {
      if (directive.ignored || directive.afterFatal) continue;
      if (TRIGGERS.has(directive.key)) {
        if (directive.value === '') {
          state.count = 0;
          state.lastReset = directive;
          state.resetIsHere = here;
        } else {
          state.count++;
        }
      } else if (BOOLEAN_TRIGGERS.has(directive.key)) {
        state.clock.set(directive.key, TRUE_WORDS.has(directive.value.toLowerCase()));
      }
    }
  }
}

export const timerWithoutTrigger: UnitRule = {
  id: 'systemd/timer-without-trigger',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    if (context.unitType !== 'timer' || context.isDropIn || context.document.fatal) return;
    const state: TriggerState = { count: 0, resetIsHere: false, clock: new Map() };
    apply(state, context.document, true);
    if (context.unitName && context.path) {
      const resolution = resolveUnit(context.facts.host, context.unitName);
      // Only when this file is the one systemd loads for the unit do the host's drop-ins apply to it.
      if (resolution.fragmentPath === context.path) {
        for (const dropIn of resolution.dropIns) {
          const text = readTextOrUndefined(context.facts.host, dropIn.path);
          if (text !== undefined) apply(state, parseUnitFile(text), false);
        }
      }
    }
    if (state.count > 0 || [...state.clock.values()].some(Boolean)) return;
    const timer = context.document.sections.find((section) => section.name === 'Timer');
    if (state.lastReset && state.resetIsHere) {
      context.report({ messageId: 'cleared', params: { key: state.lastReset.key, line: state.lastReset.reportedLine }, range: state.lastReset.range });
    } else {
      context.report({ messageId: 'none', range: timer?.headerRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    }
  },
};
