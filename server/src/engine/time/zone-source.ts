// Where zone rules come from, the way the host finds them: a zone name is looked up as a TZif file (systemd's
// timezone_is_valid(), glibc's tzfile.c), or in Intl when no zoneinfo is at hand; a TZ value that names no
// zone is read as a POSIX TZ string (glibc tzset.c). One source serves the whole process, for calendar events
// and for cron's wall clock alike.
import { IntlZoneRules } from './intl-zone-rules';
import { PosixZoneRules } from './posix-tz';
import { TzifZoneRules } from './tzif';
import { isTimeZone } from './zone';
import { useZoneFiles } from './zone-files';
import { utcRules, type ZoneRules, type ZoneSource } from './zone-rules';

/** systemd's timezone_is_valid() without the file check: the characters a zone name may use. */
export function isZoneNameSyntax(name: string): boolean {
  if (name === 'UTC') return true;
  if (name.length === 0 || name.startsWith('/') || name.endsWith('/') || name.includes('//')) return false;
  return /^[A-Za-z0-9_+\-/]+$/.test(name);
}

// Zone IDs that ICU accepts (from Java) but tzdata has no file for.
const ICU_ONLY = new Set(['ACT', 'AET', 'AGT', 'ART', 'AST', 'BET', 'BST', 'CAT', 'CNT', 'CST', 'CTT', 'EAT', 'ECT', 'IET', 'IST', 'JST', 'MIT', 'NET', 'NST', 'PLT', 'PNT', 'PRT', 'PST', 'SST', 'VST']);

/**
 * Whether a zone name Intl accepts is also a zone file name, which is case-sensitive. ICU either
 * case-normalizes a name (`EUROPE/BERLIN` → `Europe/Berlin`: wrong case) or replaces a link by its target
 * (`CET` → `Europe/Brussels`): then every part of the name must start with a capital, as in tzdata.
 */
function isZoneFileName(name: string): boolean {
  if (ICU_ONLY.has(name) || name.startsWith('SystemV/')) return false;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  if (resolved === name) return true;
  if (resolved.toLowerCase() === name.toLowerCase()) return false;
  return name.split('/').every((part) => /^[A-Z]/.test(part));
}

const intlCache = new Map<string, ZoneRules | undefined>();

/** Zones from Intl: names glibc would find as files (case-sensitive), rules as `IntlZoneRules` describes. */
export const intlZoneSource: ZoneSource = {
  load(name: string): ZoneRules | undefined {
    if (intlCache.has(name)) return intlCache.get(name);
    let rules: ZoneRules | undefined;
    if (name === 'UTC' || name === 'Etc/UTC' || name === 'Universal' || name === 'Etc/Universal' || name === 'Zulu' || name === 'Etc/Zulu' || name === 'UCT' || name === 'Etc/UCT') {
      rules = name === 'UTC' ? utcRules : { ...utcRules, name };
    } else if (isZoneNameSyntax(name) && !/^[+-]/.test(name) && isTimeZone(name) && isZoneFileName(name)) {
      rules = new IntlZoneRules(name);
    }
    intlCache.set(name, rules);
    return rules;
  },
};

let processSource: ZoneSource | undefined;

/**
 * Makes `source` (the machine's zoneinfo files) where zone rules come from for the rest of the process, for
 * calendar events and for cron's wall clock alike (time/zone-files.ts says why); undefined goes back to Intl.
 */
export function useZoneSource(source: ZoneSource | undefined): void {
  processSource = source;
  useZoneFiles(source);
}

/** Where zone names are looked up when the caller gives no source: the registered files, else Intl. */
export function defaultZoneSource(): ZoneSource {
  return processSource ?? intlZoneSource;
}

/**
 * Zones from TZif files, read through `read` (a host path → its bytes, or undefined), the way systemd checks
 * a zone name (timezone_is_valid: name syntax, then a file starting with `TZif`) and glibc loads it.
 */
export function tzifZoneSource(read: (path: string) => Uint8Array | undefined, directory = '/usr/share/zoneinfo'): ZoneSource {
  const cache = new Map<string, ZoneRules | undefined>();
  return {
    load(name: string): ZoneRules | undefined {
      if (cache.has(name)) return cache.get(name);
      let rules: ZoneRules | undefined;
      if (isZoneNameSyntax(name)) {
        const bytes = read(`${directory}/${name}`);
        rules = bytes ? TzifZoneRules.parse(name, bytes) : undefined;
        // systemd always accepts "UTC", even without zone files.
        if (!rules && name === 'UTC') rules = utcRules;
      }
      cache.set(name, rules);
      return rules;
    },
  };
}

/**
 * The zone glibc uses for a value of TZ: a leading `:` is dropped, an empty value is UTC, a zone file wins,
 * else the value is read as a POSIX TZ string, and failing that it is UTC with empty names.
 */
export function localZoneRules(tz: string | undefined, source: ZoneSource): ZoneRules {
  if (tz === undefined) return source.load('UTC') ?? utcRules;
  let name = tz.startsWith(':') ? tz.slice(1) : tz;
  if (name === '') name = 'UTC';
  return source.load(name) ?? PosixZoneRules.parse(name) ?? { name, tzname: ['', ''], utcLike: true, typeAt: () => ({ offset: 0, isdst: false, abbreviation: '' }) };
}
