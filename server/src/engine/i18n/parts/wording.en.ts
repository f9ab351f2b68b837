// English messages added with the stranger report's wording items (session 7): where a cron dialect came
// from when the project's config file names it; cronie's `TZ=` below a `CRON_TZ=`; a name in /etc/cron.d
// that Debian's cron skips, given by an install step. Every key is also in wording.ja.ts.
export const wordingEn = {
  'hover.source.config': 'set in the configuration file',
  'hover.source.install': 'the cron of the image the repository installs it into',
  'hover.source.standIn': "standing in for {cron}, the image's cron, which schedlint has no dialect of its own for",
  'crontab/timezone-variable.tz-cronie-under-cron-tz':
    "`TZ=` only changes the jobs' environment: cronie schedules the jobs below in the zone of `CRON_TZ={cronTz}` set above, not by `TZ=`.",
  'cli.assumed.standIn': "{path}: read as a {format} ({reason}) for {cron}, the image's cron, checked with the rules of {dialect} (schedlint has no dialect of its own for it)",
  'crontab/ignored-filename.debian-install':
    "{installer} line {line} installs this file as {target}, and Debian's cron skips files in /etc/cron.d whose names have characters other than letters, digits, `_` and `-`: `{name}` never runs. Name it /etc/cron.d/{suggestion} there.",
};
