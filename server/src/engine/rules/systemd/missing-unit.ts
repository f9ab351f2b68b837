// A timer whose unit to start exists nowhere: `Unit=`, or by default the .service of the same name
// (systemd.timer(5)). systemd loads the timer, but refuses to start it: timer_start() →
// unit_test_trigger_loaded() logs "Refusing to start, unit X to trigger not loaded." (src/core/unit.c). Looked up in the unit search path of the host, and beside the file
// for units kept outside it (a repository's `deploy/systemd/`).
import * as path from 'node:path';
import { joinHostPath } from '../../host/host';
import { unitIndexOf } from '../../systemd/unit-paths';
import { resolveUnit } from '../../systemd/unit-resolve';
import type { UnitRule } from '../../unit-rule';
import { isValidUnitName } from './inline-comment';

export const missingUnit: UnitRule = {
  id: 'systemd/missing-unit',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    if (context.unitType !== 'timer' || context.isDropIn || !context.unitName || context.document.fatal) return;
    const timer = context.document.sections.find((section) => section.name === 'Timer');
    // config_parse_trigger_unit(): the first Unit= wins ("Multiple units to trigger specified, ignoring"); one
    // that is not a unit name (`backup.service # comment`) is ignored first ("Unit type not valid, ignoring").
    const explicit = timer?.directives.find((directive) => directive.key === 'Unit' && directive.value !== '' && isValidUnitName(directive.value));
    const target = explicit?.value ?? context.unitName.replace(/\.timer$/, '.service');
    if (target.includes('%')) return; // specifiers (`%i`) are expanded by systemd at load time
    const host = context.facts.host;
    if (resolveUnit(unitIndexOf(context.facts), target).fragmentPath) return;
    if (context.path && host.stat(joinHostPath(path.posix.dirname(context.path), target))?.kind === 'file') return;
    const where = explicit?.valueRange ?? timer?.headerRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    context.report({ messageId: explicit ? 'explicit' : 'implicit', params: { unit: target }, range: where });
  },
};
