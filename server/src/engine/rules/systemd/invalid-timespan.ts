// Time-span settings systemd would refuse (`12 hourz`, `-5s`, `1H`): parse_sec() in src/basic/time-util.c.
// For timer triggers the timer then lacks that trigger; elsewhere the setting keeps its default.
import { parseTimespan } from '../../systemd/timespan';
import type { UnitRule } from '../../unit-rule';
import type { Range } from '../../types';
import { inlineComment } from './inline-comment';

/** Directives whose value is a time span (systemd.timer(5), systemd.service(5), systemd.unit(5)). */
export const TIMESPAN_DIRECTIVES: Record<string, readonly string[]> = {
  Timer: ['OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec', 'AccuracySec', 'RandomizedDelaySec'],
  Service: ['RestartSec', 'TimeoutSec', 'TimeoutStartSec', 'TimeoutStopSec', 'TimeoutAbortSec', 'RuntimeMaxSec', 'RuntimeRandomizedExtraSec', 'WatchdogSec'],
  Unit: ['JobTimeoutSec', 'JobRunningTimeoutSec', 'StartLimitIntervalSec'],
};

export const invalidTimespan: UnitRule = {
  id: 'systemd/invalid-timespan',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    for (const section of context.document.sections) {
      const keys = TIMESPAN_DIRECTIVES[section.name];
      if (!keys) continue;
      for (const directive of section.directives) {
        // An empty value resets (or is refused with a warning and ignored); that is not a malformed span.
        if (!keys.includes(directive.key) || directive.value === '' || directive.ignored) continue;
        const parsed = parseTimespan(directive.value);
        // A valid span followed by ` # comment` is systemd/inline-comment's finding.
        if (parsed.ok || inlineComment(section.name, directive, { zone: context.timeZone })) continue;
        const detail = context.t(parsed.error.id, parsed.error.params);
        context.report({ messageId: 'message', params: { key: directive.key, value: directive.value, detail }, range: valueRange(directive.valueRange, directive.continued, directive.value, parsed.error.start, parsed.error.end) });
      }
    }
  },
};

/** The wrong part inside a one-line value, else the whole value. */
export function valueRange(whole: Range, continued: boolean, value: string, start: number, end: number): Range {
  if (continued || whole.start.line !== whole.end.line || value.length === 0) return whole;
  const from = whole.start.character + Math.min(start, value.length);
  const to = whole.start.character + Math.max(Math.min(end, value.length), Math.min(start, value.length) + 1);
  return { start: { line: whole.start.line, character: from }, end: { line: whole.start.line, character: Math.min(to, whole.end.character) } };
}
