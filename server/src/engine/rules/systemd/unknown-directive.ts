// Keys systemd does not know in their section: it logs "Unknown key 'X' in section [S], ignoring." and the
// setting silently does nothing (src/shared/conf-parser.c). The table of valid keys per section comes from
// systemd 252's load-fragment-gperf.gperf.in (server/src/engine/systemd/directives-table.json).
import { checkDirectives } from '../../systemd/directives';
import type { UnitRule } from '../../unit-rule';

export const unknownDirective: UnitRule = {
  id: 'systemd/unknown-directive',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    for (const problem of checkDirectives(context.document, context.unitType)) {
      if (problem.id === 'unknown-directive') {
        const [other] = problem.otherSections ?? [];
        if (other) {
          context.report({ messageId: 'other-section', params: { key: problem.key, section: problem.section, other }, range: problem.range });
        } else if (problem.suggestion) {
          // An empty `On…=` clears every trigger set before it (systemd.timer(5)): renaming an ignored, empty
          // `OnCalender=` to `OnCalendar=` would turn a line that does nothing into one that disables the timer.
          const directive = context.document.directives.find((candidate) => candidate.keyRange.start.line === problem.range.start.line && candidate.keyRange.start.character === problem.range.start.character);
          const clearsTriggers = problem.section === 'Timer' && /^On[A-Z]/.test(problem.suggestion) && directive?.value === '';
          context.report({
            messageId: 'unknown-suggest',
            params: { key: problem.key, section: problem.section, suggestion: problem.suggestion },
            range: problem.range,
            fixes: clearsTriggers ? undefined : [{ title: context.t('systemd/unknown-directive.fix', { suggestion: problem.suggestion }), edits: [{ range: problem.range, newText: problem.suggestion }], isPreferred: true }],
          });
        } else {
          context.report({ messageId: 'unknown', params: { key: problem.key, section: problem.section }, range: problem.range });
        }
      } else if (problem.id === 'removed-directive') {
        context.report({ messageId: 'removed', params: { key: problem.key }, range: problem.range });
      } else {
        const replacement = problem.info?.replacement;
        context.report({
          messageId: 'deprecated',
          severity: 'info',
          params: { key: problem.key, replacementNote: replacement ? context.t('systemd/unknown-directive.replacement-note', { replacement }) : '' },
          range: problem.range,
        });
      }
    }
  },
};
