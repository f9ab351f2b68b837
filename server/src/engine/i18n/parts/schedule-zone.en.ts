// English messages about the zone `schedlint cron` computes in (TZ read as glibc reads it); spread into
// en.ts. Every key also in schedule-zone.ja.ts with the same parameters.
export const scheduleZoneEn = {
  'cli.cron.unknownZone': 'note: TZ={value} is not a time zone glibc can load (names are case-sensitive files under /usr/share/zoneinfo, or POSIX strings such as `JST-9`): glibc reads it as UTC, and so do the times below',
};
