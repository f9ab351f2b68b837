// English messages added with the message review of issue #19 (CRLF effects, cron lines in OnCalendar=);
// spread into en.ts. Every key also in messages.ja.ts with the same parameters.
export const messagesEn = {
  'crontab/crlf-line-ending.argument':
    'This file has Windows line endings ({count, plural, one {# line} other {# lines}}): cron hands each command to `{shell} -c` with the `\\r` still on its end, where it sticks to the last word: on this line `{program}` gets the argument `{word}` instead of `{plain}`. Convert the file to LF line endings.',
  'crontab/crlf-line-ending.extra-argument':
    'This file has Windows line endings ({count, plural, one {# line} other {# lines}}): cron hands each command to `{shell} -c` with the `\\r` still on its end: on this line `{program}` gets an extra last argument, a lone `\\r`. Convert the file to LF line endings.',
  'crontab/crlf-line-ending.bad-redirect':
    'This file has Windows line endings ({count, plural, one {# line} other {# lines}}): cron hands each command to `{shell} -c` with the `\\r` still on its end: on this line the redirection becomes `{word}`, which the shell rejects (dash: "Bad fd number", bash: "ambiguous redirect"), so `{program}` never runs. Convert the file to LF line endings.',
  'crontab/crlf-line-ending.redirect-file':
    'This file has Windows line endings ({count, plural, one {# line} other {# lines}}): cron hands each command to `{shell} -c` with the `\\r` still on its end: on this line the output goes to a new file `{word}` instead of `{plain}`. Convert the file to LF line endings.',
  'crontab/crlf-line-ending.comment-or-input':
    'This file has Windows line endings ({count, plural, one {# line} other {# lines}}): cron keeps the `\\r` at the end of each command, where here it lands in a comment or in the standard input after `%`. Convert the file to LF line endings.',
  'systemd-calendar.cron-syntax-two-lines':
    '`{cron}` is a crontab schedule, not a systemd calendar event: systemd rejects it. cron runs it when the day of the month *or* the weekday matches, and one calendar event cannot say that; two lines can: `OnCalendar={dayOfMonth}` and `OnCalendar={dayOfWeek}`.',
  'systemd-calendar.cron-syntax-no-equivalent':
    '`{cron}` is a crontab schedule, not a systemd calendar event: systemd rejects it, and no calendar event fires at exactly the times cron would (a random `~` value, or a field that selects nothing). Write the times as `*-*-* HH:MM:SS`.',
} as const;
