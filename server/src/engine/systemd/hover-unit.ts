// Hover text in unit files: `OnCalendar=` in words systemd would print (normalized form), its next elapses in
// the host's zone and, with `RandomizedDelaySec=`, the window each run can start in; time spans in systemd's
// own notation; short docs for common directives; the unit's enablement on the section header; and, on a
// host systemd does not run, that the timer never fires there.
import type { HostFacts } from '../host/facts';
import { translate, isMessageKey, type MessageKey } from '../i18n/catalog';
import { formatRunTime } from '../time/format-run';
import type { Locale, Position, Range } from '../types';
import { TIMESPAN_DIRECTIVES } from '../rules/systemd/invalid-timespan';
import { parseCalendar } from './calendar';
import { nextElapse } from './calendar-search';
import { unitEnablement } from './enablement';
import type { UnitLintResult } from './lint-unit';
import { formatTimespan, parseTimespan } from './timespan';
import type { UnitDirective } from './unit-file';

export interface UnitHoverOptions {
  facts: HostFacts;
  locale: Locale;
  now?: number;
  runs?: number;
}

const contains = (range: Range, position: Position): boolean =>
  (position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character)) &&
  (position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character));

export function hoverUnitAt(result: UnitLintResult, position: Position, options: UnitHoverOptions): { markdown: string; range: Range } | undefined {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(options.locale, key, params);
  for (const section of result.document.sections) {
    if (contains(section.headerRange, position)) {
      if (!result.unitName || result.isDropIn) return undefined;
      const enablement = unitEnablement(options.facts.host, result.unitName);
      let text: string;
      if (enablement.state === 'masked' || enablement.state === 'masked-runtime') text = t('hover.unit.masked', { path: enablement.mask?.path ?? '/dev/null' });
      else if (enablement.state === 'enabled' || enablement.state === 'enabled-runtime') {
        const reason = enablement.reasons[0];
        text = t('hover.unit.enabled', { reason: reason ? `\`${reason.path}\`` : result.unitName });
      } else text = t('hover.unit.disabled');
      const notes = section.name === 'Timer' && result.unitType === 'timer' ? timerNotes(result, options) : [];
      return { markdown: [`**${result.unitName}** — ${text}`, ...notes].join('\n\n'), range: section.headerRange };
    }
    for (const directive of section.directives) {
      if (!contains(directive.range, position)) continue;
      const parts: string[] = [];
      const docKey = `directive.${section.name}.${directive.key}`;
      if (isMessageKey(docKey)) parts.push(`**${directive.key}=** — ${t(docKey)}`);
      if (section.name === 'Timer' && directive.key === 'OnCalendar' && directive.value !== '') {
        parts.push(...calendarHover(directive, section.directives, result, options));
      } else if (TIMESPAN_DIRECTIVES[section.name]?.includes(directive.key) && directive.value !== '') {
        const parsed = parseTimespan(directive.value);
        if (parsed.ok) parts.push(t('hover.timespan', { value: directive.value, human: parsed.infinite ? 'infinity' : formatTimespan(parsed.microseconds) }));
      }
      return parts.length > 0 ? { markdown: parts.join('\n\n'), range: directive.range } : undefined;
    }
  }
  return undefined;
}

function calendarHover(directive: UnitDirective, siblings: UnitDirective[], result: UnitLintResult, options: UnitHoverOptions): string[] {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(options.locale, key, params);
  const zones = options.facts.zoneSource();
  const parsed = parseCalendar(directive.value, { zone: result.timeZone, ...(zones ? { zones } : {}) });
  if (!parsed.ok) return [];
  // Shown in the host's zone, as systemctl list-timers does, whatever zone the expression is written in.
  const zone = result.timeZone;
  const elapses = nextElapse(parsed.spec, options.now ?? Date.now(), options.runs ?? 5, { zone: result.timeZone, ...(zones ? { zones } : {}) });
  const parts = [t('hover.calendar.normalized', { normalized: parsed.normalized })];
  if (result.unitType === 'timer' && options.facts.systemdRunning() === false) parts.push(t('hover.timer.noSystemd'));
  if (elapses.length === 0) {
    parts.push(t('hover.calendar.never'));
    return parts;
  }
  const delayText = siblings.filter((candidate) => candidate.key === 'RandomizedDelaySec' && candidate.value !== '').pop()?.value;
  const delay = delayText ? parseTimespan(delayText) : undefined;
  const delayMs = delay?.ok && !delay.infinite ? Number(delay.microseconds / 1000n) : 0;
  const format = (instant: number) => formatRunTime(instant, zone, options.locale);
  if (delayMs > 0) {
    parts.push(`${t('hover.calendar.window', { delay: delayText ?? '' })}\n${elapses.map((instant) => `- ${format(instant)} → ${format(instant + delayMs)}`).join('\n')}`);
  } else {
    parts.push(`${t('hover.calendar.nextElapses', { zone })}:\n${elapses.map((instant) => `- ${format(instant)}`).join('\n')}`);
  }
  return parts;
}

/**
 * Facts stock timers rely on on purpose: shown in the hover, never as warnings (issue: precision on stock
 * Debian timers). systemd.timer(5), systemd.unit(5).
 */
function timerNotes(result: UnitLintResult, options: UnitHoverOptions): string[] {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(options.locale, key, params);
  const sections = result.document.sections;
  const timer = sections.filter((section) => section.name === 'Timer').flatMap((section) => section.directives);
  const last = (key: string) => timer.filter((directive) => directive.key === key && directive.value !== '').pop();
  const notes: string[] = [];
  if (options.facts.systemdRunning() === false) notes.push(t('hover.timer.noSystemd'));
  if (!sections.some((section) => section.name === 'Install')) notes.push(t('hover.timer.noInstall'));
  const calendars = timer.filter((directive) => directive.key === 'OnCalendar' && directive.value !== '');
  if (last('Persistent') && calendars.length === 0) notes.push(t('hover.timer.persistentWithoutCalendar'));
  const delayDirective = last('RandomizedDelaySec');
  const delay = delayDirective ? parseTimespan(delayDirective.value) : undefined;
  if (delayDirective && delay?.ok && !delay.infinite && calendars.length > 0) {
    const zones = options.facts.zoneSource();
    const parsed = parseCalendar(calendars[0].value, { zone: result.timeZone, ...(zones ? { zones } : {}) });
    if (parsed.ok) {
      const [first, second] = nextElapse(parsed.spec, options.now ?? Date.now(), 2, { zone: result.timeZone, ...(zones ? { zones } : {}) });
      const intervalMs = second !== undefined && first !== undefined ? second - first : undefined;
      if (intervalMs !== undefined && Number(delay.microseconds / 1000n) >= intervalMs) {
        notes.push(t('hover.timer.delayCoversInterval', { delay: delayDirective.value, interval: formatTimespan(BigInt(Math.round(intervalMs)) * 1000n) }));
      }
    }
  }
  const accuracyDirective = last('AccuracySec');
  const accuracy = accuracyDirective ? parseTimespan(accuracyDirective.value) : undefined;
  if (accuracyDirective && accuracy?.ok && !accuracy.infinite && accuracy.microseconds >= 3_600_000_000n) {
    notes.push(t('hover.timer.coarseAccuracy', { accuracy: accuracyDirective.value }));
  }
  return notes;
}
