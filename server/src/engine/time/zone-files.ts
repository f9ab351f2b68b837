// Zone rules from zoneinfo files for the whole process, when the caller has them: the language server
// registers the machine's /usr/share/zoneinfo at start. Intl's time zones load ICU's zone data, about 10 MB
// of memory in a long-running server; TZif files hold the same rules (tzdata) for a few kilobytes each.
// Without a registration everything falls back to Intl, as the CLI and the tests do.

/** What the offset lookups need of a zone's rules (time/zone-rules.ts ZoneRules has it). */
export interface OffsetRules {
  /** The UTC offset in force at an instant (seconds since the epoch), in seconds east of UTC. */
  typeAt(seconds: number): { offset: number };
  /** Seconds [start, end) around `seconds` over which typeAt gives the same type (ZoneRules.stableSpan). */
  stableSpan?(seconds: number): { start: number; end: number };
}

export interface ZoneFiles {
  load(name: string): OffsetRules | undefined;
}

let registered: ZoneFiles | undefined;

/** Makes `files` the first place zone rules come from for the rest of the process (undefined: Intl only). */
export function useZoneFiles(files: ZoneFiles | undefined): void {
  registered = files;
}

export function registeredZoneFiles(): ZoneFiles | undefined {
  return registered;
}
