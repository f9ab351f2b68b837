// English messages added with the stranger report's wording items (session 7): where a cron dialect came
// from when the project's config file names it; cronie's `TZ=` below a `CRON_TZ=`. Every key is also in
// wording.ja.ts.
export const wordingEn = {
  'hover.source.config': 'set in the configuration file',
  'crontab/timezone-variable.tz-cronie-under-cron-tz':
    "`TZ=` only changes the jobs' environment: cronie schedules the jobs below in the zone of `CRON_TZ={cronTz}` set above, not by `TZ=`.",
};
