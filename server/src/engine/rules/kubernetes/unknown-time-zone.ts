// `spec.timeZone` the API server rejects. kubernetes/kubernetes pkg/apis/batch/validation/validation.go
// validateTimeZone (checked on create, and on update when the zone changes):
// - an empty string: "timeZone must be nil or non-empty string";
// - a part between `/` that is `.` or `..`, starts with `-`, or is not 1-14 of `[A-Za-z.\-_0-9+]`
//   (validTimeZoneCharacters, after the IANA naming rules): "unknown time zone X";
// - `Local` in any case: "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";
// - a name time.LoadLocation cannot load: a zone file name of the tz database, case-sensitive (the API server's
//   zoneinfo, or Go's embedded copy). We ask the tz database Node's Intl carries, with the file-name checks of
//   time/zone-source.ts (so `JST`, which ICU knows but tzdata has no file for, and `asia/tokyo` are unknown).
// `timeZone: null` is no zone at all (the controller's own), as is leaving it out.
import { isPlaceholder } from '../../kubernetes/manifest';
import type { KubernetesRule } from '../../kubernetes/rule';
import { intlZoneSource } from '../../time/zone-source';
import { isTimeZone } from '../../time/zone';

const PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** Abbreviations people write for a zone, with the zone they mean when only one is likely (a Japanese team's `JST`). */
const ABBREVIATIONS: Record<string, string> = { JST: 'Asia/Tokyo', KST: 'Asia/Seoul' };

export type TimeZoneVerdict = 'ok' | 'empty' | 'local' | 'unknown';

/** What validateTimeZone says of a `spec.timeZone` string. */
export function judgeTimeZone(zone: string): TimeZoneVerdict {
  if (zone.length === 0) return 'empty';
  if (zone.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !PART.test(part))) return 'unknown';
  if (zone.toLowerCase() === 'local') return 'local';
  // tzdata's `Factory` is a zone file (Go loads it) that ICU does not know.
  if (zone === 'UTC' || zone === 'Factory') return 'ok';
  return intlZoneSource.load(zone) ? 'ok' : 'unknown';
}

/** The zone the user probably meant: the right case of a name (`asia/tokyo`), or the zone of an abbreviation. */
export function suggestedZone(zone: string): string | undefined {
  if (ABBREVIATIONS[zone.toUpperCase()]) return ABBREVIATIONS[zone.toUpperCase()];
  if (!isTimeZone(zone)) return undefined;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  return resolved !== zone && judgeTimeZone(resolved) === 'ok' ? resolved : undefined;
}

export const unknownTimeZone: KubernetesRule = {
  id: 'kubernetes/unknown-time-zone',
  meta: { defaultSeverity: 'error', fixable: true },
  check(context) {
    const field = context.job.timeZone;
    if (!field || typeof field.value !== 'string' || isPlaceholder(field.value)) return;
    const zone = field.value;
    const verdict = judgeTimeZone(zone);
    if (verdict === 'ok') return;
    const suggestion = verdict === 'unknown' ? suggestedZone(zone) : undefined;
    const range = field.at(0, zone.length);
    context.report({
      messageId: suggestion ? 'did-you-mean' : verdict,
      params: { zone, suggestion: suggestion ?? '' },
      range,
      fixes: suggestion ? [{ title: context.t('kubernetes/unknown-time-zone.fix', { suggestion }), edits: [{ range, newText: suggestion }], isPreferred: true }] : undefined,
    });
  },
};
