// English messages for findings that depend on what the host really runs (issue #19, "Findings that hold on
// real hosts"); spread into en.ts. Every key also in real-hosts.ja.ts with the same parameters.
export const realHostsEn = {
  'timeline.off.noSystemd': 'not running: systemd is not running on this host (/run/systemd/system is missing), so no timer fires',
  'hover.timer.noSystemd':
    'systemd is not running on this host (`/run/systemd/system` is missing, as in a container whose first process is not systemd): this timer never fires here. Cron jobs guarded with `test -e /run/systemd/system` run instead.',
  'rule.systemd/inline-comment.title': 'Comment after a value',
  'systemd/inline-comment.trigger':
    'systemd has no inline comments: `{comment}` is part of the `{key}=` value, so systemd cannot parse it and ignores the line ("Failed to parse …, ignoring"); the timer lacks this trigger. Move the comment to a line of its own.',
  'systemd/inline-comment.unit':
    'systemd has no inline comments: `{comment}` is part of the unit name, so systemd ignores this line ("Unit type not valid, ignoring") and the timer starts `{unit}` instead of `{meant}`. Move the comment to a line of its own.',
  'systemd/inline-comment.unit-same':
    'systemd has no inline comments: `{comment}` is part of the unit name, so systemd ignores this line ("Unit type not valid, ignoring"); the timer still starts `{unit}`, the service with its own name. Move the comment to a line of its own.',
  'systemd/inline-comment.unit-unknown':
    'systemd has no inline comments: `{comment}` is part of the unit name, so systemd ignores this line ("Unit type not valid, ignoring") and the timer starts the service with its own name instead of `{meant}`. Move the comment to a line of its own.',
  'systemd/inline-comment.setting':
    'systemd has no inline comments: `{comment}` is part of the `{key}=` value, so systemd cannot parse it and ignores the line ("Failed to parse …, ignoring"); `{key}=` keeps its earlier value or its default instead of `{meant}`. Move the comment to a line of its own.',
  'systemd/inline-comment.fix': 'Move the comment to a line of its own',
  'crontab/wildcard-minute.restarts':
    'Minute `*` runs this job every minute of the selected hours ({count, plural, one {# run} other {# runs}} a day), not once an hour: each run stops and starts {services}, so they go down {count, plural, one {# time} other {# times}} a day. Use `0` to run at the top of the hour.',
  'crontab/wildcard-minute.span':
    'Minute `*` runs this job every minute of hours {hours} ({count, plural, one {# run} other {# runs}} a day). That suits a job meant to run all through those hours; if it should run once an hour, use `0`.',
  'crontab/wildcard-minute.span-restarts':
    'Minute `*` runs this job every minute of hours {hours} ({count, plural, one {# run} other {# runs}} a day), and each run stops and starts {services}: they go down {count, plural, one {# time} other {# times}} a day. If it should run once an hour, use `0`.',
  'certbot/missing-file.lineage-missing':
    'The certificate lineage `{name}` is not on this host: {count, plural, one {# path} other {# paths}} this renewal file names do not exist ({files}). `certbot renew` reports the renewal file as broken and skips it, so the certificate is never renewed. Restore the live and archive folders from a backup, or remove the lineage with `sudo certbot delete --cert-name {name}`.',
  'certbot/missing-file.related': '`{key}` points at {path}, which does not exist either',
  'certbot/unknown-key.not-read-many':
    '{count} keys here were written by an older certbot ({keys}); `certbot renew` no longer reads them from a renewal file and drops them the next time it rewrites the file. Nothing to do.',
  'certbot/unknown-key.not-read-many-more':
    '{count} keys here were written by an older certbot ({keys} and {more} more); `certbot renew` no longer reads them from a renewal file and drops them the next time it rewrites the file. Nothing to do.',
  'certbot/unknown-key.not-read-related': '`{key}`: also no longer read',
  'certbot/unknown-key.remove-one': 'Remove `{key}`',
  'certbot/unknown-key.remove-all': 'Remove the {count} keys certbot no longer reads',
  'rule.certbot/template-placeholder.title': 'Template placeholders in a certbot file',
  'certbot/template-placeholder.message':
    'This file is a template: {placeholders} are filled in when it is deployed, so they are not certbot options. The {count, plural, one {# line} other {# lines}} holding them are not checked here; lint the rendered file (or the host it is deployed to) for those.',
  'certbot/template-placeholder.message-more':
    'This file is a template: {placeholders} and {more} more are filled in when it is deployed, so they are not certbot options. The {count, plural, one {# line} other {# lines}} holding them are not checked here; lint the rendered file (or the host it is deployed to) for those.',
} as const;
