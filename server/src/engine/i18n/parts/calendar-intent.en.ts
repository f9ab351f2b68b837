// English messages for OnCalendar= expressions systemd rejects, naming what was probably meant
// (server/src/engine/systemd/calendar-intent.ts); spread into en.ts. Every key also in calendar-intent.ja.ts.
export const calendarIntentEn = {
  'systemd-calendar.surrounding-space': 'The spaces at the start or end make systemd reject the expression (a unit file trims them, the command line does not): write `{suggestion}`.',
  'systemd-calendar.cron-keyword': '`{text}` is a crontab keyword, not a calendar event: systemd rejects it. Write `{suggestion}`.',
  'systemd-calendar.cron-reboot': '`@reboot` is a crontab keyword, not a calendar event: systemd rejects it. A timer starts a job after boot with `OnBootSec=` (e.g. `OnBootSec=1min`) instead of `OnCalendar=`.',
  'systemd-calendar.cron-step': '`{text}` is cron\'s step syntax, which systemd does not have: it rejects the expression. A systemd repetition starts from a value: every {repeat} minutes is `{suggestion}`.',
  'systemd-calendar.shorthand-step': '`{shorthand}` takes no step, so systemd rejects `{text}`. Write `{suggestion}`.',
  'systemd-calendar.shorthand-step-span': '`{shorthand}` takes no step, so systemd rejects `{text}`, and a calendar event cannot count every n-th day or week. To run again {span} after each run, use `OnUnitActiveSec={span}` (with `OnBootSec=` for the first run) instead of `OnCalendar=`.',
  'systemd-calendar.fortnightly': '`{text}` is not a word systemd knows, and a calendar event cannot count every other week: systemd rejects it. To run two weeks after each run use `OnUnitActiveSec=2w`; for fixed days name them, e.g. `*-*-01,15 00:00`.',
  'systemd-calendar.month-name': 'systemd has no month names in calendar events, so it rejects `{text}`. Write `{suggestion}`.',
  'systemd-calendar.month-name-never': 'systemd has no month names in calendar events, so it rejects `{text}`; and `{suggestion}`, which it would accept, never elapses: that month never has that day.',
  'systemd-calendar.did-you-mean': 'systemd does not know `{text}` in a calendar event, so it rejects the expression. Write `{suggestion}`.',
  'systemd-calendar.timespan-instead': '`{text}` is a time span, not a calendar event: systemd rejects it in `OnCalendar=`. To run again {text} after each run, use `OnUnitActiveSec={text}` (with `OnBootSec=` for the first run); for fixed times write a repetition such as `*:0/15`.',
  'systemd-calendar.unknown-word': '`{text}` is not a word systemd knows in a calendar event (only weekdays such as `Mon` and shorthands such as `daily` are): it rejects the expression.',
} as const;
