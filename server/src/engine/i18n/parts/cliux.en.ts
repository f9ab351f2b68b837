// English messages of the CLI's usage errors and the schedule subcommands' own usage (calendar, timespan,
// cron), spread into en.ts. Every key is also in cliux.ja.ts.
export const cliuxEn = {
  'cli.usageError.seeHelp': 'schedlint: {detail} (see {command} --help)',
  'cli.error.unexpectedArgument': "unexpected argument '{argument}'",
  'cli.error.diffFormat': '--diff and --fix-dry-run print a unified diff, which cannot be --format {format}: leave out one of them',
  'cli.error.listRulesFormat': '--list-rules prints the rules as text, json or sarif, not prometheus (metrics are about a run, not the catalog)',
  'cli.writeError.noFolder': 'schedlint: cannot write {path}: there is no folder {folder}',
  'edit.missingAfterEdit': 'schedlint edit: {path} does not exist after the editor closed (it was not saved): nothing was checked, and the caller installs nothing.',
  'cli.cron.warning': '{expression}: warning: {message}',
  'systemd-calendar.shorthand-not-alone': '`{shorthand}` is a shorthand systemd accepts only as the whole expression (a time zone may follow), so it rejects `{text}`. To run at several of them, give the timer one `OnCalendar=` line each, e.g. `OnCalendar={shorthand}`.',
  'cli.schedules.baseTimeForms': "YYYY-MM-DD [HH:MM[:SS]] [UTC], HH:MM[:SS], @SECONDS, now, today, tomorrow, yesterday, +SPAN, -SPAN, 'SPAN ago', 'SPAN left', ISO 8601",
  'cli.calendar.usage':
    'Usage: schedlint calendar EXPR… [--iterations N] [--base-time TIME] [--format text|json] [--lang en|ja]\n\n  Checks systemd calendar events (OnCalendar=) and prints what `systemd-analyze calendar` prints, without its\n  "From now" lines. Exit status: 0 all valid, 1 an invalid expression, 2 a usage error.\n\n  --iterations N    how many elapses to show (default 1; 0 shows none, as systemd does)\n  --base-time TIME  count from TIME instead of now: a timestamp as systemd reads it (2026-11-25 10:17, @1800000000,\n                    tomorrow, +1h, 1h ago) or ISO 8601; without a zone, in $TZ\n  --format          text (default) or json\n  --lang            message language (default: from LC_ALL / LC_MESSAGES / LANG)',
  'cli.timespan.usage':
    'Usage: schedlint timespan SPAN… [--format text|json] [--lang en|ja]\n\n  Checks systemd time spans (OnBootSec=, AccuracySec=, …) and prints what `systemd-analyze timespan` prints.\n  Exit status: 0 all valid, 1 an invalid span, 2 a usage error.\n\n  --format          text (default) or json\n  --lang            message language (default: from LC_ALL / LC_MESSAGES / LANG)',
  'cli.cron.usage':
    "Usage: schedlint cron 'M H DOM MON DOW'… [--iterations N] [--base-time TIME] [--dialect debian|cronie]\n                      [--format text|json] [--lang en|ja]\n\n  Checks crontab schedules with the chosen cron's rules: what they mean, their next runs, and the lint's\n  errors and warnings about them. Exit status: 0 all valid, 1 an invalid schedule or an error\n  on its line, 2 a usage error.\n\n  --iterations N    how many runs to show (default 1)\n  --base-time TIME  count from TIME instead of now (the forms `schedlint calendar --help` lists); without a zone, in $TZ\n  --dialect         debian (Debian's and Ubuntu's cron, the default) or cronie (RHEL, Fedora, Amazon Linux)\n  --format          text (default) or json\n  --lang            message language (default: from LC_ALL / LC_MESSAGES / LANG)",
};
