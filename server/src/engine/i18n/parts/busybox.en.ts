// English messages of the rules for crontabs busybox crond reads (an Alpine image's /etc/crontabs/USER);
// spread into en.ts. Every key is also in busybox.ja.ts.
export const busyboxEn = {
  'rule.crontab/busybox-ignored-variable.title': 'Variable line busybox crond does not read',
  'rule.crontab/busybox-hash-in-command.title': 'Command that busybox crond cuts at `#`',

  'crontab/busybox-ignored-variable.ignored':
    'busybox crond ignores `{name}=`: it reads only `MAILTO=`, `SHELL=` and `PATH=` lines, so the jobs never see `{name}`. Set it in the command (`{name}=… command`) or in a script the job runs.',
  'crontab/busybox-ignored-variable.zone':
    'busybox crond ignores `{name}=`: it schedules and runs the jobs in the zone of the crond process (the container\'s `TZ`), and the jobs never see this value. Set `TZ` in the image or the container, or convert the times.',
  'crontab/busybox-ignored-variable.blank':
    'busybox crond reads `{name}=` only when it is written without blanks before `=`: this line is ignored. Write `{name}=…`.',
  'crontab/busybox-ignored-variable.quoted':
    'busybox crond keeps the quotes: `{name}` becomes `{value}` with its quotes, which {consequence}. Remove the quotes.',
  'crontab/busybox-ignored-variable.quoted-shell': 'no shell of that name exists',
  'crontab/busybox-ignored-variable.quoted-path': 'no folder of that name exists',
  'crontab/busybox-ignored-variable.quoted-mailto': 'is not an address',

  'crontab/busybox-hash-in-command.message':
    'busybox crond takes `#` as the start of a comment wherever it stands, so this line ends before `{cut}`: the job runs `{kept}`. Move the command into a script, or write it without `#`.',
} as const;
