// Wall-clock time in an IANA zone without a date library: Intl gives the zone's offset at an instant, and
// local times are mapped back to instants with the usual two-step offset correction.
// Local times that do not exist (the spring-forward gap) map to the first instant after the gap, which is
// when cron runs a job scheduled inside it (Debian cron.c: fixed-time jobs skipped by a jump of under 3 h run at once).

export interface LocalTime {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0..6, Sunday = 0 */
  weekday: number;
}

import { registeredZoneFiles, type OffsetRules } from './zone-files';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

const isUtc = (zone: string): boolean => zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT' || zone === 'Etc/GMT';

/** Offset of `zone` from UTC at `instant`, in milliseconds (Tokyo: +9 h). */
// The last zone's rules: a timeline asks for one zone hundreds of thousands of times in a row, and the
// registry's lookup (name checks, a map) cost more than the offset search itself.
let lastRegistry: ReturnType<typeof registeredZoneFiles>;
let lastZone: string | undefined;
let lastRules: OffsetRules | undefined;

function zoneRulesOf(zone: string): OffsetRules | undefined {
  const registry = registeredZoneFiles();
  if (registry !== lastRegistry || zone !== lastZone) {
    lastRegistry = registry;
    lastZone = zone;
    lastRules = registry?.load(zone);
  }
  return lastRules;
}

export function zoneOffset(instant: number, zone: string): number {
  if (isUtc(zone)) return 0;
  const rules = zoneRulesOf(zone);
  if (rules) return rules.typeAt(Math.floor(instant / 1000)).offset * 1000;
  const local = toLocal(instant, zone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * zoneOffset at `instant`, and the instants [start, end) around it (milliseconds) over which zoneOffset gives
 * that same offset, for callers that convert many instants in order (`schedlint cron`'s rows). Where the
 * rules cannot say (Intl), the span is the instant's own second.
 */
export function zoneOffsetSpan(instant: number, zone: string): { offset: number; start: number; end: number } {
  if (isUtc(zone)) return { offset: 0, start: -Infinity, end: Infinity };
  const seconds = Math.floor(instant / 1000);
  const rules = zoneRulesOf(zone);
  if (rules?.stableSpan) {
    const span = rules.stableSpan(seconds);
    return { offset: rules.typeAt(seconds).offset * 1000, start: span.start * 1000, end: span.end * 1000 };
  }
  return { offset: zoneOffset(instant, zone), start: seconds * 1000, end: seconds * 1000 + 1000 };
}

export function toLocal(instant: number, zone: string): LocalTime {
  if (isUtc(zone)) {
    const date = new Date(instant);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      weekday: date.getUTCDay(),
    };
  }
  const rules = zoneRulesOf(zone);
  if (rules) {
    const date = new Date(instant + rules.typeAt(Math.floor(instant / 1000)).offset * 1000);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(), weekday: date.getUTCDay() };
  }
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number.parseInt(part.value, 10);
  }
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second, weekday };
}

/**
 * The instant at which the wall clock of `zone` first shows the given local time; for a time inside a
 * spring-forward gap, the first instant after the gap. During a fall-back overlap, the earlier instant.
 */
export function fromLocal(year: number, month: number, day: number, hour: number, minute: number, zone: string, second = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (isUtc(zone)) return wall;
  const firstGuess = wall - zoneOffset(wall, zone);
  const offsetAtGuess = zoneOffset(firstGuess, zone);
  const candidates = [wall - offsetAtGuess, firstGuess, wall - zoneOffset(wall - 86_400_000, zone), wall - zoneOffset(wall + 86_400_000, zone)];
  const exact = candidates.filter((instant) => instant + zoneOffset(instant, zone) === wall).sort((a, b) => a - b);
  if (exact.length > 0) return exact[0];
  // In a gap: find the first minute whose wall time is past the requested one.
  let low = Math.min(...candidates) - 3 * 3_600_000;
  let high = Math.max(...candidates) + 3 * 3_600_000;
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (middle + zoneOffset(middle, zone) > wall) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * Every instant at which the zone's wall clock shows the given local time: none in a spring-forward gap,
 * two in a fall-back overlap, else one.
 */
export function localInstants(year: number, month: number, day: number, hour: number, minute: number, zone: string): number[] {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (isUtc(zone)) return [wall];
  // Almost every day has no clock change near it: the same offset a day before and after, and that offset
  // maps the wall time back to itself. Only near a change are all the candidates compared.
  const before = zoneOffset(wall - 86_400_000, zone);
  if (before === zoneOffset(wall + 86_400_000, zone) && zoneOffset(wall - before, zone) === before) return [wall - before];
  const offsets = new Set([zoneOffset(wall - 86_400_000, zone), zoneOffset(wall, zone), zoneOffset(wall + 86_400_000, zone), zoneOffset(wall - zoneOffset(wall, zone), zone)]);
  const instants = [...offsets].map((offset) => wall - offset).filter((instant) => instant + zoneOffset(instant, zone) === wall);
  return [...new Set(instants)].sort((a, b) => a - b);
}

/** `2026-12-01T01:39:00+09:00` for an instant as seen in a zone. */
export function formatIsoInZone(instant: number, zone: string): string {
  const local = toLocal(instant, zone);
  const offset = zoneOffset(instant, zone) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** Whether Intl (and so this engine) knows the IANA zone name. */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone glibc uses for a TZ value (CRON_TZ in cronie sets TZ): a POSIX string without DST such as
 * `JST-9` maps to the matching `Etc/GMT` zone, a zoneinfo name must match a file exactly (case-sensitive),
 * and anything else is UTC. `zoneinfoExists` answers for names when the host's zoneinfo can be read.
 */
export function glibcZone(value: string, zoneinfoExists?: (name: string) => boolean | undefined): { zone: string; known: boolean } {
  const posix = value.match(/^:?([A-Za-z]{3,}|<[^>]+>)([+-]?)(\d{1,2})$/);
  if (posix) {
    const hours = Number(posix[3]);
    if (hours === 0) return { zone: 'UTC', known: true };
    // POSIX offsets are west-positive, and so are Etc/GMT names: JST-9 is Etc/GMT-9, both UTC+9.
    return { zone: `Etc/GMT${posix[2] === '-' ? '-' : '+'}${hours}`, known: true };
  }
  const name = value.startsWith(':') ? value.slice(1) : value;
  const onHost = zoneinfoExists?.(name);
  const known = onHost ?? (name === 'UTC' || (isTimeZone(name) && !wrongCase(name)));
  return known && isTimeZone(name) ? { zone: name, known: true } : { zone: 'UTC', known: false };
}

/** Intl accepts `asia/tokyo`; glibc looks up a file and does not. */
function wrongCase(name: string): boolean {
  const canonical = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  return canonical !== name && canonical.toLowerCase() === name.toLowerCase();
}
