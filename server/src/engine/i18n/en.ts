// English messages. Every key here must exist in ja.ts with the same parameters (test/engine/catalog.test.ts).
// Messages name the consequence on the host and the way out, in one sentence plus the fix.
export const en = {
  // Words used inside other messages.
  'field.minute': 'minute',
  'field.hour': 'hour',
  'field.dayOfMonth': 'day-of-month',
  'field.month': 'month',
  'field.dayOfWeek': 'day-of-week',
  'field.user': 'user',
  'kind.crontab-system': 'system crontab',
  'kind.crontab-user': 'user crontab',
  'weekday.0': 'Sunday',
  'weekday.1': 'Monday',
  'weekday.2': 'Tuesday',
  'weekday.3': 'Wednesday',
  'weekday.4': 'Thursday',
  'weekday.5': 'Friday',
  'weekday.6': 'Saturday',
  'dialect.debian': "Debian's cron",
  'dialect.cronie': 'cronie',
  'consequence.debian-file': "Debian's cron ignores this whole file while this line is in it.",
  'consequence.cronie-line': 'cronie skips this line; the rest of the file still runs.',

  // Rule titles (rule tables, SARIF, docs).
  'rule.crontab/user-field-in-user-crontab.title': 'User name written into a user crontab',
  'rule.crontab/missing-user-field.title': 'System crontab line without a user',
  'rule.crontab/unknown-user.title': 'User not found on the host',
  'rule.crontab/invalid-schedule.title': 'Schedule cron rejects',
  'rule.crontab/never-runs.title': 'Schedule that never fires',
  'rule.crontab/wildcard-minute.title': 'Every minute of the selected hours',
  'rule.crontab/unescaped-percent.title': 'Unescaped % in a command',
  'rule.crontab/missing-final-newline.title': 'Last line without a newline',
  'rule.crontab/ignored-filename.title': 'File in /etc/cron.d that cron skips',
  'rule.crontab/file-permissions.title': 'Crontab that cron refuses to load (owner, mode, links)',
  'rule.crontab/crlf-line-ending.title': 'Windows (CRLF) line endings',
  'rule.crontab/invalid-environment.title': 'Environment line cron rejects',
  'rule.crontab/timezone-variable.title': 'Time zone variable that does not move the schedule',
  'rule.crontab/day-of-month-or-day-of-week.title': 'Day-of-month and day-of-week both restricted (OR)',
  'rule.crontab/ignored-characters.title': 'Characters cron silently ignores',
  'rule.file/unreadable.title': 'File that cannot be read',

  'crontab/user-field-in-user-crontab.clear':
    'User crontabs have no user column: cron will run `{user}` as the command, and the job fails every time. Remove `{user}`.',
  'crontab/user-field-in-user-crontab.ambiguous':
    '`{user}` is both a user and a program on cron\'s PATH: user crontabs have no user column, so cron runs the program `{user}` with `{next}` as its argument. If `{user}` was meant as the user, remove it.',
  'crontab/user-field-in-user-crontab.fix': 'Remove `{user}` (user crontabs have no user column)',

  'crontab/missing-user-field.debian':
    'System crontabs need a user after the schedule: cron takes `{word}` as the user name, finds no such user, and ignores this whole file. Insert the user, e.g. `root`.',
  'crontab/missing-user-field.cronie':
    'System crontabs need a user after the schedule: cron takes `{word}` as the user name, finds no such user, and skips this line. Insert the user, e.g. `root`.',
  'crontab/missing-user-field.fix': 'Insert user `{user}`',

  'crontab/unknown-user.debian':
    'No user `{user}` in /etc/passwd: unless it comes from LDAP/SSSD, Debian\'s cron rejects this line and ignores this whole file.',
  'crontab/unknown-user.cronie':
    'No user `{user}` in /etc/passwd: unless it comes from LDAP/SSSD, cronie skips this line.',

  'crontab/invalid-schedule.unknown-name': '`{name}` is not a {field} cron knows: use a number or a three-letter English name (`{example}`). {consequence}',
  'crontab/invalid-schedule.unknown-name-numeric-field': '`{name}` is not a number: the {field} field takes numbers only. {consequence}',
  'crontab/invalid-schedule.out-of-range': '{value} is outside the {field} range {low}–{high}. {consequence}',
  'crontab/invalid-schedule.step-without-range': 'A step needs a range before it: `{element}/…` is rejected; write `{element}-{high}/…` or `*/…`. {consequence}',
  'crontab/invalid-schedule.step-on-name': 'A step needs a range before it: `{element}/…` is rejected; write a range such as `{element}-{lastName}/…`. {consequence}',
  'crontab/invalid-schedule.bad-step': 'The step after `/` must be a number, not `{step}`. {consequence}',
  'crontab/invalid-schedule.zero-step': 'A step of 0 is rejected: cron would never advance. {consequence}',
  'crontab/invalid-schedule.empty-element': 'Expected a number, a name or `*` in the {field} field, found `{found}`. {consequence}',
  'crontab/invalid-schedule.empty-element-end': 'The {field} field ends where a number, a name or `*` should follow. {consequence}',
  'crontab/invalid-schedule.random-range-unsupported': '`~` random ranges are a cronie feature: Debian\'s cron rejects `{element}`. {consequence}',
  'crontab/invalid-schedule.bad-random-range': 'A random range is written `A~B`, `A~`, `~B` or `~` with A ≤ B inside the field\'s range. {consequence}',
  'crontab/invalid-schedule.bad-separator': 'cronie expects `,` or a blank after each element of the {field} field, not `{found}`. {consequence}',
  'crontab/invalid-schedule.too-few-fields': 'The line ends before the {field} field: a job needs {expected}. {consequence}',
  'crontab/invalid-schedule.unknown-keyword': '`{keyword}` is not a schedule cron knows (use @reboot, @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly). {consequence}',
  'crontab/invalid-schedule.command-starts-with-star': 'After the five time fields cron expects the command (in a system crontab, the user), and rejects one that starts with `*`: is there a sixth time field? {consequence}',
  'crontab/invalid-schedule.no-command': 'This job has no command. {consequence}',
  'crontab/invalid-schedule.command-too-long': 'The command is {length} characters long; cron takes it as truncated above {max}. {consequence}',
  'crontab/invalid-schedule.expected-system': 'five time fields, a user and a command',
  'crontab/invalid-schedule.expected-user': 'five time fields and a command',

  'crontab/never-runs.empty-range': '`{range}` runs backwards, so it selects nothing in the {field} field; {dialect} does not wrap ranges. Write the values in ascending order.',
  'crontab/never-runs.no-date': 'No date matches this schedule ({detail}): the job never runs.',
  'crontab/never-runs.no-date-detail': 'day {days} of {months}',
  'crontab/never-runs.nothing-selected': 'The {field} field selects no value, so this job never runs.',

  'crontab/wildcard-minute.message': 'Minute `*` runs this job every minute of the selected hours ({count, plural, one {# run} other {# runs}} a day), not once an hour. Use `0` to run at the top of the hour.',
  'crontab/wildcard-minute.fix': 'Run at minute 0',

  'crontab/unescaped-percent.message': 'cron turns `%` into a newline: the command ends before `{context}` and the rest is fed to its standard input. Escape it as `\\%` (quotes do not protect it).',
  'crontab/unescaped-percent.stdin': 'cron turns `%` into a newline: the command ends before `{context}` and the rest is fed to its standard input. If that is not what you meant, escape it as `\\%`.',
  'crontab/unescaped-percent.fix': 'Escape every `%` in this command as `\\%`',

  'crontab/missing-final-newline.debian': 'The last line has no newline: Debian\'s cron logs "Missing newline before EOF" and ignores this whole file. Add a newline at the end.',
  'crontab/missing-final-newline.cronie': 'The last line has no newline: cronie does not run this line. Add a newline at the end.',
  'crontab/missing-final-newline.fix': 'Add a newline at the end of the file',

  'crontab/ignored-filename.debian': 'Debian\'s cron skips files in /etc/cron.d whose names have characters other than letters, digits, `_` and `-`: `{name}` never runs. Rename it to `{suggestion}`.',
  'crontab/ignored-filename.debian-lsb': 'With `-l` in /etc/default/cron, Debian\'s cron reads only LSB-style names in /etc/cron.d: `{name}` never runs. Rename it to `{suggestion}`.',

  'crontab/file-permissions.debian-system-mode': 'This file is writable by group or others (mode {mode}): Debian\'s cron logs "INSECURE MODE" and never runs it. Run `chmod go-w` on it.',
  'crontab/file-permissions.debian-user-mode': 'Debian\'s cron loads a user crontab only with mode 0600, and this one has {mode}: none of its jobs run. Install it with `crontab -u {user} FILE`, or `chmod 600` it.',
  'crontab/file-permissions.cronie-mode': 'cronie loads only crontabs whose mode passes `(mode & 07533) == 0400` (0600, 0644, 0640, 0400 or 0444), and this one has {mode}: none of its jobs run. Run `chmod 644` (or 600) on it.',
  'crontab/file-permissions.links': 'This file has {links} hard links: cron refuses to load it ("NUMBER OF HARD LINKS > 1"). Replace the hard link with a copy.',
  'crontab/file-permissions.system-owner': 'This system crontab is owned by `{owner}`, not root: cron refuses to load it ("WRONG FILE OWNER"). Run `chown root:root` on it.',
  'crontab/file-permissions.user-owner': 'This crontab belongs to `{owner}`, but cron loads `{user}`\'s crontab only when `{user}` or root owns it. Install it with `crontab -u {user} FILE`.',
  'crontab/crlf-line-ending.message': 'This file has Windows line endings ({count, plural, one {# line} other {# lines}}): cron keeps the `\\r` at the end of each command, so its last word becomes `{command}`. Convert the file to LF line endings.',
  'crontab/crlf-line-ending.blank-debian': 'This file has Windows line endings: a blank line that is only `\\r` is a syntax error to Debian\'s cron, which ignores this whole file. Convert the file to LF line endings.',
  'crontab/crlf-line-ending.fix': 'Convert the file to LF line endings',

  'crontab/invalid-environment.space-in-name': '`{text}` is not an environment setting (a name cannot contain spaces), so cron reads it as a job and rejects it. {consequence}',
  'crontab/invalid-environment.empty-mailto': 'An empty `{name}=` is a syntax error to Debian\'s cron, which ignores this whole file. Write `{name}=""` to turn mail off.',
  'crontab/invalid-environment.empty-value': 'An empty `{name}=` is not an environment setting to Debian\'s cron: it reads it as a job and ignores this whole file. Write `{name}=""`.',
  'crontab/invalid-environment.trailing-text': '`{text}` is not an environment setting (text after the closing quote), so cron reads it as a job and rejects it. {consequence}',
  'crontab/invalid-environment.fix-empty': 'Write `{name}=""`',

  'crontab/timezone-variable.cron-tz-debian': 'Debian\'s cron ignores `CRON_TZ`: these jobs still run on the host\'s time zone ({zone}). Convert the times to {zone}, or use a systemd timer with a time zone in `OnCalendar=`.',
  'crontab/timezone-variable.tz': '`TZ=` only changes the jobs\' environment: cron still schedules them on the host\'s time zone ({zone}).',
  'crontab/timezone-variable.tz-cronie': '`TZ=` only changes the jobs\' environment: cronie schedules them on the host\'s time zone ({zone}) unless `CRON_TZ=` is set.',
  'crontab/timezone-variable.unknown-zone': '`{zone}` is not a time zone glibc can load (names are case-sensitive files under /usr/share/zoneinfo): cronie then schedules these jobs in UTC. Use a name such as `Asia/Tokyo`.',

  'crontab/day-of-month-or-day-of-week.first-weekday': 'Day-of-month `{dayOfMonth}` and day-of-week `{dayOfWeek}` are both set, so cron runs the job on every day {dayOfMonth} *and* on every {weekday}, not only on the {weekday} within days {dayOfMonth}. For that, keep `*` in day-of-month and test the date in the command, e.g. `[ "$(date +\\%d)" -le 7 ] &&`.',
  'crontab/day-of-month-or-day-of-week.message': 'Day-of-month `{dayOfMonth}` and day-of-week `{dayOfWeek}` are both set, so cron runs the job when either matches, not only when both do.',

  'crontab/ignored-characters.message': 'cron stops reading the {field} field at `{text}` and ignores the rest, so it means `{meaning}`. Remove `{text}` or fix the separator.',
  'crontab/ignored-characters.fix': 'Remove `{text}`',

  'file/unreadable.denied': 'Cannot read {path}: permission denied. Run as a user that can read it (e.g. with sudo) to lint it.',
  'file/unreadable.error': 'Cannot read {path}: {detail}',

  'disable.fix-line': 'Disable {rule} for this line',
  'fixAll.title': 'Fix all schedlint problems',

  // Hovers.
  'hover.schedule.title': 'Schedule',
  'hover.schedule.nextRuns': 'Next runs ({zone})',
  'hover.schedule.never': 'This schedule never fires.',
  'hover.schedule.reboot': 'Runs once when cron starts (at boot), not on a schedule.',
  'hover.schedule.orNote': 'Day-of-month and day-of-week are both restricted, so either one matching is enough.',
  'hover.schedule.zoneFixed': '{dialect} has no per-crontab time zone: times are in the host\'s zone, {zone}.',
  'hover.schedule.zoneCronTz': 'Times are in `CRON_TZ={zone}`.',
  'hover.schedule.dialect': 'Read as {kind} by {dialect} ({source}).',
  'hover.field.minute': 'Minute (0–59).',
  'hover.field.hour': 'Hour (0–23).',
  'hover.field.dayOfMonth': 'Day of the month (1–31).',
  'hover.field.month': 'Month (1–12 or jan–dec).',
  'hover.field.dayOfWeek': 'Day of the week (0–7, Sunday is 0 or 7, or sun–sat).',
  'hover.user.system': 'The user cron runs this job as. {detail}',
  'hover.user.known': '`{user}` exists on this host (uid {uid}).',
  'hover.user.unknown': '`{user}` is not in this host\'s /etc/passwd.',
  'hover.command': 'Command run by `{shell}` with `PATH={path}`.',
  'hover.env.PATH': 'Search path for the commands below. Without it cron uses `{defaultPath}`.',
  'hover.env.SHELL': 'Shell that runs each command (default `/bin/sh`).',
  'hover.env.MAILTO': 'Who gets the output of each job by mail; `MAILTO=""` sends none.',
  'hover.env.HOME': 'Working directory and HOME of the jobs (default: the user\'s home from /etc/passwd).',
  'hover.env.CRON_TZ': 'Time zone the schedules below are read in (cronie only; Debian\'s cron ignores it).',
  'hover.env.TZ': 'Time zone in the jobs\' environment; it does not move the schedule.',
  'hover.env.RANDOM_DELAY': 'cronie: delays each job by a random number of minutes up to this value.',
  'hover.env.other': 'Sets `{name}` in the environment of the jobs below it.',
  'hover.format': 'Format: {kind} ({reason}).',
  'hover.reason.setting': 'set in settings',
  'hover.reason.override': 'chosen in the status bar',
  'hover.reason.path': 'from its path',
  'hover.reason.content': 'guessed from its content',
  'hover.reason.cli': 'given with --kind',
  'hover.source.setting': 'set in settings',
  'hover.source.os-release': 'from {distribution}',
  'hover.source.default': 'default',

  // Editor client.
  'status.format': 'crontab: {kind}',
  'status.tooltip': 'schedlint reads this file as a {kind} ({reason}). Click to change.',

  // CLI.
  'cli.summary': '{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}} in {files, plural, one {# file} other {# files}}',
  'cli.noFiles': 'No files to lint.',
  'cli.usageError': 'schedlint: {detail}',
  'cli.ioError': 'schedlint: cannot read {path}: {detail}',
} as const;

export type MessageKey = keyof typeof en;
