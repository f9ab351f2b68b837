// English messages of the install family (crontabs installed by a repository's Dockerfile, compose file,
// manifest, playbook or script); spread into en.ts. Every key is also in install.ja.ts.
export const installEn = {
  'rule.crontab/installed-both-ways.title': 'Crontab installed both as a system crontab and as a user crontab',
  'rule.crontab/install-target-mismatch.title': 'Crontab content that does not fit where the repository installs it',
  'rule.crontab/cron-d-mode.title': 'File copied into /etc/cron.d with a mode or owner cron refuses',

  'crontab/installed-both-ways.has-user':
    'This file is installed both as a system crontab ({systemStep}) and as a user crontab ({userStep}); it has a user column, so the user crontab runs `{word}` as a command and that job fails every time. Remove the `crontab` step (or the copy, and drop the user column).',
  'crontab/installed-both-ways.no-user':
    'This file is installed both as a system crontab ({systemStep}) and as a user crontab ({userStep}); it has no user column, so in {target} cron reads the first word of each command as a user and {consequence}. Remove the copy into {target} (or the `crontab` step, and add a user column).',
  'crontab/installed-both-ways.install-line':
    'This installs {source} as a {kind}, and {otherStep} installs the same file as a {otherKind}: one text cannot suit both, so one of the two copies is broken. Remove one of the two steps.',
  'crontab/installed-both-ways.fix': 'Remove `{step}` from {installer}',
  'crontab/installed-both-ways.consequence.debian': "Debian's cron ignores the whole file",
  'crontab/installed-both-ways.consequence.cronie': 'cronie skips each of those lines',

  'crontab/install-target-mismatch.missing-user.debian':
    '{installer} line {line} installs this file as {target}, a system crontab, where a user column follows the schedule: cron reads `{word}` as the user, finds no such user and ignores the whole file (Debian). Insert the user (e.g. `root`) before the command.',
  'crontab/install-target-mismatch.missing-user.cronie':
    '{installer} line {line} installs this file as {target}, a system crontab, where a user column follows the schedule: cron reads `{word}` as the user, finds no such user and skips this line (cronie). Insert the user (e.g. `root`) before the command.',
  'crontab/install-target-mismatch.user-field.clear':
    '{installer} line {line} installs this file as {target}, a user crontab, which has no user column: cron runs `{user}` as the command and the job fails every time. Remove `{user}`.',
  'crontab/install-target-mismatch.user-field.ambiguous':
    '{installer} line {line} installs this file as {target}, a user crontab, which has no user column: `{user}` is also a program, so cron runs `{user}` with the arguments `{next}`. If `{user}` is meant as the user, remove it.',

  'crontab/cron-d-mode.writable-debian':
    '{installer} line {line} leaves {target} with mode {mode}, writable by group or others: Debian\'s cron refuses it ("INSECURE MODE") and none of its jobs run. Use mode 0644.',
  'crontab/cron-d-mode.mode-cronie':
    '{installer} line {line} leaves {target} with mode {mode}: cronie loads only files whose mode passes `(mode & 07533) == 0400` (0644, 0600, 0444, 0400), so none of its jobs run. Use mode 0644.',
  'crontab/cron-d-mode.owner':
    '{installer} line {line} makes `{owner}` the owner of {target}: cron loads a system crontab only when root owns it ("WRONG FILE OWNER"), so none of its jobs run. Leave it owned by root.',

  'install.related.step': 'Installed by {installer} line {line} as {target}: {kind}.',
  'install.related.crontab': "Installed by {installer} line {line} with `crontab` as {user}'s crontab: {kind}.",
  'install.related.mode': 'Mode or owner set here ({installer} line {line}).',
  'install.related.file': 'The crontab: {source}.',
  'install.step.crontab': '`{description}` in {installer} line {line}',
  'install.step.copy': '{target} by {installer} line {line}',
  // hover.reason.<KindReason> is looked up by the reason's name (hover.ts, server.ts), hence not install.*.
  'hover.reason.install': 'from how the repository installs it',
  'install.hover.reason': 'from how the repository installs it',
  'install.hover.step': 'Installed by {installer} line {line} (`{description}`) as {target}: {kind}, read by {cron}.',
  'install.hover.crontabTarget': "{user}'s crontab",
  'install.cron.debian': "Debian's cron",
  'install.cron.cronie': 'cronie',
  'install.cron.busybox': 'busybox crond',
  'install.cron.supercronic': 'supercronic',
  'install.cron.go-crond': 'go-crond',
  'install.cron.unknown': 'the image\'s cron',
} as const;
