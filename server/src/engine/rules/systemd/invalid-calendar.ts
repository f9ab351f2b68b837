// `OnCalendar=` values systemd rejects (calendar_spec_from_string(), src/shared/calendarspec.c): that line adds
// no trigger, and a timer left without one is refused. The range points at the part that is wrong.
import { parseCalendar } from '../../systemd/calendar';
import { calendarErrorMessage } from '../../systemd/calendar-spec';
import type { UnitRule } from '../../unit-rule';
import { inlineComment } from './inline-comment';
import { valueRange } from './invalid-timespan';

export const invalidCalendar: UnitRule = {
  id: 'systemd/invalid-calendar',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    const zones = context.facts.zoneSource();
    for (const section of context.document.sections) {
      if (section.name !== 'Timer') continue;
      for (const directive of section.directives) {
        if (directive.key !== 'OnCalendar' || directive.value === '' || directive.ignored) continue;
        const options = { zone: context.timeZone, ...(zones ? { zones } : {}) };
        const parsed = parseCalendar(directive.value, options);
        // A valid value followed by ` # comment` is systemd/inline-comment's finding.
        if (parsed.ok || inlineComment(section.name, directive, options)) continue;
        const detail = calendarErrorMessage(context.locale, parsed.error);
        context.report({ messageId: 'message', params: { detail }, range: valueRange(directive.valueRange, directive.continued, directive.value, parsed.error.start, parsed.error.end) });
      }
    }
  },
};
